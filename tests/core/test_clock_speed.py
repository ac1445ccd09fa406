"""The practice clock: runs at the trainer's speed over the real one, never jumps, never
goes back."""

from __future__ import annotations

import sys
import threading
from datetime import timedelta

import pytest

from kapdesk.core.clock import FakeClock, SpeedClock
from kapdesk.core.practice import SPEEDS


def test_it_starts_where_the_clock_beneath_is_and_runs_at_its_speed() -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=30)
    assert clock.monotonic() == beneath.monotonic()
    assert clock.now() == beneath.now()
    assert clock.since_boot() == beneath.since_boot()
    start_mono, start_wall, start_boot = clock.monotonic(), clock.now(), clock.since_boot()
    beneath.advance(60)  # a real minute
    assert clock.monotonic() - start_mono == pytest.approx(1800)  # half an hour of practice
    assert clock.now() - start_wall == timedelta(seconds=1800)
    assert clock.since_boot() == pytest.approx((start_boot or 0) + 1800)
    assert clock.boot_id() == beneath.boot_id()


@pytest.mark.parametrize("speed", SPEEDS)
def test_every_speed_on_the_band_runs_that_many_times_as_fast(speed: int) -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath)
    clock.set_speed(speed)
    before = clock.monotonic()
    beneath.advance(10)
    assert clock.monotonic() - before == pytest.approx(10 * speed)
    assert clock.speed == speed


def test_a_change_of_speed_goes_on_from_where_the_clock_is() -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=10)
    beneath.advance(6)  # a minute of practice
    at_change = (clock.monotonic(), clock.now(), clock.since_boot())
    clock.set_speed(1)
    assert (clock.monotonic(), clock.now(), clock.since_boot()) == at_change  # no jump
    beneath.advance(5)
    assert clock.monotonic() == pytest.approx(at_change[0] + 5)
    clock.set_speed(30)
    beneath.advance(2)
    assert clock.monotonic() == pytest.approx(at_change[0] + 5 + 60)
    assert clock.now() == at_change[1] + timedelta(seconds=65)


def test_it_never_runs_backwards_and_ignores_the_wall_clock_beneath() -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=5)
    readings = []
    for step in (0.0, 0.5, 3.0, 0.0, 1.25):
        beneath.advance(step)
        beneath.jump_wall(-3600)  # someone sets the PC's date back an hour: practice goes on
        readings.append((clock.monotonic(), clock.now()))
        clock.set_speed(5 if len(readings) % 2 else 30)
    assert readings == sorted(readings)
    assert readings[-1][0] - readings[0][0] == pytest.approx(0.5 * 5 + 3 * 30 + 1.25 * 30)


def test_a_speed_it_cannot_run_at_is_refused_and_changes_nothing() -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=5)
    for speed in (0, -1, 1000, float("nan")):
        with pytest.raises(ValueError, match="practice clock"):
            clock.set_speed(speed)
    assert clock.speed == 5
    with pytest.raises(ValueError, match="practice clock"):
        SpeedClock(beneath, speed=0)


def test_an_unknown_time_since_boot_stays_unknown() -> None:
    beneath = FakeClock(boot_id=None)
    clock = SpeedClock(beneath, speed=10)
    beneath.advance(3)
    clock.set_speed(1)
    assert clock.since_boot() is None
    assert clock.boot_id() is None


def test_catching_up_moves_every_reading_on_together_and_never_back() -> None:
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=5)
    start_mono, start_boot = clock.monotonic(), clock.since_boot() or 0.0
    ahead = clock.now() + timedelta(minutes=20)  # what a fast practice wrote before a restart
    assert clock.catch_up(ahead) == pytest.approx(1200)
    assert clock.now() == ahead
    assert clock.monotonic() == pytest.approx(start_mono + 1200)
    assert clock.since_boot() == pytest.approx(start_boot + 1200)
    assert clock.catch_up(ahead - timedelta(hours=1)) == 0.0  # behind it: nothing moves
    assert clock.now() == ahead
    beneath.advance(2)
    assert clock.now() == ahead + timedelta(seconds=10)  # and on at its speed from there


def test_a_reader_on_another_thread_never_sees_it_go_back_while_the_speed_changes() -> None:
    """Print jobs and the records opener read the clock off the UI thread while the trainer
    changes speed on it: no reading may catch a change half made."""
    beneath = FakeClock()
    clock = SpeedClock(beneath, speed=1)
    stop = threading.Event()
    went_back: list[tuple[float, float]] = []

    def read() -> None:
        last = clock.monotonic()
        while not stop.is_set():
            now = clock.monotonic()
            if now < last:
                went_back.append((last, now))
            last = now

    switching = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # hand the interpreter between threads as often as it can
    reader = threading.Thread(target=read)
    reader.start()
    try:
        for turn in range(20_000):
            beneath.advance(0.001)
            clock.set_speed(SPEEDS[turn % len(SPEEDS)])
    finally:
        stop.set()
        reader.join()
        sys.setswitchinterval(switching)
    assert went_back == []
