"""Reading the files people name, and writing the files people ask for, without harm.

Every file kapdesk reads that someone may have named or put in place (a protocol, the clinic's
settings, room.toml, a playlist, the tags file) goes through :func:`read_file`: it must be a
regular file (checked with ``os.stat`` before it is opened, and again on the open descriptor),
it is opened non-blocking so a FIFO never hangs the reader, and it is read only up to a limit
per kind, so ``/dev/zero`` or a 10 GB file is refused with a plain message instead of eating
the memory. Text is decoded by :func:`decode_text`, whose errors are plain messages too.

Every file kapdesk writes where a person asked (an export, a handout, a printed record, an
exported playlist) goes through :func:`write_file`: it refuses kapdesk's own places (the data
folder with the database, its WAL and the outbox, the room's settings folder, a ``--db`` file
with its sidecars), compared by real path after symlinks and ``..`` are resolved; it refuses
anything that is not a regular file (a device, a FIFO, a socket, a folder, a link to one of
them or to nothing); it replaces an existing file only when asked to (``--force``, or staff
confirming the save dialog); and it writes whole with :func:`write_atomically`.

:func:`write_atomically` is how kapdesk writes any file whole (its own settings, a record's
PDF, the witness beside its database): a temporary file in the target's folder, synced,
renamed over the target, and the folder synced, so a failed write leaves the old file as it
was and a power cut after it leaves the new one.

:func:`read_file`, :func:`decode_text` and :func:`write_file` raise :class:`SafeFileError` with
a message fit for staff; :func:`write_atomically` raises the OSError for its caller to word.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from kapdesk.core.words import QT_TRANSLATE_NOOP, Template

log = logging.getLogger(__name__)

# How much kapdesk reads of each kind of file, at most: far above any real one.
SETTINGS_LIMIT = 1 << 20  # protocols, clinic.toml, room.toml, tags: 1 MiB
PLAYLIST_LIMIT = 16 << 20  # a playlist of tens of thousands of entries: 16 MiB

# An SQLite file and the sidecars SQLite itself keeps beside it.
SQLITE_FILES = ("", "-wal", "-shm", "-journal")
# A record's file family: SQLite's files and the WAL's witness of
# kapdesk.storage.sqlite_witness (what moves with the record when it is set or kept aside).
RECORD_FILES = (*SQLITE_FILES, "-kapdesk.json")
# Beside an SQLite file, never written over: its family and the writer lock of
# kapdesk.storage.writer_lock (and the folder a damaged or foreign record is set aside in).
SQLITE_SIDECARS = (*RECORD_FILES, ".kapdesk-lock")
SET_ASIDE_FOLDER = "set-aside"

_WINDOWS = sys.platform == "win32"


class SafeFileError(Exception):
    """A file that cannot be read or written safely; the message says which and why.

    ``reason`` is the why alone ("it already exists; give --force to replace it").
    """

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


# Why a file cannot be read or written, said to staff (a playlist imported, a record saved).
A_FILE = QT_TRANSLATE_NOOP("SafeFiles", "file")
NOT_READABLE_KIND = QT_TRANSLATE_NOOP("SafeFiles", "it is {kind}, not a {what}")
NUL_IN_NAME = QT_TRANSLATE_NOOP("SafeFiles", "the name holds a NUL character")
TOO_LARGE = QT_TRANSLATE_NOOP("SafeFiles", "it is too large to be a {what} (over {size})")
BYTES = QT_TRANSLATE_NOOP("SafeFiles", "{count} bytes")
INSIDE_OWN = QT_TRANSLATE_NOOP(
    "SafeFiles",
    "it is inside kapdesk's own data ({place}), which an export never writes over; "
    "choose a place outside it",
)
LINK_TO_NOTHING = QT_TRANSLATE_NOOP("SafeFiles", "it is a link to a file that does not exist")
NOT_REPLACEABLE = QT_TRANSLATE_NOOP("SafeFiles", "it is {kind}, not a file kapdesk may replace")
OWN_FILE = QT_TRANSLATE_NOOP("SafeFiles", "it is kapdesk's own file {place} under another name")
NO_FOLDER = QT_TRANSLATE_NOOP("SafeFiles", "the folder {folder} does not exist")
NOT_A_FOLDER = QT_TRANSLATE_NOOP("SafeFiles", "{folder} is not a folder")
CANNOT_WRITE = QT_TRANSLATE_NOOP("SafeFiles", "cannot write {path}: {reason}")
CANNOT_WRITE_KEPT = QT_TRANSLATE_NOOP(
    "SafeFiles", "cannot write {path}: {reason}; the file there before is unchanged"
)
_NAMED = Template("SafeFiles", "{name}: {reason}")  # no words of its own
_KINDS = {
    "folder": QT_TRANSLATE_NOOP("SafeFiles", "a folder"),
    "device": QT_TRANSLATE_NOOP("SafeFiles", "a device"),
    "fifo": QT_TRANSLATE_NOOP("SafeFiles", "a pipe (FIFO)"),
    "socket": QT_TRANSLATE_NOOP("SafeFiles", "a socket"),
    "other": QT_TRANSLATE_NOOP("SafeFiles", "not a regular file"),
}
_OS_REASONS = {
    errno.ELOOP: QT_TRANSLATE_NOOP("SafeFiles", "its links go round in a loop"),
    errno.ENOENT: QT_TRANSLATE_NOOP("SafeFiles", "no such file"),
    errno.EACCES: QT_TRANSLATE_NOOP("SafeFiles", "permission denied"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("SafeFiles", "the name is too long"),
}


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _KINDS["folder"]
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _KINDS["device"]
    if stat.S_ISFIFO(mode):
        return _KINDS["fifo"]
    if stat.S_ISSOCK(mode):
        return _KINDS["socket"]
    return _KINDS["other"]


def _reason(error: OSError) -> str:
    number = errno.EACCES if error.errno == errno.EPERM else error.errno
    if number in _OS_REASONS:
        return _OS_REASONS[number]
    return str(error.strerror or error)


def _size_text(limit: int) -> str:
    return f"{limit // (1 << 20)} MB" if limit >= 1 << 20 else BYTES.format(count=limit)


# -- reading -------------------------------------------------------------------------------------


def read_file(path: Path | str, *, limit: int, what: str = A_FILE) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them; SafeFileError if not.

    ``what`` names the kind of file in the message ("protocol file", "playlist file").
    """
    name = os.fspath(path)

    def refused(reason: str) -> SafeFileError:
        return SafeFileError(_NAMED.format(name=name, reason=reason), reason)

    def not_regular(mode: int) -> SafeFileError:
        return refused(NOT_READABLE_KIND.format(kind=_kind(mode), what=what))

    try:
        before = os.stat(name)
    except OSError as exc:
        raise refused(_reason(exc)) from None
    except ValueError:  # a NUL in the name
        raise refused(NUL_IN_NAME) from None
    if not stat.S_ISREG(before.st_mode):
        raise not_regular(before.st_mode)
    too_large = TOO_LARGE.format(what=what, size=_size_text(limit))
    if before.st_size > limit:
        raise refused(too_large)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(name, flags)
    except OSError as exc:
        raise refused(_reason(exc)) from None
    try:
        opened = os.fstat(fd)  # the file may have been swapped between the stat and the open
        if not stat.S_ISREG(opened.st_mode):
            raise not_regular(opened.st_mode)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise refused(too_large)
    except OSError as exc:
        raise refused(_reason(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def decode_text(data: bytes, *, name: str, what: str = "file", encoding: str = "utf-8") -> str:
    """``data`` as text in ``encoding`` (a BOM of that family is dropped); SafeFileError if not."""
    try:
        text = data.decode(encoding)
    except LookupError:
        raise SafeFileError(f"the {what} {name} names an unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise SafeFileError(
            f"the {what} {name} is not {encoding} text (byte {exc.start + 1} cannot be read)"
        ) from None
    return text.removeprefix("\ufeff")


# -- writing -------------------------------------------------------------------------------------


def _real(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


def _inside(target: str, place: str) -> bool:
    return target == place or target.startswith(place.rstrip(os.sep) + os.sep)


def sqlite_family(database: Path) -> tuple[Path, ...]:
    """An SQLite file, the sidecars SQLite and kapdesk keep beside it (WAL, shared memory,
    journal, witness, writer lock) and the folder records are set aside in."""
    files = tuple(database.with_name(database.name + suffix) for suffix in SQLITE_SIDECARS)
    return (*files, database.parent / SET_ASIDE_FOLDER)


def remove_sqlite_files(path: Path | str) -> None:
    """Remove the SQLite file ``path`` and SQLite's own sidecars, whichever are there."""
    for suffix in SQLITE_FILES:
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def refuse_reason(path: Path, kept: Iterable[Path], *, force: bool) -> str | None:
    """Why ``path`` must not be written (a plain phrase), or None when it may be.

    ``kept`` are kapdesk's own places: folders (everything inside them is kept) and files.
    """
    target = _real(path)
    for place in kept:
        if _inside(target, _real(place)):
            return INSIDE_OWN.format(place=place)
    try:
        os.lstat(path)
    except FileNotFoundError:
        exists = False
    except OSError as exc:
        return _reason(exc)
    else:
        exists = True
    if exists:
        try:
            found = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ENOENT:
                return LINK_TO_NOTHING
            return _reason(exc)
        if not stat.S_ISREG(found.st_mode):
            return NOT_REPLACEABLE.format(kind=_kind(found.st_mode))
        for place in kept:  # a hard link to the database under another name
            with contextlib.suppress(OSError):
                other = os.stat(place)
                if stat.S_ISREG(other.st_mode) and os.path.samestat(found, other):
                    return OWN_FILE.format(place=place)
        if not force:
            return "it already exists; give --force to replace it"
    folder = os.path.dirname(target) or "."
    try:
        found_folder = os.stat(folder)
    except FileNotFoundError:
        return NO_FOLDER.format(folder=folder)
    except OSError as exc:
        return _reason(exc)
    if not stat.S_ISDIR(found_folder.st_mode):
        return NOT_A_FOLDER.format(folder=folder)
    return None


def write_file(
    path: Path,
    data: bytes,
    *,
    kept: Iterable[Path] = (),
    force: bool = False,
    mode: int | None = 0o600,
) -> None:
    """Write ``data`` to ``path`` whole, or raise SafeFileError and change nothing.

    ``kept``: kapdesk's own places, never written (see :func:`refuse_reason`). ``force``:
    replace an existing regular file. ``mode``: the new file's permissions (None: those of
    the file replaced, or 0644 for a new one). A symlink to a regular file is followed: the
    file it points at is replaced, and the link stays.
    """
    places = tuple(kept)
    refused = refuse_reason(path, places, force=force)
    if refused is not None:
        raise SafeFileError(CANNOT_WRITE.format(path=path, reason=refused), refused)
    if mode is None and not os.path.exists(path):
        mode = 0o644

    def check_again() -> None:  # the place may have changed while writing
        again = refuse_reason(Path(os.path.realpath(os.fspath(path))), places, force=force)
        if again is not None:
            raise SafeFileError(CANNOT_WRITE.format(path=path, reason=again), again)

    try:
        write_atomically(path, data, mode=mode, before_rename=check_again)
    except OSError as exc:
        reason = _reason(exc)
        raise SafeFileError(CANNOT_WRITE_KEPT.format(path=path, reason=reason), reason) from None


def write_atomically(
    path: Path | str,
    data: bytes | str,
    *,
    mode: int | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` so that it holds either its old content or all of the new.

    A temporary file in the same folder is written and synced, then renamed over ``path``, and
    the folder is synced so the rename itself survives a power cut. ``data`` as text is written
    as UTF-8. ``mode``: the file's permissions; None keeps those of the file replaced, or gives
    a new file to its owner only (0600). A symlink is followed: the file it points at is
    replaced and the link stays. ``before_rename`` is called once the new content is on disk,
    just before the rename: raising there gives up and leaves the old file as it was.

    Raises OSError when it cannot be done; the old file is then whole and no temporary file is
    left behind. Once the rename is done the write stands: a file system that keeps no
    permissions, or a folder that cannot be synced, is logged, not raised.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    target = os.path.realpath(os.fspath(path))
    folder = os.path.dirname(target) or "."
    if mode is None:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(target).st_mode)
    fd, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".part"
    )
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            _set_mode(temporary, mode)
        if before_rename is not None:
            before_rename()
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    # The new file is in place from here on: a caller told "failed" would say the old one is
    # still there. A folder that cannot be synced is logged, and the write stands.
    try:
        sync_folder(folder)
    except OSError as exc:
        log.warning("%s was written, but its folder could not be synced: %s", target, exc)


def _set_mode(path: str, mode: int) -> None:
    """Give ``path`` its permissions, where the file system keeps them (a FAT stick does not)."""
    try:
        os.chmod(path, mode)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        log.warning("%s keeps no permissions here: %s", path, exc)


def sync_folder(folder: Path | str) -> None:
    """Make the names in ``folder`` durable (a rename, a new file), where the system can.

    Windows cannot open a folder, and some file systems cannot sync one (EINVAL): there the
    call does nothing. Any other failure is raised, since the rename may not survive a power cut.
    """
    if _WINDOWS:
        return
    fd = os.open(os.fspath(folder), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)
