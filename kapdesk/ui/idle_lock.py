"""Whether someone is at the screen: any key, click, move, wheel or touch anywhere in kapdesk
counts; nobody for the clinic's idle minutes locks the screen; and the lock key is caught
here, before any shortcut, so it works over a form too (a shortcut is blocked while a modal
dialog is open).

Made once the records are open (its Qt enums cost the first frame time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from collections.abc import Callable

    from kapdesk.core.clock import Clock

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
_WATCHED = _INPUT | {QEvent.Type.ShortcutOverride}


class IdleLock(QObject):
    """Watches every input to kapdesk: the last time someone was there, the lock key, and the
    lock once nobody has been for ``seconds()`` (0: never)."""

    def __init__(
        self,
        clock: Clock,
        key: str,
        *,
        seconds: Callable[[], float],
        locked: Callable[[], bool],
        lock: Callable[[], None],
        lock_key: Callable[[], None],
        parent: QObject,
    ) -> None:
        """``key``: the lock key (as a shortcut is written); ``locked``: whether the calm
        screen is up; ``lock``: put it up; ``lock_key``: the lock key was pressed while
        unlocked."""
        super().__init__(parent)
        self._clock = clock
        self._seconds = seconds
        self._locked = locked
        self._lock = lock
        self._lock_key_pressed = lock_key
        self._last_input = clock.monotonic()
        self._lock_key = QKeySequence(key)[0]  # type: ignore[index]  # a QKeyCombination
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any key or tap counts as someone being there
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def someone_there(self) -> None:
        """Someone is at the screen now (signed in, unlocked): the idle count starts again."""
        self._last_input = self._clock.monotonic()

    def check(self) -> None:
        """Lock when nobody has touched the PC for the idle time."""
        idle = self._clock.monotonic() - self._last_input
        if not self._locked() and 0 < self._seconds() <= idle:
            self._lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False  # most events (paints, timers, layouts): nothing to do, at once
        lock_key = (
            isinstance(event, QKeyEvent)
            and event.keyCombination() == self._lock_key
            and not self._locked()
        )
        if kind is QEvent.Type.ShortcutOverride and lock_key:
            # Asked before any shortcut is looked up: the lock key is the window's, so no
            # shortcut of a page or a form can take it, and it comes as a key press below.
            event.accept()
            return True
        if kind in _INPUT:
            self._last_input = self._clock.monotonic()
            if lock_key and kind is QEvent.Type.KeyPress:
                self._lock_key_pressed()
                return True
        return False
