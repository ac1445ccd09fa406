"""Reset practice: empty the practice record so the next practice starts afresh.

Only the practice folder's record and the files kapdesk keeps beside it are removed (the
database and its sidecars, what was set aside, the heartbeat); its room settings stay. It
asks first, takes the practice record's writer lock so no practice kapdesk writes meanwhile,
and never reaches outside the practice folder: the clinic's record is not touched.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kapdesk.core.safe_files import sqlite_family
from kapdesk.paths import AppPaths
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.heartbeat import HEARTBEAT_NAME
from kapdesk.storage.writer_lock import WriterLock, lock_path

ASK = (
    "Empty the practice record in {folder}? Every practice session and practice account "
    "goes; the clinic's record is not touched. Type reset to go on: "
)


def practice_files(practice: AppPaths) -> list[Path]:
    """What a reset removes: the practice record and what kapdesk keeps beside it."""
    if not practice.practice:
        raise ValueError("only the practice record is ever reset")
    held = lock_path(practice.database)
    files = [p for p in sqlite_family(practice.database) if p != held]
    files += [practice.data_dir / HEARTBEAT_NAME]
    files += list(sqlite_family(practice.set_aside))
    return [p for p in dict.fromkeys(files) if p.parent == practice.data_dir]


def reset_practice(paths: AppPaths, ask: Callable[[str], str], out: TextIO) -> str | None:
    """Empty the practice record of ``paths``' data folder once ``ask`` is answered "reset";
    None when done (or there was nothing to do, or it was not confirmed, which ``out`` says),
    or why it cannot be done."""
    practice = paths.for_practice()
    there = [p for p in practice_files(practice) if p.exists()]
    if not there:
        print("The practice record is empty already.", file=out)
        return None
    writer = WriterLock(practice.database)
    try:
        writer.acquire()
    except DatabaseError as exc:
        return f"{exc}. Close the practice kapdesk first"
    try:
        try:
            answer = ask(ASK.format(folder=practice.data_dir))
        except EOFError:
            answer = ""
        if answer.strip().lower() != "reset":
            print("Nothing was changed.", file=out)
            return None
        for path in there:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
    except OSError as exc:
        return f"the practice record could not be emptied: {exc.strerror or exc}"
    finally:
        writer.release()
    print("The practice record is empty: the next practice starts afresh.", file=out)
    return None
