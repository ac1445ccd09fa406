"""What storage raises to the rest of the app, in plain words, without SQLAlchemy's types.

The window catches these and never needs the database library to know what went wrong; this
module imports nothing heavy, so the window can be on screen before the database is open.
"""

from __future__ import annotations


class StorageError(Exception):
    """A read or write of the record failed; the message says why in plain words."""


class DatabaseError(StorageError):
    """The database cannot be opened or used; the message says why in plain words."""
