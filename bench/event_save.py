"""Saving an event: kapdesk's journey action to committed row, against a raw sqlite3
insert + commit into the same table with the same settings (WAL, synchronous=FULL, foreign
keys), on the same disk.

Target: kapdesk's p99 within 1.5x of raw sqlite3's. The two take turns, round after round, so
that the disk's moods (write-back, other processes) fall on both alike; each figure is the
median over the rounds of that round's percentile.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import figures
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore

EVENTS = 1000  # per round
ROUNDS = 5


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


def kapdesk_saves(folder: Path) -> list[float]:
    storage = open_storage(AppPaths.resolve(folder / "kapdesk"), None)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert protocol is not None
    opened = JourneyStore(storage, SystemClock()).open_session("BENCH", protocol, "")
    dose = Dose(0.75, "mg/kg", "IM", weight_kg=70)
    opened.journey.record_dose(dose)
    samples = []
    for _ in range(EVENTS):
        began = time.perf_counter()
        opened.journey.resume()  # one event, handed to the recorder's thread
        assert opened.recorder.flush(timeout=10.0)  # its row in session_events, committed
        samples.append(time.perf_counter() - began)
    opened.recorder.close()
    storage.engine.dispose()
    return samples


def raw_saves(folder: Path) -> list[float]:
    """Raw sqlite3 into the same table (kapdesk's schema, one session row) with the same
    PRAGMAs, so the difference is kapdesk's own cost and not the schema's."""
    storage = open_storage(AppPaths.resolve(folder), None)
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert protocol is not None
    session_id = JourneyStore(storage, SystemClock()).open_session("RAW", protocol, "").session_id
    storage.engine.dispose()
    db = sqlite3.connect(folder / "kapdesk.sqlite3", isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        db.execute(f"PRAGMA {pragma}")
    samples = []
    for seq in range(1, EVENTS + 1):
        began = time.perf_counter()
        db.execute("BEGIN")
        db.execute(
            "INSERT INTO session_events (session_id, seq, kind, wall_at, elapsed_s, phase_index,"
            " data) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                seq,
                "session_resumed",
                datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),
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
    raw_rounds, kap_rounds = [], []
    for turn in range(ROUNDS):
        with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
            raw_rounds.append(_percentiles(raw_saves(Path(folder) / "raw")))
            kap_rounds.append(_percentiles(kapdesk_saves(Path(folder) / f"kap{turn}")))
    raw50 = statistics.median(p50 for p50, _ in raw_rounds)
    raw99 = statistics.median(p99 for _, p99 in raw_rounds)
    kap50 = statistics.median(p50 for p50, _ in kap_rounds)
    kap99 = statistics.median(p99 for _, p99 in kap_rounds)
    print(f"saving one event, {ROUNDS} rounds of {EVENTS} events, median of the rounds, ms")
    print(f"  raw sqlite3 insert+commit   p50 {raw50:6.3f}   p99 {raw99:6.3f}")
    print(f"  kapdesk journey event       p50 {kap50:6.3f}   p99 {kap99:6.3f}")
    print(
        f"  ratio                       p50 {kap50 / raw50:6.2f}x  p99 {kap99 / raw99:6.2f}x"
        "   (target p99 <= 1.50x)"
    )
    figures.record(
        "event save p99",
        f"{kap99:.3f} ms = {kap99 / raw99:.2f}x",
        "<= 1.5x raw sqlite3",
        f"raw sqlite3 {raw99:.3f} ms",
        kap99 / raw99 <= 1.5,
    )


if __name__ == "__main__":
    main()
