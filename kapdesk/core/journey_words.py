"""The journey's events in the clinic's words: one line each, for the timeline, the summary and
the printed record."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from kapdesk.core import journey_record
from kapdesk.core.downtime import resumed_text, span_text
from kapdesk.core.journey_events import (
    PREPARATION_KINDS,
    SOUND_KINDS,
    EventKind,
    JourneyEvent,
    dose_from,
    recorded_number,
)
from kapdesk.core.observations import SCALES
from kapdesk.core.said_again import said_again
from kapdesk.core.timefmt import clock_text, minutes_text
from kapdesk.core.vitals import Reading, said_flag
from kapdesk.core.wall_text import current, time_of_day
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template, joined

# The lines the timeline and the summary show, marked for translation (the English, which the
# printed record and the exports read, is as it always was).
OPENED = QT_TRANSLATE_NOOP("JourneyWords", "Session opened")
PHASE = QT_TRANSLATE_NOOP("JourneyWords", "Phase: {name}")
PHASE_BY_TIME = QT_TRANSLATE_NOOP("JourneyWords", "Phase: {name} (by time)")
PHASE_ENDED = QT_TRANSLATE_NOOP("JourneyWords", "{phase}; {early}")
CONFIRMED = QT_TRANSLATE_NOOP("JourneyWords", "Journey time confirmed")
CONFIRMED_BY = QT_TRANSLATE_NOOP("JourneyWords", "Journey time confirmed by {by}")
NOTE = QT_TRANSLATE_NOOP("JourneyWords", "Note: {text}")
VITALS = QT_TRANSLATE_NOOP("JourneyWords", "Vital signs: {reading}")
VITALS_FLAGGED = QT_TRANSLATE_NOOP("JourneyWords", "Vital signs: {reading}. Flagged: {flags}")
OF_TEN = QT_TRANSLATE_NOOP("JourneyWords", "{scale}: {value} of 10")
CORRECTION = QT_TRANSLATE_NOOP("JourneyWords", "Correction of entry {entry}: {reason}")
CLOSED = QT_TRANSLATE_NOOP("JourneyWords", "Session closed")
CLOSED_BECAUSE = QT_TRANSLATE_NOOP("JourneyWords", "Session closed: {reason}")
CANCELLED = QT_TRANSLATE_NOOP("JourneyWords", "Session cancelled before dosing")
CANCELLED_BECAUSE = QT_TRANSLATE_NOOP("JourneyWords", "Session cancelled before dosing: {reason}")
CLOSED_EARLY = QT_TRANSLATE_NOOP("JourneyWords", "Session closed early ({early})")
CLOSED_EARLY_BECAUSE = QT_TRANSLATE_NOOP("JourneyWords", "Session closed early ({early}): {reason}")
DOSE = QT_TRANSLATE_NOOP("JourneyWords", "Dose: {dose}")
EXTRA_DOSE = QT_TRANSLATE_NOOP("JourneyWords", "Extra dose: {dose}")
GIVEN_BY = QT_TRANSLATE_NOOP("JourneyWords", "{dose}, given by {by}")
OUTSIDE_USUAL = QT_TRANSLATE_NOOP("JourneyWords", "{dose}. Outside the usual range: {why}")
GIVEN_BECAUSE = QT_TRANSLATE_NOOP("JourneyWords", "{dose}; given because: {reason}")
BY = Template("JourneyWords", "{line} ({by})")  # who did it, after the line: no words of its own
RATING = QT_TRANSLATE_NOOP("JourneyWords", "Rating {scale}: {value}")
RESPONDS = QT_TRANSLATE_NOOP("JourneyWords", "{scale}: {value}, {words}")
# Responsiveness to voice: the level's words in the middle of the line, in lower case.
RESPONDS_AT = {
    5: QT_TRANSLATE_NOOP("JourneyWords", "{scale}: {value}, responds readily to name"),
    4: QT_TRANSLATE_NOOP("JourneyWords", "{scale}: {value}, slow to respond to name"),
    3: QT_TRANSLATE_NOOP(
        "JourneyWords", "{scale}: {value}, responds only to loud or repeated name"
    ),
    2: QT_TRANSLATE_NOOP(
        "JourneyWords", "{scale}: {value}, responds only to a touch on the shoulder"
    ),
    1: QT_TRANSLATE_NOOP("JourneyWords", "{scale}: {value}, no response to voice or touch"),
}
FLAG_SEEN = QT_TRANSLATE_NOOP("JourneyWords", "Flag seen: {words} (the reading of entry {entry})")
FLAG_SEEN_BY = QT_TRANSLATE_NOOP(
    "JourneyWords", "Flag seen by {by}: {words} (the reading of entry {entry})"
)
# A phase ended early by hand: at what time of it, and of how long planned, when kept.
ENDED_EARLY = {
    (False, False): QT_TRANSLATE_NOOP("JourneyWords", "{phase} ended early by hand"),
    (True, False): QT_TRANSLATE_NOOP("JourneyWords", "{phase} ended early by hand at {at}"),
    (False, True): QT_TRANSLATE_NOOP("JourneyWords", "{phase} ended early by hand of {planned}"),
    (True, True): QT_TRANSLATE_NOOP(
        "JourneyWords", "{phase} ended early by hand at {at} of {planned}"
    ),
}
THE_PHASE = QT_TRANSLATE_NOOP("JourneyWords", "the phase")
# The PC's clock set while kapdesk ran (forward or back; what the journey time read, if kept).
CLOCK_SET = {
    (True, False): QT_TRANSLATE_NOOP(
        "JourneyWords", "The PC's clock was set forward {span}; the journey time followed it"
    ),
    (False, False): QT_TRANSLATE_NOOP(
        "JourneyWords", "The PC's clock was set back {span}; the journey time followed it"
    ),
    (True, True): QT_TRANSLATE_NOOP(
        "JourneyWords",
        "The PC's clock was set forward {span}; the journey time followed it (it read {read})",
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "JourneyWords",
        "The PC's clock was set back {span}; the journey time followed it (it read {read})",
    ),
}
INTENTION = QT_TRANSLATE_NOOP("JourneyWords", "Intention: “{text}”")
CHECK_DONE = QT_TRANSLATE_NOOP("JourneyWords", "Checklist: {item}: done")
CHECK_NOT_DONE = QT_TRANSLATE_NOOP("JourneyWords", "Checklist: {item}: not done")
BREATHWORK = QT_TRANSLATE_NOOP("JourneyWords", "Breathwork: {pattern}, {minutes} min")
DECIDED = QT_TRANSLATE_NOOP(
    "JourneyWords", "Decision to dose with baseline blood pressure {reading}: {reason}"
)
NOT_READY = QT_TRANSLATE_NOOP("JourneyWords", "not ready yet")
READY = QT_TRANSLATE_NOOP("JourneyWords", "ready to leave")
READY_FROM = QT_TRANSLATE_NOOP("JourneyWords", "ready, may leave from {time}")
DISCHARGE = QT_TRANSLATE_NOOP("JourneyWords", "Discharge check: {total} of {most}, {verdict}")
DISCHARGE_WHY = QT_TRANSLATE_NOOP(
    "JourneyWords", "Discharge check: {total} of {most}, {verdict} ({reasons})"
)
ANSWERS = Template("JourneyWords", "{line}; {answers}")  # no words of its own
ANSWER_YES = QT_TRANSLATE_NOOP("JourneyWords", "{question} yes")
ANSWER_NO = QT_TRANSLATE_NOOP("JourneyWords", "{question} no")
SOUNDTRACK = QT_TRANSLATE_NOOP("JourneyWords", "Soundtrack: {name}")
SOUNDTRACK_AT = QT_TRANSLATE_NOOP(
    "JourneyWords", "Soundtrack: {name}, every track brought to {target} LUFS"
)
SOUNDTRACK_BED = QT_TRANSLATE_NOOP(
    "JourneyWords",
    "Soundtrack: {name}, every track brought to {target} LUFS (bed {bed}: played at {level})",
)
SOUNDTRACK_BED_UNMEASURED = QT_TRANSLATE_NOOP(
    "JourneyWords",
    "Soundtrack: {name}, every track brought to {target} LUFS "
    "(bed {bed}: not measured yet, played at {level})",
)
MUSIC = QT_TRANSLATE_NOOP("JourneyWords", "Music: {title}")
MUSIC_AT = QT_TRANSLATE_NOOP("JourneyWords", "Music: {title} (played at {level})")
MUSIC_UNMEASURED = QT_TRANSLATE_NOOP(
    "JourneyWords",
    "Music: {title} (loudness not measured yet: played at {level}, as the loudest master would be)",
)
TRACK_SKIPPED = QT_TRANSLATE_NOOP("JourneyWords", "Track skipped: {title}")
TRACK_FAILED = QT_TRANSLATE_NOOP("JourneyWords", "Track could not play: {title} ({reason})")
MUSIC_RAN_OUT = QT_TRANSLATE_NOOP("JourneyWords", "Music ran out: {playlist}")
QUIET_ON = QT_TRANSLATE_NOOP("JourneyWords", "Quiet on")
QUIET_OFF = QT_TRANSLATE_NOOP("JourneyWords", "Quiet off")


def event_text(event: JourneyEvent) -> str:
    """One line about an event, in the clinic's words."""
    if event.kind is EventKind.OPENED:
        return OPENED
    if event.kind in SOUND_KINDS:
        return _sound_text(event)
    if event.kind in PREPARATION_KINDS:
        return _preparation_text(event)
    if event.kind is EventKind.DISCHARGE:
        return _discharge_text(event)
    words = _WORDS_OF_DATA.get(event.kind, closed_text)
    return words(event.data)


