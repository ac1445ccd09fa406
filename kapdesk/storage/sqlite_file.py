"""The SQLite file, examined before SQLite opens it: plain file reads, then a read-only check.

SQLite opens whatever it is given and trusts it: a WAL left beside the file by another
database is merged into it at open (and then deleted), a file whose first bytes were lost is
"not a database", an empty file becomes a new database, a damaged one is written on until
someone reads the wrong page. kapdesk looks first (:func:`examine`), on every path that opens
a SQLite file (the window, every command, the board, ``--db sqlite:///...``):

* no file: a new database, made here, unless an earlier record was set aside in this folder
  and staff have not yet said a new one may start (``set-aside/*/HOLD.txt``);
* an empty file: new only if kapdesk made it and was stopped before writing anything (its
  witness says so); any other empty file is a record that lost its content: set aside;
* a file that does not begin "SQLite format 3": encrypted if it looks random throughout (the
  caller opens it with SQLCipher), otherwise damaged (zeroed or overwritten first bytes);
* a WAL with frames beside it: merged only if it belongs to this file (the witness below;
  for a file from before kapdesk kept one, a merge into a private copy is checked first);
* then ``PRAGMA quick_check`` on a read-only connection, stopped after a second or two on a
  big file, whose full ``integrity_check`` then runs in the background and logs what it finds.

A damaged or foreign file is never opened for writing: the database file and everything
beside it (WAL, shared memory, witness) are moved together, untouched, into
``set-aside/<UTC time>/`` beside it, with a README.txt that says what happened and what to
do, and :class:`RecordSetAsideError` says the same to the window or the terminal.

Whether a WAL beside the file is its own is the witness's to say
(:mod:`kapdesk.storage.sqlite_witness`, which also keeps kapdesk's own checkpoints).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kapdesk.core.safe_files import SET_ASIDE_FOLDER
from kapdesk.storage import db_words as words
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.sqlite_witness import (
    PLAIN_HEADER,
    Witness,
    descriptor,
    fingerprint,
    fsync_folder,
    looks_encrypted,
    page_size,
    read_at,
    read_witness,
    shm_of,
    wal_generation,
    wal_of,
    witness_of,
    write_whole,
    write_witness,
    writer_elsewhere,
)

log = logging.getLogger(__name__)

SET_ASIDE = SET_ASIDE_FOLDER  # beside the database
HOLD = "HOLD.txt"
QUICK_CHECK_SECONDS = 1.5  # longer than this, and the full check goes on in the background


class RecordSetAsideError(DatabaseError):
    """The database file was damaged or foreign and was moved, untouched, to ``folder``."""

    def __init__(self, message: str, folder: Path) -> None:
        super().__init__(message)
        self.folder = folder


# -- setting aside ---------------------------------------------------------------------------

README = """\
kapdesk set this record aside on {when} UTC instead of opening it.

Why: the database {why}.

Nothing was written to these files: they were moved here together, as they were, from
{folder}. Opening them as they are would have lost or falsified records.

What to do:
- Keep this folder. Do not put these files back beside each other by hand.
- If you have a backup of the record, put the backup's database file back at
  {original} (with no -wal or -shm file beside it) and start kapdesk.
- Otherwise ask whoever looks after the room PCs: the files here can often be read with
  SQLite's own tools (sqlite3 .recover) and what they hold brought back.
- kapdesk will not start a new, empty record in {folder} while {hold} is in this
  folder. Delete {hold} once you have decided that a new record may start.
