"""Writing one journey event, and saying plainly why a write failed.

Each event is its own unit of work. The same event already at its place in the session (its
write committed and the answer was lost) counts as written; a different one is a conflict
(two writers).
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from kapdesk.core.journey import JourneyEvent
from kapdesk.core.words import joined
from kapdesk.storage import recording_words as words
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
    why: str
    if exc is None:
        why = words.NO_ANSWER
    elif reason == UNREACHABLE:
        why = words.UNREACHABLE
    else:
        phrase = reason or "cannot be written"
        why = words.THE_SERVER.get(phrase) or f"the clinic server {phrase}"
    return words.OFFLINE.format(why=why)


def describe_set_aside(count: int, lost: int, box: Outbox | None) -> str:
    """A sentence for staff about entries another writer kept out of a SQLite record."""
    said = words.SET_ASIDE.format(count=count)
    if lost:
        then = words.IN_MEMORY_ONLY.format(lost=lost)
    elif box is not None:
        then = words.SET_ASIDE_IN.format(path=box.path)
    else:
        then = words.SET_ASIDE_NOWHERE.format()
    return joined([said, then], " ", "Recording")


def describe_write_failure(exc: BaseException, waiting: int = 0, where: str | None = None) -> str:
    """A sentence for staff about entries waiting to be saved (held in memory meanwhile)."""
    if is_disk_full(exc):
        disk = words.DISK_HOLDING.format(where=where) if where else words.DATABASE_DISK
        if waiting:
            return words.DISK_FULL.format(count=waiting, disk=disk)
        return words.DISK_FULL_UNCOUNTED.format(disk=disk)
    reason = write_failure_reason(exc)
    if waiting:
        return words.NOT_WRITTEN.format(count=waiting, reason=reason)
    return words.NOT_WRITTEN_UNCOUNTED.format(reason=reason)
