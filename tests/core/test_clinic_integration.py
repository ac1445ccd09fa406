"""The clinic's settings file, and the integration plan drafted from it: follow-up dates on the
clinic's open days (a Friday session's follow-ups land on Monday), modalities switched off, the
next dosing session only while the course has one left."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapdesk.core.clinic import ClinicError, FollowUpRule, load_clinic, parse_clinic
from kapdesk.core.integration import ItemKind, Window, draft_plan, next_open_day, window
from kapdesk.core.preparation import Breath, pace
from kapdesk.paths import ASSETS_DIR

BUNDLED = ASSETS_DIR / "clinic.toml"
WEEKDAYS = (0, 1, 2, 3, 4)
FRIDAY, SATURDAY, MONDAY, TUESDAY = (date(2026, 11, d) for d in (20, 21, 23, 24))
WEDNESDAY = date(2026, 11, 25)


def test_one_to_two_days_after_a_wednesday_is_thursday_to_friday() -> None:
    rule = FollowUpRule("integration", "Integration", 1, 2)
    assert window(rule, WEDNESDAY, WEEKDAYS) == Window(date(2026, 11, 26), date(2026, 11, 27))


def test_after_a_friday_session_the_weekend_moves_both_ends_to_monday() -> None:
    rule = FollowUpRule("integration", "Integration", 1, 2)
    booked = window(rule, FRIDAY, WEEKDAYS)
    assert booked == Window(MONDAY, MONDAY)
    assert booked.text() == "Mon 23 Nov"
    later = window(FollowUpRule("next-dose", "Next dose", 2, 4, next_dose=True), FRIDAY, WEEKDAYS)
    assert later == Window(MONDAY, TUESDAY)
    assert later.text() == "Mon 23 Nov to Tue 24 Nov"


def test_a_clinic_open_on_saturdays_books_them_and_same_day_is_allowed_when_asked() -> None:
    rule = FollowUpRule("integration", "Integration", 1, 2)
    assert window(rule, FRIDAY, (0, 1, 2, 3, 4, 5)) == Window(SATURDAY, MONDAY)
    same_day = FollowUpRule("debrief", "Debrief call", 0, 0)
    assert window(same_day, FRIDAY, WEEKDAYS) == Window(FRIDAY, FRIDAY)
    assert next_open_day(SATURDAY, ()) == SATURDAY  # no open days set: every day


def test_the_bundled_settings_draft_the_plan_the_issue_describes() -> None:
    settings, problems = load_clinic(BUNDLED, None)
    assert problems == []
    assert len(settings.prompts) == 5
    assert settings.prompts[0] == "Did you feel or experience something you haven't felt before?"
    plan = draft_plan(settings, FRIDAY, sessions_left=3)
    assert [(i.kind, i.key) for i in plan] == [
        (ItemKind.PROMPTS, "prompts"),
        (ItemKind.STEP, "journal"),
        (ItemKind.STEP, "reflection"),
        (ItemKind.STEP, "self-care"),
        (ItemKind.STEP, "mindfulness"),
        (ItemKind.STEP, "support"),
        (ItemKind.FOLLOW_UP, "integration"),
        (ItemKind.FOLLOW_UP, "emdr-art"),  # massage is not offered by default
        (ItemKind.FOLLOW_UP, "next-dose"),
    ]
    follow_ups = {i.key: i.window for i in plan if i.kind is ItemKind.FOLLOW_UP}
    assert follow_ups["emdr-art"] == Window(MONDAY, MONDAY)  # never the day of dosing
    last = draft_plan(settings, FRIDAY, sessions_left=0)
    assert "next-dose" not in [i.key for i in last]
    assert "next-dose" not in [i.key for i in draft_plan(settings, FRIDAY, sessions_left=None)]


def test_the_clinic_file_replaces_sections_and_adds_breathing_patterns(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(
        """
[clinic]
name = "Harbour Light Clinic"
phone = "555 0134"
open_days = ["Mon", "tue", "wed", "thu", "fri", "sat"]

[[followups]]
id = "massage"
name = "Massage"
earliest_days = 1
latest_days = 3

[[breathing]]
id = "calm-6-2-7"
name = "Calm 6-2-7"
steps = [["in", 6], ["hold_full", 2], ["out", 7]]
""",
        encoding="utf-8",
    )
    settings, problems = load_clinic(BUNDLED, clinic)
    assert problems == []
    assert (settings.name, settings.phone) == ("Harbour Light Clinic", "555 0134")
    assert "988" in settings.urgent  # not written by the clinic: kapdesk's advice stays
    assert settings.open_days == (0, 1, 2, 3, 4, 5)
    assert [r.id for r in settings.followups] == ["massage"]  # the section is replaced
    assert len(settings.steps) == 5  # left out: kapdesk's
    calm = settings.breathing[-1]
    assert calm.cycle_seconds == 15
    assert pace(calm, 7).breath is Breath.HOLD_FULL
    assert [p.id for p in settings.breathing[:3]] == ["box", "4-7-8", "coherent"]


def test_the_clinic_names_the_folder_its_printed_records_are_saved_in() -> None:
    bundled = (ASSETS_DIR / "clinic.toml").read_text(encoding="utf-8")
    own = parse_clinic(bundled)
    assert own.documents == ""  # kapdesk's own folder
    text = '[clinic]\ndocuments = "~/Records/Harbour Light"\n'
    assert parse_clinic(text, base=own).documents == "~/Records/Harbour Light"
    with pytest.raises(ClinicError, match="documents"):
        parse_clinic("[clinic]\ndocuments = 3\n", base=own)


def test_the_clinic_sets_the_loudness_every_track_is_played_at(tmp_path: Path) -> None:
    own = parse_clinic(BUNDLED.read_text(encoding="utf-8"))
    assert own.target_loudness == -26.0  # calm for headphones in a quiet room
    assert parse_clinic("[sound]\ntarget_loudness = -23.5\n", base=own).target_loudness == -23.5
    clinic = tmp_path / "clinic.toml"
    clinic.write_text("[sound]\ntarget_loudness = -12\n", encoding="utf-8")
    settings, problems = load_clinic(BUNDLED, clinic)
    assert settings.target_loudness == -26.0  # kapdesk's own stands
    assert [str(p) for p in problems[0].problems] == [
        "line 2, sound.target_loudness: must be a loudness in LUFS from -30 (quieter) to -18"
        " (louder), such as -26"
    ]
    with pytest.raises(ClinicError, match=r"sound\.target_loudness: must be a loudness"):
        parse_clinic('[sound]\ntarget_loudness = "quiet"\n')
    with pytest.raises(ClinicError, match=r"sound\.volume"):
        parse_clinic("[sound]\nvolume = 3\n")


def test_a_bad_clinic_file_is_reported_whole_and_kapdesk_keeps_its_own(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(
        """[clinic]
