"""A complete example session written into the record: for trying exports, reports and the
history view without a patient.

The session is recorded the way the app records one: opened through :class:`JourneyStore`, every
event written by its :class:`EventRecorder` as it happens, vital signs checked and flagged by
:mod:`kapdesk.core.vitals` against the protocol's thresholds, notes, ratings and the correction
made with :mod:`kapdesk.core.observations`. Only time is make-believe: a :class:`FakeClock`
started three hours ago is moved on by hand, so the whole session takes a moment to write.

Patient DEMO-001 has the bundled IV protocol (0.5 mg/kg over 40 minutes, timed phases) and the
first bundled bed with a small demo playlist. Its story: a baseline check, the dose, a systolic
of 184 during the infusion (flagged, rechecked, settling), mild nausea, a heart rate typed as
48 instead of 84 and corrected, quiet while the patient talks, every scheduled check taken, and
discharge with an escort after about 100 minutes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess, compare_vitals
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyEvent
from kapdesk.core.loudness import DEFAULT_TARGET, Loudness, matching
from kapdesk.core.observations import amendment_data, note_data, rating_data
from kapdesk.core.preparation import (
    BREATH_PATTERNS,
    breathwork_data,
    checklist_data,
    intention_data,
)
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.core.soundtrack import (
    Playlist,
    Soundtrack,
    Track,
    bundled_sounds,
    default_soundtracks,
    soundtrack_chosen,
)
from kapdesk.core.vitals import VitalsRecord, flags, parse_reading
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, BUNDLED_SOUNDS_DIR
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.journeys import JourneyStore

PATIENT_CODE = "DEMO-001"
PROTOCOL_ID = "iv-ketamine"
SITTER = "Sam Rivera"
NURSE = "Jo Okafor"
THERAPIST = "Dr. Ana Moreno"
CLOSE_REASON = "Discharged home with escort"

DEMO_PLAYLIST = Playlist(
    "Demo music",
    (
        Track(
            "demo-music/01-slow-piano.ogg",
            "Slow Piano I",
            "Demo Ensemble",
            1320.0,
            Loudness(-17.6, -4.1, 6.2),
        ),
        Track(
            "demo-music/02-slow-piano.ogg",
            "Slow Piano II",
            "Demo Ensemble",
            1500.0,
            Loudness(-19.3, -5.0, 7.4),
        ),
        Track(
            "demo-music/03-strings-at-dusk.ogg",
            "Strings at Dusk",
            "Demo Ensemble",
            2400.0,
            Loudness(-27.2, -12.8, 9.1),
        ),
    ),
)


@dataclass(frozen=True)
class DemoSession:
    """What was written."""

    session_id: int
    patient_code: str
    protocol_name: str
    opened_at: datetime
    closed_at: datetime
    events: int


class _Script:
    """Moves the fake clock and records, as staff and the player would."""

    def __init__(self, journey: Journey, clock: FakeClock) -> None:
        self.journey = journey
        self.clock = clock

    def wait(self, seconds: float) -> None:
        """Let time pass, the app's tick starting each timed phase when it is due."""
        target = self.clock.monotonic() + seconds
        while True:
            elapsed = self.journey.elapsed()
            end = self.journey.planned_end_of_phase()
            timed = self.journey.protocol.advance is Advance.TIMED
            if not timed or elapsed is None or end is None or self.journey.next_phase is None:
                break
            until_end = end - elapsed
            if self.clock.monotonic() + until_end > target:
                break
            self.clock.advance(max(0.0, until_end))
            self.journey.tick()
        self.clock.advance(max(0.0, target - self.clock.monotonic()))
        self.journey.tick()

    def at(self, minutes_after_dose: float) -> None:
        """Wait until this journey time."""
        elapsed = self.journey.elapsed()
        assert elapsed is not None, "journey times start with the dose"
        self.wait(max(0.0, minutes_after_dose * 60.0 - elapsed))

    def vitals(self, by: str, **typed: str) -> JourneyEvent:
        """A reading as typed in the form, checked and flagged as the form does."""
        checked = parse_reading(typed)
        if not checked.ok:
            raise ValueError("; ".join(checked.errors))
        raised = flags(checked.reading, self.journey.protocol.thresholds, dosed=self.journey.dosed)
        record = VitalsRecord(checked.reading, tuple(raised))
        return self.journey.record_observation(EventKind.VITALS, record.to_json(by))

    def correct_vitals(self, reading: JourneyEvent, reason: str, by: str, **typed: str) -> None:
        """Correct a reading: the full set of values as they should read, flags checked again."""
        checked = parse_reading(typed)
        if not checked.ok:
            raise ValueError("; ".join(checked.errors))
        dosed = reading.elapsed is not None
        raised = flags(checked.reading, self.journey.protocol.thresholds, dosed=dosed)
        changes = {"values": checked.reading.values(), "flags": raised}
        seq = self.journey.events.index(reading)
        self.journey.amend(amendment_data(seq, changes, reason, by))

    def note(self, text: str, tags: tuple[str, ...] = (), by: str = SITTER) -> None:
        self.journey.record_observation(EventKind.NOTE, note_data(text, tags, by))

    def rating(self, scale: str, value: int, by: str = SITTER) -> None:
        self.journey.record_observation(EventKind.RATING, rating_data(scale, value, by))

    def track(self, index: int) -> None:
        track = DEMO_PLAYLIST.tracks[index]
        data: dict[str, Any] = {
            "playlist": DEMO_PLAYLIST.name,
            "index": index,
            "path": track.path,
            "title": track.title,
            "artist": track.artist,
            "offset": 0.0,
            "gain_db": round(matching(track.loudness, DEFAULT_TARGET).gain, 1),
            "loudness_lufs": track.loudness.integrated if track.loudness else None,
        }
        self.journey.record_sound(EventKind.TRACK, data)

    def quiet(self, on: bool) -> None:
        self.journey.record_sound(EventKind.QUIET, {"on": on})