"""

HOLD_TEXT = """\
While this file is here, kapdesk does not start a new, empty record in place of the one set
aside in this folder (README.txt says why). Delete this file to let it start one; the other
files here stay as they are.
"""


def set_aside(path: Path, why: str) -> DatabaseError:
    """Move the database file and everything beside it, untouched, into a new folder of
    ``set-aside`` beside it, with a README.txt and a HOLD.txt; the error that says so (a plain
    DatabaseError, the files left where they are, when they cannot be moved, or when nothing
    says the file is a kapdesk record: no witness beside it, as for a file named with
    ``--db`` that kapdesk never opened, or a record from before kapdesk kept one)."""
    if not witness_of(path).exists():
        log.error("the database %s %s: left untouched", path, why)
        return DatabaseError(words.LEFT_AS_IS.format(path=path, why=why))
    try:
        folder = _move_aside(path, why)
    except OSError as exc:
        log.error("the database %s %s; it cannot be set aside: %s", path, why, exc)
        return DatabaseError(words.NOT_MOVED.format(path=path, why=why, error=exc.strerror))
    log.error("the database %s %s: set aside in %s", path, why, folder)
    return RecordSetAsideError(words.MOVED_ASIDE.format(path=path, why=why, folder=folder), folder)


def _move_aside(path: Path, why: str) -> Path:
    stamp = datetime.now(UTC)
    base = path.parent / SET_ASIDE
    base.mkdir(mode=0o700, exist_ok=True)
    name = stamp.strftime("%Y-%m-%dT%H-%M-%SZ")
    folder = base / name
    number = 1
    while folder.exists():
        number += 1
        folder = base / f"{name}-{number}"
    folder.mkdir(mode=0o700)
    when = stamp.strftime("%Y-%m-%d %H:%M:%S")
    text = README.format(when=when, why=why, folder=path.parent, original=path, hold=HOLD)
    write_whole(folder / "README.txt", text)
    write_whole(folder / HOLD, HOLD_TEXT)
    for moved in (path, wal_of(path), shm_of(path), witness_of(path)):
        if moved.exists():
            os.replace(moved, folder / moved.name)
    fsync_folder(path.parent)
    return folder


def held_by(path: Path) -> Path | None:
    """A set-aside folder beside ``path`` whose HOLD.txt still stands, if any."""
    base = path.parent / SET_ASIDE
    try:
        holds = sorted(base.glob(f"*/{HOLD}"))
    except OSError:
        return None
    for hold in holds:
        if (hold.parent / path.name).exists() or (hold.parent / wal_of(path).name).exists():
            return hold.parent
    return None


# -- examining before SQLite opens the file --------------------------------------------------


def examine(
    path: Path,
    *,
    encrypted: bool = False,
    report: Callable[[Path, str], None] | None = None,
    background_check: bool = True,
) -> None:
    """Make ready, or refuse, the SQLite file at ``path`` before SQLite opens it.

    Creates it (folder 0700, file 0600) when there is none; raises
    :class:`RecordSetAsideError` for a damaged or foreign file (after setting it aside) and
    DatabaseError for a folder whose record was set aside and is still held. ``encrypted``:
    the caller opens it with SQLCipher, which the header and page checks cannot read.
    ``report`` hears of damage the full check finds in the background (a file too big to check
    whole at start), from that check's thread. ``background_check=False`` starts no such
    check: its thread reads the file for minutes, which a caller about to checkpoint the
    file (and needing no reader left on it) cannot have.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        _create(path)
        return
    if size == 0:
        _examine_empty(path)
        return
    if encrypted:
        return  # SQLCipher's pages cannot be read here, and no witness is kept for them
    _examine_header(path, size)
    if not writer_elsewhere(path):  # a live writer's WAL is its own, and changing as we read
        _examine_wal(path)
    _quick_check(path, report, background_check)


def _create(path: Path) -> None:
    if wal_generation(path) is not None:
        raise set_aside(path, words.WHY_WAL_ONLY)
    held = held_by(path)
    if held is not None:
        raise DatabaseError(words.HELD_ASIDE.format(path=path, folder=held, hold=HOLD))
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The witness first: an empty file that has one saying "nothing yet" is kapdesk's own.
    write_witness(path, Witness(db={"size": 0}, wal=[], pending=True))
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)  # a file no one has open yet: no lock of SQLite's to lose
    os.chmod(path, 0o600)
    fsync_folder(path.parent)
    into_wal(path)


