"""The clinic board's room cards: what a nurse reads about each room, from its recorded events."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pytest

from kapdesk.core.board import (
    HIDDEN_PATIENT,
    UNNAMED_ROOM,
    Attention,
    Board,
    BoardSession,
    RoomHeard,
    free_room,
    room_card,
)
from kapdesk.core.clock import Clock, FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey, JourneyEvent, JourneyState
from kapdesk.core.observations import amendment_data
from kapdesk.core.protocol_files import parse_protocol
from kapdesk.core.protocols import Protocol

DOSE = Dose(amount=0.75, unit="mg/kg", route="IM", given_by="Nurse Ana", weight_kg=70)
MINUTE = 60.0

# Checks at 15, 30 and 45 min; each is due for 5 min, then overdue.
VITALS_PROTOCOL = """
[protocol]
id = "test-vitals"
name = "Test vitals"
route = "IM"
monitoring_minutes = 60

[dose]
unit = "mg/kg"

[[phases]]
name = "Onset"
minutes = 5

[[phases]]
name = "Peak"
minutes = 40

[[phases]]
name = "Return"
minutes = 15

[[vitals.intervals]]
label = "Vitals"
every_minutes = 15
from_minute = 15
until_minute = 45
"""


@pytest.fixture
def scheduled() -> Protocol:
    return parse_protocol(VITALS_PROTOCOL, source="tests")


def vitals(
    journey: Journey, values: Mapping[str, float], flags: Sequence[str] = (), by: str = "Nurse Ana"
) -> JourneyEvent:
    return journey.record_observation(
        EventKind.VITALS, {"values": values, "flags": list(flags), "by": by}
    )


NORMAL = {"systolic": 128, "diastolic": 82, "heart_rate": 74, "spo2": 97}


def dosed(protocol: Protocol, clock: FakeClock) -> Journey:
    journey = Journey.open(protocol, clock)
    journey.record_dose(DOSE)
    return journey


# -- one room's card ----------------------------------------------------------------------------


def test_a_session_not_dosed_yet_says_so_without_journey_time(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    clock.advance(10 * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert (card.room, card.session_id, card.patient) == ("Room 1", 7, "P-0042")
    assert card.protocol == "Test IM"
    assert card.state is JourneyState.OPENED
    assert card.phase == "Not dosed yet"
    assert card.elapsed is None
    assert card.last_vitals == "No vitals yet"
    assert card.flags == ()
    assert card.sound == "No music"
    assert card.attention is Attention.CALM


def test_the_card_shows_the_current_phase_and_journey_time(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = dosed(protocol, clock)
    clock.advance(2 * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert card.state is JourneyState.RUNNING
    assert card.phase == "Onset"
    assert card.elapsed == pytest.approx(2 * MINUTE)
    clock.advance(4 * MINUTE)
    journey.advance_phase()
    clock.advance(30)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert card.phase == "Peak"
    assert card.elapsed == pytest.approx(6.5 * MINUTE)


def test_a_closed_session_is_finished_calm_and_its_time_stops(
    scheduled: Protocol, clock: FakeClock
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(25 * MINUTE)  # the 15-minute check is overdue, and music plays
    journey.record_sound(EventKind.TRACK, {"title": "Weightless", "path": "/m/w.ogg"})
    journey.close("Patient left early")
    clock.advance(10 * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert card.state is JourneyState.CLOSED
    assert card.phase == "Finished"
    assert card.elapsed == pytest.approx(25 * MINUTE)
    assert card.next_check == ""
    assert card.sound == ""
    assert card.attention is Attention.CALM


def upcoming(text: str, at: str, wait: str) -> bool:
    """The card names the coming check and how long until it, and asks nothing yet."""
    return at in text and f"in {wait}" in text and "due" not in text.lower()


@pytest.mark.parametrize(
    ("minutes", "wait"),
    [(10.5, "5 min"), (14, "1 min"), (14.9, "1 min")],
)
def test_an_upcoming_check_says_when_and_keeps_the_room_calm(
    scheduled: Protocol, clock: FakeClock, minutes: float, wait: str
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(minutes * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert upcoming(card.next_check, "at 15 min", wait), card.next_check
    assert card.attention is Attention.CALM


@pytest.mark.parametrize("minutes", [15, 16, 19.9])
def test_a_check_that_is_due_asks_for_attention(
    scheduled: Protocol, clock: FakeClock, minutes: float
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(minutes * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert "15 min" in card.next_check
    assert "due now" in card.next_check
    assert "overdue" not in card.next_check
    assert card.attention is Attention.DUE


@pytest.mark.parametrize(("minutes", "late"), [(20, "5 min"), (22.5, "7 min"), (29, "14 min")])
def test_an_overdue_check_is_urgent_and_says_how_late(
    scheduled: Protocol, clock: FakeClock, minutes: float, late: str
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(minutes * MINUTE)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert "15 min" in card.next_check
    assert f"overdue by {late}" in card.next_check
    assert card.attention is Attention.URGENT


def test_the_most_overdue_check_is_the_one_named(scheduled: Protocol, clock: FakeClock) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(36 * MINUTE)  # 15 min overdue by 21 min, 30 min overdue by 6 min
    card = room_card("Room 1", 7, "P-0042", journey, clock.now())
    assert "overdue by 21 min" in card.next_check
    assert card.attention is Attention.URGENT


def test_a_reading_answers_the_due_check_and_the_card_points_to_the_next(
    scheduled: Protocol, clock: FakeClock
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(22 * MINUTE)
    assert room_card("Room 1", 7, "P", journey, clock.now()).attention is Attention.URGENT
    vitals(journey, NORMAL)
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert upcoming(card.next_check, "at 30 min", "8 min"), card.next_check
    assert card.attention is Attention.CALM
    assert card.last_vitals == "BP 128/82 mmHg, HR 74 /min, SpO2 97% (just now)"
    clock.advance(12 * MINUTE + 20)
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert card.last_vitals == "BP 128/82 mmHg, HR 74 /min, SpO2 97% (12 min ago)"
    assert "30 min" in card.next_check
    assert "due now" in card.next_check
    assert card.attention is Attention.DUE


def test_once_every_check_is_taken_the_card_says_so(scheduled: Protocol, clock: FakeClock) -> None:
    journey = dosed(scheduled, clock)
    for _ in range(3):
        clock.advance(15 * MINUTE)
        vitals(journey, NORMAL)
    clock.advance(20 * MINUTE)
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert "all checks done" in card.next_check.lower()
    assert "due" not in card.next_check
    assert card.attention is Attention.CALM


def test_a_flagged_reading_makes_the_room_urgent_and_shows_its_flags(
    scheduled: Protocol, clock: FakeClock
) -> None:
    journey = dosed(scheduled, clock)
    clock.advance(15 * MINUTE)
    flag = "Systolic BP 186 mmHg is at or above 180 mmHg"
    vitals(journey, {"systolic": 186, "diastolic": 96, "heart_rate": 88}, [flag])
    clock.advance(2 * MINUTE)
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert upcoming(card.next_check, "at 30 min", "13 min"), card.next_check  # no check is due
    assert card.last_vitals == "BP 186/96 mmHg, HR 88 /min (2 min ago)"
    assert card.flags == ("BP 186/96 above 180/110 (2 min ago)",)
    assert card.attention is Attention.URGENT  # but the reading is flagged


def test_the_board_keeps_a_flag_the_journey_screen_keeps(
    protocol: Protocol, clock: FakeClock
) -> None:
    """The board shows the flags that stand by the screen's rule: a newer pulse taken alone
    does not clear a high blood pressure; an acknowledgement does."""
    journey = dosed(protocol, clock)
    high = vitals(journey, {"systolic": 186, "diastolic": 96, "heart_rate": 88})
    clock.advance(5 * MINUTE)
    vitals(journey, {"heart_rate": 80})
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert card.last_vitals == "HR 80 /min (just now)"
    assert card.flags == ("BP 186/96 above 180/110 (5 min ago)",)
    assert card.attention is Attention.URGENT

    journey.acknowledge_flags(journey.events.index(high), ["BP 186/96 above 180/110"])
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert card.flags == ()
    assert card.attention is Attention.CALM


def test_the_newest_reading_is_the_one_shown(protocol: Protocol, clock: FakeClock) -> None:
    journey = dosed(protocol, clock)
    vitals(journey, {"heart_rate": 130}, ["Heart rate 130 /min is above 120 /min"])
    clock.advance(10 * MINUTE)
    vitals(journey, {"heart_rate": 90})
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert card.last_vitals == "HR 90 /min (just now)"
    assert card.flags == ()
    assert card.attention is Attention.CALM


def test_a_corrected_reading_shows_its_corrected_values_and_flags(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = dosed(protocol, clock)
    typo = vitals(
        journey,
        {"systolic": 218, "diastolic": 82},
        ["Systolic BP 218 mmHg is at or above 180 mmHg"],
    )
    seq = journey.events.index(typo)
    clock.advance(3 * MINUTE)
    fixed = {"values": {"systolic": 128, "diastolic": 82}, "flags": []}
    journey.amend(amendment_data(seq, fixed, "typed 218 for 128", "Nurse Ana"))
    card = room_card("Room 1", 7, "P", journey, clock.now())
    assert card.last_vitals == "BP 128/82 mmHg (3 min ago)"
    assert card.flags == ()
    assert card.attention is Attention.CALM


@pytest.mark.parametrize(
    ("sounds", "shown"),
    [
        ([], "No music"),
        ([(EventKind.TRACK, {"title": "Weightless", "path": "/m/w.ogg"})], "Music: Weightless"),
        ([(EventKind.TRACK, {"title": "", "path": "/m/rain.ogg"})], "Music: /m/rain.ogg"),
        (
            [
                (EventKind.TRACK, {"title": "Weightless", "path": "/m/w.ogg"}),
                (EventKind.QUIET, {"on": True}),
            ],
            "Quiet",
        ),
        (
            [
                (EventKind.TRACK, {"title": "Weightless", "path": "/m/w.ogg"}),
                (EventKind.QUIET, {"on": True}),
                (EventKind.QUIET, {"on": False}),
            ],
            "Music: Weightless",
        ),
        (
            [
                (EventKind.TRACK, {"title": "Weightless", "path": "/m/w.ogg"}),
                (EventKind.MUSIC_ENDED, {"playlist": "Peak"}),
            ],
            "No music",
        ),
    ],
)
def test_the_card_says_what_the_room_hears(
    protocol: Protocol,
    clock: FakeClock,
    sounds: Iterable[tuple[EventKind, dict[str, object]]],
    shown: str,
) -> None:
    journey = dosed(protocol, clock)
    for kind, data in sounds:
        clock.advance(MINUTE)
        journey.record_sound(kind, data)
    assert room_card("Room 1", 7, "P", journey, clock.now()).sound == shown


def test_the_patient_code_can_be_hidden(protocol: Protocol, clock: FakeClock) -> None:
    journey = dosed(protocol, clock)
    card = room_card("Room 1", 7, "P-0042", journey, clock.now(), show_patient=False)
    assert card.patient == HIDDEN_PATIENT
    assert "P-0042" not in repr(card)


def test_esketamine_asks_for_the_baseline_before_dosing(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(esketamine, clock)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert "Baseline" in card.next_check
    assert "due now" in card.next_check
    assert card.attention is Attention.DUE
    vitals(journey, {"systolic": 132, "diastolic": 84})
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert "Baseline" not in card.next_check
    assert card.attention is Attention.CALM
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(30 * MINUTE)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert card.phase == "Dosing"  # a timed protocol moves on only when the room ticks
    assert upcoming(card.next_check, "at 40 min", "10 min"), card.next_check
    assert card.attention is Attention.CALM


def esketamine_at_41_minutes(esketamine: Protocol, clock: FakeClock) -> Journey:
    """A baseline taken, the spray given, 41 minutes on: past the 40-minute check's time."""
    journey = Journey.open(esketamine, clock)
    vitals(journey, {"systolic": 132, "diastolic": 84})
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(41 * MINUTE)
    journey.tick()
    return journey


