"""Room on the disk for a SQLite database: giving back the space its WAL holds.

kapdesk copies a WAL back into its database (a checkpoint) once the WAL passes about 4 MB. On
a disk smaller or fuller than that the WAL never gets there: it fills the disk, and then even a
checkpoint cannot run (it needs room to copy the pages into the database), so every write after
fails for good. Two things keep that from happening:

- after each entry is written, :func:`keep_wal_room` checkpoints and truncates the WAL as soon
  as it is larger than the room left on its disk, so there is always room for a checkpoint;
- when a write meets a full disk anyway (something else filled it), :func:`free_wal_room`
  checkpoints and truncates by hand, and the write is tried once more.

Both checkpoint through the connection's own :meth:`WitnessedConnection.checkpoint`, which
keeps the witness of the WAL true (see :mod:`kapdesk.storage.sqlite_witness`).
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from kapdesk.storage.sqlite_witness import WitnessedConnection

log = logging.getLogger(__name__)


def free_wal_room(engine: Engine) -> bool:
    """Checkpoint a SQLite database's WAL into the file and truncate the WAL to nothing.

    True when the checkpoint completed (the WAL's room is given back); False for another
    database, or when it could not (another connection reading, the disk too full even for
    the pages it moves).
    """
    if engine.dialect.name != "sqlite":
        return False
    try:
        with engine.connect() as connection:
            raw: object = connection.connection.dbapi_connection
            if isinstance(raw, WitnessedConnection):  # keeps the WAL's witness true
                done = raw.checkpoint()
            else:
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                done = row is not None and row[0] == 0
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        log.warning("the WAL could not be checkpointed: %s", type(exc).__name__)
        return False
    log.info("WAL checkpointed to free room on a full disk: %s", "done" if done else "busy")
    return done


def keep_wal_room(engine: Engine) -> None:
    """Checkpoint a SQLite file's WAL once it is larger than the room left on its disk (cheap
    to call after every write: a stat of the WAL and of its disk)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return
    database = Path(engine.url.database)
    try:
        wal = os.stat(f"{database}-wal").st_size
        room = shutil.disk_usage(database.parent).free
    except OSError:
        return  # no WAL (a checkpoint just truncated it), or nothing to measure
    if wal > room:
        free_wal_room(engine)


def is_disk_full(exc: BaseException) -> bool:
    """Whether a failed write met a full disk."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    message = str(getattr(exc, "orig", exc)).lower()
    return "full" in message or "no space" in message
