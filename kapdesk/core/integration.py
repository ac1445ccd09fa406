"""Integration, after the journey: the plan a session hands off to.

When a session closes, kapdesk drafts its integration plan from the clinic's settings: the
journal prompts, the integration steps (reflection, self-care, mindfulness, the supportive
network) and the follow-ups the clinic books, each with the window of dates its rule allows on
the clinic's open days. Staff tick items, assign them and come back to them later.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kapdesk.core.clinic import ClinicSettings, FollowUpRule
from kapdesk.core.wall_text import Day, current
from kapdesk.core.words import QT_TRANSLATE_NOOP

JOURNAL_PROMPTS = QT_TRANSLATE_NOOP("Integration", "Journal prompts")  # the prompts' item
FROM_TO = QT_TRANSLATE_NOOP("Integration", "{first} to {last}")  # a follow-up's window


class ItemKind(StrEnum):
    """What an item of the integration plan is."""

    PROMPTS = "prompts"  # the journal prompts, as one item
    STEP = "step"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class Window:
    """The dates a follow-up may be booked on: the first and the last, both open days."""

    earliest: date
    latest: date

    def text(self) -> str:
        """Mon 09 Mar to Tue 10 Mar, or as the clinic's region writes days (Mon 3/9)."""
        first = current().day(self.earliest, Day.WEEKDAY_DAY_MONTH)
        if self.latest == self.earliest:
            return first
        return FROM_TO.format(first=first, last=current().day(self.latest, Day.WEEKDAY_DAY_MONTH))


def next_open_day(day: date, open_days: tuple[int, ...]) -> date:
    """``day`` if the clinic is open then, else the next day it is."""
    if not open_days:
        return day
    while day.weekday() not in open_days:
        day += timedelta(days=1)
    return day


def window(rule: FollowUpRule, session_day: date, open_days: tuple[int, ...]) -> Window:
    """When ``rule`` books its follow-up after a session on ``session_day``.

    Each end of the window falls on an open day: a day the clinic is closed moves to the next
    open one. So after a Friday session, "one to two days later" lands on Monday. A follow-up
    that must not be on the day of dosing is never moved onto it.
    """
    earliest = next_open_day(session_day + timedelta(days=rule.earliest_days), open_days)
    latest = next_open_day(session_day + timedelta(days=rule.latest_days), open_days)
    return Window(earliest, max(earliest, latest))


@dataclass(frozen=True)
class PlannedItem:
    """An item of the plan as drafted: what it is, its words, and for a follow-up its window."""

    kind: ItemKind
    key: str  # the step's or rule's id; "prompts" for the journal prompts
    text: str
    window: Window | None = None


def draft_plan(
    settings: ClinicSettings, session_day: date, sessions_left: int | None
) -> list[PlannedItem]:
    """The integration plan for a session that ended on ``session_day``.

    ``sessions_left`` is how many dosing sessions of the course remain after this one (None when
    the session is not part of a course): the next dosing session is planned only if one does.
    """
    items: list[PlannedItem] = []
    if settings.prompts:
        items.append(PlannedItem(ItemKind.PROMPTS, "prompts", JOURNAL_PROMPTS))
    items.extend(PlannedItem(ItemKind.STEP, step.id, step.text) for step in settings.steps)
    for rule in settings.followups:
        if not rule.offered:
            continue
        if rule.next_dose and not sessions_left:
            continue
        when = window(rule, session_day, settings.open_days)
        items.append(PlannedItem(ItemKind.FOLLOW_UP, rule.id, rule.name, when))
    return items