def _phase_text(data: Mapping[str, Any]) -> str:
    text = (PHASE_BY_TIME if data.get("auto") else PHASE).format(name=data.get("name", ""))
    early = data.get("ended_early")
    if isinstance(early, Mapping):
        return PHASE_ENDED.format(phase=text, early=ended_early_text(early))
    return text


def _confirmed_text(data: Mapping[str, Any]) -> str:
    return CONFIRMED_BY.format(by=data["by"]) if data.get("by") else CONFIRMED


def _note_text(data: Mapping[str, Any]) -> str:
    tags = ", ".join(str(t) for t in data.get("tags") or ())
    text = str(data.get("text") or "")
    return NOTE.format(text=f"[{tags}] {text}".strip() if tags else text)


def _vitals_text(data: Mapping[str, Any]) -> str:
    values = data.get("values")
    reading = Reading.from_values(values if isinstance(values, Mapping) else {})
    flags = joined([said_flag(str(f)) for f in data.get("flags") or ()], "; ", "JourneyWords")
    if flags:
        return VITALS_FLAGGED.format(reading=reading.text(), flags=flags)
    return VITALS.format(reading=reading.text())


def _rating_text(data: Mapping[str, Any]) -> str:
    scale = SCALES.get(str(data.get("scale")))
    value = data.get("value", "")
    if scale is None:
        return RATING.format(scale=data.get("scale", ""), value=value)
    if scale.id == "responsiveness":
        words = str(data.get("words", ""))
        level = RESPONDS_AT.get(value) if isinstance(value, int) else None
        if level is not None and words == scale.words(value):
            return level.format(scale=scale.name, value=value)
        return RESPONDS.format(scale=scale.name, value=value, words=words.lower())
    return OF_TEN.format(scale=scale.name, value=value)


