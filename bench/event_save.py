"""Saving an event: kapdesk's journey action to committed row, against a raw sqlite3
insert + commit with the same settings (WAL, synchronous=FULL), on the same disk.

Target: kapdesk's p99 within 1.5x of raw sqlite3's.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocols import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore

EVENTS = 2000


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def kapdesk_saves(folder: Path) -> list[float]:
    storage = open_storage(AppPaths.resolve(folder), None)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert protocol is not None
    opened = JourneyStore(storage.factory, SystemClock()).open_session("BENCH", protocol, "")
    dose = Dose(1, "mg", "IM")
    opened.journey.record_dose(dose)
    samples = []
    for _ in range(EVENTS):
        began = time.perf_counter()
        opened.journey.resume()  # one event: a row in session_events, committed
        samples.append(time.perf_counter() - began)
    assert opened.recorder.pending == 0
    storage.engine.dispose()
    return samples


def raw_saves(folder: Path) -> list[float]:
    db = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, session_id INTEGER, seq INTEGER, kind TEXT,"
        " wall_at TEXT, elapsed_s REAL, phase_index INTEGER, data TEXT, UNIQUE (session_id, seq))"
    )
    samples = []
    for seq in range(EVENTS):
        began = time.perf_counter()
        db.execute("BEGIN")
        db.execute(
            "INSERT INTO events (session_id, seq, kind, wall_at, elapsed_s, phase_index, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                1,
                seq,
                "session_resumed",
                datetime.now(UTC).isoformat(),
                1.0,
                0,
                json.dumps({"seconds_since_last_event": 0.0}),
            ),
        )
        db.execute("COMMIT")
        samples.append(time.perf_counter() - began)
    db.close()
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
        raw = raw_saves(Path(folder))
        kap = kapdesk_saves(Path(folder))
    (raw50, raw99), (kap50, kap99) = _percentiles(raw), _percentiles(kap)
    print(f"saving one event, {EVENTS} events, ms")
    print(f"  raw sqlite3 insert+commit   p50 {raw50:6.3f}   p99 {raw99:6.3f}")
    print(f"  kapdesk journey event       p50 {kap50:6.3f}   p99 {kap99:6.3f}")
    print(
        f"  ratio                       p50 {kap50 / raw50:6.2f}x  p99 {kap99 / raw99:6.2f}x"
        "   (target p99 <= 1.50x)"
    )


if __name__ == "__main__":
    main()
