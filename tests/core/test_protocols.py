"""Protocol files: the bundled ones, the parser's problem reports, and the library."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapdesk.core.protocol_files import (
    THRESHOLD_RANGES,
    ProtocolLibrary,
    load_protocol_file,
    parse_protocol,
)
from kapdesk.core.protocols import (
    Advance,
    CheckMoment,
    Measure,
    Protocol,
    ProtocolError,
    ProtocolProblem,
    Thresholds,
    VitalsCheck,
    VitalsInterval,
)

BUNDLED = Path(__file__).resolve().parents[2] / "kapdesk" / "assets" / "protocols"

# A small valid protocol. Tests replace one line at a time, so these line numbers hold:
#  1 [protocol]   8 [dose]   13 [[phases]]  18 [[phases]]  23 [vitals]
#  26 [[vitals.intervals]]   30 [[vitals.checks]]   33 [[vitals.checks]]   37 [thresholds]
BASE = """\
[protocol]
id = "test-iv"
name = "Test IV"
route = "IV"
advance = "timed"
monitoring_minutes = 60

[dose]
amount = 0.5
unit = "mg/kg"
over_minutes = 40

[[phases]]
name = "Infusion"
minutes = 40
dosing = true

[[phases]]
name = "Return"
minutes = 20
guidance = "Sit nearby."

[vitals]
measures = ["bp", "hr", "spo2"]

[[vitals.intervals]]
every_minutes = 10
until_minute = 40

[[vitals.checks]]
moment = "before_dosing"

[[vitals.checks]]
label = "Peak"
at_minute = 40

