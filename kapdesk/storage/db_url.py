"""Checking a database URL before anything is opened, created or changed.

A URL typed after ``--db`` (or kept in room.toml) is checked here, and every problem becomes a
:class:`~kapdesk.storage.errors.DatabaseError` with a plain message: a URL that does not parse
(a port that is no number or out of range, an unclosed ``[::1``), a database kind or driver
SQLAlchemy does not know or that is not installed, and for SQLite a path that is not a regular
file (a device, a FIFO, a folder) or that lies in a folder that does not exist. kapdesk never
creates folders for a ``--db`` path and never changes the mode of anything but its own file.

:func:`url_has_password` says whether a URL carries a password, which kapdesk never writes into
a file. This module loads SQLAlchemy only when a URL is parsed, so the window can ask that
before its first frame without the database library's weight.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from kapdesk.storage import db_words as words
from kapdesk.storage.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

HIGHEST_PORT = 65535


def parse_database_url(text: str | URL) -> URL:
    """``text`` as a URL SQLAlchemy can open here; DatabaseError with a plain message if not."""
    from sqlalchemy.engine import make_url  # noqa: PLC0415
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError  # noqa: PLC0415

    shown = text if isinstance(text, str) else text.render_as_string(hide_password=True)
    try:
        url = make_url(text)
    except (ArgumentError, ValueError, TypeError) as exc:
        said = words.NOT_A_URL_PORT if isinstance(exc, ValueError) else words.NOT_A_URL
        raise DatabaseError(said.format(url=repr(shown))) from None
    if url.port is not None and not 0 < url.port <= HIGHEST_PORT:
        raise DatabaseError(
            words.PORT_RANGE.format(port=url.port, url=repr(shown), highest=HIGHEST_PORT)
        )
    try:
        dialect = url.get_dialect()
    except NoSuchModuleError:
        raise DatabaseError(words.NO_SUCH_KIND.format(kind=url.drivername)) from None
    try:
        dialect.import_dbapi()
    except ImportError:
        raise DatabaseError(words.NO_DRIVER.format(kind=repr(url.drivername))) from None
    if url.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            check_sqlite_path(path)
    return url


def refuse_an_unkept_record(url: URL) -> None:
    """DatabaseError for an SQLite URL kapdesk may not keep the record in: a database in
    memory, or a ``file:`` URI. Checked where the record is opened and before a URL is
    written into a desktop entry; the engine itself (and the tests' in-memory databases)
    takes both."""
    if url.get_backend_name() != "sqlite":
        return
    if sqlite_path(url) is None:
        # Each connection to an in-memory SQLite database sees a database of its own, so the
        # recorder's thread would find no tables; and nothing would outlive the run.
        raise DatabaseError(words.IN_MEMORY)
    if (url.database or "").startswith("file:"):
        # A URI's options could open the record read-only or shared, and would slip past the
        # writer lock and the write witness, which go by the file's path.
        raise DatabaseError(words.NOT_A_URI.format(url=f"sqlite:///{sqlite_path(url)}"))


def url_has_password(db_url: str) -> bool:
    """Whether a database URL carries a password (in its user part or as a parameter), which
    a file kapdesk writes (room.toml, a desktop entry) would keep in plain text."""
    try:
        parts = urlsplit(db_url)
        return bool(parts.password) or "password" in parse_qs(parts.query)
    except ValueError:  # an unclosed "[::1", say: whether a password hides in it is unknown
        return "@" in db_url or "password" in db_url.lower()


def sqlite_path(url: URL) -> Path | None:
    """The file an SQLite URL names (a ``file:`` URI's path too); None for one in memory."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database or ""
    if database.startswith("file:"):
        database = unquote(database.removeprefix("file:").split("?", 1)[0])
        if database.startswith("//"):
            database = database[2:]
    if not database or database == ":memory:" or url.query.get("mode") == "memory":
        return None
    return Path(database)


def check_sqlite_path(path: Path) -> None:
    """An SQLite database must be a regular file, or a new one in a folder that exists."""
    name = os.fspath(path)
    if "\0" in name:
        raise DatabaseError(words.NUL_IN_PATH.format(path=repr(name)))
    try:
        found = os.stat(name)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        error = exc.strerror or exc
        raise DatabaseError(words.NOT_AS_DATABASE.format(path=name, error=error)) from None
    if found is not None:
        if not stat.S_ISREG(found.st_mode):
            raise DatabaseError(words.NOT_A_FILE.format(path=name))
        return
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):
        raise DatabaseError(words.NO_FOLDER.format(path=name, folder=folder))
