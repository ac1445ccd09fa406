"""How a command opens the record: the database (asking for its passphrase at a terminal),
the writer lock of the file it writes to, and the audit line that says who ran it."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Literal

from kapdesk.paths import AppPaths

if TYPE_CHECKING:
    from kapdesk.storage.db import Storage
    from kapdesk.storage.writer_lock import WriterLock


def open_storage_or_say(paths: AppPaths, db_url: str | None) -> Storage | None:
    """The database, or None after saying on stderr why it cannot be opened."""
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.encryption import PassphraseNeededError  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    try:
        return open_storage(paths, db_url)
    except PassphraseNeededError as exc:
        typed = ask_passphrase(f"kapdesk: {exc}. Passphrase: ")
        if typed is None:
            print(
                f"kapdesk: {exc}: type it at a terminal, set KAPDESK_DB_PASSPHRASE, or keep it "
                "in the OS keyring (kapdesk encrypt --keep-in-keyring)",
                file=sys.stderr,
            )
            return None
        try:
            return open_storage(paths, db_url, typed)
        except StorageError as again:
            print(f"kapdesk: {again}", file=sys.stderr)
            return None
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return None


def writer_lock_or_say(paths: AppPaths, db_url: str | None) -> WriterLock | Literal[False] | None:
    """The lock of the SQLite file a writing command writes to, held until the command ends
    (None for a clinic server); False after saying on stderr why it cannot be had."""
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.writer_lock import take_writer_lock  # noqa: PLC0415

    try:
        return take_writer_lock(paths, db_url)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return False


def ask_passphrase(prompt: str) -> str | None:
    """A passphrase typed at the terminal (not echoed); None when there is no terminal."""
    import getpass  # noqa: PLC0415

    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt) or None
    except (EOFError, KeyboardInterrupt):
        return None


def open_storage_with(paths: AppPaths, passphrase: str) -> Storage:
    from kapdesk.storage.db import open_storage  # noqa: PLC0415

    return open_storage(paths, None, passphrase)


def command_line_user() -> str:
    """Who runs a command: the OS account (the command line has no PIN; see docs/staff.md)."""
    import getpass  # noqa: PLC0415

    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"


def audit_command_line(storage: Storage, action: str, subject: str, **detail: object) -> None:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.staff import StaffStore  # noqa: PLC0415

    StaffStore(storage, SystemClock()).record(command_line_user(), action, subject, **detail)