def test_esketamine_peak_check_falls_due_at_40_minutes(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = esketamine_at_41_minutes(esketamine, clock)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert card.phase == "Resolution"
    assert "40 min" in card.next_check
    assert "due now" in card.next_check
    assert card.attention is Attention.DUE
    clock.advance(10 * MINUTE)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert "overdue by 11 min" in card.next_check
    assert card.attention is Attention.URGENT


def test_esketamine_discharge_check_falls_due_when_monitoring_starts(
    esketamine: Protocol, clock: FakeClock
) -> None:
    journey = esketamine_at_41_minutes(esketamine, clock)
    vitals(journey, {"systolic": 150, "diastolic": 88})
    clock.advance(48 * MINUTE)
    journey.tick()
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert card.phase == "Resolution"
    assert "due" not in card.next_check
    assert card.attention is Attention.CALM
    clock.advance(2 * MINUTE)
    journey.tick()
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert card.phase == "Monitoring"
    assert "discharge" in card.next_check.lower()
    assert "due now" in card.next_check
    assert card.attention is Attention.DUE
    clock.advance(6 * MINUTE)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert "discharge" in card.next_check.lower()
    assert card.attention is Attention.URGENT
    vitals(journey, {"systolic": 126, "diastolic": 80})
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert "all checks done" in card.next_check.lower()
    assert card.attention is Attention.CALM


def test_once_dosed_a_missed_baseline_does_not_hold_the_card(
    esketamine: Protocol, clock: FakeClock
) -> None:
    """The board looks ahead; the missed baseline is the record's to report."""
    journey = Journey.open(esketamine, clock)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(MINUTE)
    card = room_card("Room 2", 3, "P-9", journey, clock.now())
    assert upcoming(card.next_check, "at 40 min", "39 min"), card.next_check
    assert card.attention is Attention.CALM


def test_a_free_room_card_is_empty_and_calm() -> None:
    card = free_room("Room 4")
    assert (card.room, card.session_id, card.state) == ("Room 4", None, None)
    assert (card.patient, card.phase, card.next_check, card.sound) == ("", "", "", "")
    assert card.attention is Attention.CALM


# -- the board ----------------------------------------------------------------------------------


def session_of(
    session_id: int, room: str, code: str, journey: Journey, protocol: Protocol
) -> BoardSession:
    return BoardSession(session_id, room, code, protocol.text, tuple(journey.events))


def test_one_card_per_room_sorted_with_free_rooms(protocol: Protocol, clock: FakeClock) -> None:
    journey = dosed(protocol, clock)
    clock.advance(5 * MINUTE)
    board = Board(clock)
    board.update(
        [session_of(1, "room 3", "P-3", journey, protocol)],
        ["Room 1", "room 3", "Quiet room", "", "Room 10"],
    )
    cards = board.cards(clock.now())
    assert [c.room for c in cards] == ["Quiet room", "Room 1", "Room 10", "room 3", UNNAMED_ROOM]
    busy = cards[3]
    assert (busy.session_id, busy.patient, busy.phase) == (1, "P-3", "Onset")
    assert busy.elapsed == pytest.approx(5 * MINUTE)
    assert cards[0] == free_room("Quiet room")
    assert cards[4] == free_room(UNNAMED_ROOM)


def test_a_session_in_a_room_not_listed_still_gets_its_card(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = Journey.open(protocol, clock)
    board = Board(clock)
    board.update(
        [
            session_of(2, "Annex", "P-2", journey, protocol),
            session_of(3, "", "P-3", journey, protocol),
        ],
        ["Room 1"],
    )
    cards = board.cards(clock.now())
    assert [(c.room, c.session_id) for c in cards] == [
        ("Annex", 2),
        ("Room 1", None),
        (UNNAMED_ROOM, 3),
    ]


def test_the_newest_session_in_a_room_wins(protocol: Protocol, clock: FakeClock) -> None:
    older = dosed(protocol, clock)
    clock.advance(50 * MINUTE)
    newer = Journey.open(protocol, clock)
    board = Board(clock)
    board.update(
        [
            session_of(7, "Room 1", "P-NEW", newer, protocol),
            session_of(4, "Room 1", "P-OLD", older, protocol),
        ],
        ["Room 1"],
    )
    (card,) = board.cards(clock.now())
    assert (card.session_id, card.patient, card.phase) == (7, "P-NEW", "Not dosed yet")


def test_a_session_whose_protocol_cannot_be_read_is_set_aside(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = dosed(protocol, clock)
    broken = BoardSession(5, "Room 2", "P-5", "[protocol\nname = ", tuple(journey.events))
    board = Board(clock)
    board.update([session_of(4, "Room 1", "P-4", journey, protocol), broken], ["Room 1", "Room 2"])
    assert board.unreadable == [5]
    cards = {c.room: c for c in board.cards(clock.now())}
    assert (cards["Room 1"].patient, cards["Room 1"].phase) == ("P-4", "Onset")
    # Its room does not look free: the card says a session is open and where to look.
    assert (cards["Room 2"].session_id, cards["Room 2"].patient) == (5, "P-5")
    assert cards["Room 2"].phase == "Session open"
    assert "look on the room PC" in cards["Room 2"].next_check
    assert cards["Room 2"].attention is Attention.DUE
    board.update([session_of(4, "Room 1", "P-4", journey, protocol)], ["Room 1"])
    assert board.unreadable == []


def test_the_board_can_hide_every_patient_code(protocol: Protocol, clock: FakeClock) -> None:
    journey = dosed(protocol, clock)
    board = Board(clock, show_patient=False)
    board.update([session_of(1, "Room 1", "P-0042", journey, protocol)], ["Room 1"])
    assert [c.patient for c in board.cards(clock.now())] == [HIDDEN_PATIENT]


def test_journey_time_keeps_running_between_updates(protocol: Protocol, clock: FakeClock) -> None:
    journey = dosed(protocol, clock)
    clock.advance(3 * MINUTE)
    board = Board(clock)
    board.update([session_of(1, "Room 1", "P-1", journey, protocol)], ["Room 1"])
    assert board.cards(clock.now())[0].elapsed == pytest.approx(3 * MINUTE)
    clock.advance(95)
    assert board.cards(clock.now())[0].elapsed == pytest.approx(3 * MINUTE + 95)
    clock.advance(20 * MINUTE)
    assert board.cards(clock.now())[0].elapsed == pytest.approx(23 * MINUTE + 95)


def test_an_unchanged_session_keeps_its_journey_and_a_changed_one_is_replayed(
    protocol: Protocol, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    replayed: list[Journey] = []
    original = Journey.replay

    def spy(protocol: Protocol, clock: Clock, events: Iterable[JourneyEvent]) -> Journey:
        journey = original(protocol, clock, events)
        replayed.append(journey)
        return journey

    monkeypatch.setattr(Journey, "replay", spy)
    room = dosed(protocol, clock)
    board = Board(clock)
    board.update([session_of(1, "Room 1", "P-1", room, protocol)], ["Room 1"])
    clock.advance(MINUTE)
    board.update([session_of(1, "Room 1", "P-1", room, protocol)], ["Room 1"])
    assert len(replayed) == 1
    first = replayed[0]
    assert board.cards(clock.now())[0].phase == "Onset"

    clock.advance(5 * MINUTE)
    room.advance_phase()
    board.update([session_of(1, "Room 1", "P-1", room, protocol)], ["Room 1"])
    assert len(replayed) == 2
    assert replayed[1] is not first
    card = board.cards(clock.now())[0]
    assert card.phase == "Peak"
    assert card.elapsed == pytest.approx(6 * MINUTE)


def test_a_kept_journey_ignores_a_wall_clock_step(protocol: Protocol, clock: FakeClock) -> None:
    """Between readings the journey time runs on the monotonic clock, as in the room."""
    journey = dosed(protocol, clock)
    board = Board(clock)
    board.update([session_of(1, "Room 1", "P-1", journey, protocol)], ["Room 1"])
    clock.advance(4 * MINUTE)
    clock.jump_wall(3600)  # an NTP step on the board's PC
    board.update([session_of(1, "Room 1", "P-1", journey, protocol)], ["Room 1"])
    assert board.cards(clock.now())[0].elapsed == pytest.approx(4 * MINUTE)


def test_a_session_no_longer_open_leaves_its_room_free(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = dosed(protocol, clock)
    board = Board(clock)
    board.update([session_of(1, "Room 1", "P-1", journey, protocol)], ["Room 1"])
    assert board.cards(clock.now())[0].session_id == 1
    board.update([], ["Room 1"])
    assert board.cards(clock.now()) == [free_room("Room 1")]


def test_a_room_whose_pc_has_gone_quiet_says_it_may_be_offline(
    protocol: Protocol, clock: FakeClock
) -> None:
    journey = dosed(protocol, clock)
    board = Board(clock)
    sessions = [session_of(1, "Room 1", "P-1", journey, protocol)]
    # Heard from 30 s before the reading, by the server's clock: the PCs' clocks do not count.
    heard = {"Room 1": RoomHeard(30.0), "Room 2": RoomHeard(500.0)}
    board.update(sessions, ["Room 1", "Room 2"], heard, clock.now())
    clock.advance(30)
    cards = {c.room: c for c in board.cards(clock.now())}
    assert cards["Room 1"].silent == ""  # a minute: it is there
    before = cards["Room 1"].attention
    clock.advance(30)
    cards = {c.room: c for c in board.cards(clock.now())}
    assert "No word from this room's PC for 1 min" in cards["Room 1"].silent
    assert "may be offline" in cards["Room 1"].silent
    assert cards["Room 1"].attention is before  # the clinical cue is the journey's alone
    assert cards["Room 2"].silent == ""  # a free room's PC may well be off

    board.update(sessions, ["Room 1"], {"Room 1": RoomHeard(1.0, waiting=3)}, clock.now())
    assert board.cards(clock.now())[0].silent == (
        "This room's PC has 3 entries waiting to reach the server."
    )
    board.update(sessions, ["Room 1"], None, clock.now())  # the board itself cut off
    assert board.cards(clock.now())[0].silent == ""
