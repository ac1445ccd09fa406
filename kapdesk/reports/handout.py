"""The patient's take-home handout as HTML, in the language the patient chose at set-up.

The handout is built from its own short list of facts (:class:`HandoutFacts`): the intention,
the prompts, the plan and the safety advice. It is never given the clinical notes or the vital
signs, so it cannot print them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from kapdesk.core.clinic import ClinicSettings
from kapdesk.core.integration import ItemKind, Window
from kapdesk.core.journey import Journey
from kapdesk.core.preparation import preparation_of
from kapdesk.core.wall_text import Day, WallText
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.reports.handout_words import Words
from kapdesk.reports.printed import PlanLine, _document, _e, _table

if TYPE_CHECKING:
    from kapdesk.storage.integration import ItemState
    from kapdesk.storage.repositories import SessionSummary


# The patient reads the handout at home, perhaps still tired: larger type (see HANDOUT_POINTS).
HANDOUT_POINTS = 11.5
HANDOUT_STYLE = """
h1 { font-size: 18pt; }
h2 { font-size: 13.5pt; }
.big { font-size: 13pt; }
"""


@dataclass(frozen=True)
class HandoutFacts:
    """All a handout may print: nothing clinical beyond the plan."""

    patient_code: str
    session_day: datetime
    intention: str
    prompts: tuple[str, ...]
    plan: tuple[PlanLine, ...]
    clinic_name: str = ""
    clinic_phone: str = ""
    urgent: str = ""
    course: str = ""


# The handout's words, marked for the patient's language (one template per sentence).
AFTER_YOUR_SESSION = QT_TRANSLATE_NOOP("Handout", "After your session")
TITLE = QT_TRANSLATE_NOOP("Handout", "After your session · {day}")
YOUR_INTENTION = QT_TRANSLATE_NOOP("Handout", "Your intention")
NO_INTENTION = QT_TRANSLATE_NOOP("Handout", "You did not write one down this time.")
FOR_YOUR_JOURNAL = QT_TRANSLATE_NOOP("Handout", "For your journal")
JOURNAL_INVITATION = QT_TRANSLATE_NOOP(
    "Handout", "Tonight or tomorrow, take a quiet moment with these:"
)
BOOKED_FOR = QT_TRANSLATE_NOOP("Handout", "booked for {day}")
BOOKED_FOR_AT = QT_TRANSLATE_NOOP("Handout", "booked for {day}, {booking}")
TO_BOOK_FOR = QT_TRANSLATE_NOOP("Handout", "to book for {days}")
DAYS_TO_DAYS = QT_TRANSLATE_NOOP("Handout", "{first} to {last}")
WHEN = QT_TRANSLATE_NOOP("Handout", "When")
WITH = QT_TRANSLATE_NOOP("Handout", "With")
YOUR_NEXT_APPOINTMENTS = QT_TRANSLATE_NOOP("Handout", "Your next appointments")
LOOKING_AFTER_YOURSELF = QT_TRANSLATE_NOOP("Handout", "Looking after yourself")
STAYING_SAFE_TODAY = QT_TRANSLATE_NOOP("Handout", "Staying safe today")
SAFETY = (
    QT_TRANSLATE_NOOP(
        "Handout",
        "Do not drive, cycle or operate machinery until the next day, after a restful sleep.",
    ),
    QT_TRANSLATE_NOOP("Handout", "Do not drink alcohol or make important decisions today."),
    QT_TRANSLATE_NOOP("Handout", "Let someone you trust keep you company for the rest of the day."),
)
WHO_TO_CALL = QT_TRANSLATE_NOOP("Handout", "Who to call")
YOUR_CLINIC = QT_TRANSLATE_NOOP("Handout", "your clinic")
CALL = QT_TRANSLATE_NOOP("Handout", "Questions? Call {clinic}.")
CALL_ON = QT_TRANSLATE_NOOP("Handout", "Questions? Call {clinic} on {phone}.")
PRINTED = QT_TRANSLATE_NOOP("Handout", "Patient {code} · printed {moment}")


def _window_text(window: Window, way: WallText) -> str:
    """The days a follow-up may be booked on, said ``way``: Mon 09 Mar to Tue 10 Mar."""
    first = way.day(window.earliest, Day.WEEKDAY_DAY_MONTH)
    if window.latest == window.earliest:
        return first
    return DAYS_TO_DAYS.format(first=first, last=way.day(window.latest, Day.WEEKDAY_DAY_MONTH))


def handout_html(facts: HandoutFacts, printed_at: datetime, words: Words | None = None) -> str:
    """The patient's take-home sheet: no clinical notes, no vital signs. In the language of
    ``words`` (the patient's), English and the clinic's way with days when none is given."""
    say = words or Words()
    way = say.way
    day = way.day(facts.session_day, Day.LONG)
    parts = [f"<h1>{_e(say(TITLE.format(day=day)))}</h1>"]
    if facts.course:
        parts.append(f"<p class='muted'>{_e(say(facts.course))}</p>")
    parts.append(
        f"<h2>{_e(say(YOUR_INTENTION))}</h2>"
        f"<p class='big'>{_e(facts.intention or say(NO_INTENTION))}</p>"
    )
    if facts.prompts:
        items = "".join(f"<li>{_e(prompt)}</li>" for prompt in facts.prompts)
        parts.append(
            f"<h2>{_e(say(FOR_YOUR_JOURNAL))}</h2><p>{_e(say(JOURNAL_INVITATION))}</p>"
            f"<ul>{items}</ul>"
        )
    follow_ups = [line for line in facts.plan if line.kind is ItemKind.FOLLOW_UP]
    steps = [line for line in facts.plan if line.kind is ItemKind.STEP]
    if follow_ups:
        rows = []
        for line in follow_ups:
            if line.booked_on:
                booked = way.day(line.booked_on, Day.LONG_DAY_MONTH)
                when = say(
                    BOOKED_FOR_AT.format(day=booked, booking=line.booking)
                    if line.booking
                    else BOOKED_FOR.format(day=booked)
                )
            elif line.window:
                when = say(TO_BOOK_FOR.format(days=_window_text(line.window, way)))
            else:
                when = ""
            rows.append([_e(line.text), _e(when), _e(line.assigned_to)])
        parts.append(
            f"<h2>{_e(say(YOUR_NEXT_APPOINTMENTS))}</h2>" + _table(["", say(WHEN), say(WITH)], rows)
        )
    if steps:
        items = "".join(f"<li>{_e(line.text)}</li>" for line in steps)
        parts.append(f"<h2>{_e(say(LOOKING_AFTER_YOURSELF))}</h2><ul>{items}</ul>")
    items = "".join(f"<li>{_e(say(line))}</li>" for line in SAFETY)
    parts.append(f"<h2>{_e(say(STAYING_SAFE_TODAY))}</h2><ul>{items}</ul>")
    clinic = facts.clinic_name or YOUR_CLINIC
    call = (
        CALL_ON.format(clinic=clinic, phone=facts.clinic_phone)
        if facts.clinic_phone
        else CALL.format(clinic=clinic)
    )
    parts.append(f"<h2>{_e(say(WHO_TO_CALL))}</h2><p class='big'>{_e(say(call))}</p>")
    if facts.urgent:
        parts.append(f"<p class='big'><b>{_e(facts.urgent)}</b></p>")
    printed = PRINTED.format(code=facts.patient_code, moment=way.day_time(printed_at))
    parts.append(f"<p class='muted'>{_e(say(printed))}</p>")
    return _document(say(AFTER_YOUR_SESSION), "".join(parts), HANDOUT_STYLE)


def plan_lines(items: Iterable[ItemState]) -> tuple[PlanLine, ...]:
    """The stored plan, as printed."""
    return tuple(
        PlanLine(
            item.kind,
            item.text,
            Window(item.due_from, item.due_by) if item.due_from and item.due_by else None,
            item.booked_on,
            item.assigned_to,
            item.done,
            item.notes,
            item.booking,
            item.key,
        )
        for item in items
    )


def handout_facts(
    summary: SessionSummary,
    journey: Journey,
    clinic: ClinicSettings,
    plan: tuple[PlanLine, ...],
    course: str = "",
    *,
    language: str = "",
) -> HandoutFacts:
    """What a handout prints, taken from the record: the intention and the plan only. The
    clinic's own texts in ``language`` where clinic.toml gives them (``[handout.es]``), else
    as the clinic wrote them."""
    texts = clinic.handout_texts(language)

    def in_language(line: PlanLine) -> PlanLine:
        if line.kind is ItemKind.STEP:
            return replace(line, text=texts.step(line.key) or line.text)
        if line.kind is ItemKind.FOLLOW_UP:
            return replace(line, text=texts.followup(line.key) or line.text)
        return line

    return HandoutFacts(
        patient_code=summary.patient_code,
        session_day=summary.dosed_at or summary.opened_at,
        intention=preparation_of(journey).intention,
        prompts=texts.prompts or clinic.prompts,
        plan=tuple(in_language(line) for line in plan),
        clinic_name=clinic.name,
        clinic_phone=clinic.phone,
        urgent=texts.urgent or clinic.urgent,
        course=course,
    )
