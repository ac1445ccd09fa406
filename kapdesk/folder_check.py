"""Why a folder kapdesk keeps its records in cannot be used, in words for staff and for IT.

Asked only once something has failed (the lock could not be taken, the records did not open),
never on the way to a normal start. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import errno
import getpass
import os
from pathlib import Path

from kapdesk.core.words import QT_TRANSLATE_NOOP

PROBE_BYTES = 64 * 1024  # a little room, as a session's first minutes need

# Why the data folder cannot be used, as the start window (or the command line) says it.
USER = QT_TRANSLATE_NOOP("DataFolder", "user {uid}")
THIS_ACCOUNT = QT_TRANSLATE_NOOP("DataFolder", "this account")
NOT_A_FOLDER = QT_TRANSLATE_NOOP(
    "DataFolder",
    "The data folder {folder} is not a folder (a file has its name). IT support: move that file "
    "away, or start kapdesk with --data-dir elsewhere.",
)
NOT_ALLOWED_IN = QT_TRANSLATE_NOOP(
    "DataFolder",
    "The data folder {folder} cannot be opened: this account ({user}) is not allowed into it, so "
    "kapdesk cannot read or write its records. IT support: give {user} access to it (it should "
    "belong to {user}, readable by {user} only), or start kapdesk as the account that owns it.",
)
CANNOT_READ = QT_TRANSLATE_NOOP("DataFolder", "The data folder {folder} cannot be read: {error}.")
READ_ONLY = QT_TRANSLATE_NOOP(
    "DataFolder",
    "The disk holding kapdesk's data folder {folder} is read-only (mounted read-only, "
    "write-protected, or switched to read-only after a disk error): nothing new can be recorded, "
    "so kapdesk does not open. IT support: make that disk writable again (check it for errors "
    "first), then press Try again.",
)
FULL = QT_TRANSLATE_NOOP(
    "DataFolder",
    "The disk holding kapdesk's data folder {folder} is full: there is no room to record a "
    "session, so kapdesk does not open. Free space on that disk (IT support can: old downloads, "
    "the trash; never the files in the data folder), then press Try again.",
)
NOT_ALLOWED_TO_WRITE = QT_TRANSLATE_NOOP(
    "DataFolder",
    "This account ({user}) may not write in the data folder {folder}: nothing new can be "
    "recorded, so kapdesk does not open. IT support: give {user} write access to the folder and "
    "the files in it, then press Try again.",
)
CANNOT_WRITE = QT_TRANSLATE_NOOP(
    "DataFolder",
    "Nothing can be written in the data folder {folder}: {error}. IT support: check the disk and "
    "the folder, then press Try again.",
)


def _account() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this account
        return USER.format(uid=os.getuid()) if hasattr(os, "getuid") else THIS_ACCOUNT


def entry_problem(folder: Path) -> str | None:
    """A sentence when ``folder`` exists but this account may not go in or read it."""
    try:
        if not folder.exists():
            return None
        if not folder.is_dir():
            return NOT_A_FOLDER.format(folder=folder)
        os.listdir(folder)
    except PermissionError:
        user = _account()
        return NOT_ALLOWED_IN.format(folder=folder, user=user)
    except OSError as exc:
        return CANNOT_READ.format(folder=folder, error=exc.strerror or exc)
    return None


def folder_problem(folder: Path) -> str | None:
    """Why kapdesk cannot keep records in ``folder`` (it cannot go in, the disk is read-only
    or full, it may not write there); None when a small write there succeeds."""
    found = entry_problem(folder)
    if found:
        return found
    probe = folder / f".kapdesk-probe-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"\0" * PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
            probe.unlink()
    except OSError as exc:
        return write_problem(folder, exc)
    return None


def write_problem(folder: Path, exc: OSError) -> str:
    """What a failed write in ``folder`` means for staff, and what IT must put right."""
    if exc.errno == errno.EROFS:
        return READ_ONLY.format(folder=folder)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return FULL.format(folder=folder)
    if exc.errno in (errno.EACCES, errno.EPERM):
        user = _account()
        return NOT_ALLOWED_TO_WRITE.format(folder=folder, user=user)
    return CANNOT_WRITE.format(folder=folder, error=exc.strerror or exc)
