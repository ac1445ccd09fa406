"""A session's timeline: every event in order, with corrections folded into what they correct.

An amendment does not appear as a line of its own: the entry it corrects shows the corrected
data and carries its history (the original, then each correction with who, when and why), so
the record reads as it stands today and still shows everything it ever said.

The record keeps temperatures in °C and weights in kg; a timeline for a clinic that reads °F or
pounds says them in its units (the entries' data stay as kept).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from kapdesk.core.journey import EventKind, JourneyEvent, event_text
from kapdesk.core.journey_events import dose_from, recorded_number
from kapdesk.core.units import Units
from kapdesk.core.vitals import CANONICAL, Reading, shown_flag
from kapdesk.core.words import Said


@dataclass(frozen=True)
class Version:
    """One state of an entry: the original, or a correction of it."""

    wall: datetime
    text: str
    by: str = ""
    reason: str = ""  # empty for the original


@dataclass(frozen=True)
class Entry:
    """A line of the timeline."""

    seq: int  # the event's place in the session, from 0
    kind: EventKind
    wall: datetime
    elapsed: float | None
    phase_index: int | None
    data: Mapping[str, Any]  # as it stands, after any corrections
    text: str
    versions: tuple[Version, ...] = ()

    @property
    def amended(self) -> bool:
        return len(self.versions) > 1

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(str(f) for f in self.data.get("flags") or ())

    @property
    def by(self) -> str:
        return str(self.data.get("by") or "")


def timeline(events: Sequence[JourneyEvent], units: Units = CANONICAL) -> list[Entry]:
    """The session's entries in order, corrections applied; their text in the clinic's
    ``units`` (°C and kg, as kept, by default)."""
    entries: list[Entry] = []
    at: dict[int, int] = {}  # event place -> index in entries
    for seq, event in enumerate(events):
        if event.kind is EventKind.AMENDMENT:
            target = event.data.get("amends")
            if not isinstance(target, int) or target not in at:
                continue
            index = at[target]
            old = entries[index]
            changes = event.data.get("data")
            data = {**old.data, **(changes if isinstance(changes, Mapping) else {})}
            corrected = JourneyEvent(old.kind, old.wall, old.elapsed, old.phase_index, data)
            text = said_in(corrected, units)
            version = Version(
                event.wall, text, str(event.data.get("by") or ""), str(event.data.get("reason"))
            )
            entries[index] = replace(old, data=data, text=text, versions=(*old.versions, version))
            continue
        text = said_in(event, units)
        at[seq] = len(entries)
        entries.append(
            Entry(
                seq,
                event.kind,
                event.wall,
                event.elapsed,
                event.phase_index,
                dict(event.data),
                text,
                (Version(event.wall, text, str(event.data.get("by") or "")),),
            )
        )
    return entries


def said_in(event: JourneyEvent, units: Units = CANONICAL) -> str:
    """:func:`~kapdesk.core.journey.event_text`, a reading's temperature and a dose's weight
    said in the clinic's ``units`` (the record's words are in °C and kg)."""
    text = event_text(event)
    if units == CANONICAL:
        return text
    data = event.data
    if event.kind is EventKind.VITALS:
        values = data.get("values")
        reading = Reading.from_values(values if isinstance(values, Mapping) else {})
        text = _replaced(text, reading.text(), reading.text(units))
        for flag in (str(f) for f in data.get("flags") or ()):
            text = _replaced(text, flag, shown_flag(flag, reading, units))
    elif event.kind is EventKind.DOSE and recorded_number(data.get("amount")) is not None:
        dose = dose_from(data)
        text = _replaced(text, dose.describe(), dose.describe(units))
    return text


def _replaced(text: str, old: str, new: str) -> str:
    """``text.replace(old, new, 1)``, a marked line kept marked: ``old`` is replaced in the
    first of its values (in order, a value itself marked looked into) that holds it."""
    if text == old:
        return new  # the whole of it: a reading's words are a marked line of their own
    if not isinstance(text, Said) or old in text.template:
        return text.replace(old, new, 1)
    values = dict(text.values)
    for name, value in values.items():
        if isinstance(value, str) and old in value:
            values[name] = _replaced(value, old, new)
            return Said(text.template, values)
    return text
