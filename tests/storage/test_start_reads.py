"""Starting kapdesk reads what the sessions left open need, never the clinic's whole history:
every statement the start runs finds its rows through an index (SQLite's own query plan says
so), and no statement reads the events of a closed session."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocols import Protocol
from kapdesk.paths import AppPaths
from kapdesk.records import records_on
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore

# Tables that grow with every session the clinic has ever run, and the audit log, which grows
# with every sign-in: a start reads none of them whole.
HISTORY = ("session_events", "sessions", "doses", "patients", "audit_log")


@contextmanager
def statements(storage: Storage) -> Iterator[list[tuple[str, Any]]]:
    """Every statement run on ``storage`` meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(_conn: object, _cursor: object, sql: str, params: Any, *_: object) -> None:
        seen.append((sql, params))

    event.listen(storage.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(storage.engine, "before_cursor_execute", note)


def _history(paths: AppPaths, protocol: Protocol, clock: FakeClock) -> int:
    """Closed sessions with their events, and one left open: its id."""
    storage = open_storage(paths, None)
    store = JourneyStore(storage, clock)
    for n in range(12):
        opened = store.open_session(f"P-{n}", protocol, "Jo")
        opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
        for _ in range(5):
            opened.journey.record_observation(EventKind.NOTE, {"text": "calm", "tags": []})
        opened.journey.close("done")
    left = store.open_session("P-OPEN", protocol, "Jo")
    left.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert store.flush_all(timeout=30.0)  # every entry written before this kapdesk "ends"
    storage.engine.dispose()
    return left.session_id


def test_the_start_reads_only_the_open_sessions_through_indexes(
    paths: AppPaths, protocol: Protocol, clock: FakeClock
) -> None:
    open_id = _history(paths, protocol, clock)
    storage = open_storage(paths, None)
    with statements(storage) as seen:
        records = records_on(storage, paths, clock)
    assert [o.session_id for o in records.left_open] == [open_id]
    storage.engine.dispose()

    plain = sqlite3.connect(paths.data_dir / "kapdesk.sqlite3")
    scans = []
    events_read: list[tuple[Any, ...]] = []
    for sql, params in seen:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = plain.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        for *_, detail in plan:
            scanned = re.match(r"SCAN (\w+)", detail)
            if scanned and scanned.group(1) in HISTORY:
                scans.append((detail, sql))
        if "FROM session_events" in sql:
            events_read.append(tuple(params))
    plain.close()
    assert scans == []
    # The open session's events (and, writing its resumption, the hash of its last event), and
    # no other session's.
    assert events_read
    assert {params[0] for params in events_read} == {open_id}