def _amendment_text(data: Mapping[str, Any]) -> str:
    return CORRECTION.format(entry=data.get("amends"), reason=data.get("reason", ""))


def _flag_seen_text(data: Mapping[str, Any]) -> str:
    words = joined([said_flag(str(w)) for w in data.get("words") or ()], " · ", "JourneyWords")
    entry = data.get("reading")
    if data.get("by"):
        return FLAG_SEEN_BY.format(by=data["by"], words=words, entry=entry)
    return FLAG_SEEN.format(words=words, entry=entry)


def ended_early_text(early: Mapping[str, Any]) -> str:
    """``Infusion ended early by hand at 16:55 of 40 min``."""
    ran = early.get("ran_seconds")
    planned = early.get("planned_minutes")
    at = clock_text(float(ran)) if isinstance(ran, int | float) else ""
    of = minutes_text(float(planned)) if isinstance(planned, int | float) else ""
    template = ENDED_EARLY[bool(at), bool(of)]
    return template.format(phase=early.get("name", THE_PHASE), at=at, planned=of)


def closed_text(data: Mapping[str, Any]) -> str:
    """The close of a session in words: early, with why, or cancelled before dosing."""
    reason = str(data.get("reason", ""))
    early = data.get("early")
    if isinstance(early, list | tuple) and early:
        said = joined([said_concern(str(e)) for e in early], "; ")
        if reason:
            return CLOSED_EARLY_BECAUSE.format(early=said, reason=reason)
        return CLOSED_EARLY.format(early=said)
    if data.get("cancelled"):
        return CANCELLED_BECAUSE.format(reason=reason) if reason else CANCELLED
    return CLOSED_BECAUSE.format(reason=reason) if reason else CLOSED