[thresholds]
spo2_min = 90
"""


def edited(*replacements: tuple[str, str]) -> str:
    """BASE with each ``old`` (once in it, not inside a longer word) replaced by ``new``."""
    text = BASE
    for old, new in replacements:
        [match] = re.finditer(r"(?<!\w)" + re.escape(old), text)
        text = text[: match.start()] + new + text[match.end() :]
    return text


def problems_of(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(text, "test.toml")
    assert caught.value.source == "test.toml"
    return [(p.line, p.field) for p in caught.value.problems]


def only_problem(text: str) -> ProtocolProblem:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(text)
    assert len(caught.value.problems) == 1, caught.value.problems
    return caught.value.problems[0]


# --- bundled protocols ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> ProtocolLibrary:
    return ProtocolLibrary(BUNDLED, None)


def test_every_bundled_protocol_loads(bundled: ProtocolLibrary) -> None:
    assert [str(e) for e in bundled.problems] == []
    assert {p.id for p in bundled.protocols()} == {
        "iv-ketamine",
        "im-ketamine",
        "sublingual-ketamine",
        "esketamine-intranasal",
    }
    for protocol in bundled.protocols():
        assert protocol.text == (BUNDLED / f"{protocol.id}.toml").read_text(encoding="utf-8")
        assert all(phase.guidance for phase in protocol.phases)
        assert protocol.planned_minutes >= protocol.monitoring_minutes
        assert {c.moment for c in protocol.vitals.checks} >= set(CheckMoment)


def test_bundled_protocols_are_sorted_by_name(bundled: ProtocolLibrary) -> None:
    names = [p.name for p in bundled.protocols()]
    assert names == sorted(names, key=str.casefold)


def phase_plan(protocol: Protocol) -> list[tuple[str, float, bool]]:
    return [(p.name, p.minutes, p.dosing) for p in protocol.phases]


def test_iv_protocol(bundled: ProtocolLibrary) -> None:
    iv = bundled.get("iv-ketamine")
    assert iv is not None
    assert iv.route == "IV"
    assert iv.advance is Advance.TIMED
    assert (iv.dose.amount, iv.dose.unit, iv.dose.over_minutes) == (0.5, "mg/kg", 40)
    assert phase_plan(iv) == [
        ("Infusion", 40, True),
        ("Emergence", 20, False),
        ("Return", 20, False),
        ("Recovery", 20, False),
    ]
    assert iv.vitals.measures == (Measure.BLOOD_PRESSURE, Measure.HEART_RATE, Measure.SPO2)
    assert iv.vitals.intervals == (
        VitalsInterval(every_minutes=10, from_minute=10, until_minute=40, label="During infusion"),
        VitalsInterval(every_minutes=15, from_minute=40, until_minute=None, label="After infusion"),
    )
    assert [c.moment for c in iv.vitals.checks] == [
        CheckMoment.BEFORE_DOSING,
        CheckMoment.BEFORE_DISCHARGE,
    ]
    assert iv.thresholds == Thresholds()


def test_im_protocol(bundled: ProtocolLibrary) -> None:
    im = bundled.get("im-ketamine")
    assert im is not None
    assert im.route == "IM"
    assert im.dose.amount is None
    assert phase_plan(im) == [
        ("Onset", 5, False),
        ("Peak", 35, False),
        ("Return", 25, False),
        ("Recovery", 25, False),
    ]
    assert im.vitals.intervals[0].every_minutes == 15
    assert im.vitals.intervals[0].until_minute is None
    assert im.monitoring_minutes == 90


def test_sublingual_protocol(bundled: ProtocolLibrary) -> None:
    lozenge = bundled.get("sublingual-ketamine")
    assert lozenge is not None
    assert [p.name for p in lozenge.phases] == [
        "Absorption",
        "Peak",
        "Plateau",
        "Return",
        "Recovery",
    ]
    assert lozenge.phases[0].dosing
    assert 15 <= lozenge.phases[0].minutes <= 20
    peak_start = lozenge.phases[0].minutes
    assert peak_start <= 40 <= peak_start + lozenge.phases[1].minutes
    assert 150 <= lozenge.planned_minutes <= 180
    assert [(i.every_minutes, i.from_minute, i.until_minute) for i in lozenge.vitals.intervals] == [
        (15, 15, 90),
        (30, 90, None),
    ]


def test_esketamine_protocol(bundled: ProtocolLibrary) -> None:
    spravato = bundled.get("esketamine-intranasal")
    assert spravato is not None
    assert spravato.route == "intranasal"
    assert (spravato.dose.amount, spravato.dose.unit) == (56, "mg")
    assert spravato.monitoring_minutes == 120
    assert spravato.planned_minutes == 120
    assert spravato.phases[0].name == "Dosing"
    assert spravato.phases[0].dosing
    assert spravato.vitals.continuous_pulse_oximetry
    assert spravato.vitals.intervals == ()
    assert spravato.vitals.checks == (
        VitalsCheck(label="Baseline", moment=CheckMoment.BEFORE_DOSING),
        VitalsCheck(label="Peak (about 40 min)", at_minute=40),
        VitalsCheck(label="Before discharge", moment=CheckMoment.BEFORE_DISCHARGE),
    )
    assert (
        spravato.thresholds.baseline_systolic_max,
        spravato.thresholds.baseline_diastolic_max,
    ) == (
        140,
        90,
    )


# --- parsing a valid file ------------------------------------------------------------------


def test_base_document_parses_with_defaults_filled_in() -> None:
    protocol = parse_protocol(BASE, "somewhere.toml")
    assert protocol.text == BASE
    assert protocol.source == "somewhere.toml"
    assert protocol.summary == ""
    assert protocol.dose.route == "IV"
    assert protocol.phases[1].guidance == "Sit nearby."
    assert not protocol.phases[1].dosing
    assert protocol.vitals.intervals == (VitalsInterval(every_minutes=10, until_minute=40),)
    assert [c.label for c in protocol.vitals.checks] == ["Before dosing", "Peak"]
    assert protocol.thresholds == Thresholds(spo2_min=90)
    assert protocol.planned_minutes == 60


def test_advance_defaults_to_manual() -> None:
    assert parse_protocol(edited(('advance = "timed"\n', ""))).advance is Advance.MANUAL


# --- problems ------------------------------------------------------------------------------


def test_syntax_error_reports_the_line_tomllib_gives() -> None:
    problem = only_problem(edited(("minutes = 20", "minutes 20")))
    assert (problem.line, problem.field) == (20, "")
    assert str(problem).startswith("line 20: ")


def test_syntax_error_at_end_of_file() -> None:
    problem = only_problem(BASE + 'guidance = """never closed\n')
    assert problem.line is None
    assert "end of the file" in problem.message


def test_wrong_type_names_line_and_field() -> None:
    problem = only_problem(edited(("minutes = 40", 'minutes = "forty"')))
    assert (
        str(problem)
        == "line 15, phases[0].minutes: must be a number of minutes from 1 to 480, not text"
    )


def test_negative_minutes() -> None:
    problem = only_problem(edited(("minutes = 20", "minutes = -5")))
    assert str(problem) == "line 20, phases[1].minutes: must be a number of minutes from 1 to 480"


