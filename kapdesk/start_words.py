"""What the start window says when kapdesk cannot open its records, marked for translation.

The start (:mod:`kapdesk.app`) says these on the start window, which speaks the PC's session
language; the command line prints their English. Pure Python: nothing but the core's words.
"""

from __future__ import annotations

from kapdesk.core.words import QT_TRANSLATE_NOOP

HELD_MEANWHILE = QT_TRANSLATE_NOOP(
    "Start",
    "Another kapdesk took the data folder {folder} meanwhile: use its window, or close it and "
    "try again.",
)
ENCRYPTED = QT_TRANSLATE_NOOP("Start", "The record is encrypted. Type its passphrase to open it.")
TRY_AGAIN = QT_TRANSLATE_NOOP("Start", "{reason}. Try again.")  # a passphrase did not open it
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Start", "kapdesk met an unexpected problem while opening its records ({name})."
)
NO_LOCK_FILE = QT_TRANSLATE_NOOP(
    "Start",
    "kapdesk cannot write its lock file in its data folder {folder}. IT support: check the "
    "folder and its disk, then press Try again.",
)
# Said when an admin asks for autostart (kapdesk.room_pc.save_room).
PASSWORD_IN_URL = QT_TRANSLATE_NOOP(
    "Start",
    "This kapdesk was started with a password in its --db URL, which an autostart entry would "
    "keep in plain text: set autostart with kapdesk install-desktop and a URL without the "
    "password.",
)
