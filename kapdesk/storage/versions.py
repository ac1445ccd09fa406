"""Which versions of kapdesk opened the records, kept in the records themselves (the
``kapdesk_versions`` table): a row when a database is made, and one each time another version
opens it. The database, not a file on one PC, says it, so every way in (the window, a command,
a second room PC on the same server) agrees on what came before.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from kapdesk import __version__
from kapdesk.storage.models import JourneySession, KapdeskVersion


def noted_version(session: Session) -> str | None:
    """The version that last opened the records (None: they are older than this note)."""
    found = session.scalar(
        select(KapdeskVersion.version).order_by(KapdeskVersion.id.desc()).limit(1)
    )
    return None if found is None else str(found)


def session_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(JourneySession)) or 0)


def note_version(session: Session, version: str, previous: str, at: datetime) -> None:
    """``version`` opens records last opened by ``previous``: noted (the caller commits)."""
    session.add(KapdeskVersion(version=version, previous=previous, at=at))


def note_new_database(conn: Connection) -> None:
    """A database just made: this version made it (in the transaction that made it)."""
    conn.execute(
        insert(KapdeskVersion).values(version=__version__, previous="", at=datetime.now(UTC))
    )
