"""Writing one journey event, and saying plainly why a write failed.

Each event is its own unit of work. The same event already at its place in the session (its
write committed and the answer was lost) counts as written; a different one is a conflict
(two writers).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from kapdesk.core.journey import JourneyEvent
from kapdesk.storage.chain import Link
from kapdesk.storage.db import UNREACHABLE, failure_reason
from kapdesk.storage.failures import write_failure_reason
from kapdesk.storage.outbox import Outbox
from kapdesk.storage.repositories import JourneyEventRepository
from kapdesk.storage.sqlite_room import is_disk_full


class EventConflictError(Exception):
    """The database holds another event at this place in the session (two writers)."""


def write_event(
    engine: Engine, session_id: int, seq: int, event: JourneyEvent, known: Link | None = None
) -> Link | None:
    """Write one event in a transaction of its own; its link in the session's chain once it is
    committed. ``known``: the link of the event before, as this caller committed it.

    The same event already at that place (its write committed, and the answer was lost with
    the network) is not written twice, and None is returned: that row's link is the record's
    to say. A different one raises :class:`EventConflictError`.
    """
    try:
        with engine.begin() as connection:
            link = JourneyEventRepository(connection).append(session_id, seq, event, known)
        return link
    except IntegrityError:
        with engine.connect() as connection:
            stored = JourneyEventRepository(connection).stored(session_id, seq)
        if stored is None:
            raise
        if not same_event(stored, event):
            raise EventConflictError(
                f"session {session_id} already holds a different {stored.kind.value} at {seq}"
            ) from None
        return None


def same_event(one: JourneyEvent, other: JourneyEvent) -> bool:
    """The same event, as stored and as recorded (times to the millisecond)."""
    return (
        one.kind is other.kind
        and abs((one.wall - other.wall).total_seconds()) < 0.001
        and dict(one.data) == dict(other.data)
    )


def describe_offline(exc: BaseException | None) -> str:
    """A sentence for staff when the room works without its server (``exc`` None: it stopped
    answering, and kapdesk stopped waiting for it)."""
    reason = failure_reason(exc) if exc is not None else None
    said = (
        "the clinic server does not answer"
        if exc is None
        else "the clinic server cannot be reached"
        if reason == UNREACHABLE
        else (f"the clinic server {reason or 'cannot be written'}")
    )
    return (
        f"Offline: {said}. The timer, the music and everything you record go on; "
        "entries are kept on this PC and sent, in order, when the server is back."
    )


def describe_set_aside(count: int, lost: int, box: Outbox | None) -> str:
    """A sentence for staff about entries another writer kept out of a SQLite record."""
    entries = f"{count} entr{'y' if count == 1 else 'ies'}"
    said = (
        f"Not saved: {entries} could not be added to this session's record, because another "
        "kapdesk wrote to the same place in it (two kapdesks on one database). "
    )
    if lost:
        return said + (
            f"{lost} of them could not be kept on disk either and are held in memory only: "
            "keep kapdesk open and tell an admin now."
        )
    where = f" in {box.path}" if box is not None else ""
    return said + f"They are set aside{where} for an admin: record in one kapdesk only."


def describe_write_failure(exc: BaseException, waiting: int = 0, where: str | None = None) -> str:
    """A sentence for staff about entries waiting to be saved (held in memory meanwhile)."""
    count = (
        f"{waiting} entr{'y waits' if waiting == 1 else 'ies wait'}" if waiting else "entries wait"
    )
    held = "they are held in memory only, not on disk: keep kapdesk open"
    if is_disk_full(exc):
        disk = f"the disk holding {where}" if where else "the database's disk"
        return (
            f"Not saved yet: the disk is full and {count} to be saved. Free space on {disk}; "
            f"kapdesk tries again every second. Until then {held}."
        )
    return (
        f"Not saved yet: {write_failure_reason(exc)} and {count} to be saved. Until they are, "
        f"{held}."
    )
