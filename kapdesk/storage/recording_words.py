"""What staff are told while entries cannot be saved where they belong: offline, set aside, or
waiting on a failed write. Each sentence a template (:mod:`kapdesk.core.words`), so the window
says it in the language it speaks; its English is what logs and the command line read."""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP, Template

OFFLINE = QT_TRANSLATE_NOOP(
    "Recording",
    "Offline: {why}. The timer, the music and everything you record go on; entries are kept on "
    "this PC and sent, in order, when the server is back.",
)
NO_ANSWER = QT_TRANSLATE_NOOP("Recording", "the clinic server does not answer")
UNREACHABLE = QT_TRANSLATE_NOOP("Recording", "the clinic server cannot be reached")
# "the clinic server" and why it failed (kapdesk.storage.db.failure_reason), each whole.
THE_SERVER: dict[str, Template] = {
    "holds no kapdesk records yet": QT_TRANSLATE_NOOP(
        "Recording", "the clinic server holds no kapdesk records yet"
    ),
    "is damaged or not a kapdesk database": QT_TRANSLATE_NOOP(
        "Recording", "the clinic server is damaged or not a kapdesk database"
    ),
    "has become read-only": QT_TRANSLATE_NOOP(
        "Recording", "the clinic server has become read-only"
    ),
    "is on a full disk": QT_TRANSLATE_NOOP("Recording", "the clinic server is on a full disk"),
    "is busy": QT_TRANSLATE_NOOP("Recording", "the clinic server is busy"),
    "could not be read": QT_TRANSLATE_NOOP("Recording", "the clinic server could not be read"),
    "cannot be written": QT_TRANSLATE_NOOP("Recording", "the clinic server cannot be written"),
}

SET_ASIDE = QT_TRANSLATE_NOOP(
    "Recording",
    "Not saved: %n entry could not be added to this session's record, because another kapdesk "
    "wrote to the same place in it (two kapdesks on one database).|"
    "Not saved: %n entries could not be added to this session's record, because another kapdesk "
    "wrote to the same place in it (two kapdesks on one database).",
)
IN_MEMORY_ONLY = QT_TRANSLATE_NOOP(
    "Recording",
    "{lost} of them could not be kept on disk either and are held in memory only: keep kapdesk "
    "open and tell an admin now.",
)
SET_ASIDE_IN = QT_TRANSLATE_NOOP(
    "Recording", "They are set aside in {path} for an admin: record in one kapdesk only."
)
SET_ASIDE_NOWHERE = QT_TRANSLATE_NOOP(
    "Recording", "They are set aside for an admin: record in one kapdesk only."
)

DISK_FULL = QT_TRANSLATE_NOOP(
    "Recording",
    "Not saved yet: the disk is full and %n entry waits to be saved. Free space on {disk}; "
    "kapdesk tries again every second. Until then they are held in memory only, not on disk: "
    "keep kapdesk open.|"
    "Not saved yet: the disk is full and %n entries wait to be saved. Free space on {disk}; "
    "kapdesk tries again every second. Until then they are held in memory only, not on disk: "
    "keep kapdesk open.",
)
DISK_FULL_UNCOUNTED = QT_TRANSLATE_NOOP(
    "Recording",
    "Not saved yet: the disk is full and entries wait to be saved. Free space on {disk}; "
    "kapdesk tries again every second. Until then they are held in memory only, not on disk: "
    "keep kapdesk open.",
)
DISK_HOLDING = QT_TRANSLATE_NOOP("Recording", "the disk holding {where}")
DATABASE_DISK = QT_TRANSLATE_NOOP("Recording", "the database's disk")
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "Recording",
    "Not saved yet: {reason} and %n entry waits to be saved. Until they are, they are held in "
    "memory only, not on disk: keep kapdesk open.|"
    "Not saved yet: {reason} and %n entries wait to be saved. Until they are, they are held in "
    "memory only, not on disk: keep kapdesk open.",
)
NOT_WRITTEN_UNCOUNTED = QT_TRANSLATE_NOOP(
    "Recording",
    "Not saved yet: {reason} and entries wait to be saved. Until they are, they are held in "
    "memory only, not on disk: keep kapdesk open.",
)

MEMORY_ONLY_OFFLINE = QT_TRANSLATE_NOOP(
    "Recording",
    "Working offline, and this PC cannot keep entries on its disk either: they are held in "
    "memory until the clinic server is back. Keep kapdesk open.",
)
TWO_ROOMS = QT_TRANSLATE_NOOP(
    "Recording",
    "%n entry could not be added to this session's record: another PC recorded at the same "
    "place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.|"
    "%n entries could not be added to this session's record: another PC recorded at the same "
    "place in it (two PCs with one room name?). Kept on this PC for an admin; see the log.",
)