def demo_soundtrack(sounds_dir: Path = BUNDLED_SOUNDS_DIR) -> Soundtrack:
    """The first bundled bed, with the demo playlist for every phase."""
    beds = default_soundtracks(bundled_sounds(sounds_dir))
    if not beds:
        return Soundtrack(name="Demo music", default=DEMO_PLAYLIST)
    first = beds[0]
    title = first.bed.title if first.bed is not None else first.name
    return replace(first, name=f"{title} with demo music", default=DEMO_PLAYLIST)


def record_demo_session(
    storage: Storage,
    start: datetime | None = None,
    *,
    protocols_dir: Path = BUNDLED_PROTOCOLS_DIR,
    sounds_dir: Path = BUNDLED_SOUNDS_DIR,
) -> DemoSession:
    """Write the demo session (opened at ``start``, default three hours ago) and say what it is.

    Raises :class:`StorageError` when the record cannot be written.
    """
    protocol = ProtocolLibrary(protocols_dir, None).get(PROTOCOL_ID)
    if protocol is None:
        raise StorageError(f"the bundled protocol {PROTOCOL_ID} cannot be read")
    opened_at = start or (datetime.now(UTC) - timedelta(hours=3)).replace(microsecond=0)
    clock = FakeClock(opened_at)
    opened = JourneyStore(storage, clock).open_session(PATIENT_CODE, protocol, SITTER)
    journey = opened.journey
    go = _Script(journey, clock)

    _prepare(go, protocol, sounds_dir)
    _dose_and_infusion(go)
    _after_the_infusion(go)
    _discharge(go, protocol)

    if not opened.recorder.flush(timeout=30.0):
        raise StorageError(opened.recorder.problem or "the demo session could not be saved")
    return DemoSession(
        opened.session_id,
        PATIENT_CODE,
        protocol.name,
        opened_at,
        journey.events[-1].wall,
        len(journey.events),
    )


def _prepare(go: _Script, protocol: Protocol, sounds_dir: Path) -> None:
    """Before the dose: the music, the intention, the checklist, a baseline and breathwork."""
    journey = go.journey
    go.wait(40)
    chosen = soundtrack_chosen(demo_soundtrack(sounds_dir), DEFAULT_TARGET)
    journey.record_sound(EventKind.SOUNDTRACK, chosen)
    go.wait(80)
    journey.record_preparation(
        EventKind.INTENTION, intention_data("To meet the sadness with curiosity.", THERAPIST)
    )
    for item in protocol.checklist:
        if item.id != "baseline-vitals":
            go.wait(20)
            journey.record_preparation(EventKind.CHECKLIST, checklist_data(item, True, NURSE))
    go.wait(30)
    go.vitals(
        NURSE,
        systolic="128",
        diastolic="82",
        heart_rate="76",
        spo2="98",
        respiratory_rate="14",
        temperature="36.7",
    )
    for item in protocol.checklist:
        if item.id == "baseline-vitals":
            journey.record_preparation(EventKind.CHECKLIST, checklist_data(item, True, NURSE))
    go.wait(45)
    go.rating("distress", 3)
    go.wait(40)
    journey.record_preparation(
        EventKind.BREATHWORK, breathwork_data(BREATH_PATTERNS[0], 120.0, THERAPIST)
    )
    go.wait(120)


