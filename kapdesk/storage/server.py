"""The clinic server a room PC records to: its URL in ``room.toml``, its password elsewhere.

An admin runs ``kapdesk connect postgresql://kapdesk@server/kapdesk`` once per room PC: the
URL (without a password) goes into the room's settings, the password into the OS keyring.
At each start the password comes from, in order: the URL itself (``--db``, for scripts), the
``KAPDESK_DB_PASSWORD`` environment variable, the OS keyring, or PostgreSQL's own password
file (``~/.pgpass``, which the driver reads itself). No kapdesk file ever holds it.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from kapdesk.core.room import load_room_settings
from kapdesk.core.safe_files import SETTINGS_LIMIT, SafeFileError, read_file
from kapdesk.paths import AppPaths
from kapdesk.storage import db_words as words
from kapdesk.storage.db_url import parse_database_url
from kapdesk.storage.errors import DatabaseError

KEYRING_SERVICE = "kapdesk clinic server"
PASSWORD_ENV = "KAPDESK_DB_PASSWORD"


def _keyring() -> Any:
    import keyring  # noqa: PLC0415  (only for a clinic server)

    return keyring


def parse_server_url(text: str) -> URL:
    """A PostgreSQL URL, or DatabaseError saying what is wrong with it."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError, TypeError):
        raise DatabaseError(words.NOT_A_URL_PORT.format(url=repr(text))) from None
    if url.get_backend_name() != "postgresql":
        raise DatabaseError(words.NOT_POSTGRESQL)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if not url.host or not url.database:
        raise DatabaseError(words.NO_SERVER_OR_DATABASE)
    return parse_database_url(url)  # the port's range and the driver


def keyring_account(url: URL) -> str:
    """What the password is kept under: the URL without it."""
    return url.set(password=None).render_as_string(hide_password=False)


def kept_password(url: URL) -> str | None:
    try:
        kept = _keyring().get_password(KEYRING_SERVICE, keyring_account(url))
        return str(kept) if kept else None
    except Exception:  # no keyring on this PC, or a locked one: the other ways remain
        return None


def keep_password(url: URL, password: str) -> str | None:
    """Keep the password in the OS keyring; a sentence when that cannot be done."""
    try:
        _keyring().set_password(KEYRING_SERVICE, keyring_account(url), password)
    except Exception as exc:
        return f"the OS keyring cannot keep it ({exc.__class__.__name__})"
    return None


def with_password(url: URL) -> URL:
    """``url`` with the password found for it, if the URL has none of its own."""
    if url.password:
        return url
    password = os.environ.get(PASSWORD_ENV) or kept_password(url)
    return url.set(password=password) if password else url


def configured_server(paths: AppPaths) -> URL | None:
    """The clinic server this room PC was connected to, with its password; None: SQLite
    (always in practice, which never reaches the clinic's server)."""
    if paths.practice:
        return None
    room, problem = load_room_settings(paths.room_settings)
    if problem is not None and _names_a_database(paths):
        # Falling back to this PC's own file would split the clinic's record in two.
        raise DatabaseError(words.SERVER_UNUSABLE.format(problem=problem))
    if not room.database:
        return None
    return with_password(parse_server_url(room.database))


def _names_a_database(paths: AppPaths) -> bool:
    try:
        data = read_file(paths.room_settings, limit=SETTINGS_LIMIT, what="room settings file")
    except SafeFileError:
        return False
    return b"database" in data
