"""Tamper evidence beyond the append-only triggers: hash chains over the record and the audit log.

Every session event carries ``chain``, the SHA-256 of the previous event's ``chain`` in the same
session (none for the first) and of the event's own content; every audit line carries the same
over the previous audit line. kapdesk computes them as it writes. Whoever drops the triggers and
changes, removes or slips in a row breaks the chain at that row, unless they also rewrite every
row after it, which only a copy of the chain's head kept elsewhere can show (docs/staff.md).

Why one chain per session and one for the whole audit log:

- A session has one writer (its room's recorder), whose events are keyed by ``(session_id,
  seq)`` and written in order, each committed before the next: the event before is always
  committed and unchangeable when an event is written, and a second writer at the same place is
  refused by the key. Several rooms on one server write events at once without waiting on each
  other: their chains never meet.
- Audit lines come from any room, and any thread, at any time, and are rare. Each one is
  written under a lock held until its transaction ends (on PostgreSQL an advisory lock; on
  SQLite the database's own write lock, taken before the previous line is read), so the line
  before is the last committed one and two writers never chain onto the same line.

Rows written before schema 0009 have no ``chain``: they stand "before the chain began" and
are counted, not vouched for.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, select, text
from sqlalchemy.orm import Session

from kapdesk.storage.models import AuditEntry, SessionEvent

AUDIT_LOCK = 0x6B617061  # "kapa": the advisory lock audit lines are chained under
_EVENTS: Table = SessionEvent.__table__  # type: ignore[assignment]
_AUDIT: Table = AuditEntry.__table__  # type: ignore[assignment]
# Built once: it runs before every event is written.
_PREVIOUS_EVENT = select(_EVENTS.c.chain).where(
    _EVENTS.c.session_id == bindparam("s"), _EVENTS.c.seq == bindparam("q")
)
APPEND_ONLY = (
    "session_events",
    "doses",
    "questionnaire_results",
    "integration_updates",
    "audit_log",
)


def is_link(value: str) -> bool:
    """True for text that can be a ``chain`` value: 64 lower-case hex digits."""
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def _canonical(value: Any) -> Any:
    """``value`` as the database gives it back (JSON keys as text, tuples as lists)."""
    return json.loads(json.dumps(value, default=str))


def _wall(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("kapdesk chains only timezone-aware datetimes")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _link(previous: str | None, content: list[Any]) -> str:
    payload = json.dumps(
        [previous or "", *content], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def event_link(previous: str | None, event: Mapping[str, Any]) -> str:
    """The ``chain`` of a session event after the event whose ``chain`` is ``previous``.

    ``event``: its columns (``session_id``, ``seq``, ``kind``, ``wall_at``, ``elapsed_s``,
    ``phase_index``, ``data``), as written or as read back."""
    elapsed = event["elapsed_s"]
    content = [
        event["session_id"],
        event["seq"],
        event["kind"],
        _wall(event["wall_at"]),
        None if elapsed is None else float(elapsed),
        event["phase_index"],
        _canonical(event["data"]),
    ]
    return _link(previous, content)


def audit_link(previous: str | None, line: Mapping[str, Any]) -> str:
    """The ``chain`` of an audit line after the line whose ``chain`` is ``previous``.

    ``line``: its columns (``at``, ``who``, ``action``, ``subject``, ``detail``)."""
    content = [
        _wall(line["at"]),
        line["who"],
        line["action"],
        line["subject"],
        _canonical(line["detail"]),
    ]
    return _link(previous, content)


@dataclass(frozen=True)
class Link:
    """The ``chain`` of the event at ``seq`` in a session, as its writer committed it.

    An append-only row never changes once committed, so a writer that keeps the link of the
    event it wrote last chains its next event onto it without reading it back."""

    session_id: int
    seq: int
    chain: str


def previous_event_link(
    unit: Session | Connection, session_id: int, seq: int, known: Link | None = None
) -> str | None:
    """The ``chain`` of the event before ``seq`` in the session (None: the chain begins):
    ``known``'s when it is that event's, else read from the record."""
    if seq <= 0:
        return None
    if known is not None and known.session_id == session_id and known.seq == seq - 1:
        return known.chain
    found = unit.execute(_PREVIOUS_EVENT, {"s": session_id, "q": seq - 1}).scalar()
    return None if found is None else str(found)


def lock_audit_chain(session: Session) -> str | None:
    """Hold the audit log's chain until the caller's transaction ends; the last line's ``chain``.

    PostgreSQL: an advisory lock, so rooms writing at once take their turns. SQLite: a write
    that changes nothing takes the database's write lock, which is held to the commit, before
    the last line is read (another connection cannot commit a line in between).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    else:
        session.execute(text("UPDATE database_identity SET id = id"))
    found = session.execute(
        text("SELECT chain FROM audit_log WHERE chain IS NOT NULL ORDER BY id DESC LIMIT 1")
    ).scalar()
    return None if found is None else str(found)


@dataclass
class Findings:
    """What ``kapdesk audit --verify`` found: plain sentences, and whether all is whole."""

    breaks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def whole(self) -> bool:
        return not self.breaks