def test_bool_is_not_a_number() -> None:
    problem = only_problem(edited(("minutes = 40", "minutes = true")))
    assert (problem.line, problem.field) == (15, "phases[0].minutes")
    assert problem.message.endswith("not true/false")


@pytest.mark.parametrize("value", ["nan", "inf", "1" + "0" * 400])
def test_non_finite_numbers_are_refused(value: str) -> None:
    problem = only_problem(edited(("minutes = 40", f"minutes = {value}")))
    assert (problem.line, problem.field) == (15, "phases[0].minutes")


def test_unknown_key_suggests_the_close_one() -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(edited(("minutes = 40", "minuts = 40")))
    # The misspelt key is unknown, and the real one is then missing from its table.
    assert [str(p) for p in caught.value.problems] == [
        "line 13, phases[0].minutes: is required: a number of minutes from 1 to 480",
        'line 15, phases[0].minuts: unknown key "minuts" (did you mean "minutes"?)',
    ]


def test_unknown_table_suggests_the_close_one() -> None:
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(edited(("[thresholds]", "[threshold]")))
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (37, "threshold")
    assert 'did you mean "thresholds"' in problem.message


def test_unknown_key_without_a_close_match_has_no_suggestion() -> None:
    problem = only_problem(edited(('unit = "mg/kg"', 'colour = "blue"')))
    assert str(problem) == 'line 10, dose.colour: unknown key "colour"'


def test_missing_phases() -> None:
    text = BASE[: BASE.index("[[phases]]")] + BASE[BASE.index("[vitals]") :]
    problem = only_problem(text)
    assert (problem.line, problem.field) == (None, "phases")


def test_empty_phases_array() -> None:
    text = "phases = []\n" + BASE[: BASE.index("[[phases]]")] + BASE[BASE.index("[vitals]") :]
    problem = only_problem(text)
    assert (problem.line, problem.field) == (1, "phases")


def test_phases_written_as_a_single_table() -> None:
    text = edited(('[[phases]]\nname = "Infusion"', '[phases]\nname = "Infusion"'))
    # [phases] then [[phases]] is a TOML error itself: the file fails at the second header.
    assert only_problem(text).line == 18


def test_duplicate_phase_names() -> None:
    problem = only_problem(edited(('name = "Return"', 'name = "infusion"')))
    assert (problem.line, problem.field) == (19, "phases[1].name")
    assert "phases[0]" in problem.message


def test_empty_phase_name_and_missing_minutes() -> None:
    text = edited(('name = "Return"', 'name = "  "'), ("minutes = 20\n", ""))
    assert problems_of(text) == [(18, "phases[1].minutes"), (19, "phases[1].name")]


def test_bad_measure() -> None:
    problem = only_problem(edited(('"spo2"]', '"pulse"]')))
    assert (problem.line, problem.field) == (24, "vitals.measures[2]")
    assert problem.message == 'must be one of: bp, hr, spo2, rr, temp; "pulse" is not'


def test_measure_listed_twice() -> None:
    problem = only_problem(edited(('"spo2"]', '"bp"]')))
    assert (problem.line, problem.field) == (24, "vitals.measures[2]")


def test_bad_moment() -> None:
    problem = only_problem(edited(('"before_dosing"', '"after_dosing"')))
    assert (problem.line, problem.field) == (31, "vitals.checks[0].moment")


def test_check_with_both_minute_and_moment() -> None:
    problem = only_problem(
        edited(("at_minute = 40", 'at_minute = 40\nmoment = "before_discharge"'))
    )
    assert (problem.line, problem.field) == (33, "vitals.checks[1]")
    assert problem.message == "needs exactly one of at_minute or moment, not both"


def test_check_with_neither_minute_nor_moment() -> None:
    problem = only_problem(edited(("at_minute = 40\n", "")))
    assert (problem.line, problem.field) == (33, "vitals.checks[1]")


def test_interval_must_end_after_it_starts() -> None:
    problem = only_problem(
        edited(("every_minutes = 10\n", "every_minutes = 10\nfrom_minute = 50\n"))
    )
    assert (problem.line, problem.field) == (29, "vitals.intervals[0].until_minute")


def test_advance_must_be_manual_or_timed() -> None:
    problem = only_problem(edited(('"timed"', '"auto"')))
    assert (problem.line, problem.field) == (5, "protocol.advance")


