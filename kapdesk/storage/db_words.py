"""Why the database cannot be opened or used, as :mod:`kapdesk.storage.db` says it: marked for
translation, so the start window says it in the language it speaks (the command line and the
log keep the English). Nothing but the core's words: no SQLAlchemy."""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

FILE_UNUSABLE = QT_TRANSLATE_NOOP("Storage", "cannot use the database file {path}: {error}")
CANNOT_TALK = QT_TRANSLATE_NOOP("Storage", "kapdesk cannot talk to {kind}: {error}")
NO_IDENTITY = QT_TRANSLATE_NOOP(
    "Storage", "the database has no identity (its schema is incomplete)"
)
NEWER = QT_TRANSLATE_NOOP(
    "Storage",
    "the database was written by a newer kapdesk (schema {revision}); this version knows "
    "schemas up to {head}. It was left untouched: update kapdesk.",
)
ROWS_LOST = QT_TRANSLATE_NOOP("Storage", "{table} ({before} rows before, {after} after)")
WOULD_LOSE = QT_TRANSLATE_NOOP(
    "Storage",
    "the database upgrade would have lost rows of {tables}; it was not made and the database is "
    "as it was. Keep kapdesk's older version and call IT",
)
FOREIGN_TABLES = QT_TRANSLATE_NOOP(
    "Storage",
    "the database holds tables kapdesk did not make ({tables}): it is not a kapdesk record. It "
    "was left untouched.",
)
NO_VERSION = QT_TRANSLATE_NOOP(
    "Storage",
    "the database holds records ({table}) but no schema version: kapdesk cannot tell what made "
    "it. It was left untouched.",
)
CANNOT_USE_AT = QT_TRANSLATE_NOOP("Storage", "cannot use the database at {where}: {error}")
# The database at a place, and why it failed (kapdesk.storage.db.failure_reason): each whole.
LEFT_UNTOUCHED = {
    "cannot be reached": QT_TRANSLATE_NOOP(
        "Storage", "the database at {where} cannot be reached. It was left untouched."
    ),
    "holds no kapdesk records yet": QT_TRANSLATE_NOOP(
        "Storage", "the database at {where} holds no kapdesk records yet. It was left untouched."
    ),
    "is damaged or not a kapdesk database": QT_TRANSLATE_NOOP(
        "Storage",
        "the database at {where} is damaged or not a kapdesk database. It was left untouched.",
    ),
    "has become read-only": QT_TRANSLATE_NOOP(
        "Storage", "the database at {where} has become read-only. It was left untouched."
    ),
    "is on a full disk": QT_TRANSLATE_NOOP(
        "Storage", "the database at {where} is on a full disk. It was left untouched."
    ),
    "is busy": QT_TRANSLATE_NOOP(
        "Storage", "the database at {where} is busy. It was left untouched."
    ),
}
FULL_CHECK_DAMAGE = QT_TRANSLATE_NOOP(
    "Storage",
    "kapdesk's full check found the record file {path} damaged ({problem}). Keep kapdesk open "
    "and call IT: the record must be restored from a backup.",
)
DATA_FOLDER_UNUSABLE = QT_TRANSLATE_NOOP(
    "Storage", "cannot use the data folder {folder}: {error}"
)  # as the writer lock says it
ENCRYPTED_AND = QT_TRANSLATE_NOOP("Storage", "the database at {path} is encrypted, and {problem}")
PASSPHRASE_NEEDED = QT_TRANSLATE_NOOP(
    "Storage", "the database at {path} is encrypted: its passphrase is needed"
)
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Storage", "that passphrase does not open the database (or the file is damaged)"
)

