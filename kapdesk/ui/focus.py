"""Keyboard focus that comes back after every form, with or without a window manager.

A room PC in kiosk mode runs kapdesk with no window manager (docs/room-pc.md): nobody gives the
window back the keyboard when a form (a :class:`QDialog`) closes, and until the screen is
tapped every shortcut and the type-anywhere note would do nothing. :class:`FocusKeeper` watches
the window's forms (and its other windows, the clinic board) close: when the last one has gone
it makes the window active again and puts focus back where it was, or, when that widget is no
longer on screen, where the page on screen takes it first (the note box on the journey screen).

A key sent to a widget that is not on screen (a note box hidden on a small screen, a page
turned away) is never typed into it: focus goes to where the page takes it and the key is
dropped, so nothing typed lands where it was not meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from collections.abc import Callable


# What takes the keyboard when it shows (not a menu, a pop-up list or a tooltip).
_WINDOWS = (Qt.WindowType.Window, Qt.WindowType.Dialog)
_WATCHED = frozenset({QEvent.Type.Hide, QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress})


class FocusKeeper(QObject):
    """Gives ``window`` the keyboard back after its forms close; ``natural`` names the widget
    of the page on screen that takes focus when the one that had it is gone."""

    def __init__(self, window: QWidget, natural: Callable[[], QWidget]) -> None:
        super().__init__(window)
        self._window = window
        self._natural = natural
        self._waiting = False  # a restore is planned for the next turn of the event loop
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _ours(self, widget: QWidget) -> bool:
        """A form, or a window of its own such as the clinic board, opened from the window."""
        if not widget.isWindow() or widget.windowType() not in _WINDOWS:
            return False
        parent = widget.parentWidget()
        return parent is not None and parent.window() is self._window

    def _forms(self) -> list[QDialog]:
        """The window's forms on screen now."""
        return [d for d in self._window.findChildren(QDialog) if d.isVisible() and d.isWindow()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False  # most events (paints, timers, layouts): nothing to do, at once
        if kind is QEvent.Type.Hide and isinstance(watched, QWidget) and self._ours(watched):
            self.restore_soon()
        elif (
            kind is QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and self._page_shortcut(watched, event)
        ):
            return True  # not taken as the text box's own editing key: the shortcut's
        elif (
            kind is QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and watched is QApplication.focusWidget()
            and not watched.isVisible()
            and watched.window() is self._window
        ):
            self.restore()  # never typed into a widget that is not on screen
            return True
        return False

    def _page_shortcut(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Whether ``event`` is the key of one of the window's shortcuts that works now.

        On X11 a text box takes some Ctrl keys for its own line editing (Ctrl+E to the end
        of the line, Ctrl+K to cut it, Ctrl+U...), and the journey's Close session (Ctrl+E)
        or Skip track (Ctrl+K) would do nothing while the note box had the keyboard."""
        held = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if not held or widget.window() is not self._window:
            return False
        combination = event.keyCombination()
        for shortcut in self._window.findChildren(QShortcut):
            owner = shortcut.parent()
            if (
                shortcut.isEnabled()
                and shortcut.key().count() == 1
                and shortcut.key()[0] == combination  # type: ignore[index]  # a QKeyCombination
                and isinstance(owner, QWidget)
                and owner.isVisible()
                and owner.window() is self._window
            ):
                return True
        return False

    def restore_soon(self) -> None:
        """Once the form that is closing has gone (the next turn of the event loop)."""
        if not self._waiting:
            self._waiting = True
            QTimer.singleShot(0, self, self._restore_planned)

    def _restore_planned(self) -> None:
        self._waiting = False
        self.restore()

    def restore(self) -> None:
        """The window (or the form still open over it) active again, focus where it was."""
        window = self._window
        if not window.isVisible():
            return
        forms = self._forms()
        modal = QApplication.activeModalWidget()
        top = modal if modal is not None and modal in forms else (forms[-1] if forms else None)
        if top is not None:
            top.activateWindow()
            return
        # A form is a window of its own: the window's focus widget is still the one that had
        # focus when the form opened, unless the page has changed since.
        before = window.focusWidget()
        window.activateWindow()
        self.settle(before)

    def settle(self, before: QWidget | None = None) -> None:
        """Focus on ``before`` if it may have it, else where the page on screen takes it."""
        widget = before if before is not None and self.may_take_focus(before) else self._natural()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def may_take_focus(self, widget: QWidget | None) -> bool:
        """Whether ``widget`` is on screen in the window and takes keys."""
        return (
            widget is not None
            and isValid(widget)
            and widget.window() is self._window
            and widget.isVisible()
            and widget.isEnabled()
        )
