"""Start-up against the size of the record: the time the window waits for its records
(:func:`kapdesk.records.open_records`: the database opened and current, the protocols read,
the sessions left open resumed) with 10,000, 100,000 and 1,000,000 events in closed sessions,
and with one session left open holding 78,000 events.

The goal is flat: a start reads what the open sessions need, never the clinic's whole history.
Each database is built with kapdesk's own schema (created through kapdesk), then filled with
plain sqlite3 (executemany, one transaction), as fast as the disk allows. Each figure is the
median of several opens in this process, after one that warms the file cache and the imports.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from kapdesk.core.clock import SystemClock
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.records import open_records
from kapdesk.storage.db import open_storage

SIZES = (10_000, 100_000, 1_000_000)  # events in closed sessions
EVENTS_PER_SESSION = 250  # a long session: notes, vitals, tracks, phases
AUDIT_PER_SESSION = 10  # sign-ins, locks, exports: the audit log grows with the sessions
OPEN_SESSION_EVENTS = 78_000  # the figure: far more than a real session holds
RUNS = 5
PATIENTS = 500
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


class ProtocolRecord(NamedTuple):
    """The protocol the built sessions were run on, as the sessions table names it."""

    id: str
    name: str


def _time(moment: datetime) -> str:
    """A datetime as kapdesk's UTC columns hold it on SQLite."""
    return moment.astimezone(UTC).strftime(_SQLITE_TIME)


def _session_events(
    session_id: int, count: int, opened: datetime, *, close: bool
) -> Iterator[tuple[object, ...]]:
    """The rows of one session's events: opened, dosed, phases, notes and vitals, closed."""
    yield (session_id, 0, "session_opened", _time(opened), None, None, '{"protocol_id": "b"}')
    dose = {"amount": 50, "unit": "mg", "route": "IM", "lot_number": "", "first": True}
    yield (session_id, 1, "dose", _time(opened), 0.0, None, json.dumps(dose))
    phase = {"index": 0, "name": "Onset", "planned_minutes": 5.0, "auto": False}
    yield (session_id, 2, "phase_started", _time(opened), 0.0, 0, json.dumps(phase))
    note = json.dumps({"text": "Resting, eyes closed, breathing slow and even.", "tags": []})
    vitals = json.dumps(
        {"values": {"systolic": 128, "diastolic": 82, "heart_rate": 74}, "flags": []}
    )
    last = count - 1 if close else count
    wall = _time(opened)  # one wall time for the lot: building a million must be quick
    for seq in range(3, last):
        kind, data = ("vitals", vitals) if seq % 10 == 0 else ("note", note)
        yield (session_id, seq, kind, wall, float(seq), 0, data)
    if close:
        yield (session_id, last, "session_closed", wall, float(last), 0, '{"reason": "done"}')