def into_wal(path: Path) -> None:
    """Put the file in WAL mode now, before its fingerprint is taken: switching rewrites its
    first page, which once opened only checkpoints may change."""
    if read_at(path, 18, 2) == b"\x02\x02":
        return
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()


def _examine_empty(path: Path) -> None:
    witness = read_witness(path)
    made_here = witness is not None and witness.db is not None and witness.db.get("size") == 0
    if made_here and wal_generation(path) is None:
        return  # kapdesk made it and was stopped before SQLite wrote its first page
    raise set_aside(path, words.WHY_EMPTY)


def _examine_header(path: Path, size: int) -> None:
    header = read_at(path, 0, 100)
    if not header.startswith(PLAIN_HEADER):
        if looks_encrypted(path):
            raise DatabaseError(words.ENCRYPTED_ELSEWHERE.format(path=path))
        raise set_aside(path, words.WHY_NOT_SQLITE)
    page = page_size(header)
    if len(header) < 100 or page < 512 or page & (page - 1) or size % page:
        raise set_aside(path, words.WHY_CUT_SHORT)


STEADY_LOOKS = 4  # how many looks a verdict against the WAL must survive
STEADY_PAUSE_S = 0.25


def _examine_wal(path: Path) -> None:
    # Another kapdesk without the writer lock (a command) may checkpoint as this one reads,
    # which for a moment looks like a file and WAL that do not belong together: a verdict
    # against the WAL stands only once two looks a moment apart see the same files.
    seen: tuple[object, ...] | None = None
    known = False  # whether the WAL is one this database wrote (then the file is not its own)
    for look in range(STEADY_LOOKS):
        if look:
            time.sleep(STEADY_PAUSE_S)
        salts = wal_generation(path)
        if salts is None:
            return
        witness = read_witness(path)
        if witness is None:
            _examine_wal_on_a_copy(path)
            return
        now = fingerprint(path)
        matches = witness.db is None or witness.db == now
        if witness.knows(salts) and matches:
            return
        known = witness.knows(salts)
        if not known and witness.pending and witness.db is not None and matches:
            return  # a generation begun just before kapdesk was stopped, not yet recorded
        try:
            state = (salts, witness, now, wal_of(path).stat().st_size)
        except FileNotFoundError:
            return  # emptied and removed meanwhile: nothing left to merge
        if state == seen:
            break
        seen = state
    if known:
        raise set_aside(path, words.WHY_OLDER_COPY)
    raise set_aside(path, words.WHY_OTHER_WAL)


def _examine_wal_on_a_copy(path: Path) -> None:
    """A WAL beside a file kapdesk kept no witness for (made before it kept one): merge it
    into a private copy first. It belongs if the merged copy passes SQLite's check and is
    still the same database (the id of migration 0007, where there is one). Weaker than the
    witness (a WAL of another database that touched neither that id nor the tree's shape
    would pass), so it is done once: from this open on, the file has a witness."""
    with tempfile.TemporaryDirectory(prefix="kapdesk-check-") as folder:
        alone = Path(folder) / "alone.sqlite3"
        merged = Path(folder) / "merged.sqlite3"
        _copy_database(path, alone)
        shutil.copyfile(alone, merged)
        shutil.copyfile(wal_of(path), wal_of(merged))
        problem = integrity_problem(merged, quick=True)
        identity = _identity(alone)
        if problem is None and identity is not None and identity != _identity(merged):
            problem = "it makes the database another one"
    if problem is not None:
        raise set_aside(path, words.WHY_WAL_NOT_ITS_OWN.format(problem=problem[:160]))
    log.info("the WAL beside %s, kept before kapdesk kept a witness, merges soundly", path)


def _copy_database(path: Path, target: Path) -> None:
    """Copy the database file through the one descriptor kept for it (see
    :func:`kapdesk.storage.sqlite_witness.descriptor`)."""
    fd, size = descriptor(path)
    with target.open("wb") as out:
        offset = 0
        while offset < size:
            chunk = os.pread(fd, min(1 << 20, size - offset), offset)
            if not chunk:
                break
            out.write(chunk)
            offset += len(chunk)