def test_id_must_be_a_slug() -> None:
    problem = only_problem(edited(('"test-iv"', '"Test IV"')))
    assert (problem.line, problem.field) == (2, "protocol.id")


def test_missing_name_points_at_the_table() -> None:
    problem = only_problem(edited(('name = "Test IV"\n', "")))
    assert str(problem) == "line 1, protocol.name: is required"


def test_missing_protocol_table() -> None:
    problem = only_problem(BASE[BASE.index("[dose]") :])
    assert (problem.line, problem.field) == (None, "protocol")


def test_spo2_threshold_out_of_range() -> None:
    problem = only_problem(edited(("spo2_min = 90", "spo2_min = 920")))
    assert str(problem) == "line 38, thresholds.spo2_min: must be a number from 50 to 100"


def test_threshold_min_must_be_below_max() -> None:
    problem = only_problem(edited(("spo2_min = 90", "heart_rate_min = 100\nheart_rate_max = 90")))
    assert (problem.line, problem.field) == (38, "thresholds.heart_rate_min")
    assert problem.message == "must be below heart_rate_max (90)"


def test_threshold_compared_with_a_default() -> None:
    problem = only_problem(edited(("spo2_min = 90", "heart_rate_max = 45")))
    assert problem.field == "thresholds.heart_rate_max"
    assert problem.message == "must be above heart_rate_min (50)"


def test_every_threshold_field_has_a_range() -> None:
    assert set(THRESHOLD_RANGES) == set(Thresholds.__dataclass_fields__)
    for name, (low, high) in THRESHOLD_RANGES.items():
        assert low <= getattr(Thresholds(), name) <= high


def test_two_problems_at_once_in_line_order() -> None:
    text = edited(('"spo2"]', '"pulse"]'), ("minutes = 40", "minutes = -1"))
    assert problems_of(text) == [(15, "phases[0].minutes"), (24, "vitals.measures[2]")]


def test_problem_in_an_inline_table_points_at_its_line() -> None:
    dose_table = '[dose]\namount = 0.5\nunit = "mg/kg"\nover_minutes = 40\n'
    text = 'dose = { amount = "x" }\n' + edited((dose_table, ""))
    problem = only_problem(text)
    assert (problem.line, problem.field) == (1, "dose.amount")


def test_line_finder_is_not_fooled_by_multiline_values() -> None:
    text = edited(
        (
            'guidance = "Sit nearby."',
            'guidance = """\nminutes = 1\n[[phases]]\n"""\nminutes = -2',
        ),
        ('measures = ["bp", "hr", "spo2"]', 'measures = [\n  "bp",\n  ["hr"]\n]'),
        ("minutes = 20\n", ""),
    )
    # An array's items are not located one by one: the array's own line stands for them.
    assert problems_of(text) == [(24, "phases[1].minutes"), (27, "vitals.measures[1]")]


def test_error_message_lists_every_problem() -> None:
    text = edited(('"spo2"]', '"pulse"]'), ("minutes = 40", "minutes = -1"))
    with pytest.raises(ProtocolError) as caught:
        parse_protocol(text, "clinic/iv.toml")
    assert str(caught.value).splitlines() == [
        "clinic/iv.toml: 2 problems",
        "  line 15, phases[0].minutes: must be a number of minutes from 1 to 480",
        '  line 24, vitals.measures[2]: must be one of: bp, hr, spo2, rr, temp; "pulse" is not',
    ]


def test_deeply_nested_values() -> None:
    problem = only_problem(BASE + "deep = " + "[" * 5000 + "]" * 5000 + "\n")
    assert problem.field == ""


# --- files and the library -----------------------------------------------------------------


def test_load_file_keeps_path_and_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    protocol = load_protocol_file(path)
    assert protocol.source == str(path)
    assert protocol.id == "test-iv"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProtocolError) as caught:
        load_protocol_file(tmp_path / "nope.toml")
    [problem] = caught.value.problems
    assert problem.message.startswith("cannot read the file: ")
    assert caught.value.source == str(tmp_path / "nope.toml")


