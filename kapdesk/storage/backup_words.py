"""Why a backup was not made, in the words the admin's page shows: each sentence a template
marked for translation (English to the log and the command line as before)."""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

# The backup folder.
FOLDER_MISSING = QT_TRANSLATE_NOOP(
    "Backups", "The backup folder {folder} is not there (drive unplugged or share not mounted)."
)
FOLDER_NOT_FOLDER = QT_TRANSLATE_NOOP("Backups", "The backup folder {folder} is not a folder.")
FOLDER_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Backups", "The backup folder {folder} cannot be reached ({error})."
)
SAME_DISK = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup folder {folder} is on the same disk as the record: if that disk fails, the "
    "backups go with it (is the drive unplugged or the share not mounted?).",
)
# Writing into it.
FOLDER_FULL = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup folder {folder} is full: make room there or choose another folder. "
    "The earlier backups were kept.",
)
FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup folder {folder} cannot be written (it is read-only or kapdesk may not write "
    "there). The earlier backups were kept.",
)
FOLDER_GONE = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup folder {folder} went away while the backup was written (drive unplugged or "
    "share lost). The earlier backups were kept.",
)
WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Backups", "The backup to {folder} failed ({error}). The earlier backups were kept."
)
# The record and its key.
ON_SERVER = QT_TRANSLATE_NOOP("Backups", "This database is not backed up by kapdesk: {how}.")
SERVER_WORDS = QT_TRANSLATE_NOOP(
    "Backups",
    "on PostgreSQL the server's own tools back it up (pg_dump, pgBackRest): see docs/backup.md",
)
NOT_A_FILE = QT_TRANSLATE_NOOP("Backups", "This database is not a file kapdesk can back up.")
NO_KEY = QT_TRANSLATE_NOOP(
    "Backups",
    "The database is not encrypted, so it has no key of its own: a backup passphrase is needed "
    "to encrypt its backups.",
)
OWN_KEY = QT_TRANSLATE_NOOP(
    "Backups",
    "The database is encrypted: its backups are encrypted with its own key (asked for {asked}).",
)
NO_PASSPHRASE_SET = QT_TRANSLATE_NOOP(
    "Backups",
    'No backup passphrase is set: an admin sets one on "This room PC" (or chooses unencrypted '
    "backups).",
)
LONG_UNDER_WAY = QT_TRANSLATE_NOOP(
    "Backups",
    "Another backup of this record has been under way for a long time; this one was not made.",
)
KEYRING_CANNOT_KEEP = QT_TRANSLATE_NOOP("Backups", "the OS keyring cannot keep it ({error})")
# Checking what was written.
CANNOT_OPEN = QT_TRANSLATE_NOOP("Backups", "The backup {name} cannot be opened ({error}).")
DAMAGED = QT_TRANSLATE_NOOP("Backups", "The backup {name} is damaged ({found}).")
CANNOT_READ = QT_TRANSLATE_NOOP("Backups", "The backup {name} cannot be read ({error}).")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Backups", "the passphrase does not open it, or it is damaged")
NOT_MARKED = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup just written is not marked as encrypted the way it was asked ({asked}); it was "
    "not kept.",
)
NOT_THE_SAME = QT_TRANSLATE_NOOP(
    "Backups",
    "The backup just written does not hold what the database held ({found} instead of "
    "{expected}); it was not kept.",
)
