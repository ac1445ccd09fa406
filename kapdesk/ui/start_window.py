"""The start window: on screen from the first frame while the records open, and gone once they
are: the real window (:class:`kapdesk.ui.main_window.MainWindow`) is built over the open records
and takes its place, with its geometry and its full-screen (kiosk) state.

Until then it is kapdesk's window: it says "Opening the record…", asks for a passphrase, says
why the records cannot be opened and offers to try again, comes forward for a second start, and
in kiosk mode fills the screen (staff leave with Ctrl+Shift+Q: nothing of a patient shows yet).
Where the first look at the record allows, it shows the first page staff use meanwhile (the
sign-in or the first admin's form, :mod:`kapdesk.ui.early_page`), which the real window takes
over. Its signals say how the start went, before and after the hand-over.

Like the start page, it needs nothing but Qt on the first frame.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

from kapdesk.ui.start_view import StartView

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QShortcut, QShowEvent

    from kapdesk.ui.early_page import EarlyPage
    from kapdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LEAVE_KEY = "Ctrl+Shift+Q"  # staff leave kiosk mode


class StartWindow(QMainWindow):
    """kapdesk's window while its records open; then the place the real window takes."""

    ready = Signal()  # the records are open and the real window took this one's place
    # The first page staff use is on screen: the early one, or else the real window's.
    first_page_shown = Signal()
    failed = Signal(str)  # the records cannot be opened; the reason
    handed_over = Signal()  # another kapdesk writes to this record: its window came forward
    brought_forward = Signal()  # a second start asked for kapdesk's window (this or the real)

    def __init__(self) -> None:
        super().__init__()
        self.main_window: MainWindow | None = None  # once the records are open
        self.start_problem: str | None = None  # why the records cannot be opened
        self.instance_lock: object | None = None  # the data folder's, handed to the real window
        self._kiosk = False
        self.early_page: EarlyPage | None = None  # the first page, shown before the records
        self._first_page_told = False
        self._leave_shortcut: QShortcut | None = None
        self.setWindowTitle("kapdesk")
        self.setMinimumSize(1000, 580)
        self.start_view = StartView(self)
        self.start_view.quit_requested.connect(self.close)
        self.setCentralWidget(self.start_view)

    @property
    def kiosk(self) -> bool:
        """Started in kiosk mode (the command line's --kiosk): so is the real window."""
        return self._kiosk

    @property
    def waiting(self) -> bool:
        """On screen, for records that are not open yet (not closed, not handed over)."""
        return self.main_window is None and self.isVisible()

    def enter_kiosk(self) -> None:
        """Fill the screen, no frame; staff close it with Ctrl+Shift+Q."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's, unless kiosk)
        from PySide6.QtGui import QShortcut  # noqa: PLC0415

        self._kiosk = True
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        if self._leave_shortcut is None:
            self._leave_shortcut = QShortcut(LEAVE_KEY, self)
            self._leave_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            self._leave_shortcut.activated.connect(self.close)
        screen = self.screen()
        if screen is not None:  # without a window manager (a bare kiosk X session) too
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.drop_early_page()  # closed before the records came: nothing typed in it stays
        super().closeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Without a window manager nobody makes the window active: keys would go nowhere.
        if not self.isActiveWindow():
            self.activateWindow()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        from kapdesk.ui import theme  # noqa: PLC0415  (after the first frame)

        theme.scale_for(self, event.size())  # type grows with the window

    def show_early(self, page: EarlyPage) -> None:
        """The first page staff use, in place of "Opening the record…" (which is kept, should
        the records not open after all)."""
        self.early_page = page
        self.takeCentralWidget()
        self.setCentralWidget(page.widget)
        page.focus()

    def lend_early_page(self) -> EarlyPage | None:
        """The first page shown early, out of this window for the real one to take in (should
        the real one not come after all, :meth:`cannot_start` drops it)."""
        if self.early_page is not None:
            self.takeCentralWidget()
        return self.early_page

    def drop_early_page(self) -> None:
        """No page for the records to come to: what is typed in it is cleared, and "Opening
        the record…" (or why not) is back in its place."""
        page, self.early_page = self.early_page, None
        if page is None:
            return
        if self.centralWidget() is not self.start_view:
            self.takeCentralWidget()
            self.setCentralWidget(self.start_view)
        page.forget()

    def first_page_on_screen(self) -> None:
        """The first page staff use is drawn (said once: early, or by the real window)."""
        if not self._first_page_told:
            self._first_page_told = True
            self.first_page_shown.emit()

    def cannot_start(self, reason: str, log_hint: str) -> None:
        """Say on screen why the records cannot be opened; the window offers to close."""
        self.drop_early_page()  # nothing typed on it is kept: it was never checked
        self.start_problem = reason
        self.start_view.show_problem(reason, log_hint)
        self.failed.emit(reason)

    def hand_over_to(self, window: MainWindow) -> None:
        """The records are open: ``window`` takes this one's place on screen (its geometry,
        maximized or kiosk), with the keyboard, and this one closes."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's)

        self.main_window = window
        window.instance_lock = self.instance_lock
        window.brought_forward.connect(self.brought_forward)
        if self._kiosk:
            window.enter_kiosk(asked=True)
        elif not window.kiosk:  # the room's kiosk setting put it full screen already
            window.restoreGeometry(self.saveGeometry())
            window.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
            window.show()
        window.activateWindow()  # shown where nothing was: on top, needing no raise
        self.early_page = None  # the real window's now
        self.close()
        self.first_page_on_screen()
        self.ready.emit()

    def bring_forward(self) -> None:
        """A second start of kapdesk asked for its window: the real one once it is here."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's)

        if self.main_window is not None:
            self.main_window.bring_forward()  # its brought_forward is this one's too
            return
        if self._kiosk:
            self.showFullScreen()
        elif self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        self.brought_forward.emit()

    # -- ending (kapdesk.app.end_orderly), before or after the hand-over -----------------------

    def shut_down(self, why: str) -> None:
        """kapdesk is asked to end: the real window's orderly way, or, while the records are
        still opening, this window closes and lets go of the data folder."""
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        if self.main_window is not None:
            self.main_window.shut_down(why)
            return
        log.info("asked to end (%s) while the records were opening: closing", why)
        self.close()
        self._let_go_of_lock()
        QApplication.quit()  # only while the event loop runs (not in an in-process test)

    def save_pending(self) -> None:
        """Write what waits (the real window's; nothing waits before it is here)."""
        if self.main_window is not None:
            self.main_window.save_pending()

    def shut_down_now(self) -> None:
        """The event loop ends: the real window closes the orderly way, or this one closes."""
        if self.main_window is not None:
            self.main_window.shut_down_now()
        elif self.isVisible():
            self.close()
            self._let_go_of_lock()

    def _let_go_of_lock(self) -> None:
        release = getattr(self.instance_lock, "release", None)
        if release is not None:
            release()
