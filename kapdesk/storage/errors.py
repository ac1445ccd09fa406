"""What storage raises to the rest of the app, in plain words, without SQLAlchemy's types.

The window catches these and never needs the database library to know what went wrong; this
module imports nothing heavy, so the window can be on screen before the database is open.
"""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

# "the database" and why it failed (kapdesk.storage.db.failure_reason), each a whole phrase
# marked for translation: a language says the database and its state in its own order.
_THE_DATABASE = {
    "cannot be reached": QT_TRANSLATE_NOOP("Storage", "the database cannot be reached"),
    "holds no kapdesk records yet": QT_TRANSLATE_NOOP(
        "Storage", "the database holds no kapdesk records yet"
    ),
    "is damaged or not a kapdesk database": QT_TRANSLATE_NOOP(
        "Storage", "the database is damaged or not a kapdesk database"
    ),
    "has become read-only": QT_TRANSLATE_NOOP("Storage", "the database has become read-only"),
    "is on a full disk": QT_TRANSLATE_NOOP("Storage", "the database is on a full disk"),
    "is busy": QT_TRANSLATE_NOOP("Storage", "the database is busy"),
    "could not be read": QT_TRANSLATE_NOOP("Storage", "the database could not be read"),
    "cannot be written": QT_TRANSLATE_NOOP("Storage", "the database cannot be written"),
}
FAILED = QT_TRANSLATE_NOOP("Storage", "{action}: {reason}")  # what failed: why


def the_database(reason: str) -> str:
    """ "the database" followed by ``reason`` ("is busy"), as kapdesk's words where it knows
    the phrase."""
    return _THE_DATABASE.get(reason) or f"the database {reason}"


class StorageError(Exception):
    """A read or write of the record failed; the message says why in plain words."""


class DatabaseError(StorageError):
    """The database cannot be opened or used; the message says why in plain words."""
