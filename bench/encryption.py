"""What encryption at rest costs: saving one journey event and opening the database, on a
plain SQLite file and on the same file encrypted with SQLCipher (``kapdesk encrypt``).

No target: the figures go into docs/staff.md so a clinic can weigh them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench.event_save import EVENTS, _percentiles
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.encryption import encrypt_file, sqlcipher_problem
from kapdesk.storage.journeys import JourneyStore

PASSPHRASE = "bench passphrase 2026"
ROUNDS = 3


def saves(folder: Path, encrypted: bool) -> tuple[list[float], float]:
    """Event save times, and how long opening the (current) database took."""
    paths = AppPaths.resolve(folder)
    open_storage(paths, None).engine.dispose()
    if encrypted:
        encrypt_file(paths.database, PASSPHRASE)
    began = time.perf_counter()
    storage = open_storage(paths, None, PASSPHRASE if encrypted else None)
    with storage.engine.connect():
        pass  # the first connection: for SQLCipher, the key derivation
    opened_in = time.perf_counter() - began
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
    assert protocol is not None
    journey = JourneyStore(storage, SystemClock()).open_session("BENCH", protocol, "")
    journey.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    samples = []
    for _ in range(EVENTS):
        began = time.perf_counter()
        journey.journey.resume()
        assert journey.recorder.flush(timeout=10.0)  # committed on the recorder's thread
        samples.append(time.perf_counter() - began)
    journey.recorder.close()
    storage.engine.dispose()
    return samples, opened_in


def main() -> None:
    problem = sqlcipher_problem()
    if problem:
        print(f"encryption at rest: not measured ({problem})")
        return
    figures: dict[bool, list[tuple[float, float, float]]] = {False: [], True: []}
    for turn in range(ROUNDS):
        with tempfile.TemporaryDirectory(dir=Path.home()) as folder:
            for encrypted in (False, True):
                samples, opened = saves(Path(folder) / f"{encrypted}{turn}", encrypted)
                p50, p99 = _percentiles(samples)
                figures[encrypted].append((p50, p99, opened * 1000))
    print(f"encryption at rest (SQLCipher), {ROUNDS} rounds of {EVENTS} events, medians, ms")
    for encrypted, label in ((False, "plain SQLite"), (True, "SQLCipher")):
        p50 = statistics.median(f[0] for f in figures[encrypted])
        p99 = statistics.median(f[1] for f in figures[encrypted])
        opened = statistics.median(f[2] for f in figures[encrypted])
        print(f"  {label:13} event save p50 {p50:6.3f}  p99 {p99:6.3f}   open {opened:6.1f}")


if __name__ == "__main__":
    main()
