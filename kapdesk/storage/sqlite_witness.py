"""The witness kept beside a kapdesk SQLite file, and the connection whose checkpoints keep it.

The witness (``<database>-kapdesk.json``). SQLite's WAL header carries salts that change with
each new WAL generation, but nothing that ties the WAL to its database. kapdesk owns the
checkpoints of the files it opens (``wal_autocheckpoint`` is off; :class:`WitnessedConnection`
checkpoints when the WAL passes a few MB and when it closes), so the database file changes
only when kapdesk says so, and it keeps beside the file, written whole (fsync, rename):

* ``db``: a fingerprint of the database file as the last complete checkpoint left it (its
  size and a hash of sampled pages), or null while a checkpoint may be changing it;
* ``wal``: the salts of the WAL generations this database wrote (the last few);
* ``pending``: whether a new WAL generation may have begun on ``db`` since (true from each
  checkpoint, or the open, until the first commit after it is recorded; false once the file
  was closed with its WAL emptied).

At open, a WAL holding frames belongs if its salts are known and the file matches ``db`` (or
``db`` is null: a checkpoint was cut short), or if its salts are new but ``pending`` stands and
the file matches ``db`` (the first commit of a generation, cut short before it was recorded).
Anything else is foreign: a WAL another database wrote (unknown salts), or this database's WAL
beside a file that is not the one it was written on (an older copy put back). A database file
with no witness (made by a kapdesk before this one) has its WAL tried on a private copy, and
gains a witness when it opens.

The reads here go through one descriptor per file, so they never drop SQLite's locks; the file
is examined with them before SQLite opens it (:mod:`kapdesk.storage.sqlite_file`).
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import sqlite3
import stat
import struct
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.platform != "win32":
    import fcntl

from kapdesk.core.safe_files import sync_folder, write_atomically
from kapdesk.storage.writer_lock import lock_path

log = logging.getLogger(__name__)

PLAIN_HEADER = b"SQLite format 3\x00"
WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24
CHECKPOINT_BYTES = 4 * 1024 * 1024  # kapdesk checkpoints once the WAL has grown past this
# A WAL at most this big keeps its size at a checkpoint, to be written over; a bigger one (a
# large transaction: a migration, an import) is emptied, or the next checkpoint would wait for
# the WAL to grow past it again.
KEEP_WAL_BYTES = 2 * CHECKPOINT_BYTES
SAMPLED_PAGES = 256  # pages hashed into the file's fingerprint (page 1, the last, and between)
KNOWN_GENERATIONS = 4


def wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shm_of(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def witness_of(path: Path) -> Path:
    return path.with_name(path.name + "-kapdesk.json")


# -- reading the file without breaking SQLite's locks ---------------------------------------

# POSIX advisory locks belong to a process and a file: closing ANY descriptor of the database
# file drops every lock SQLite holds on it in this process, and another process may then think
# itself the last user and delete the WAL. So plain reads of a database file go through one
# descriptor per file, opened once and never closed while the process lives.
_DESCRIPTORS: dict[tuple[int, int], int] = {}
_DESCRIPTORS_LOCK = threading.Lock()


def descriptor(path: Path) -> tuple[int, int]:
    """A descriptor of the file now at ``path``, and its size."""
    found = path.stat()
    if not stat.S_ISREG(found.st_mode):  # a FIFO or a device is never opened: it could block
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    key = (found.st_dev, found.st_ino)
    with _DESCRIPTORS_LOCK:
        fd = _DESCRIPTORS.get(key)
        if fd is None:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            opened_now = os.fstat(fd)
            if not stat.S_ISREG(opened_now.st_mode):  # swapped for another kind meanwhile
                os.close(fd)
                raise OSError(errno.EINVAL, "not a regular file", str(path))
            _DESCRIPTORS[(opened_now.st_dev, opened_now.st_ino)] = fd
        return fd, os.fstat(fd).st_size


def read_at(path: Path, offset: int, size: int) -> bytes:
    fd, _size = descriptor(path)
    return os.pread(fd, size, offset)


# -- what the file is ------------------------------------------------------------------------


def _looks_random(sample: bytes) -> bool:
    """Bytes an encryption made: hardly a zero, most byte values present, no SQL in clear."""
    if len(sample) < 512:
        return False
    zeros = sample.count(0) / len(sample)
    return zeros < 0.02 and len(set(sample)) > 200 and b"CREATE " not in sample


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` looks like a SQLCipher database: whole pages, not plain SQLite, and
    random from its first byte on (a plain file whose header was zeroed or overwritten still
    shows its SQLite pages, and is damaged, not encrypted)."""
    try:
        fd, size = descriptor(path)
        sample = os.pread(fd, 64 * 1024, 0)
    except OSError:
        return False
    if size == 0 or size % 512 or sample.startswith(PLAIN_HEADER):
        return False
    return _looks_random(sample[:4096]) and _looks_random(sample)


def page_size(header: bytes) -> int:
    raw = struct.unpack(">H", header[16:18])[0]
    return 65536 if raw == 1 else raw


