"""The clinic board on a shared server: 10 rooms, each its own process with its own engine,
record one note a second for a minute (``--seconds N`` for a shorter run) on one PostgreSQL
server (a throwaway one, as the tests start it), while a BoardFeed in this process listens for
the trigger's notifications and reads the rooms that changed.

Measured: for every event, the time from its commit in the room (the wall clock just after the
journey call returned) to the board update that first carries it, and how many reached the
board only with the room's next event (their notification was lost); the server's CPU over the
run (the postmaster and all its children, from /proc, as a percentage of one core); the
transactions and rows pg_stat_database counts; and the board's reads (updates delivered, the
sessions each one read again, the SQL statements it sent).

Target: every event reaches the board, and the latency's p99 is under 2000 ms. The rooms write
at evenly spread moments (room n a tenth of a second after room n-1), as rooms that started
their sessions independently would.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import signal
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import SpawnProcess
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event as SyncEvent
from pathlib import Path
from types import FrameType
from typing import Any

import psycopg
from sqlalchemy import event

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.board import BoardFeed, BoardUpdate
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from tests.support.postgres import PostgresServer, postgres_instance

ROOMS = 10
SECONDS = 60  # one event a second per room, for this long
TARGET_P99_MS = 2000.0
START_TIMEOUT = 120.0  # for the rooms to start (spawned interpreters, on 2 cores) and open
CATCH_UP_SECONDS = 5.0  # after the last commit, for late events to reach the board
WINDOW_GRACE = 1.0  # the run's figures stop when the board has all, or this after the last commit

# (room, seq, sent, committed): the wall clock before the journey call and just after it.
Written = tuple[int, int, float, float]


def token(room: int, seq: int) -> str:
    """The text of a bench note, which the board finds it by."""
    return f"board bench room {room} event {seq}"


def _room(
    number: int,
    url: str,
    seconds: int,
    *,
    go: SyncEvent,
    start_at: Synchronized[float],
    results: multiprocessing.Queue[Any],
) -> None:
    """One room PC: its own engine, a session in "Room n", a note a second; the times back."""
    storage = None
    try:
        storage = open_storage(AppPaths.resolve(Path(tempfile.gettempdir())), url)
        protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("im-ketamine")
        assert protocol is not None
        store = JourneyStore(storage, SystemClock(), room=f"Room {number}")
        # All rooms open at once: the same sitter and protocol text race, as in a clinic.
        opened = store.open_session(f"BOARD{number:02d}", protocol, "bench")
        opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
        fresh_connection(storage)
        results.put(("ready", number, None))
        go.wait()
        first = start_at.value + (number - 1) / ROOMS
        written: list[Written] = []
        unsaved = 0
        for seq in range(seconds):
            delay = first + seq - time.time()
            if delay > 0:
                time.sleep(delay)
            sent = time.time()
            opened.journey.record_observation(
                EventKind.NOTE,
                {"text": token(number, seq), "tags": [], "by": "bench", "sent": sent},
            )
            saved = opened.recorder.flush(timeout=5.0)  # committed on the recorder's thread
            committed = time.time()
            if not saved:  # kept in memory, not committed: no latency to take
                unsaved += 1
                continue
            written.append((number, seq, sent, committed))
        results.put(("done", number, (written, unsaved)))
    except KeyboardInterrupt:
        pass
    except BaseException:
        results.put(("error", number, traceback.format_exc()))
    finally:
        if storage is not None:
            storage.engine.dispose()


def fresh_connection(storage: Storage) -> None:
    """End the engine's connections and open one anew, idle, for the run.

    A backend may keep some of its counts (pg_stat_database) until it exits: this way what it
    did before the run is counted before the run, and not in it.
    """
    storage.engine.dispose()
    storage.engine.connect().close()


def _percentile(ordered: Sequence[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class BoardWatch:
    """The board's callback: when each bench note first reached it, and what each update read."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: dict[str, float] = {}
        self.updates = 0
        self.reread = 0  # sessions read again, over all updates
        self.problems: list[str] = []

    def __call__(self, update: BoardUpdate) -> None:
        now = time.time()
        with self.lock:
            self.updates += 1
            self.reread += len(update.changed)
            if update.problem is not None:
                self.problems.append(update.problem)
            for session in update.sessions:
                for journey_event in session.events:
                    note = journey_event.data.get("text")
                    if isinstance(note, str) and note not in self.seen:
                        self.seen[note] = now

    def counts(self) -> tuple[int, int]:
        with self.lock:
            return self.updates, self.reread

    def has_all(self, tokens: set[str]) -> bool:
        with self.lock:
            return tokens <= self.seen.keys()


@dataclass(frozen=True)
class Gauges:
    """The readings taken at each end of the run."""

    at: float  # wall clock
    server_cpu: float  # seconds
    board_cpu: float  # seconds, this process
    updates: int
    reread: int
    statements: int

    @classmethod
    def read(cls, server: PostgresServer, watch: BoardWatch, statements: int) -> Gauges:
        updates, reread = watch.counts()
        return cls(
            time.time(),
            server_cpu_seconds(server.data),
            time.process_time(),
            updates,
            reread,
            statements,
        )


