"""When this room PC backs up: after every session that closes, once a day when due, and when an
admin asks. Each backup runs on a thread of its own, never on the window's thread (a large
record takes many seconds), and its outcome comes back through a crossing.

A backup that fails (the folder full, read-only or gone) is a sentence for the admin's page and
the admin's calm notice; the session on screen never hears of it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kapdesk.backup_keeper import UNEXPECTED, BackupOutcome
from kapdesk.storage.backup_words import KEYRING_CANNOT_KEEP
from kapdesk.ui.crossing import crossing

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime

    from kapdesk.backup_keeper import BackupKeeper, LastGoodBackup

log = logging.getLogger(__name__)


DUE_CHECK_MS = 10 * 60 * 1000  # how often the window asks whether the daily backup is due


@dataclass(frozen=True)
class BackupLook:
    """What the admin sees of backups now: the last good one, the last failure since, and the
    calm notice (None when all is well)."""

    last_good: LastGoodBackup | None
    failure: tuple[datetime, str] | None
    notice: str | None
    needs_passphrase: bool = False  # the database is plain: backups need one of their own
    passphrase_kept: bool | None = None  # None: the keyring was not asked (nobody shows it)


class BackupSchedule(QObject):
    """Starts this room's backups and brings their outcome back to the window's thread."""

    started = Signal(str)  # why: "asked", "session closed", "daily"
    finished = Signal(object)  # the BackupOutcome
    looked = Signal(object)  # a BackupLook, after each backup and each look
    passphrase_kept = Signal(object)  # None once kept, else why not (a sentence)

    def __init__(self, keeper: BackupKeeper, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.running = 0  # backups started and not yet come back
        self.last_look: BackupLook | None = None
        # Whether a look asks the OS keyring whether the passphrase is kept: only once the
        # admin's page that says so exists (the keyring's modules are heavy to load).
        self.keyring_wanted = False
        self._checking = False  # the daily check is out
        self._looking = False  # a look is out
        self._look_again = False  # asked for while one was out
        # What the backup threads call: each crosses to its method here.
        self._ended_heard = crossing(self, "_ended")
        self._seen_heard = crossing(self, "_seen")
        self._looked_heard = crossing(self, "_looked")
        self._checked_heard = crossing(self, "_daily_checked")
        self._kept_heard = crossing(self, "passphrase_kept")
        self.due_check = QTimer(self)
        self.due_check.setInterval(DUE_CHECK_MS)
        self.due_check.timeout.connect(self.back_up_if_due)
        self.due_check.start()

    def sweep_leftovers(self) -> None:
        """Remove what backups killed earlier left (off the window's thread: the folder may be
        slow to answer)."""
        self._thread(self.keeper.sweep_leftovers, "kapdesk backup leftovers")

    def after_session(self) -> None:
        """A session closed: its record goes into a backup at once."""
        if self.keeper.wanted:
            self._start("session closed", "")

    def back_up_now(self, by: str) -> None:
        """An admin asked for a backup now."""
        self._start("asked", by)

    def back_up_if_due(self) -> None:
        """The daily backup, if the last good one is a day old (asked off the window's
        thread: the state file and the folder may be slow)."""
        if self.running or self._checking or not self.keeper.wanted:
            return
        keeper, checked, seen = self.keeper, self._checked_heard, self._seen_heard
        keyring = self.keyring_wanted
        self._checking = True

        def work() -> None:  # on a thread of its own
            outcome = None
            try:
                outcome = keeper.back_up_if_due()
            except Exception:  # the next check must still come: never leave _checking set
                log.exception("the daily backup check failed")
            finally:
                checked(outcome)
            seen(_look(keeper, keyring=keyring))

        self._thread(work, "kapdesk daily backup")

    def look(self) -> None:
        """Read the last good backup and the notice (off the window's thread); ``looked``
        says them. One look at a time: a share that hangs holds one thread, not one per
        visit to the page."""
        if self._looking:
            self._look_again = True  # the settings may have changed since it went out
            return
        keeper, looked, keyring = self.keeper, self._looked_heard, self.keyring_wanted
        self._looking = True

        def work() -> None:  # on a thread of its own
            look = BackupLook(None, None, None)
            try:
                look = _look(keeper, keyring=keyring)
            finally:
                looked(look)

        self._thread(work, "kapdesk backup look")

    def keep_passphrase(self, passphrase: str, by: str) -> None:
        """Keep the backup passphrase in the OS keyring (off the window's thread: a keyring
        may be slow to answer); ``passphrase_kept`` says how it went."""
        keeper, kept, seen = self.keeper, self._kept_heard, self._seen_heard

        def work() -> None:  # on a thread of its own
            try:
                problem = keeper.keep_passphrase(passphrase, by)
            except Exception as exc:  # the keyring's own failures, whatever they are
                problem = KEYRING_CANNOT_KEEP.format(error=exc.__class__.__name__)
            kept(problem)
            seen(_look(keeper, keyring=True))

        self._thread(work, "kapdesk backup passphrase")

    def _start(self, why: str, by: str) -> None:
        keeper, ended, seen = self.keeper, self._ended_heard, self._seen_heard
        keyring = self.keyring_wanted
        self.running += 1
        self.started.emit(why)

        def work() -> None:  # on a thread of its own
            outcome = BackupOutcome(why, problem=UNEXPECTED)
            try:
                outcome = keeper.back_up(why, by=by)
            except Exception:  # "Backing up…" must end, and later backups still start
                log.exception("a backup (%s) failed in an unexpected way", why)
            finally:
                ended(outcome)
            seen(_look(keeper, keyring=keyring))

        self._thread(work, f"kapdesk backup ({why})")

    @staticmethod
    def _thread(work: Callable[[], None], name: str) -> None:
        # A daemon: kapdesk closing never waits on a backup (its partial file is swept later).
        threading.Thread(target=work, name=name, daemon=True).start()

    def _daily_checked(self, outcome: BackupOutcome | None) -> None:
        self._checking = False
        if outcome is not None:
            self._tell(outcome)

    def _ended(self, outcome: BackupOutcome) -> None:
        self.running = max(0, self.running - 1)
        self._tell(outcome)

    def _tell(self, outcome: BackupOutcome) -> None:
        if not outcome.ok:
            log.warning("backup (%s) failed: %s", outcome.why, outcome.problem)
        self.finished.emit(outcome)

    def _looked(self, look: BackupLook) -> None:
        self._looking = False
        self._seen(look)
        if self._look_again:
            self._look_again = False
            self.look()

    def _seen(self, look: BackupLook) -> None:
        self.last_look = look
        self.looked.emit(look)


def _look(keeper: BackupKeeper, *, keyring: bool) -> BackupLook:
    """What the admin sees of backups now; the OS keyring is asked only when ``keyring``."""
    try:
        needs = keeper.needs_passphrase()
        last, failure = keeper.state()
        kept = (needs and keeper.passphrase_kept()) if keyring else None
        return BackupLook(last, failure, keeper.notice(last), needs, kept)
    except Exception:  # a look never ends a thread with a traceback
        log.exception("the backups could not be looked at")
        return BackupLook(None, None, None)
