"""``kapdesk connect``: an admin points this room PC at the clinic's PostgreSQL server, once.

The URL (never the password) goes into the room's settings file; the password is asked for at
the terminal (or taken from ``KAPDESK_DB_PASSWORD``) and kept in the OS keyring. The server's
schema is created or brought up to date before anything is written, so a URL that does not
work changes nothing here.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO

from kapdesk.core.room import LONGEST_NAME, RoomSettings, load_room_settings
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import AppPaths

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def connect_room(
    paths: AppPaths, url_text: str | None, *, room: str | None, local: bool, out: TextIO
) -> int:
    """Connect this room PC to a clinic server (or back to its own file); an exit code."""
    from kapdesk.storage.db_url import url_has_password  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.server import (  # noqa: PLC0415
        PASSWORD_ENV,
        keep_password,
        keyring_account,
        parse_server_url,
    )

    current, problem = load_room_settings(paths.room_settings)
    if problem is not None:
        print(f"kapdesk: fix the room settings file first: {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    name = " ".join((room or "").split()) or current.room_name
    if len(name) > LONGEST_NAME:
        print(f"kapdesk: a room name has at most {LONGEST_NAME} characters", file=sys.stderr)
        return EXIT_USAGE
    if local:
        return _save(paths, replace(current, database="", room_name=name), out, "")
    if url_text is None:
        where = f"the clinic server {current.database}" if current.database else "its own file"
        print(f"This room PC records to {where}, as room {name or socket.gethostname()}.", file=out)
        return 0
    try:
        url = parse_server_url(url_text)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if url.password or url_has_password(url_text):
        print(
            "kapdesk: leave the password out of the URL: kapdesk asks for it and keeps it in "
            "the OS keyring, not in a file",
            file=sys.stderr,
        )
        return EXIT_USAGE
    password = os.environ.get(PASSWORD_ENV) or _ask_password(url.username or "", url.host or "")
    try:
        _check(url.set(password=password) if password else url)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    if password:
        kept = keep_password(url, password)
        if kept is not None:
            print(
                f"kapdesk: the connection works, but {kept}. Set {PASSWORD_ENV} for kapdesk, or "
                "put the password in ~/.pgpass (mode 0600), which PostgreSQL reads itself.",
                file=sys.stderr,
            )
    return _save(
        paths,
        replace(current, database=keyring_account(url), room_name=name),
        out,
        keyring_account(url),
    )


def _ask_password(user: str, host: str) -> str | None:
    if not sys.stdin.isatty():
        return None  # a script: the environment, ~/.pgpass or the server's trust settings
    try:
        return getpass.getpass(f"Password for {user or 'the database user'} on {host}: ") or None
    except (EOFError, KeyboardInterrupt):
        return None


def _check(url: URL) -> None:
    """Open the server as kapdesk would, creating or upgrading its schema; StorageError if not."""
    from kapdesk.storage.db import make_engine, upgrade  # noqa: PLC0415

    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def _save(paths: AppPaths, room: RoomSettings, out: TextIO, server: str) -> int:
    from kapdesk.core.safe_files import write_atomically  # noqa: PLC0415

    try:
        paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(paths.room_settings, room.to_toml().encode("utf-8"))
    except OSError as exc:
        print(
            f"kapdesk: cannot write {paths.room_settings}: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_PROBLEM
    name = room.room_name or socket.gethostname()
    if server:
        print(
            f"This room PC now records to {server}, as room {name}. Start kapdesk again for it "
            "to take effect. Sessions recorded before stay in this PC's own file.",
            file=out,
        )
    else:
        print(
            f"This room PC records to its own file again, as room {name}. The clinic server "
            "keeps what was recorded there.",
            file=out,
        )
    return 0
