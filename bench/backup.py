"""A backup of a clinic-sized record (5,000 sessions, 1,000,000 events): how long making and
verifying it takes, plain, with a backup passphrase and with the key of a database encrypted
at rest, and how late the journey's 100 ms tick
runs on the window's thread while the backup runs on a worker thread (target: under 50 ms).

The record is built once with kapdesk's own schema (created through kapdesk, then filled with
plain sqlite3 in one transaction, as :mod:`bench.records_size` does) and kept in the system's
temporary folder for the next run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.records_size import PATIENTS, _session_events, _time, begin_record
from kapdesk.core.backups import Encryption
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths
from kapdesk.storage.backup import make_backup, verify_backup
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.encryption import encrypt_file, sqlcipher_problem

SESSIONS = 5_000
EVENTS = 1_000_000
AUDIT_PER_SESSION = 10
TICK_MS = 100  # the journey's tick
TARGET_LATE_MS = 50.0
PASSPHRASE = "bench backup passphrase 2026"
CACHE = Path(tempfile.gettempdir()) / "kapdesk-bench" / f"backup-{SESSIONS}-{EVENTS}"


def build(folder: Path) -> AppPaths:
    """The clinic-sized record in ``folder`` (built there once; kept for the next run)."""
    paths = AppPaths.resolve(folder)
    done = folder / "built"
    if done.exists():
        return paths
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    open_storage(paths, None).engine.dispose()  # the schema, as kapdesk makes it
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    per_session = EVENTS // SESSIONS
    db = sqlite3.connect(paths.database)
    with db:
        protocol = begin_record(db, start)
        db.executemany(
            "INSERT INTO sessions (id, patient_id, protocol_snapshot_id, protocol_id, "
            "protocol_name, room, state, phase_index, opened_at, dosed_at, closed_at, "
            "close_reason) VALUES (?, ?, 1, ?, ?, '', 'closed', 0, ?, ?, ?, 'done')",
            [
                (n, n % PATIENTS + 1, protocol.id, protocol.name, *[_time(start)] * 3)
                for n in range(1, SESSIONS + 1)
            ],
        )
        insert = (
            "INSERT INTO session_events (session_id, seq, kind, wall_at, elapsed_s, "
            "phase_index, data) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        for n in range(1, SESSIONS + 1):
            opened = start + timedelta(hours=n)
            db.executemany(insert, _session_events(n, per_session, opened, close=True))
        db.execute(
            "INSERT INTO doses (session_id, event_id, wall_at, elapsed_s, amount, unit, route, "
            "lot_number, given_by, note) SELECT session_id, id, wall_at, 0, 50, 'mg', 'IM', "
            "'', '', '' FROM session_events WHERE kind = 'dose'"
        )
        db.executemany(
            "INSERT INTO audit_log (at, who, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            (
                (_time(start + timedelta(minutes=n)), "Robin Hale", "signed_in", "", "{}")
                for n in range(SESSIONS * AUDIT_PER_SESSION)
            ),
        )
    db.close()
    done.write_text("")
    return paths


def while_ticking(work: Callable[[], object]) -> tuple[float, float]:
    """Run ``work`` on a worker thread while a 100 ms QTimer ticks on this (the window's)
    thread: the seconds it took and the worst lateness of a tick, in milliseconds."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer  # noqa: PLC0415

    QCoreApplication.instance() or QCoreApplication([])
    loop = QEventLoop()
    worst = 0.0
    failure: list[BaseException] = []
    took = [0.0]

    def run() -> None:
        began = time.perf_counter()
        try:
            work()
        except BaseException as exc:  # reported once the loop is over
            failure.append(exc)
        took[0] = time.perf_counter() - began

    worker = threading.Thread(target=run, name="backup")
    due = [time.monotonic() + TICK_MS / 1000]

    def tick() -> None:
        nonlocal worst
        now = time.monotonic()
        worst = max(worst, (now - due[0]) * 1000)
        due[0] = now + TICK_MS / 1000
        if not worker.is_alive():
            loop.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    due[0] = time.monotonic() + TICK_MS / 1000
    worker.start()
    loop.exec()
    timer.stop()
    worker.join()
    if failure:
        raise failure[0]
    return took[0], worst


def _line(what: str, seconds: float, late_ms: float) -> None:
    verdict = "ok" if late_ms < TARGET_LATE_MS else "OVER"
    print(
        f"  {what:<38} {seconds:7.1f} s   worst tick lateness {late_ms:6.1f} ms "
        f"(target < {TARGET_LATE_MS:.0f} ms: {verdict})",
        flush=True,
    )


def main() -> None:
    began = time.perf_counter()
    paths = build(CACHE)
    size = paths.database.stat().st_size
    print(
        f"backup of a clinic-sized record: {SESSIONS:,} sessions, {EVENTS:,} events, "
        f"{size / 1e6:.0f} MB (ready in {time.perf_counter() - began:.1f} s; cached in {CACHE})"
    )
    storage = open_storage(paths, None)
    idle = while_ticking(lambda: time.sleep(2.0))[1]
    print(f"  the tick alone, nothing running                   worst tick lateness {idle:6.1f} ms")
    kinds = [Encryption.NONE]
    problem = sqlcipher_problem()
    if problem is None:
        kinds.append(Encryption.BACKUP_PASSPHRASE)
    with tempfile.TemporaryDirectory(dir=CACHE.parent) as folder:
        for kind in kinds:
            _measure(storage, Path(folder), kind)
        storage.engine.dispose()
        if problem is not None:
            print(f"  encrypted backups: not measured ({problem})")
            return
        encrypted = open_storage(encrypted_copy(paths), None, PASSPHRASE)
        _measure(encrypted, Path(folder), Encryption.DATABASE_KEY)
        encrypted.engine.dispose()


def encrypted_copy(paths: AppPaths) -> AppPaths:
    """The same record encrypted at rest (``kapdesk encrypt``), built once beside it."""
    folder = CACHE.with_name(CACHE.name + "-encrypted")
    copy = AppPaths.resolve(folder)
    done = folder / "built"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copyfile(paths.database, copy.database)
        encrypt_file(copy.database, PASSPHRASE)
        done.write_text("")
    return copy


def _measure(storage: Storage, folder: Path, kind: Encryption) -> None:
    passphrase = None if kind is Encryption.NONE else PASSPHRASE
    given = PASSPHRASE if kind is Encryption.BACKUP_PASSPHRASE else None
    made: list[Path] = []

    def back_up() -> None:
        path, facts = make_backup(
            storage,
            folder,
            room="Bench",
            clock=SystemClock(),
            passphrase=given,
            encryption=kind,
        )
        assert facts.counts.events == EVENTS, facts.counts
        made.append(path)

    took, late = while_ticking(back_up)
    _line(f"backup ({kind.value}, verified)", took, late)
    took, late = while_ticking(lambda: verify_backup(made[0], passphrase))
    _line(f"verify ({kind.value})", took, late)
    print(f"    backup file {made[0].stat().st_size / 1e6:.0f} MB", flush=True)
    os.unlink(made[0])


if __name__ == "__main__":
    main()
    sys.exit(0)