def _identity(path: Path) -> str | None:
    connection = sqlite3.connect(path)  # a private copy: merging its WAL here is the point
    try:
        row = connection.execute("SELECT id FROM database_identity").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()


@dataclass
class _Deadline:
    seconds: float
    start: float = field(default_factory=time.monotonic)

    def passed(self) -> int:
        return 1 if time.monotonic() - self.start > self.seconds else 0


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)


DAMAGE_WORDS = ("malformed", "not a database", "corrupt", "disk image")


def integrity_problem(path: Path, quick: bool, seconds: float | None = None) -> str | None:
    """What SQLite's check finds wrong with the file, read-only; None if nothing (or if it ran
    out of ``seconds``: :class:`TimeoutError`)."""
    connection = _read_only(path)
    try:
        if seconds is not None:
            deadline = _Deadline(seconds)
            connection.set_progress_handler(deadline.passed, 1000)
        try:
            rows = connection.execute(
                "PRAGMA quick_check(5)" if quick else "PRAGMA integrity_check(20)"
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            if "interrupt" in str(exc):
                raise TimeoutError from exc
            if any(phrase in str(exc).lower() for phrase in DAMAGE_WORDS):
                return str(exc)
            raise  # not damage: locked, or a file that cannot be opened here
    finally:
        connection.close()
    found = [str(row[0]) for row in rows]
    return None if found == ["ok"] else "; ".join(found)


def _quick_check(
    path: Path, report: Callable[[Path, str], None] | None, background_check: bool
) -> None:
    try:
        problem = integrity_problem(path, quick=True, seconds=QUICK_CHECK_SECONDS)
    except TimeoutError:
        if background_check:
            check_in_background(path, report)
        return
    except sqlite3.Error as exc:
        if not any(phrase in str(exc).lower() for phrase in DAMAGE_WORDS):
            # Not a sign of damage (a read-only folder without the WAL's shared memory, a
            # file locked by another program): opening will say what it is.
            log.warning("cannot check %s before opening it: %s", path, exc)
            return
        problem = str(exc)
    if problem is not None:
        raise set_aside(path, words.WHY_DAMAGED.format(problem=problem[:200]))


def check_in_background(
    path: Path, report: Callable[[Path, str], None] | None = None
) -> threading.Thread:
    """Run the full integrity check of a file too big to check at start, off the window's
    thread; what it finds goes to the log (and to ``report``)."""

    def run() -> None:
        try:
            problem = integrity_problem(path, quick=False)
        except sqlite3.Error as exc:
            problem = str(exc)
        if problem is None:
            log.info("the full check of %s found nothing wrong", path)
            return
        log.error("the database %s is damaged (SQLite's full check says: %s)", path, problem)
        if report is not None:
            report(path, problem)

    thread = threading.Thread(target=run, name="kapdesk-integrity-check", daemon=True)
    thread.start()
    return thread


def opened(path: Path) -> None:
    """Record, once the file has been examined and is about to be used, what it and its WAL
    are now: from here on both are this database's. (On a read-only disk nothing is kept, and
    nothing is written either.)"""
    if writer_elsewhere(path):
        return  # the witness is the writer's to keep
    salts = wal_generation(path)
    kept = read_witness(path)
    try:
        into_wal(path)
        # A checkpoint under way (another kapdesk on the file) or cut short (a kill) leaves
        # the file unknown until the next checkpoint of kapdesk's own completes.
        unknown = kept is not None and kept.db is None and salts is not None
        db = None if unknown else fingerprint(path)
        write_witness(path, Witness(db=db, wal=[salts] if salts else [], pending=True))
    except (OSError, sqlite3.Error) as exc:
        log.warning("cannot keep the witness of %s: %s", path, exc)