def _stat_fields(pid: int | str) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # gone meanwhile
        return None
    return raw[raw.rindex(")") + 2 :].split()  # from field 3 (state) on


def server_cpu_seconds(data: Path) -> float:
    """CPU used by the server so far: the postmaster, its children alive, and those it reaped."""
    postmaster = int((data / "postmaster.pid").read_text().splitlines()[0])
    ticks = os.sysconf("SC_CLK_TCK")
    fields = _stat_fields(postmaster)
    if fields is None:
        raise RuntimeError("the PostgreSQL server is not running")
    total = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            child = _stat_fields(entry)
            if child is not None and int(child[1]) == postmaster:
                total += int(child[11]) + int(child[12])
    return total / ticks


def database_counts(stats: psycopg.Connection[Any], *, alone: bool = False) -> tuple[int, int]:
    """xact_commit and tup_inserted of the database ``kapdesk``, read afresh in one transaction
    (which counts after the reading); ``alone``: once every other backend has ended, since a
    backend may keep some of its counts until it exits."""
    with stats.transaction():
        deadline = time.monotonic() + 10
        while alone and time.monotonic() < deadline:
            stats.execute("SELECT pg_stat_clear_snapshot()")
            others = stats.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = 'kapdesk' AND pid <> pg_backend_pid()"
            ).fetchone()
            if others is not None and others[0] == 0:
                break
            time.sleep(0.1)
        stats.execute("SELECT pg_stat_clear_snapshot()")
        row = stats.execute(
            "SELECT xact_commit, tup_inserted FROM pg_stat_database WHERE datname = 'kapdesk'"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


@contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """SIGTERM cleans up as Ctrl+C does: the rooms stopped, the server stopped and removed."""

    def interrupt(_signum: int, _frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def stop_rooms(rooms: list[SpawnProcess], *, wait: float = 0.0) -> None:
    """Let the rooms end by themselves for ``wait`` seconds, then end those left."""
    deadline = time.monotonic() + wait
    for process in rooms:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    for process in rooms:
        if process.is_alive():
            process.terminate()
    for process in rooms:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


def _next(
    results: multiprocessing.Queue[Any], deadline: float, rooms: list[SpawnProcess]
) -> tuple[str, int, Any]:
    """The next word from a room; an error when they fell silent or one of them died."""
    while True:
        try:
            kind, number, detail = results.get(timeout=1.0)
            return str(kind), int(number), detail
        except queue.Empty:
            pass
        dead = [p.name for p in rooms if p.exitcode not in (None, 0)]
        if dead:
            raise RuntimeError(f"room process(es) died: {', '.join(dead)}")
        if time.monotonic() > deadline:
            raise RuntimeError("the rooms did not answer in time")


def _wait_until(condition: Callable[[], bool], until: float) -> None:
    while time.time() < until and not condition():
        time.sleep(0.02)


def main(seconds: int = SECONDS) -> None:
    with terminated_as_interrupted(), postgres_instance() as server:
        run(server, seconds)


def run(server: PostgresServer, seconds: int) -> None:
    ctx = multiprocessing.get_context("spawn")
    storage = open_storage(AppPaths.resolve(Path(tempfile.gettempdir())), server.url)  # schema
    # The migrations' counts (over a thousand catalogue rows) leave with their connection.
    storage.engine.dispose()
    statements = 0

    def count_statement(*_: Any) -> None:
        nonlocal statements
        statements += 1

    event.listen(storage.engine, "before_cursor_execute", count_statement)
    watch = BoardWatch()
    feed = BoardFeed(storage, SystemClock(), watch)
    results: multiprocessing.Queue[Any] = ctx.Queue()
    go = ctx.Event()
    start_at = ctx.Value("d", 0.0)
    rooms: list[SpawnProcess] = []
    stats = psycopg.connect(
        f"host=127.0.0.1 port={server.port} user=kapdesk dbname=kapdesk", autocommit=True
    )
    try:
        for number in range(1, ROOMS + 1):
            process = ctx.Process(
                target=_room,
                args=(number, server.url, seconds),
                kwargs={"go": go, "start_at": start_at, "results": results},
                name=f"board-bench-room-{number}",
            )
            process.start()
            rooms.append(process)
        deadline = time.monotonic() + START_TIMEOUT
        for _ in range(ROOMS):
            kind, number, detail = _next(results, deadline, rooms)
            if kind != "ready":
                raise RuntimeError(f"room {number} failed while starting:\n{detail}")

        # The board starts with the sessions open (its listener counts a transaction for each
        # notification it takes in, and keeps that count until it exits: none before the run).
        feed.start()
        _wait_until(lambda: watch.counts()[0] > 0, time.time() + 30)
        if not watch.counts()[0]:
            raise RuntimeError("the board did not read the clinic")
        time.sleep(0.5)
        fresh_connection(storage)
        time.sleep(0.2)

        xacts_before, inserted_before = database_counts(stats)
        before = Gauges.read(server, watch, statements)
        start_at.value = before.at + 0.5
        go.set()

        written: list[Written] = []
        unsaved = 0
        deadline = time.monotonic() + 0.5 + seconds + START_TIMEOUT
        for _ in range(ROOMS):
            kind, number, detail = _next(results, deadline, rooms)
            if kind != "done":
                raise RuntimeError(f"room {number} failed:\n{detail}")
            written.extend(detail[0])
            unsaved += detail[1]
        tokens = {token(room, seq) for room, seq, _, _ in written}
        last_commit = max((committed for *_, committed in written), default=time.time())
        _wait_until(lambda: watch.has_all(tokens), last_commit + WINDOW_GRACE)
        after = Gauges.read(server, watch, statements)
        _wait_until(lambda: watch.has_all(tokens), last_commit + CATCH_UP_SECONDS)

        stop_rooms(rooms, wait=10)  # they are done: they close their connections and exit
        feed.stop()
        storage.engine.dispose()
        xacts_after, inserted_after = database_counts(stats, alone=True)
        xacts_after -= 1  # the reading before the run, by this bench
    finally:  # after a failure or Ctrl+C: the rooms left are ended, then the server (main())
        stop_rooms(rooms)
        feed.stop()
        storage.engine.dispose()
        stats.close()
        results.close()
        results.cancel_join_thread()

    with watch.lock:
        seen = dict(watch.seen)
        problems = list(watch.problems)
    report(
        seconds,
        written,
        seen,
        unsaved=unsaved,
        problems=problems,
        before=before,
        after=after,
        xacts=xacts_after - xacts_before,
        inserted=inserted_after - inserted_before,
    )


def report(
    seconds: int,
    written: list[Written],
    seen: dict[str, float],
    *,
    unsaved: int,
    problems: list[str],
    before: Gauges,
    after: Gauges,
    xacts: int,
    inserted: int,
) -> None:
    committed_at = {(room, seq): committed for room, seq, _, committed in written}
    latencies: list[float] = []
    carried_late = 0  # reached the board only after the room's next event was committed
    for room, seq, _, committed in written:
        delivered = seen.get(token(room, seq))
        if delivered is None:
            continue
        latencies.append((delivered - committed) * 1000)
        following = committed_at.get((room, seq + 1))
        if following is not None and delivered > following:
            carried_late += 1
    latencies.sort()
    saves = sorted((committed - sent) * 1000 for _, _, sent, committed in written)
    missing = len(written) - len(latencies)
    took = after.at - before.at
    updates = after.updates - before.updates
    reread = after.reread - before.reread
    cpu = after.server_cpu - before.server_cpu
    board_cpu = after.board_cpu - before.board_cpu
    statements = after.statements - before.statements

    print(
        f"clinic board on PostgreSQL: {ROOMS} rooms (one process each), "
        f"one note a second each for {seconds} s, a BoardFeed listening"
    )
    print(f"  events committed in the rooms          {len(written)}")
    if unsaved:
        print(f"  events the rooms could not save        {unsaved}")
    print(f"  events seen by the board               {len(latencies)}")
    print(f"  missing                                {missing}   (target 0)")
    if latencies:
        p99 = _percentile(latencies, 0.99)
        print(
            "  commit in the room to board update, ms "
            f"p50 {_percentile(latencies, 0.50):.1f}  p90 {_percentile(latencies, 0.90):.1f}  "
            f"p99 {p99:.1f}  max {latencies[-1]:.1f}"
        )
        verdict = "yes" if p99 < TARGET_P99_MS else "NO"
        print(f"  p99 < {TARGET_P99_MS:.0f} ms (target)                {verdict}")
        print(f"  seen only after the room's next event  {carried_late}")
    if saves:
        print(
            "  saving a note in the room, ms          "
            f"p50 {statistics.median(saves):.1f}  p99 {_percentile(saves, 0.99):.1f}"
        )
    print(f"  over the run, {took:.1f} s:")
    print(
        f"  server CPU, all its processes          {cpu:.2f} s"
        f" = {100 * cpu / took:.1f}% of one core"
    )
    print(
        f"  board process CPU (this one)           {board_cpu:.2f} s"
        f" = {100 * board_cpu / took:.1f}% of one core"
    )
    print(f"  transactions committed (xact_commit)   {xacts}")
    print(f"  rows inserted (tup_inserted)           {inserted}")
    print(f"  board updates delivered (reads)        {updates} = {updates / took:.1f} reads/s")
    if updates:
        print(f"  sessions read again per update         {reread / updates:.2f} on average")
    print(f"  SQL statements sent by the board       {statements} = {statements / took:.1f}/s")
    if problems:
        print(f"  board updates with a problem           {len(problems)}: {problems[0]}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=int, default=SECONDS, help="how long each room writes")
    try:
        main(parser.parse_args().seconds)
    except KeyboardInterrupt:
        sys.exit(130)  # Ctrl+C: the rooms and the server are gone already