# Why closing was early, as kapdesk.core.journey_record words it (the record keeps the English).
_CONCERNS = (
    journey_record.TOO_SOON,
    journey_record.STILL_IN,
    journey_record.CHECK_NOT_TAKEN,
    journey_record.CHECKS_NOT_TAKEN,
    journey_record.NO_DISCHARGE_CHECK,
    journey_record.NOT_READY,
)


def said_concern(concern: str) -> str:
    """A kept reason why a session was closed early, as kapdesk's words again (English as
    kept), so that the window and the printed record say it in their language."""
    return said_again(concern, _CONCERNS)


def _moment(value: object) -> datetime | None:
    """A recorded ISO time, or None when it is absent or not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _dose_text(data: Mapping[str, Any]) -> str:
    """ "Dose: 0.5 mg/kg IV (70 kg, 35 mg total), lot K-1, given by Ana", and why it was
    outside the usual range when it was."""
    what = DOSE if data.get("first") else EXTRA_DOSE
    if recorded_number(data.get("amount")) is None:
        return what.format(dose=data.get("amount", ""))
    text = what.format(dose=dose_from(data).describe())
    if data.get("given_by"):
        text = GIVEN_BY.format(dose=text, by=data["given_by"])
    if data.get("outside_usual"):
        text = OUTSIDE_USUAL.format(dose=text, why=data["outside_usual"])
        if data.get("decision_reason"):
            text = GIVEN_BECAUSE.format(dose=text, reason=data["decision_reason"])
    return text


def _corrected_text(data: Mapping[str, Any]) -> str:
    step = data.get("clock_step")
    step = float(step) if isinstance(step, int | float) else 0.0
    before = data.get("from_elapsed")
    read = clock_text(before) if isinstance(before, int | float) else ""
    return CLOCK_SET[step > 0, bool(read)].format(span=span_text(abs(step)), read=read)


def _preparation_text(event: JourneyEvent) -> str:
    data = event.data
    line: str
    if event.kind is EventKind.INTENTION:
        line = INTENTION.format(text=data.get("text", ""))
    elif event.kind is EventKind.CHECKLIST:
        line = (CHECK_DONE if data.get("done") else CHECK_NOT_DONE).format(
            item=data.get("text", "")
        )
    elif event.kind is EventKind.BREATHWORK:
        minutes = float(data.get("seconds", 0.0)) / 60
        # kapdesk's own patterns are marked under "Breathwork": their names said in its words.
        pattern = Template("Breathwork", str(data.get("pattern", "")))
        line = BREATHWORK.format(pattern=pattern, minutes=_decimal(minutes))
    else:
        line = DECIDED.format(reading=data.get("reading", ""), reason=data.get("reason", ""))
    return BY.format(line=line, by=data["by"]) if data.get("by") else line


def verdict_text(ready: bool, may_leave_from: datetime | None) -> str:
    """``ready to leave``, ``ready, may leave from 11:07`` (local time), ``not ready yet``:
    "ready" alone is never said while the least time in the room has not passed."""
    if not ready:
        return NOT_READY
    if may_leave_from is None:
        return READY
    return READY_FROM.format(time=time_of_day(may_leave_from))


def discharge_verdict(data: Mapping[str, Any]) -> str:
    """The verdict of a recorded discharge check (its data), in :func:`verdict_text`'s words."""
    return verdict_text(bool(data.get("ready")), _moment(data.get("may_leave_from")))


def _discharge_text(event: JourneyEvent) -> str:
    data = event.data
    said = {"total": data.get("total", "?"), "most": data.get("max", "?")}
    verdict = discharge_verdict(data)
    reasons = [said_reason(str(r)) for r in data.get("reasons") or ()]
    text = (
        DISCHARGE_WHY.format(verdict=verdict, reasons=joined(reasons, "; "), **said)
        if reasons
        else DISCHARGE.format(verdict=verdict, **said)
    )
    answers = data.get("answers")
    if isinstance(answers, Mapping) and answers:
        parts = [(ANSWER_YES if v else ANSWER_NO).format(question=k) for k, v in answers.items()]
        text = ANSWERS.format(line=text, answers=joined(parts, ", "))
    return BY.format(line=text, by=data["by"]) if data.get("by") else text


