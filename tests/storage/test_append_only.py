"""The record and the audit log are append-only in the database itself, whatever SQL asks: no
UPDATE, DELETE, INSERT OR REPLACE, REPLACE INTO, upsert or TRUNCATE rewrites or removes a row
of session events, doses, questionnaire results, integration updates or the audit log, through
kapdesk or past it (plain sqlite3 on the file; raw SQL on the server)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import DBAPIError

from kapdesk.core.clinic import load_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.integration import draft_plan
from kapdesk.core.journey import Dose, EventKind, JourneyEvent
from kapdesk.core.questionnaires import PHQ9, score
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, AppPaths
from kapdesk.storage.chain import audit_link, verify
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import (
    MIGRATIONS_DIR,
    Storage,
    current_revision,
    database_identity,
    open_storage,
)
from kapdesk.storage.event_writes import EventConflictError, write_event
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import AuditEntry
from kapdesk.storage.outbox import Outbox
from kapdesk.storage.schema_revision import SCHEMA_HEAD
from kapdesk.storage.staff import StaffStore
from tests.conftest import make_protocol
from tests.support.postgres import postgres_instance

# Each append-only table, a text column a forger would change, and its unique keys besides id.
TABLES: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "session_events": ("kind", (("session_id", "seq"),)),
    "doses": ("note", (("event_id",),)),
    "questionnaire_results": ("reason", ()),
    "integration_updates": ("note", ()),
    "audit_log": ("who", ()),
}


def _fill(storage: Storage, clock: FakeClock) -> int:
    """A row in every append-only table, written by kapdesk; the session's id."""
    opened = JourneyStore(storage, clock).open_session("P-0001", make_protocol(), "Ana Moreno")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert opened.recorder.flush(timeout=5)
    StaffStore(storage, clock).record("Ana Moreno", "screen_locked")
    CourseStore(storage, clock).record("P-0001", score(PHQ9, (1,) * 9), "preparation", by="Dr Lin")
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    plans = IntegrationStore(storage, clock)
    items = plans.draft(opened.session_id, draft_plan(settings, date(2026, 11, 20), 2))
    plans.update(items[0].id, "Ana Moreno", note="called the patient")
    return opened.session_id


def _contents(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
            for table in TABLES
        }


def _rewrites(engine: Engine, dialect: str) -> list[str]:
    """Every statement that would rewrite or remove a row of an append-only table."""
    statements = []
    with engine.connect() as conn:
        for table, (column, unique) in TABLES.items():
            columns = [c["name"] for c in inspect(conn).get_columns(table)]
            first = conn.execute(text(f"SELECT min(id) FROM {table}")).scalar()
            forged = ", ".join("'forged'" if c == column else c for c in columns)
            # The same key with a new content, and a new id over an existing unique key.
            same_id = f"SELECT {forged} FROM {table} WHERE id = {first}"
            new_id = same_id.replace(
                "SELECT id,", f"SELECT (SELECT max(id) + 1000 FROM {table}),", 1
            )
            into = f"{table} ({', '.join(columns)})"
            upserts = [
                f"INSERT INTO {into} {same_id} ON CONFLICT (id) DO UPDATE SET {column} = "
                f"excluded.{column}",
                *(
                    f"INSERT INTO {into} {new_id} ON CONFLICT ({', '.join(key)}) DO UPDATE "
                    f"SET {column} = excluded.{column}"
                    for key in unique
                ),
            ]
            statements += [
                f"UPDATE {table} SET {column} = 'forged'",
                f"DELETE FROM {table} WHERE id = {first}",
                f"DELETE FROM {table}",
                *upserts,
            ]
            if dialect == "sqlite":
                statements += [
                    f"INSERT OR REPLACE INTO {into} {same_id}",
                    f"REPLACE INTO {into} {same_id}",
                    *(f"INSERT OR REPLACE INTO {into} {new_id}" for _key in unique),
                    *(f"REPLACE INTO {into} {new_id}" for _key in unique),
                    f"UPDATE OR REPLACE {table} SET {column} = 'forged'",
                ]
            else:
                statements.append(f"TRUNCATE {table} CASCADE")  # plain, if nothing refers to it
    if dialect != "sqlite":
        # A truncate of the tables they hang from takes them with it.
        statements += ["TRUNCATE sessions CASCADE", "TRUNCATE patients CASCADE"]
    return statements


def _plain_sql(storage: Storage, paths: AppPaths) -> Callable[[str], None]:
    """Run one statement past kapdesk: plain sqlite3 on the file (as a script or the sqlite3
    shell would, foreign keys off), or raw SQL on the server; raise if it is refused."""
    if storage.engine.dialect.name == "sqlite":

        def run_sqlite(statement: str) -> None:
            conn = sqlite3.connect(paths.database)
            try:
                with conn:
                    conn.execute(statement)
            finally:
                conn.close()

        return run_sqlite

    def run_server(statement: str) -> None:
        with storage.engine.begin() as conn:
            conn.exec_driver_sql(statement)

    return run_server