def begin_record(db: sqlite3.Connection, start: datetime) -> ProtocolRecord:
    """Fill a fresh kapdesk schema in ``db`` with the patients and the one protocol snapshot the
    sessions refer to (in the caller's transaction); the protocol's id and name."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert protocol is not None
    db.execute("PRAGMA synchronous=OFF")
    db.executemany(
        "INSERT INTO patients (id, clinic_code, created_at) VALUES (?, ?, ?)",
        [(n, f"P-{n:05d}", _time(start)) for n in range(1, PATIENTS + 1)],
    )
    db.execute(
        "INSERT INTO protocol_snapshots (id, protocol_id, name, sha256, text, created_at) "
        "VALUES (1, ?, ?, ?, ?, ?)",
        (protocol.id, protocol.name, "0" * 64, protocol.text, _time(start)),
    )
    return ProtocolRecord(protocol.id, protocol.name)


def build(folder: Path, closed_events: int, open_events: int = 0) -> AppPaths:
    """A data folder whose database holds ``closed_events`` events in closed sessions and, when
    ``open_events``, one session left open with that many."""
    paths = AppPaths.resolve(folder)
    open_storage(paths, None).engine.dispose()  # the schema, as kapdesk makes it
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    db = sqlite3.connect(folder / "kapdesk.sqlite3")
    with db:
        protocol = begin_record(db, start)
        sessions = closed_events // EVENTS_PER_SESSION
        session_rows: list[tuple[object, ...]] = []
        for n in range(1, sessions + 1):
            opened = start + timedelta(hours=n)
            closed = opened + timedelta(seconds=EVENTS_PER_SESSION)
            row = (n, n % PATIENTS + 1, protocol.id, protocol.name, "closed", 0, _time(opened))
            session_rows.append((*row, _time(opened), _time(closed), "done"))
        if open_events:
            opened = datetime.now(UTC) - timedelta(seconds=open_events)
            row = (sessions + 1, 1, protocol.id, protocol.name, "running", 0, _time(opened))
            session_rows.append((*row, _time(opened), None, ""))
        db.executemany(
            "INSERT INTO sessions (id, patient_id, protocol_snapshot_id, protocol_id, "
            "protocol_name, room, state, phase_index, opened_at, dosed_at, closed_at, "
            "close_reason) VALUES (?, ?, 1, ?, ?, '', ?, ?, ?, ?, ?, ?)",
            session_rows,
        )
        insert = (
            "INSERT INTO session_events (session_id, seq, kind, wall_at, elapsed_s, "
            "phase_index, data) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        for n in range(1, sessions + 1):
            opened = start + timedelta(hours=n)
            db.executemany(insert, _session_events(n, EVENTS_PER_SESSION, opened, close=True))
        db.executemany(
            "INSERT INTO audit_log (at, who, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            (
                (_time(start + timedelta(minutes=n)), "Robin Hale", "signed_in", "", "{}")
                for n in range(sessions * AUDIT_PER_SESSION)
            ),
        )
        if open_events:
            opened = datetime.now(UTC) - timedelta(seconds=open_events)
            db.executemany(insert, _session_events(sessions + 1, open_events, opened, close=False))
    db.close()
    return paths


def time_open(paths: AppPaths) -> tuple[float, int]:
    """Median seconds of open_records over RUNS (after one warm-up), and the sessions resumed."""
    samples = []
    resumed = 0
    for run in range(RUNS + 1):
        began = time.perf_counter()
        records = open_records(paths, None, SystemClock())
        took = time.perf_counter() - began
        resumed = len(records.left_open)
        for opened in records.left_open:
            opened.recorder.close()
        records.storage.engine.dispose()
        if records.writer is not None:
            records.writer.release()  # as the window does when it closes
        if run:
            samples.append(took)
    return statistics.median(samples), resumed


def raw_read(paths: AppPaths) -> float:
    """Median seconds for plain sqlite3 to read the open session's events and decode each one's
    data: the floor under what a resume can cost."""
    samples = []
    for _ in range(RUNS):
        db = sqlite3.connect(paths.data_dir / "kapdesk.sqlite3")
        began = time.perf_counter()
        rows = db.execute(
            "SELECT kind, wall_at, elapsed_s, phase_index, data FROM session_events "
            "WHERE session_id = (SELECT id FROM sessions WHERE state = 'running') ORDER BY seq"
        ).fetchall()
        decoded = [
            (kind, datetime.fromisoformat(wall), json.loads(data))
            for kind, wall, _, _, data in rows
        ]
        samples.append(time.perf_counter() - began)
        assert len(decoded) >= OPEN_SESSION_EVENTS  # and a line for each resume timed
        db.close()
    return statistics.median(samples)


def main() -> None:
    print(f"records open at start (open_records), median of {RUNS}")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for closed in (0, *SIZES):
            began = time.perf_counter()
            paths = build(base / f"closed-{closed}", closed)
            built = time.perf_counter() - began
            took, _ = time_open(paths)
            print(
                f"  {closed:>9,} events in closed sessions   {took * 1000:7.0f} ms"
                f"   (built in {built:.1f} s)",
                flush=True,
            )
        paths = build(base / "open", SIZES[1], OPEN_SESSION_EVENTS)
        took, resumed = time_open(paths)
        assert resumed == 1, resumed
        floor = raw_read(paths)
        print(
            f"  one open session of {OPEN_SESSION_EVENTS:,} events resumed "
            f"(and {SIZES[1]:,} closed)   {took * 1000:7.0f} ms"
        )
        print(f"    plain sqlite3 reading and decoding its events       {floor * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
    sys.exit(0)