# A database URL or path kapdesk cannot use (kapdesk.storage.db_url, kapdesk.storage.server).
NOT_A_URL = QT_TRANSLATE_NOOP("Storage", "not a database URL: {url}")
NOT_A_URL_PORT = QT_TRANSLATE_NOOP(
    "Storage",
    "not a database URL: {url} (is the port a number, and is an IPv6 address closed with ']'?)",
)
PORT_RANGE = QT_TRANSLATE_NOOP("Storage", "the port {port} in {url} is not between 1 and {highest}")
NO_SUCH_KIND = QT_TRANSLATE_NOOP(
    "Storage",
    "kapdesk cannot talk to {kind}: there is no such database kind or driver (for a clinic "
    "server use postgresql://…)",
)
NO_DRIVER = QT_TRANSLATE_NOOP(
    "Storage",
    "the driver for {kind} is not installed on this PC (for a clinic server use postgresql://…)",
)
IN_MEMORY = QT_TRANSLATE_NOOP(
    "Storage",
    "an SQLite database in memory keeps nothing once kapdesk closes: give a file "
    "(sqlite:////path/to/kapdesk.sqlite3), or leave --db out to use the data folder",
)
NOT_A_URI = QT_TRANSLATE_NOOP(
    "Storage", "kapdesk takes an SQLite database as a path, not a file: URI: give {url}"
)
NUL_IN_PATH = QT_TRANSLATE_NOOP("Storage", "the database path {path} holds a NUL character")
NOT_AS_DATABASE = QT_TRANSLATE_NOOP("Storage", "cannot use {path} as a database: {error}")
NOT_A_FILE = QT_TRANSLATE_NOOP(
    "Storage",
    "cannot use {path} as a database: it is not a regular file (a device, a pipe or a folder); "
    "kapdesk has left it as it was",
)
NO_FOLDER = QT_TRANSLATE_NOOP(
    "Storage",
    "cannot create the database {path}: the folder {folder} does not exist (kapdesk does not "
    "create folders for --db)",
)
NOT_POSTGRESQL = QT_TRANSLATE_NOOP(
    "Storage", "a clinic server is PostgreSQL: postgresql://user@server/database"
)
NO_SERVER_OR_DATABASE = QT_TRANSLATE_NOOP("Storage", "the URL names no server or no database")
SERVER_UNUSABLE = QT_TRANSLATE_NOOP("Storage", "the clinic server cannot be used: {problem}")

# A record file kapdesk will not open (kapdesk.storage.sqlite_file): the database at a place,
# then what is wrong with it ({why}, one of the WHY_ clauses below, each said after the place).
LEFT_AS_IS = QT_TRANSLATE_NOOP(
    "Storage",
    "the database at {path} {why}. It was left untouched, and kapdesk will not open it: put back "
    "the record from a backup, or move the file away to start a new, empty record.",
)
NOT_MOVED = QT_TRANSLATE_NOOP(
    "Storage",
    "the database at {path} {why}. It could not be moved aside ({error}): it was left as it "
    "was, and kapdesk will not open it.",
)
MOVED_ASIDE = QT_TRANSLATE_NOOP(
    "Storage",
    "the database at {path} {why}. Nothing was written to it: it was moved, with the files "
    "beside it, to {folder}, where README.txt says what to do.",
)
HELD_ASIDE = QT_TRANSLATE_NOOP(
    "Storage",
    "the record that was at {path} was set aside in {folder} (README.txt there says why). "
    "kapdesk does not start a new, empty record in its place until {hold} in that folder is "
    "deleted.",
)
ENCRYPTED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Storage",
    "the database at {path} is encrypted; kapdesk opens an encrypted database only as its data "
    "folder's own. It was left untouched.",
)
WHY_WAL_ONLY = QT_TRANSLATE_NOOP(
    "Storage", "is missing, but a WAL of it was found beside where it should be"
)
WHY_EMPTY = QT_TRANSLATE_NOOP("Storage", "is an empty file (0 bytes): what it held is lost from it")
WHY_NOT_SQLITE = QT_TRANSLATE_NOOP(
    "Storage",
    "is damaged or not a kapdesk database: its first bytes are not those of a SQLite file "
    "(zeroed or overwritten), and it does not look encrypted either",
)
WHY_CUT_SHORT = QT_TRANSLATE_NOOP(
    "Storage", "is damaged: it is not made of whole pages (cut short?)"
)
WHY_OLDER_COPY = QT_TRANSLATE_NOOP(
    "Storage",
    "is not the file its WAL (the file of its latest changes) was written on: an older copy put "
    "back in its place? Merging them would falsify the record",
)
WHY_OTHER_WAL = QT_TRANSLATE_NOOP(
    "Storage",
    "has a WAL beside it (the file of its latest changes) that another database wrote: merging "
    "it would replace records",
)
WHY_WAL_NOT_ITS_OWN = QT_TRANSLATE_NOOP(
    "Storage",
    "has a WAL beside it (the file of its latest changes) that does not belong to it (merged "
    "into a copy, {problem}): merging it would replace records",
)
WHY_DAMAGED = QT_TRANSLATE_NOOP("Storage", "is damaged (SQLite's check says: {problem})")

# An encrypted record (kapdesk.storage.encryption).
NO_SQLCIPHER = QT_TRANSLATE_NOOP(
    "Storage",
    "SQLCipher is not installed with this kapdesk (the sqlcipher3-binary package; its wheels "
    "are for Linux on x86_64)",
)
SHORT_PASSPHRASE = QT_TRANSLATE_NOOP("Storage", "A passphrase has at least {shortest} characters.")
FEW_CHARACTERS = QT_TRANSLATE_NOOP(
    "Storage", "A passphrase of so few different characters is too easy to guess."
)