def test_unreadable_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(ProtocolError) as caught:
        load_protocol_file(folder)
    assert caught.value.problems[0].message.startswith("cannot read the file: ")


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace("Sit nearby.", "Près du patient.").encode("latin-1"))
    with pytest.raises(ProtocolError) as caught:
        load_protocol_file(path)
    [problem] = caught.value.problems
    assert problem.line == 21
    assert "UTF-8" in problem.message


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_clinic_file_overrides_bundled_by_id(tmp_path: Path) -> None:
    bundled, clinic = tmp_path / "bundled", tmp_path / "clinic"
    write(bundled, "iv.toml", BASE)
    write(bundled, "other.toml", edited(('"test-iv"', '"other"'), ('"Test IV"', '"Another"')))
    write(clinic, "my-iv.toml", edited(('name = "Test IV"', 'name = "Our IV"')))
    library = ProtocolLibrary(bundled, clinic)
    assert library.problems == []
    assert [p.name for p in library.protocols()] == ["Another", "Our IV"]
    ours = library.get("test-iv")
    assert ours is not None
    assert ours.source == str(clinic / "my-iv.toml")
    assert library.get("missing") is None


def test_broken_clinic_file_does_not_hide_the_others(tmp_path: Path) -> None:
    bundled, clinic = tmp_path / "bundled", tmp_path / "clinic"
    write(bundled, "iv.toml", BASE)
    write(clinic, "broken.toml", edited(("minutes = 40", "minuts = 40")))
    write(clinic, "extra.toml", edited(('"test-iv"', '"extra"')))
    write(clinic, "notes.txt", "not a protocol")
    library = ProtocolLibrary(bundled, clinic)
    assert sorted(p.id for p in library.protocols()) == ["extra", "test-iv"]
    [error] = library.problems
    assert error.source == str(clinic / "broken.toml")
    assert library.get("test-iv") == parse_protocol(BASE, str(bundled / "iv.toml"))


def test_same_id_twice_in_one_folder_is_a_problem(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", BASE)
    write(tmp_path, "b.toml", BASE)
    library = ProtocolLibrary(tmp_path, None)
    [error] = library.problems
    assert error.source == str(tmp_path / "b.toml")
    assert [(p.line, p.field) for p in error.problems] == [(2, "protocol.id")]
    assert len(library.protocols()) == 1


def test_missing_folders(tmp_path: Path) -> None:
    library = ProtocolLibrary(tmp_path / "no-bundled", tmp_path / "no-clinic")
    assert library.protocols() == []
    [error] = library.problems
    assert error.source == str(tmp_path / "no-bundled")


# --- robustness ----------------------------------------------------------------------------

_FRAGMENTS = [
    *BASE.splitlines(),
    "[[phases]]",
    "[[vitals.checks]]",
    "[vitals]",
    "[thresholds]",
    "minutes = -3",
    "minutes = true",
    "name = 3",
    'moment = "before_discharge"',
    "at_minute = 1e400",
    "measures = []",
    'measures = ["bp", ["x"]]',
    "phases = 3",
    "vitals = [1]",
    "intervals = { every_minutes = 0 }",
    "systolic_max = 0",
    'dose = "x"',
    'guidance = """',
    "'''",
    "x.y.z = 1",
    '"quoted key" = 1',
]


@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("\n".join),
    )
)
def test_arbitrary_text_only_ever_raises_protocol_error(text: str) -> None:
    problems: list[ProtocolProblem] | None = None
    try:
        parse_protocol(text)
    except ProtocolError as error:
        problems = error.problems
    assert problems is None or len(problems) > 0


def test_a_phase_may_be_named_and_guided_in_each_language() -> None:
    protocol = parse_protocol(
        '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n'
        '[[phases]]\nname = "Onset"\nminutes = 5\nguidance = "Help the patient settle."\n'
        '[phases.es]\nname = "Inicio"\nguidance = "Ayude al paciente a acomodarse."\n'
        '[phases.fr]\nname = "Début"\n'
    )
    onset = protocol.phases[0]
    assert onset.name_in("es") == "Inicio"
    assert onset.guidance_in("es") == "Ayude al paciente a acomodarse."
    assert onset.name_in("fr") == "Début"
    assert onset.guidance_in("fr") == "Help the patient settle."  # none given: the file's own
    assert onset.name_in("en") == "Onset"
    with pytest.raises(ProtocolError, match=r"phases\[0\]\.es\.name"):
        parse_protocol(
            '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n'
            '[[phases]]\nname = "Onset"\nminutes = 5\n[phases.es]\nguidance = "Sin nombre"\n'
        )
    with pytest.raises(ProtocolError, match=r"phases\[0\]\.de"):
        parse_protocol(
            '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n'
            '[[phases]]\nname = "Onset"\nminutes = 5\n[phases.de]\nname = "Beginn"\n'
        )