# Why a check found the patient not ready, as kapdesk.core.discharge words it (the record keeps
# the English): said again in the window's language (that module imports this one's).
_REASONS = (
    Template("Discharge", "{item}: not scored"),
    Template("Discharge", "Score {total} of {most}: {needed} needed"),
)


def said_reason(reason: str) -> str:
    """A kept reason of a discharge check, as kapdesk's words again (English as kept)."""
    said = said_again(reason, _REASONS)
    if not isinstance(said, Said):
        return Template("Discharge", reason)  # a sentence of its own, or not kapdesk's
    item = said.values.get("item")
    if isinstance(item, str):
        return said.template.format(**{**said.values, "item": Template("Discharge", item)})
    return said


def _sound_text(event: JourneyEvent) -> str:
    data = event.data
    title = str(data.get("title") or data.get("path") or "")
    if data.get("artist"):
        title = f"{data['artist']} – {title}"
    if event.kind is EventKind.SOUNDTRACK:
        return _soundtrack_text(data)
    if event.kind is EventKind.TRACK:
        return _track_text(title, data)
    if event.kind is EventKind.TRACK_SKIPPED:
        return TRACK_SKIPPED.format(title=title)
    if event.kind is EventKind.TRACK_FAILED:
        return TRACK_FAILED.format(title=title, reason=data.get("reason", ""))
    if event.kind is EventKind.MUSIC_ENDED:
        return MUSIC_RAN_OUT.format(playlist=data.get("playlist", ""))
    return QUIET_ON if data.get("on") else QUIET_OFF


def _soundtrack_text(data: Mapping[str, Any]) -> str:
    """The soundtrack, the loudness it was played at, and the bed's gain (older records: the
    soundtrack alone)."""
    name = data.get("name", "")
    target = recorded_number(data.get("target_loudness"))
    if target is None or not math.isfinite(target):
        return SOUNDTRACK.format(name=name)
    bed = data.get("bed")
    gain = recorded_number(data.get("bed_gain_db"))
    if isinstance(bed, Mapping) and gain is not None and math.isfinite(gain):
        template = SOUNDTRACK_BED_UNMEASURED if bed.get("loudness") is None else SOUNDTRACK_BED
        return template.format(
            name=name,
            target=f"{target:g}",
            bed=str(bed.get("title") or bed.get("path") or ""),
            level=_level(gain),
        )
    return SOUNDTRACK_AT.format(name=name, target=f"{target:g}")


def _level(gain: float) -> str:
    return "0 dB" if round(gain, 1) == 0 else f"{_decimal(gain)} dB"


def _decimal(value: float) -> str:
    """One decimal, with the clinic's decimal separator: 1.5, or 1,5."""
    return current().number(value, 1)


def _track_text(title: str, data: Mapping[str, Any]) -> str:
    """The track, and how loud it was played: the gain that brought it to the clinic's target
    (older records, from before loudness was matched, say nothing of it)."""
    gain = recorded_number(data.get("gain_db"))
    if gain is None or not math.isfinite(gain):
        return MUSIC.format(title=title)
    template = MUSIC_UNMEASURED if data.get("loudness_lufs") is None else MUSIC_AT
    return template.format(title=title, level=_level(gain))


# Events whose line is made from their data alone; a kind not here reads as the close.
_WORDS_OF_DATA: dict[EventKind, Callable[[Mapping[str, Any]], str]] = {
    EventKind.DOSE: _dose_text,
    EventKind.PHASE: _phase_text,
    EventKind.RESUMED: resumed_text,
    EventKind.TIME_CORRECTED: _corrected_text,
    EventKind.TIME_CONFIRMED: _confirmed_text,
    EventKind.NOTE: _note_text,
    EventKind.VITALS: _vitals_text,
    EventKind.RATING: _rating_text,
    EventKind.AMENDMENT: _amendment_text,
    EventKind.FLAG_SEEN: _flag_seen_text,
}
