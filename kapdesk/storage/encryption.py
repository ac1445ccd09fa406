"""Encryption at rest, when the clinic turns it on: the SQLite file through SQLCipher (AES-256,
through SQLAlchemy's ``pysqlcipher`` dialect and the ``sqlcipher3`` package), its passphrase
kept in the OS keyring or typed at start.

``kapdesk encrypt`` turns it on once, for the database in the data folder. From then on kapdesk
knows the file is encrypted by its first bytes (a plain SQLite file begins "SQLite format 3"),
and opens it with the passphrase from, in order: what was typed (the window asks at start), the
``KAPDESK_DB_PASSPHRASE`` environment variable (for scripts), or the OS keyring. What it costs
is in docs/staff.md and ``python -m bench.encryption``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kapdesk.core.safe_files import sync_folder
from kapdesk.storage.backup_words import KEYRING_CANNOT_KEEP
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.sqlite_witness import looks_encrypted

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from kapdesk.paths import AppPaths

KEYRING_SERVICE = "kapdesk"
PASSPHRASE_ENV = "KAPDESK_DB_PASSPHRASE"
BACKUP_KEYRING_SERVICE = "kapdesk-backup"
BACKUP_PASSPHRASE_ENV = "KAPDESK_BACKUP_PASSPHRASE"
SHORTEST_PASSPHRASE = 12


class PassphraseNeededError(DatabaseError):
    """The database is encrypted and no passphrase was typed, set or kept."""


class WrongPassphraseError(DatabaseError):
    """The passphrase given does not open the database."""


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like a SQLCipher database: not plain SQLite, made of whole pages
    and random from its first byte (a plain file whose first bytes were zeroed is damaged, not
    encrypted: opening it says so)."""
    return looks_encrypted(path)


def sqlcipher_problem() -> str | None:
    """Why SQLCipher cannot be used here, or None when it can."""
    try:
        import sqlcipher3  # noqa: F401, PLC0415
    except ImportError:
        from kapdesk.storage.db_words import NO_SQLCIPHER  # noqa: PLC0415  (only then)

        return NO_SQLCIPHER
    return None


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` is too weak to protect the record, or None."""
    from kapdesk.storage import db_words as words  # noqa: PLC0415  (the messages only)

    if len(passphrase) < SHORTEST_PASSPHRASE:
        return words.SHORT_PASSPHRASE.format(shortest=SHORTEST_PASSPHRASE)
    if len(set(passphrase)) < 5:
        return words.FEW_CHARACTERS
    return None


def encrypted_url(path: Path, passphrase: str) -> URL:
    from sqlalchemy.engine import URL  # noqa: PLC0415  (the start's first look goes without)

    return URL.create("sqlite+pysqlcipher", password=passphrase, database=str(path))


def _keyring() -> Any:
    import keyring  # noqa: PLC0415  (only for an encrypted database)

    return keyring


def kept_passphrase(path: Path) -> str | None:
    """The passphrase kept in the OS keyring for the database at ``path``, if any."""
    try:
        kept = _keyring().get_password(KEYRING_SERVICE, str(path.resolve()))
        return str(kept) if kept else None
    except Exception:
        return None


def keep_passphrase(path: Path, passphrase: str) -> str | None:
    """Keep the passphrase in the OS keyring; a sentence when that cannot be done."""
    try:
        _keyring().set_password(KEYRING_SERVICE, str(path.resolve()), passphrase)
    except Exception as exc:
        return f"the OS keyring cannot keep it ({exc.__class__.__name__})"
    return None


def kept_backup_passphrase(paths: AppPaths) -> str | None:
    """The passphrase backups of a plain database are encrypted with: set in the environment
    (scripts, tests), or kept in the OS keyring for this data folder; None when there is none."""
    chosen = os.environ.get(BACKUP_PASSPHRASE_ENV)
    if chosen:
        return chosen
    try:
        kept = _keyring().get_password(BACKUP_KEYRING_SERVICE, str(paths.data_dir.resolve()))
        return str(kept) if kept else None
    except Exception:
        return None


def keep_backup_passphrase(paths: AppPaths, passphrase: str) -> str | None:
    """Keep the backup passphrase in the OS keyring; a sentence when that cannot be done."""
    try:
        _keyring().set_password(BACKUP_KEYRING_SERVICE, str(paths.data_dir.resolve()), passphrase)
    except Exception as exc:
        return KEYRING_CANNOT_KEEP.format(error=exc.__class__.__name__)
    return None


def chosen_passphrase(path: Path, typed: str | None) -> str | None:
    """The passphrase to open ``path`` with: typed, from the environment, or kept."""
    return typed or os.environ.get(PASSPHRASE_ENV) or kept_passphrase(path)


def encrypt_file(path: Path, passphrase: str) -> None:
    """Turn the plain database at ``path`` into an encrypted one, whole or not at all: the
    encrypted copy is written beside it and takes its place only once complete.

    kapdesk must not be running on it. Raises DatabaseError with a plain message.
    """
    import sqlcipher3  # noqa: PLC0415

    if not path.exists():
        raise DatabaseError(f"there is no database at {path} yet: start kapdesk once first")
    if is_encrypted(path):
        raise DatabaseError(f"the database at {path} is encrypted already")
    partial = path.with_name(path.name + ".encrypting")
    partial.unlink(missing_ok=True)
    plain = sqlcipher3.connect(str(path), isolation_level=None, timeout=0.5)
    try:
        # Leaving WAL mode takes the only connection to the file: kapdesk still running on it
        # (it keeps its connection open) makes this fail, and nothing is touched.
        try:
            mode = plain.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlcipher3.Error:
            mode = "wal"
        if str(mode).lower() != "delete":
            raise DatabaseError(
                f"the database at {path} is in use (is kapdesk running on this data folder?): "
                "close it and try again. Nothing was changed"
            )
        fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), passphrase))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            version = plain.execute("PRAGMA user_version").fetchone()[0]
            plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            plain.execute("DETACH DATABASE encrypted")
            with partial.open("rb+") as file:
                os.fsync(file.fileno())
        except (sqlcipher3.Error, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise DatabaseError(
                f"the database could not be encrypted: {exc}. It was left as it was"
            ) from exc
    finally:
        plain.close()
    try:
        os.replace(partial, path)
        sync_folder(path.parent)  # the rename itself survives a power cut
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"the database could not be encrypted: {exc}. It was left as it was"
        ) from exc