def expected_triggers(dialect: str) -> dict[str, tuple[str, str]]:
    """Every guard of schemas 0005 and 0009: trigger name -> (table, what it refuses)."""
    guards: dict[str, tuple[str, str]] = {}
    for table in APPEND_ONLY:
        if dialect == "postgresql":
            guards[f"{table}_append_only"] = (table, "UPDATE and DELETE")
            guards[f"{table}_no_truncate"] = (table, "TRUNCATE")
        else:
            guards[f"{table}_no_update"] = (table, "UPDATE")
            guards[f"{table}_no_delete"] = (table, "DELETE")
        guards[f"{table}_no_rewrite"] = (table, "an insert over an existing row")
    return guards


def _guards_present(conn: Connection) -> dict[str, str]:
    """The guards in the database that still refuse: name -> table."""
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT t.tgname, c.relname, p.prosrc FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'"
            )
        ).all()
        return {name: table for name, table, body in rows if "RAISE EXCEPTION" in body.upper()}
    rows = conn.execute(
        text("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    ).all()
    return {name: table for name, table, sql in rows if "RAISE(ABORT" in sql.upper()}


def _check_triggers(conn: Connection, found: Findings) -> None:
    present = _guards_present(conn)
    expected = expected_triggers(conn.dialect.name)
    missing = [
        f"{name} (refuses {what} on {table})"
        for name, (table, what) in expected.items()
        if present.get(name) != table
    ]
    if missing:
        found.breaks.append(
            f"{len(missing)} of the {len(expected)} append-only triggers are missing, disabled "
            "or changed: " + "; ".join(missing)
        )
    else:
        found.notes.append(f"all {len(expected)} append-only triggers are in place")


def _check_events(conn: Connection, found: Findings) -> None:
    events = _EVENTS
    rows = conn.execution_options(yield_per=2000).execute(
        select(
            events.c.session_id,
            events.c.seq,
            events.c.kind,
            events.c.wall_at,
            events.c.elapsed_s,
            events.c.phase_index,
            events.c.data,
            events.c.chain,
        ).order_by(events.c.session_id, events.c.seq)
    )
    before = chained = 0
    broken: set[int] = set()
    session: int | None = None
    previous: str | None = None
    last_seq = -1
    for row in rows:
        session_id, seq, chain = row.session_id, row.seq, row.chain
        if session_id != session:
            session, previous, last_seq = session_id, None, -1
        if session_id in broken:
            continue
        where = f"session {session_id}, event {seq}"
        if seq != last_seq + 1:
            found.breaks.append(f"{where}: the event before it ({last_seq + 1}) is missing")
            broken.add(session_id)
            continue
        last_seq = seq
        if chain is None:
            if previous is not None:
                found.breaks.append(f"{where}: has no hash, after events that have one")
                broken.add(session_id)
                continue
            before += 1
            continue
        if chain != event_link(previous, row._asdict()):
            found.breaks.append(
                f"{where}: changed, or put in the place of another, since it was written"
            )
            broken.add(session_id)
            continue
        chained += 1
        previous = chain
    found.notes.append(
        f"session events: {chained} chained"
        + (f", {before} from before the chain began (not vouched for)" if before else "")
    )


def _check_audit(conn: Connection, found: Findings) -> None:
    lines = _AUDIT
    rows = conn.execution_options(yield_per=2000).execute(
        select(
            lines.c.id,
            lines.c.at,
            lines.c.who,
            lines.c.action,
            lines.c.subject,
            lines.c.detail,
            lines.c.chain,
        ).order_by(lines.c.id)
    )
    before = chained = 0
    previous: str | None = None
    last_id = None
    for row in rows:
        line_id, chain = row.id, row.chain
        if chain is None:
            if previous is not None:
                found.breaks.append(f"audit line {line_id}: has no hash, after lines that have one")
                return
            before += 1
            continue
        if chain != audit_link(previous, row._asdict()):
            found.breaks.append(
                f"audit line {line_id}: changed, removed or put in since it was written "
                "(or the line before it was)"
            )
            return
        chained += 1
        previous, last_id = chain, line_id
    found.notes.append(
        f"audit log: {chained} lines chained"
        + (f", {before} from before the chain began (not vouched for)" if before else "")
    )
    if previous is not None:
        found.notes.append(
            f"the audit log's latest hash: {previous} (line {last_id}). Note it off this PC; "
            "`kapdesk audit --verify --head` it later to show the log was not rewritten whole"
        )


def _check_heads(conn: Connection, heads: Iterable[str], found: Findings) -> None:
    for head in heads:
        held = (
            conn.execute(select(_AUDIT.c.id).where(_AUDIT.c.chain == head)).first()
            or conn.execute(select(_EVENTS.c.id).where(_EVENTS.c.chain == head)).first()
        )
        if held is None:
            found.breaks.append(
                f"the hash noted earlier, {head}, is no longer in the record: rows before it "
                "were rewritten along with their chain"
            )
        else:
            found.notes.append(f"the hash noted earlier, {head}, is still in the record")


def verify(engine: Engine, heads: Iterable[str] = ()) -> Findings:
    """Check the triggers, both chains and any hashes noted earlier (``heads``); a break is
    said plainly, with where it is."""
    found = Findings()
    with engine.connect() as conn:
        _check_triggers(conn, found)
        _check_events(conn, found)
        _check_audit(conn, found)
        _check_heads(conn, heads, found)
    return found
