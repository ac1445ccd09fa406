"""What a failed read or write of the record can raise, and how the stores say it plainly.

Every store wraps its work in :func:`plainly`, so the window only ever meets a
:class:`~kapdesk.storage.errors.StorageError` whose message staff can read. This lives apart
from :mod:`kapdesk.storage.errors`, which stays free of SQLAlchemy so the window can import it
before the database is open.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from kapdesk.storage.db import failure_reason
from kapdesk.storage.errors import FAILED, StorageError, the_database

# What a failed read or write can raise, from SQLAlchemy, the driver underneath it or the disk.
DATABASE_FAILURES = (SQLAlchemyError, sqlite3.Error, OSError)


def write_failure_reason(exc: BaseException) -> str:
    """Why a write failed, in a few plain words for staff."""
    return the_database(failure_reason(exc) or "cannot be written")


@contextmanager
def plainly(action: str) -> Iterator[None]:
    """Turn a database failure during ``action`` into a StorageError that says it plainly."""
    try:
        yield
    except DATABASE_FAILURES as exc:
        raise StorageError(FAILED.format(action=action, reason=write_failure_reason(exc))) from exc
