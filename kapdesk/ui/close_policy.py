"""Kiosk mode and how the main window closes: only staff leave kiosk mode, a close that would
lose entries asks twice, and a shutdown asked by the OS or the desktop session writes what
waits, fades the sound out and lets go of the locks, with no question on screen.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.banner import CLOSING

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut

    from kapdesk.ui.window_parts import WindowParts


log = logging.getLogger(__name__)
COMMIT_MOMENT_S = 1.0  # what closing gives an entry made a moment ago to be committed

LEAVE_AGAIN_S = 5.0  # in kiosk mode mid-session, Ctrl+Shift+Q twice within this closes
SHUTDOWN_FADE_S = 0.3  # a shutdown or a logout fades the sound out this fast, then stops it
SHUTDOWN_GRACE_S = 0.5  # and waits at most this much longer for the device to be silent


class ClosePolicy(QObject):
    """The main window's kiosk mode and close policy, with their own state; the window asks
    it whether a close may go ahead (:meth:`may_close`) and passes its seams on to it."""

    def __init__(self, window: WindowParts) -> None:
        """Not in kiosk mode, nothing asked yet."""
        super().__init__(window)
        self._window = window
        self._kiosk = False
        self._kiosk_asked = False  # by the command line's --kiosk: the room's setting stays
        self._may_close = False  # staff asked to leave kiosk mode
        self._leave_asked = -LEAVE_AGAIN_S  # when Ctrl+Shift+Q was pressed mid-session
        self._leave_shortcut: QShortcut | None = None
        self._lose_memory = False  # staff were told closing loses entries held in memory
        # While that stands, a look every half second: it goes once the entries are on disk.
        self._memory_watch = QTimer(self)
        self._memory_watch.setInterval(500)
        self._memory_watch.timeout.connect(self.saving_changed)
        self._shutting_down = False
        self._silent_by = 0.0  # when the sound device is silent after a shutdown's fade

    # -- kiosk mode ---------------------------------------------------------------------------

    @property
    def kiosk(self) -> bool:
        return self._kiosk

    def leave_kiosk_setting(self) -> None:
        """The room's setting no longer asks for kiosk mode: a framed, maximized window again,
        unless the command line asked for kiosk mode."""
        from PySide6.QtCore import Qt  # noqa: PLC0415

        if not self._kiosk or self._kiosk_asked:
            return
        self._kiosk = False
        self._window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self._window.showMaximized()

    def enter_kiosk(self, *, asked: bool = False) -> None:
        """Fill the screen, no frame, nothing to close it with but the staff's Ctrl+Shift+Q.
        ``asked``: by the command line's --kiosk, which the room's setting does not undo."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's, unless kiosk)
        from PySide6.QtGui import QShortcut  # noqa: PLC0415

        self._kiosk = True
        self._leave_asked = -LEAVE_AGAIN_S
        self._kiosk_asked = asked or self._kiosk_asked
        self._may_close = False
        self._window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        if self._leave_shortcut is None:
            self._leave_shortcut = QShortcut("Ctrl+Shift+Q", self)
            self._leave_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            self._leave_shortcut.activated.connect(self.leave_kiosk)
        screen = self._window.screen()
        if screen is not None:  # without a window manager (a bare kiosk X session) too
            self._window.setGeometry(screen.geometry())
        self._window.showFullScreen()

    def leave_kiosk(self) -> None:
        """Staff close kapdesk in kiosk mode: someone must be signed in, not the calm screen."""
        if not self.kiosk:
            return
        if self._window.locked or (self._window.staff is not None and self._window.member is None):
            return  # the patient or a passer-by at the keyboard: nothing happens
        if (
            self._window._journey_open()
            and self._window._clock.monotonic() - self._leave_asked > LEAVE_AGAIN_S
        ):
            self._leave_asked = self._window._clock.monotonic()
            self._window.status_banner.say(
                CLOSING,
                QT_TRANSLATE_NOOP(
                    "ClosePolicy",
                    "A session is open: press Ctrl+Shift+Q again to close kapdesk. "
                    "The session goes on when kapdesk starts again.",
                ),
            )
            return
        self._may_close = True
        self._window.close()

    def saving_changed(self) -> None:
        """The recorder's word changed: the warning that closing loses entries held in memory
        stands only while some are, and a later episode asks twice again."""
        if self._lose_memory and not self._window.store.held_in_memory():
            self._lose_memory = False
            self._memory_watch.stop()
            self._window.status_banner.say(CLOSING, None)

    def bring_forward(self) -> None:
        """A second start of kapdesk asked for this window: show it, on top, with focus."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's)

        if self.kiosk:
            self._window.showFullScreen()
        elif self._window.isMinimized():
            self._window.setWindowState(
                self._window.windowState() & ~Qt.WindowState.WindowMinimized
            )
        self._window.show()
        self._window.raise_()
        self._window.activateWindow()
        self._window.brought_forward.emit()

    @property
    def shutting_down(self) -> bool:
        """The OS, the terminal or the desktop session asked kapdesk to end (:meth:`shut_down`)."""
        return self._shutting_down

    def shut_down(self, why: str) -> None:
        """kapdesk is asked to end (``why``: a signal's name, the desktop session ending): close
        the orderly way and ask no one. What waits is written, any question on screen is put
        away unanswered, the sound fades out in a moment, the PC may sleep again, the locks
        are let go; a session stays open, to be picked up at the next start. Asking twice
        changes nothing."""
        if self.shutting_down:
            return
        log.info("asked to end (%s): closing; an open session stays open", why)
        fade = self._wind_down()
        self._silent_by = time.monotonic() + fade + SHUTDOWN_GRACE_S
        QTimer.singleShot(round(fade * 1000), self, self._end)

    def shut_down_now(self) -> None:
        """The event loop is ending (``aboutToQuit``) with the window still open: the same as
        :meth:`shut_down`, at once (no event loop is left to wait in; the fade is waited for
        here). A window already closed (by staff, or the orderly way) is left as it is."""
        if not self._window.isVisible():
            return
        log.info("the event loop ends with the window open: closing; a session stays open")
        fade = self._wind_down()
        silent_by = time.monotonic() + fade + SHUTDOWN_GRACE_S
        time.sleep(fade)
        while self._still_sounding(silent_by):
            time.sleep(0.02)
        self._window.close()
        self._let_go_of_locks()

    def _wind_down(self) -> float:
        """What comes before the window closes on a shutdown, each step on its own: a step that
        fails is logged and never holds the shutdown up. Seconds until the sound is silent."""
        self._shutting_down = True
        fade = 0.0
        try:
            self._put_questions_away()
        except Exception:
            log.exception("a dialog could not be put away before kapdesk ended")
        try:
            self.save_pending()
        except Exception:
            log.exception("what waited could not be written before kapdesk ended")
        try:
            if self._window.page_built("journey"):  # else no sound was ever played
                fade = self._window.sound_panel.fade_away(SHUTDOWN_FADE_S)
        except Exception:
            log.exception("the sound could not be faded out before kapdesk ended")
        return fade

    def save_pending(self) -> None:
        """Write what waits to be written, once more (kapdesk is about to end), and the
        heartbeat that vouches for the journey's time up to now."""
        store = self._window.store
        # A bounded wait for the recorders' threads, at shutdown only: what the server does not
        # take by then waits in the outbox.
        saved = store.flush_all(timeout=5.0)
        if not saved and store.held_in_memory():
            log.error("entries of an open session could not be written before kapdesk ended")
        if self._window.audit_lines is not None:
            self._window.audit_lines.flush(timeout=2.0)
        store.beat()

    def _put_questions_away(self) -> None:
        """Every dialog on screen is closed unanswered: none may hold a shutdown up."""
        from PySide6.QtWidgets import QApplication, QDialog  # noqa: PLC0415

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def _still_sounding(self, silent_by: float) -> bool:
        """Whether the sound device still plays the end of its fade (until ``silent_by``)."""
        if not self._window.page_built("journey"):
            return False
        try:
            sounding = self._window.sound_panel.sounding()
        except Exception:
            return False
        return sounding and time.monotonic() < silent_by

    def _end(self) -> None:
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        # The device (in real time, not the app clock) lags a little behind the fade.
        if self._still_sounding(self._silent_by):
            QTimer.singleShot(20, self, self._end)
            return
        self._window.close()
        self._let_go_of_locks()
        QApplication.quit()  # only while the event loop runs (not in an in-process test)

    def _let_go_of_locks(self) -> None:
        for lock in (self._window.writer_lock, self._window.instance_lock):
            release = getattr(lock, "release", None)
            if release is not None:
                release()

    def may_close(self) -> bool:
        """The window is asked to close: whether it may (and then everything is let go), or
        why not, in the banner."""
        if self.shutting_down:
            self._close_everything()
            return True
        if self.kiosk and not self._may_close:
            # Alt+F4 and the like: staff leave with Ctrl+Shift+Q
            self._window.status_banner.say(
                CLOSING,
                QT_TRANSLATE_NOOP(
                    "ClosePolicy",
                    "kapdesk runs full screen here: staff close it with Ctrl+Shift+Q.",
                ),
            )
            return False
        asked = self._lose_memory
        # An entry made a moment ago is usually being committed now: it gets that moment (at
        # close only) before staff are told it would be lost.
        store = self._window.store
        if not asked and store.held_in_memory():
            store.flush_all(timeout=COMMIT_MOMENT_S)
        if store.held_in_memory() and not asked:
            self._lose_memory = True  # the one case where closing loses a record: ask twice
            self._memory_watch.start()
            self._window.status_banner.say(
                CLOSING,
                QT_TRANSLATE_NOOP(
                    "ClosePolicy",
                    "Entries of this session are held only in memory (this PC cannot keep "
                    "them on its disk): closing kapdesk now loses them. Close again to do so.",
                ),
            )
            return False
        self._close_everything()
        return True

    def _close_everything(self) -> None:
        """The window closes: the sound device, the loudness measuring, the recorder, the
        beacon, the board and the inhibitors are let go (an open session stays open)."""
        if self._window.page_built("journey"):
            self._window.sound_panel.shut_down()
        # The loudness measuring's child is killed now, not left to outlive kapdesk. (Imported
        # here: the library's modules are not for the first frame, see tests/ui/test_start.py.)
        from kapdesk.ui.library_measure import STOP_WAIT_S  # noqa: PLC0415

        self._window.stop_measuring(wait=STOP_WAIT_S)
        self._window.store.close_all()  # what waits for the server stays in the outbox
        if self._window.presence is not None:
            self._window.presence.stop()
        board = self._window.board_window
        if board is not None:
            board.close()
        if self._window.keep_awake is not None:
            self._window.keep_awake.release()

    def entries_waiting(self) -> int:
        """Entries of the session on screen not yet on the server (read from another thread)."""
        current = self._window.current
        return current.recorder.pending if current is not None else 0