def test_no_sql_rewrites_or_removes_an_append_only_row(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    dialect = storage.engine.dialect.name
    _fill(storage, clock)
    before = _contents(storage.engine)
    assert all(before.values())  # a row in every table
    run = _plain_sql(storage, paths)
    statements = _rewrites(storage.engine, dialect)
    not_refused = [s for s in statements if "append-only" not in _refusal(run, s)]
    assert not_refused == []
    assert _contents(storage.engine) == before


def _refusal(run: Callable[[str], None], statement: str) -> str:
    """Why the database refused ``statement``; empty when it ran."""
    try:
        run(statement)
    except (sqlite3.Error, DBAPIError) as exc:
        return str(exc)
    return ""


def test_kapdesk_still_appends_and_knows_an_event_it_already_wrote(
    storage: Storage, clock: FakeClock
) -> None:
    session_id = _fill(storage, clock)
    before = _contents(storage.engine)
    clock.advance(60)
    event = JourneyEvent(EventKind.NOTE, clock.now(), 60.0, 0, {"text": "calm", "by": "Ana"})
    write_event(storage.engine, session_id, 10, event)
    # Its commit landed but the answer was lost: sent again, it is known, not written twice.
    write_event(storage.engine, session_id, 10, event)
    other = JourneyEvent(EventKind.NOTE, clock.now(), 60.0, 0, {"text": "restless"})
    with pytest.raises(EventConflictError, match="different note at 10"):
        write_event(storage.engine, session_id, 10, other)
    StaffStore(storage, clock).record("Ana Moreno", "screen_unlocked")
    after = _contents(storage.engine)
    assert len(after["session_events"]) == len(before["session_events"]) + 1
    assert after["audit_log"][:-1] == before["audit_log"]
    assert after["audit_log"][-1][3] == "screen_unlocked"


def _alembic(storage: Storage, action: Callable[..., None], revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with storage.engine.begin() as conn:
        config.attributes["connection"] = conn
        action(config, revision)


def _triggers(storage: Storage) -> set[str]:
    with storage.engine.connect() as conn:
        if storage.engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        return set(conn.execute(text(query)).scalars())


def test_migration_0009_goes_down_and_up_again(storage: Storage) -> None:
    at_head = _triggers(storage)
    rewrite_guards = {f"{table}_no_rewrite" for table in TABLES}
    assert rewrite_guards <= at_head
    _alembic(storage, command.downgrade, "0008")
    assert current_revision(storage.engine) == "0008"
    down = _triggers(storage)
    assert not (rewrite_guards & down)
    assert not any(name.endswith("_no_truncate") for name in down)
    guards_0005 = "_no_update" if storage.engine.dialect.name == "sqlite" else "_append_only"
    assert {f"{table}{guards_0005}" for table in TABLES} <= down  # 0005's stay
    _alembic(storage, command.upgrade, "head")
    assert current_revision(storage.engine) == SCHEMA_HEAD
    assert _triggers(storage) == at_head


# -- the hash chains: what a change made past the triggers leaves behind ---------------------


def _past_the_triggers(storage: Storage, paths: AppPaths, *statements: str) -> None:
    """Run ``statements`` as someone who owns the file or the tables: the triggers are dropped
    (SQLite) or switched off (PostgreSQL) first, and put back after."""
    if storage.engine.dialect.name == "sqlite":
        conn = sqlite3.connect(paths.database)
        try:
            saved = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
            with conn:
                for name, _sql in saved:
                    conn.execute(f"DROP TRIGGER {name}")
                for statement in statements:
                    conn.execute(statement)
                for _name, sql in saved:
                    conn.execute(sql)
        finally:
            conn.close()
        return
    with storage.engine.begin() as server:
        for table in TABLES:
            server.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        for statement in statements:
            server.exec_driver_sql(statement)
        for table in TABLES:
            server.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def test_verify_finds_the_record_as_kapdesk_wrote_it(storage: Storage, clock: FakeClock) -> None:
    _fill(storage, clock)
    found = verify(storage.engine)
    assert found.whole, found.breaks
    assert "all 15 append-only triggers are in place" in found.notes
    assert "session events: 3 chained" in found.notes
    assert "audit log: 1 lines chained" in found.notes


SESSION_ONE = "session_id = (SELECT min(session_id) FROM session_events)"
TAMPERING = {
    "an event changed": (
        [f"UPDATE session_events SET data = '{{}}' WHERE seq = 1 AND {SESSION_ONE}"],
        "event 1: changed",
    ),
    "an event removed": (
        [
            "DELETE FROM doses",
            f"DELETE FROM session_events WHERE seq = 1 AND {SESSION_ONE}",
        ],
        "event 2: the event before it (1) is missing",
    ),
    "an event slipped in": (
        [
            "INSERT INTO session_events (session_id, seq, kind, wall_at, elapsed_s, phase_index,"
            " data, chain) SELECT session_id, 99, kind, wall_at, elapsed_s, phase_index, data,"
            " chain FROM session_events WHERE seq = 1"
        ],
        "event 99: the event before it (3) is missing",
    ),
    "an audit line changed": (
        ["UPDATE audit_log SET who = 'someone else' WHERE id = (SELECT min(id) FROM audit_log)"],
        ": changed, removed or put in since it was written",
    ),
    "an audit line removed": (
        ["DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)"],
        ": changed, removed or put in since it was written",
    ),
    "an audit line without a hash": (
        [
            "INSERT INTO audit_log (at, who, action, subject, detail) SELECT at, 'someone',"
            " action, subject, detail FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)"
        ],
        ": has no hash, after lines that have one",
    ),
}


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_verify_finds_a_change_made_past_the_triggers(
    storage: Storage, paths: AppPaths, clock: FakeClock, tampering: str
) -> None:
    _fill(storage, clock)
    StaffStore(storage, clock).record("Ana Moreno", "screen_unlocked")  # a line after the first
    assert verify(storage.engine).whole
    statements, said = TAMPERING[tampering]
    _past_the_triggers(storage, paths, *statements)
    found = verify(storage.engine)
    assert not found.whole
    assert any(said in problem for problem in found.breaks), found.breaks


def test_verify_says_which_triggers_are_gone(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    _fill(storage, clock)
    if storage.engine.dialect.name == "sqlite":
        conn = sqlite3.connect(paths.database)
        with conn:
            conn.execute("DROP TRIGGER audit_log_no_rewrite")
        conn.close()
    else:
        with storage.engine.begin() as server:
            server.exec_driver_sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_rewrite")
    found = verify(storage.engine)
    assert found.breaks == [
        "1 of the 15 append-only triggers are missing, disabled or changed: "
        "audit_log_no_rewrite (refuses an insert over an existing row on audit_log)"
    ]


def test_rows_from_before_the_chain_began_are_counted_not_vouched_for(
    storage: Storage, clock: FakeClock
) -> None:
    session_id = _fill(storage, clock)
    _alembic(storage, command.downgrade, "0008")  # as if written by kapdesk before 0009
    _alembic(storage, command.upgrade, "head")
    store = JourneyStore(storage, clock)
    opened = store.editable(session_id)  # the same session goes on, now chained
    opened.journey.record_observation(EventKind.NOTE, {"text": "calm", "by": "Ana Moreno"})
    assert opened.recorder.flush(timeout=5)
    StaffStore(storage, clock).record("Ana Moreno", "screen_unlocked")
    found = verify(storage.engine)
    assert found.whole, found.breaks
    assert "session events: 1 chained, 3 from before the chain began (not vouched for)" in (
        found.notes
    )
    assert "audit log: 1 lines chained, 1 from before the chain began (not vouched for)" in (
        found.notes
    )


def test_a_chain_rewritten_whole_shows_against_a_hash_kept_elsewhere(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    _fill(storage, clock)
    StaffStore(storage, clock).record("Ana Moreno", "screen_unlocked")
    said = next(n for n in verify(storage.engine).notes if "latest hash" in n)
    kept = said.split()[5]
    assert "is still in the record" in verify(storage.engine, [kept]).notes[-1]
    # A forger who knows how kapdesk chains changes the first line and every hash after it.
    table = AuditEntry.__table__
    with storage.engine.connect() as conn:
        lines = [row._asdict() for row in conn.execute(select(table).order_by(table.c.id))]
    lines[0]["who"] = "someone else"
    previous = None
    forged = []
    for line in lines:
        previous = audit_link(previous, line)
        forged.append(
            f"UPDATE audit_log SET who = '{line['who']}', chain = '{previous}' "
            f"WHERE id = {line['id']}"
        )
    _past_the_triggers(storage, paths, *forged)
    assert verify(storage.engine).whole  # the chains alone cannot tell
    found = verify(storage.engine, [kept])
    assert found.breaks == [
        f"the hash noted earlier, {kept}, is no longer in the record: rows before it were "
        "rewritten along with their chain"
    ]


def test_writers_at_once_keep_every_chain_whole(storage: Storage, clock: FakeClock) -> None:
    """Rooms on one server write events (each its own session) and audit lines at once."""
    store = JourneyStore(storage, clock)
    sessions = [store.open_session(f"P-{n}", make_protocol(), "") for n in range(3)]
    start = threading.Barrier(6)
    failures: list[BaseException] = []

    def audit_lines(who: str) -> None:
        staff = StaffStore(storage, clock)
        start.wait()
        for _ in range(10):
            staff.record(who, "screen_locked")

    def events(n: int) -> None:
        start.wait()
        for turn in range(10):
            sessions[n].journey.record_observation(EventKind.NOTE, {"text": f"note {turn}"})

    def run(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:
            failures.append(exc)

    threads = [
        threading.Thread(target=run, args=(lambda n=n: audit_lines(f"Room {n}"),)) for n in range(3)
    ] + [threading.Thread(target=run, args=(lambda n=n: events(n),)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert all(opened.recorder.flush(timeout=30) for opened in sessions)  # the writer threads
    found = verify(storage.engine)
    assert found.whole, found.breaks
    assert "audit log: 30 lines chained" in found.notes
    assert "session events: 33 chained" in found.notes


def test_a_recorder_chains_onto_the_record_after_a_lost_answer_and_a_place_taken(
    storage: Storage, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recorder chains each entry onto the one it committed before without reading it
    back; after a write whose answer was lost, or a place another writer took, it chains onto
    the record as it stands, and every chain is whole."""
    from kapdesk.storage import recorder as recorder_module  # noqa: PLC0415

    opened = JourneyStore(storage, clock).open_session("P-3", make_protocol(), "Sam")
    for number in range(3):
        clock.advance(30)
        opened.journey.record_observation(EventKind.NOTE, {"text": f"note {number}"})
    assert opened.recorder.flush(timeout=10)
    lost = {"left": 1}

    def answer_lost(*args: Any, **kwargs: Any) -> Any:
        written = write_event(*args, **kwargs)
        if lost["left"]:
            lost["left"] -= 1
            raise sqlite3.OperationalError("disk I/O error")  # committed, and then the answer
        return written

    monkeypatch.setattr(recorder_module, "write_event", answer_lost)
    clock.advance(30)
    opened.journey.record_observation(EventKind.NOTE, {"text": "sent twice"})  # at 4
    assert opened.recorder.flush(timeout=10)
    clock.advance(30)
    opened.journey.record_observation(EventKind.NOTE, {"text": "after the lost answer"})
    assert opened.recorder.flush(timeout=10)
    other = JourneyEvent(EventKind.NOTE, clock.now(), 1.0, 0, {"text": "another writer's"})
    write_event(storage.engine, opened.session_id, 6, other)
    clock.advance(30)
    opened.journey.record_observation(EventKind.NOTE, {"text": "set aside"})  # 6 is taken
    clock.advance(30)
    opened.journey.record_observation(EventKind.NOTE, {"text": "after the place taken"})
    assert opened.recorder.flush(timeout=10)
    assert opened.recorder.set_aside == 1
    found = verify(storage.engine)
    assert found.whole, found.breaks
    assert "session events: 8 chained" in found.notes  # 0 to 7, each once
    opened.recorder.close()


def test_what_a_room_kept_offline_is_chained_when_it_reaches_the_server(
    paths: AppPaths, clock: FakeClock
) -> None:
    """Events and audit lines that waited in the room's outbox are chained as they are sent."""
    with postgres_instance() as server:
        storage = open_storage(paths, server.url)
        outbox = Outbox(paths.outbox, database_identity(storage.engine))
        try:
            store = JourneyStore(storage, clock, "Room 2", outbox)
            opened = store.open_session("P-7", make_protocol(), "Sam")
            staff = StaffStore(storage, clock, outbox)
            staff.record("Sam", "screen_locked")
            server.stop()
            for number in range(3):
                clock.advance(30)
                opened.journey.record_observation(EventKind.NOTE, {"text": f"offline {number}"})
            staff.record("Sam", "screen_unlocked")
            for _ in range(600):  # the recorder's writer thread meets the stopped server
                if opened.recorder.offline:
                    break
                threading.Event().wait(0.05)
            assert opened.recorder.offline
            assert staff.unsent == 1
            server.start()
            waited = threading.Event()
            for _ in range(600):
                if opened.recorder.pending == 0:
                    break
                waited.wait(0.05)
            staff.record("Sam", "screen_locked")  # sends the line that waited first
            assert (opened.recorder.pending, staff.unsent) == (0, 0)
            found = verify(storage.engine)
            assert found.whole, found.breaks
            assert "session events: 4 chained" in found.notes
            assert "audit log: 3 lines chained" in found.notes
            opened.recorder.close()
        finally:
            outbox.close()
            storage.engine.dispose()
