"""Audit lines on a thread of their own: written in the order they were made, each stamped
with the moment it was made, tried again while the database refuses, never lost silently."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Any

import pytest

from kapdesk.core.clock import FakeClock
from kapdesk.storage.audit_queue import AuditQueue
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.staff import StaffStore


class _Slow:
    """A staff store whose database answers only once the test lets go of ``gate``."""

    def __init__(self, staff: StaffStore) -> None:
        self.staff = staff
        self.gate = threading.Event()

    def record_at(
        self, now: datetime, who: str, action: str, subject: str = "", **detail: Any
    ) -> None:
        self.gate.wait(10)
        self.staff.record_at(now, who, action, subject, **detail)


class _Refusing:
    """A store whose database refuses the first two writes."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.refusals = [StorageError("The database is busy"), StorageError("Still busy")]

    def record_at(
        self, now: datetime, who: str, action: str, subject: str = "", **detail: Any
    ) -> None:
        if self.refusals:
            raise self.refusals.pop(0)
        self.written.append(action)


def test_lines_are_written_in_order_with_the_moment_they_were_made(
    storage: Storage, clock: FakeClock
) -> None:
    staff = StaffStore(storage, clock)
    slow = _Slow(staff)
    gate = slow.gate
    lines = AuditQueue(slow, clock)
    made = []
    for action in ("screen_locked", "notice_noted", "record_printed"):
        made.append(clock.now())
        lines.put("Jo Okafor", action, "keep_awake", words="seen")
        clock.advance(90)
    assert not lines.idle()
    clock.advance(5 * 60)  # written long after they were made
    gate.set()
    assert lines.flush(timeout=10)
    assert lines.idle()
    log = staff.audit_log()
    assert [line.action for line in log] == ["screen_locked", "notice_noted", "record_printed"]
    assert [line.at.replace(tzinfo=None) for line in log] == [m.replace(tzinfo=None) for m in made]
    assert all(line.detail == {"words": "seen"} and line.who == "Jo Okafor" for line in log)


def test_a_refused_line_is_tried_again_and_nothing_overtakes_it(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    store = _Refusing()
    lines = AuditQueue(store, clock, first_pause=0.01, longest_pause=0.02)
    with caplog.at_level(logging.WARNING, logger="kapdesk.storage.audit_queue"):
        lines.put("Ana Moreno", "screen_locked")
        lines.put("Ana Moreno", "notice_noted")
        assert lines.flush(timeout=10)
    assert store.written == ["screen_locked", "notice_noted"]
    tries = [r.getMessage() for r in caplog.records if "trying again" in r.getMessage()]
    assert len(tries) == 2
    assert all("screen_locked" in t for t in tries)


def test_a_flush_that_runs_out_of_time_says_what_was_not_written(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    gate = threading.Event()

    class Stuck:
        def record_at(
            self, now: datetime, who: str, action: str, subject: str = "", **detail: Any
        ) -> None:
            gate.wait(10)

    lines = AuditQueue(Stuck(), clock)
    lines.put("Ana Moreno", "screen_locked")
    lines.put("Ana Moreno", "notice_noted")
    with caplog.at_level(logging.ERROR, logger="kapdesk.storage.audit_queue"):
        assert not lines.flush(timeout=0.05)
    gate.set()
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "screen_locked" in said
    assert "notice_noted" in said
    assert lines.flush(timeout=10)