def fingerprint(path: Path) -> dict[str, Any]:
    """The database file as it stands: its size and a hash of page 1, the last page and pages
    evenly between (a bounded read, however big the file)."""
    digest = hashlib.sha256()
    fd, size = descriptor(path)
    header = os.pread(fd, 100, 0)
    page = page_size(header) if header.startswith(PLAIN_HEADER) else 4096
    pages = max(1, size // max(page, 512))
    step = max(1, pages // SAMPLED_PAGES)
    for number in sorted({*range(0, pages, step), pages - 1}):
        digest.update(os.pread(fd, page, number * page))
    return {"size": size, "sha256": digest.hexdigest()}


def wal_generation(path: Path) -> tuple[int, int] | None:
    """The salts of the WAL beside ``path`` if it holds at least one frame SQLite would read;
    None when there is no WAL or nothing in it would be merged."""
    return wal_look(path)[0]


def wal_look(path: Path) -> tuple[tuple[int, int] | None, int]:
    """:func:`wal_generation` and the WAL file's size (0 when there is none), in one look:
    one descriptor, opened and closed (SQLite keeps no lock on the WAL file itself)."""
    try:
        fd = os.open(wal_of(path), os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None, 0
    try:
        start = os.read(fd, WAL_HEADER + FRAME_HEADER)
        size = os.fstat(fd).st_size
    finally:
        os.close(fd)
    return _salts(start[:WAL_HEADER], start[WAL_HEADER:]), size


def _salts(header: bytes, frame: bytes) -> tuple[int, int] | None:
    if len(header) < WAL_HEADER or len(frame) < FRAME_HEADER:
        return None
    magic, _version, _page, _seq, salt1, salt2 = struct.unpack(">6I", header[:24])
    if magic not in WAL_MAGIC:
        return None
    if struct.unpack(">2I", frame[8:16]) != (salt1, salt2):
        return None  # the first frame is of another generation: SQLite reads nothing
    return salt1, salt2


# -- the witness -----------------------------------------------------------------------------


@dataclass
class Witness:
    """What kapdesk last wrote about its database file and WAL (see the module's text)."""

    db: dict[str, Any] | None
    wal: list[tuple[int, int]] = field(default_factory=list)
    pending: bool = True

    def knows(self, salts: tuple[int, int]) -> bool:
        return salts in self.wal


def read_witness(path: Path) -> Witness | None:
    """The witness kept beside ``path``; None if there is none or it cannot be read."""
    try:
        data = json.loads(witness_of(path).read_text(encoding="utf-8"))
        db = data.get("db")
        salts = [(int(a), int(b)) for a, b in data.get("wal", [])]
        return Witness(db=dict(db) if db else None, wal=salts, pending=bool(data["pending"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_whole(target: Path, text: str) -> None:
    write_atomically(target, text, mode=0o600)


def fsync_folder(folder: Path) -> None:
    sync_folder(folder)


def write_witness(path: Path, witness: Witness) -> None:
    """Write the witness whole; the salts already kept there (by another kapdesk on the same
    file) are kept too, newest first."""
    kept = read_witness(path)
    salts = list(witness.wal)
    for older in kept.wal if kept else []:
        if older not in salts:
            salts.append(older)
    data = {"db": witness.db, "wal": salts[:KNOWN_GENERATIONS], "pending": witness.pending}
    write_whole(witness_of(path), json.dumps(data))


# -- who writes the file now -----------------------------------------------------------------


def lock_holder(path: Path, lock: Path | None = None) -> str:
    """Who holds the writer lock of the SQLite file at ``path``
    (:mod:`kapdesk.storage.writer_lock`): "here" (this process), "elsewhere" (another live
    process) or "" (no one). ``lock``: its lock file, when the caller found it already."""
    if sys.platform == "win32":
        return ""  # msvcrt's locks cannot be probed shared: the writer's lock alone guards
    try:
        fd = os.open(lock or lock_path(path), os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return ""  # no lock file: no writer has ever held it
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            note = os.pread(fd, 64, 0).split(b"\n", 1)[0]
            mine = note.strip().isdigit() and int(note) == os.getpid()
            return "here" if mine else "elsewhere"
        except OSError:
            return ""
        fcntl.flock(fd, fcntl.LOCK_UN)
        return ""
    finally:
        os.close(fd)


def writer_elsewhere(path: Path) -> bool:
    """Whether another live process holds the writer lock of the SQLite file at ``path``.
    That writer's WAL is its own, written as this process reads, and its checkpoints change the
    file: a process that is not the writer neither judges that WAL, nor checkpoints, nor writes
    the witness, or it would race the writer's checkpoints and could take a sound record for a
    foreign one."""
    return lock_holder(path) == "elsewhere"


# -- kapdesk's own checkpoints ---------------------------------------------------------------


class WitnessedConnection(sqlite3.Connection):
    """A connection to a kapdesk SQLite file that keeps the witness (see the module's text):
    it records each new WAL generation after the commit that began it, checkpoints when the
    WAL has grown past a few MB, and empties the WAL when it closes.

    The checkpoint a growing WAL gets leaves the WAL file its size (``RESTART``): the next
    generation is written over the last one's frames, and a commit that overwrites blocks it
    already has is synced without the file's size and block map, at about half the cost of one
    that appends. A WAL grown past :data:`KEEP_WAL_BYTES` (one large transaction), a checkpoint
    that gives the disk room back, and closing empty it whole.
    """

    database: Path  # set on the subclass :func:`witnessed` makes for one file
    recorded: tuple[int, int] | None = None  # the generation this connection last saw recorded
    mine = False  # this process holds the file's writer lock (see _writer)
    lock_file: Path | None = None  # the file's writer lock, found once (its real path)
    # The WAL file's size after the last checkpoint of this file (one class per file): a WAL
    # written over from its start has grown again only once it passes that.
    wal_after_checkpoint = 0

    def commit(self) -> None:
        super().commit()
        try:
            self._after_commit()
        except (OSError, sqlite3.Error) as exc:
            log.warning("cannot keep the witness of %s: %s", self.database, exc)

    def _writer(self) -> bool:
        """Whether this connection may checkpoint and keep the witness: no other live process
        holds the writer lock. Once this process is found holding it (the window), that holds
        for the connection's life, and the lock file is not asked again at every commit."""
        if self.mine:
            return True
        if self.lock_file is None:
            self.lock_file = lock_path(self.database)
        holder = lock_holder(self.database, self.lock_file)
        self.mine = holder == "here"
        return holder != "elsewhere"

    def close(self) -> None:
        if not self._writer():
            # Not the writer: no checkpoint of ours. (SQLite checkpoints on the last close of
            # the file, which the writer's own connection never lets this one be.)
            super().close()
            return
        try:
            self.checkpoint(closing=True)
        except (OSError, sqlite3.Error) as exc:
            log.warning("cannot checkpoint %s on closing: %s", self.database, exc)
        super().close()
        if not wal_of(self.database).exists() and self.database.exists():
            # The last connection: SQLite emptied and removed the WAL. Any WAL found beside
            # the file from now on was not written by this database.
            try:
                write_witness(self.database, Witness(db=fingerprint(self.database), pending=False))
            except OSError as exc:
                log.warning("cannot keep the witness of %s: %s", self.database, exc)

    def _after_commit(self) -> None:
        if not self._writer():
            return  # the writer keeps the witness and makes the checkpoints
        salts, size = wal_look(self.database)
        if salts is not None and salts != self.recorded:
            witness = read_witness(self.database)
            if witness is not None and not witness.knows(salts):
                # A WAL begins again only once every frame of the last one is in the file, and
                # the file changes only at checkpoints: as it is now, the new WAL began on it.
                # (So the witness mends itself after a checkpoint that was not kapdesk's.)
                begun_on = fingerprint(self.database)
                write_witness(self.database, Witness(db=begun_on, wal=[salts], pending=False))
            self.recorded = salts
        if size > max(CHECKPOINT_BYTES, type(self).wal_after_checkpoint):
            self.checkpoint(keep_file=size <= KEEP_WAL_BYTES)

    def checkpoint(self, closing: bool = False, keep_file: bool = False) -> bool:
        """Copy the WAL into the database file and empty it (``keep_file``: leave the file its
        size, for the next generation to write over), keeping the witness true; whether it
        completed. Every checkpoint of a kapdesk file goes through here (a bare ``PRAGMA
        wal_checkpoint`` changes the file behind the witness's back until the next WAL
        begins)."""
        if self.in_transaction:
            return False
        salts = wal_generation(self.database)
        known = [salts] if salts else []
        if salts is not None:
            try:
                write_witness(self.database, Witness(db=None, wal=known, pending=True))
            except OSError as exc:
                # A full disk: the checkpoint is what gives room back, so it runs all the same
                # (only a kill in the middle of it would then find the file unknown).
                log.warning("checkpointing %s without noting it first: %s", self.database, exc)
        # A short wait: readers busy now leave it for the next time.
        self.execute("PRAGMA busy_timeout=200")
        try:
            mode = "RESTART" if keep_file else "TRUNCATE"
            busy, wal_frames, copied = self.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        finally:
            self.execute("PRAGMA busy_timeout=5000")
        done = busy == 0 or wal_frames == copied
        if done:
            # The file now holds every commit: the next generation begins on it as it is.
            write_witness(
                self.database, Witness(db=fingerprint(self.database), wal=known, pending=True)
            )
            type(self).wal_after_checkpoint = wal_look(self.database)[1]
        elif closing:
            log.info("%s is in use elsewhere: its WAL stays for the last one to close", self)
        return bool(done)


def witnessed(path: Path) -> type[WitnessedConnection]:
    """The connection class for the SQLite file at ``path`` (sqlite3.connect's factory)."""
    return type("WitnessedConnection", (WitnessedConnection,), {"database": path})