open_days = ["mon", "funday"]

[[followups]]
id = "integration"
name = "Integration"
earliest_days = 3
latest_days = 1

[[breathing]]
id = "odd"
name = "Odd"
steps = [["out", 4], ["sideways", 2]]
""",
        encoding="utf-8",
    )
    settings, problems = load_clinic(BUNDLED, clinic)
    assert settings.open_days == WEEKDAYS  # kapdesk's own
    (error,) = problems
    assert [str(p) for p in error.problems] == [
        "line 2, clinic.open_days: 'funday' is not a day: write mon, tue, wed, thu, fri, sat, sun",
        "line 8, followups[0].latest_days: must be at least earliest_days (3)",
        "line 13, breathing[0].steps[1]: 'sideways' is not one of in, hold_full, out, hold_empty",
        "line 13, breathing[0].steps: needs a step breathing in",
    ]
    with pytest.raises(ClinicError, match="line 1"):
        parse_clinic("[clinic\nname = 1")


_CLINIC_FRAGMENTS = [
    "[clinic]",
    "[[followups]]",
    "[integration]",
    "[[integration.steps]]",
    "[[breathing]]",
    'id = "integration"',
    'id = "Not A Slug"',
    'name = "Integration"',
    "name = 3",
    "earliest_days = 1",
    "latest_days = -2",
    "latest_days = 1e400",
    "offered = false",
    "next_dose = 7",
    'open_days = ["mon", "sat"]',
    'open_days = ["sometimes"]',
    "open_days = []",
    "lock_minutes = 500",
    'prompts = ["Why?", 3]',
    'steps = [["in", 4], ["out", 6]]',
    'steps = [["sideways", 4]]',
    "steps = 3",
    'text = """',
    "followups = 3",
    "x.y.z = 1",
]


@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(_CLINIC_FRAGMENTS), max_size=40).map("\n".join),
    )
)
def test_any_clinic_file_is_taken_or_refused_with_reasons_never_a_crash(text: str) -> None:
    problems: list[str] | None = None
    try:
        settings = parse_clinic(text)
    except ClinicError as error:
        problems = [str(problem) for problem in error.problems]
    if problems is not None:
        assert problems
        assert all(problems)
        return
    assert all(day in range(7) for day in settings.open_days)
    assert all(rule.earliest_days <= rule.latest_days for rule in settings.followups)
    plan = draft_plan(settings, FRIDAY, sessions_left=1)  # and a plan can be drafted from it
    assert all(item.window is None or item.window.earliest <= item.window.latest for item in plan)


def test_the_clinic_gives_its_handout_texts_per_language() -> None:
    own = parse_clinic(BUNDLED.read_text(encoding="utf-8"))
    step = own.steps[0].id
    rule = own.followups[0].id
    text = f"""
[handout.es]
urgent = "Si se siente en peligro, llame al 911."
prompts = ["¿Qué aprendió sobre usted?"]
steps = {{ {step} = "Escriba en su diario" }}
followups = {{ {rule} = "Sesión de integración" }}

[handout.fr]
urgent = "En cas de danger, appelez le 15."
"""
    settings = parse_clinic(text, base=own)
    spanish = settings.handout_texts("es")
    assert spanish.urgent == "Si se siente en peligro, llame al 911."
    assert spanish.prompts == ("¿Qué aprendió sobre usted?",)
    assert spanish.step(step) == "Escriba en su diario"
    assert spanish.followup(rule) == "Sesión de integración"
    french = settings.handout_texts("fr")
    assert french.urgent == "En cas de danger, appelez le 15."
    assert french.prompts == ()  # not given: the clinic's own print
    assert french.step(step) == ""
    assert settings.handout_texts("en").urgent == ""
    assert settings.prompts == own.prompts  # the clinic's own texts stay as they were


def test_handout_texts_name_known_languages_keys_and_ids() -> None:
    own = parse_clinic(BUNDLED.read_text(encoding="utf-8"))
    text = """
[handout.de]
urgent = "Notruf 112"

[handout.es]
urgnet = "Llame al 911"
prompts = "¿Qué aprendió?"
steps = { no-such-step = "Nada" }
"""
    with pytest.raises(ClinicError) as raised:
        parse_clinic(text, base=own)
    said = str(raised.value)
    assert 'handout.de: unknown key "de"' in said
    assert 'handout.es.urgnet: unknown key "urgnet" (did you mean "urgent"?)' in said
    assert "handout.es.prompts: must be a list of questions, as text" in said
    assert 'handout.es.steps.no-such-step: unknown key "no-such-step"' in said
