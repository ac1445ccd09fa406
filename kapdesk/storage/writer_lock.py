"""One writer per database file: the lock a kapdesk holds while it records into a SQLite file.

The data folder's own lock (:mod:`kapdesk.single_instance`) keeps a second window off the same
folder, but ``--db sqlite:///…`` reaches the same file from anywhere. Two kapdesks recording
into one session would both number its entries, and one's would be refused. So every kapdesk
that writes to a SQLite file (the window, ``demo``, ``encrypt``) first takes a lock that
belongs to the file itself: ``<file>.kapdesk-lock`` beside the database, named after its real
path (a symbolic link or a second name for the folder reaches the same lock). Read-only
commands do not take it.

The lock is an advisory ``flock`` (``msvcrt.locking`` on Windows) on that separate file, never
a POSIX lock on the database: SQLite's own POSIX locks are per process, and closing any other
descriptor of the database file would drop them. ``flock`` belongs to the open file, so it is
released when the holder exits, however it exits, and two holders in one process exclude each
other too. The file names its holder (process id, host, how to reach its window) for the
message a second kapdesk shows.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.paths import AppPaths
from kapdesk.storage.errors import DatabaseError

LOCK_SUFFIX = ".kapdesk-lock"

# Why a database cannot be written to, as the start window says it.
LOCK_NOT_MADE = QT_TRANSLATE_NOOP(
    "Storage",
    "the lock file {path} cannot be made ({error}): kapdesk cannot make sure it is the only one "
    "writing to the database",
)
LOCK_NOT_LOCKED = QT_TRANSLATE_NOOP("Storage", "the lock file {path} cannot be locked ({error})")
IN_USE = QT_TRANSLATE_NOOP(
    "Storage",
    "the database {path} is in use by another kapdesk ({who}): only one kapdesk may write to it "
    "at a time. Use that kapdesk's window, or close it and try again",
)
DATA_FOLDER_UNUSABLE = QT_TRANSLATE_NOOP("Storage", "cannot use the data folder {folder}: {error}")
# Who holds the lock.
A_PROCESS = QT_TRANSLATE_NOOP("Storage", "a process")
A_PROCESS_ON = QT_TRANSLATE_NOOP("Storage", "a process on {host}")
PROCESS = QT_TRANSLATE_NOOP("Storage", "process {pid}")
PROCESS_ON = QT_TRANSLATE_NOOP("Storage", "process {pid} on {host}")
ANOTHER_PROCESS = QT_TRANSLATE_NOOP("Storage", "another process")


class DatabaseInUseError(DatabaseError):
    """Another running kapdesk writes to this database file."""

    def __init__(self, message: str, holder: Holder | None) -> None:
        super().__init__(message)
        self.holder = holder


@dataclass(frozen=True)
class Holder:
    """Who holds a database's lock, as it wrote itself into the lock file."""

    pid: int | None
    host: str
    window: str  # the local socket its window answers on, "" for a command

    def describe(self) -> str:
        elsewhere = bool(self.host) and self.host != socket.gethostname()
        if self.pid:
            return (PROCESS_ON if elsewhere else PROCESS).format(pid=self.pid, host=self.host)
        return A_PROCESS_ON.format(host=self.host) if elsewhere else A_PROCESS


def lock_path(database: Path) -> Path:
    """The lock file of ``database``: beside its real path."""
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + LOCK_SUFFIX)


def sqlite_file(paths: AppPaths, db_url: str | None) -> Path | None:
    """The SQLite file kapdesk will open for ``db_url`` (None: the data folder's own, unless
    this PC is connected to a clinic server); None for a server or a URL that is not a file."""
    if db_url is None and paths.practice:
        return paths.database  # practice never reaches a clinic server
    if db_url is None:
        from kapdesk.core.room import load_room_settings  # noqa: PLC0415

        room, _problem = load_room_settings(paths.room_settings)
        return None if room.database else paths.database
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    try:
        parsed = make_url(db_url)
    except Exception:  # a bad URL is open_storage's to explain
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


_HELD_HERE: set[Path] = set()  # the lock files this process holds


def held_here(database: Path) -> bool:
    """Whether this process holds the writer lock of ``database``."""
    return lock_path(database) in _HELD_HERE


class WriterLock:
    """The lock of one database file. :meth:`acquire` takes it or says who has it."""

    def __init__(self, database: Path, window: str = "") -> None:
        self.database = database
        self.path = lock_path(database)
        self.window = window
        self._fd: int | None = None
        self._finalizer: weakref.finalize[[int, Path], WriterLock] | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock; :class:`DatabaseInUseError` when another kapdesk holds it,
        :class:`DatabaseError` when its file cannot be made (a read-only or full folder)."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise DatabaseError(
                LOCK_NOT_MADE.format(path=self.path, error=exc.strerror or exc)
            ) from exc
        try:
            free = _try_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise DatabaseError(
                LOCK_NOT_LOCKED.format(path=self.path, error=exc.strerror or exc)
            ) from exc
        if not free:
            os.close(fd)
            holder = read_holder(self.path)
            who = holder.describe() if holder else ANOTHER_PROCESS
            real = os.path.realpath(self.database)
            raise DatabaseInUseError(IN_USE.format(path=real, who=who), holder)
        self._fd = fd
        _HELD_HERE.add(self.path)
        self._finalizer = weakref.finalize(self, _let_go, fd, self.path)
        with contextlib.suppress(OSError):  # the lock holds even if its note cannot be written
            note = f"{os.getpid()}\n{socket.gethostname()}\n{self.window}\n".encode()
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, note)

    def release(self) -> None:
        if self._finalizer is not None:
            self._finalizer()  # closing the descriptor lets the lock go
        self._fd = None
        self._finalizer = None


def read_holder(path: Path) -> Holder | None:
    """Who wrote themselves into the lock file at ``path``; None when it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines:
        return None
    pid = int(lines[0]) if lines[0].strip().isdigit() else None
    host = lines[1].strip() if len(lines) > 1 else ""
    window = lines[2].strip() if len(lines) > 2 else ""
    return Holder(pid, host, window)


def take_writer_lock(paths: AppPaths, db_url: str | None, window: str = "") -> WriterLock | None:
    """The lock of the SQLite file ``db_url`` names, taken; None for a clinic server (whose
    own transactions keep rooms apart). Raises as :meth:`WriterLock.acquire` does."""
    database = sqlite_file(paths, db_url)
    if database is None:
        return None
    if database == paths.database:
        try:
            paths.ensure_private()
        except OSError as exc:
            raise DatabaseError(
                DATA_FOLDER_UNUSABLE.format(folder=paths.data_dir, error=exc.strerror or exc)
            ) from exc
    elif not database.parent.is_dir():
        return None  # nothing to lock yet: open_storage says what is wrong with the place
    lock = WriterLock(database, window)
    lock.acquire()
    return lock


def _let_go(fd: int, path: Path) -> None:
    _HELD_HERE.discard(path)
    with contextlib.suppress(OSError):
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover  (the room PCs that run Windows)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        # A byte well past the note, so a second kapdesk can still read who holds the lock.
        os.lseek(fd, 1 << 20, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