def _dose_and_infusion(go: _Script) -> None:
    """The dose starts the clock and the infusion; phases follow the clock. A systolic of 184
    is flagged, rechecked and settles."""
    journey = go.journey
    journey.record_dose(
        Dose(
            0.5,
            "mg/kg",
            "IV",
            lot_number="KET-24-1187",
            given_by=NURSE,
            note="pump over 40 min",
            weight_kg=70,
        )
    )
    go.track(0)
    go.at(3)
    go.rating("responsiveness", 5)
    go.at(6)
    go.note("Eyes closed, breathing slow and even.", ("Calm",))
    go.at(10 + 20 / 60)
    go.vitals(NURSE, systolic="136", diastolic="84", heart_rate="82", spo2="98")
    go.at(15)
    go.rating("responsiveness", 4)
    go.at(20 + 15 / 60)
    go.vitals(NURSE, systolic="184", diastolic="104", heart_rate="88", spo2="97")
    go.at(21)
    go.note(
        "BP above the limit. Patient reassured, lights lower; recheck in 5 min.",
        ("Restless",),
        by=NURSE,
    )
    go.at(22)
    go.track(1)
    go.at(25 + 30 / 60)
    go.vitals(NURSE, systolic="168", diastolic="96", heart_rate="84", spo2="98")
    go.at(30 + 10 / 60)
    go.vitals(NURSE, systolic="152", diastolic="90", heart_rate="80", spo2="97")
    go.at(32)
    go.rating("distress", 2)
    go.at(35)
    go.note("Quiet tears, settled again without words.", ("Crying", "Calm"))
    go.at(40 + 30 / 60)
    go.vitals(NURSE, systolic="146", diastolic="88", heart_rate="78", spo2="98")
    go.at(44)
    go.note("Infusion complete, line flushed.", by=NURSE)


def _after_the_infusion(go: _Script) -> None:
    """Mild nausea, a heart rate typed wrongly and corrected, quiet while the patient talks."""
    go.at(48)
    go.track(2)
    go.at(52)
    go.rating("nausea", 3)
    go.note("Mild nausea; sick bag offered, passed without medication.", ("Nausea",))
    go.at(55 + 20 / 60)
    typo = go.vitals(NURSE, systolic="138", diastolic="84", heart_rate="48", spo2="98")
    go.at(56 + 30 / 60)
    go.correct_vitals(
        typo,
        "Digits swapped when typing; the monitor showed 84.",
        NURSE,
        systolic="138",
        diastolic="84",
        heart_rate="84",
        spo2="98",
    )
    go.at(62)
    go.quiet(True)
    go.note("Lifted the eyeshades and is talking about the colours; music down.", ("Talking",))
    go.at(65)
    go.rating("responsiveness", 5)
    go.at(66)
    go.quiet(False)
    go.at(70 + 15 / 60)
    go.vitals(NURSE, systolic="132", diastolic="82", heart_rate="74", spo2="98")
    go.at(75)
    go.rating("distress", 1)
    go.at(82)
    go.note("Sitting up, drank water. Walked to the bathroom steadily.", ("Bathroom", "Calm"))
    go.at(85 + 10 / 60)
    go.vitals(NURSE, systolic="128", diastolic="80", heart_rate="72", spo2="99")
    go.at(90)
    go.rating("nausea", 0)
    go.at(100 + 5 / 60)
    go.vitals(NURSE, systolic="126", diastolic="80", heart_rate="70", spo2="99")


def _discharge(go: _Script, protocol: Protocol) -> None:
    """Discharge with an escort after about 100 minutes, and the session closed."""
    journey = go.journey
    go.at(101)
    scores: dict[str, int | None] = {item.id: 2 for item in READINESS_ITEMS}
    scores["vitals"] = compare_vitals(journey).score
    readiness = assess(scores, escort=True, ready_score=protocol.discharge.ready_score)
    journey.record_discharge(readiness.to_json(compare_vitals(journey).text, {}, NURSE))
    go.at(102)
    go.note("Escort here, discharge criteria met; integration call booked for tomorrow.")
    go.at(103)
    journey.close(CLOSE_REASON)
