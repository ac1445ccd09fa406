"""The first look at the record: what the first page needs, read before the database library.

Opening the records the whole way (SQLAlchemy, the file's examination, the sessions left open)
takes a few hundred milliseconds; staff need only the page that asks who they are. So a start
on the data folder's own SQLite file first reads, with Python's own ``sqlite3`` and without
writing a byte (SQLite's ``immutable`` mode takes no lock and makes no ``-wal`` or ``-shm``
file), whether the schema is this kapdesk's newest, whether a session was left open, and who
may sign in. The window shows that page at once; the records open meanwhile, and whatever is
typed on it is acted on only once they are (:mod:`kapdesk.ui.early_page`).

The look is taken only where it can be true: the data folder's own plain SQLite file, closed
cleanly (no WAL left to merge, no journal to roll back, nothing set aside), at the newest
schema, with no session left open (that session's journey is the first page, and needs the
records). Anything else gives None, and the start takes the whole way first, as it always did
(as does any error at all: the start's worker catches what this module does not).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kapdesk.storage.schema_revision import SCHEMA_HEAD
from kapdesk.storage.sqlite_witness import PLAIN_HEADER, read_at, wal_generation

if TYPE_CHECKING:
    from pathlib import Path

    from kapdesk.paths import AppPaths

log = logging.getLogger(__name__)

# The states of a session left open (kapdesk.core.journey.JourneyState, all but "closed"),
# and the admin's role, spelled out here so the look needs no clinical core either.
_OPEN_STATES = ("opened", "running")
_ADMIN = "admin"


@dataclass(frozen=True)
class FirstLook:
    """What the first page shows: the first admin's form, or the names that may sign in."""

    first_admin: bool
    names: tuple[str, ...] = ()


def first_look(paths: AppPaths, db_url: str | None) -> FirstLook | None:
    """The first page's facts from the data folder's record, or None when this start must
    open the records the whole way before it shows anything (see the module's docstring)."""
    if db_url is not None or paths.practice:
        return None
    from kapdesk.storage.writer_lock import sqlite_file  # noqa: PLC0415  (reads room.toml)

    try:
        database = sqlite_file(paths, None)  # None on a clinic server
        if database is None or not _closed_cleanly(database):
            return None
        return _read(database)
    except (OSError, sqlite3.Error, ValueError) as exc:
        log.info("no first look at the record (%s): opening it the whole way", exc)
        return None


def _closed_cleanly(database: Path) -> bool:
    """A plain SQLite file with nothing beside it to merge or to hold it back (a WAL, a
    rollback journal, a folder it was set aside in)."""
    from kapdesk.storage.sqlite_file import held_by  # noqa: PLC0415

    if not database.is_file() or database.stat().st_size == 0:
        return False  # a new record: made by the whole way
    if not read_at(database, 0, 16).startswith(PLAIN_HEADER):
        return False  # encrypted (a passphrase is asked), or not a record at all
    journal = database.with_name(database.name + "-journal")
    if journal.exists() and journal.stat().st_size > 0:
        return False  # a rollback cut short: immutable reading would not undo it
    return wal_generation(database) is None and held_by(database) is None


def _read(database: Path) -> FirstLook | None:
    uri = f"{database.as_uri()}?immutable=1"
    connection = sqlite3.connect(uri, uri=True, timeout=0.5)
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != SCHEMA_HEAD:
            return None  # a new record, or one to upgrade: the whole way says how that went
        left_open = connection.execute(
            "SELECT 1 FROM sessions WHERE state IN (?, ?) LIMIT 1", _OPEN_STATES
        ).fetchone()
        if left_open is not None:
            return None
        accounts = connection.execute(
            "SELECT name, role, active FROM staff WHERE pin_hash IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        connection.close()
    active = [(str(name), str(role)) for name, role, on in accounts if on]
    if not any(_ADMIN in role.split(",") for _name, role in active):
        return FirstLook(first_admin=True)
    return FirstLook(first_admin=False, names=tuple(name for name, _role in active))
