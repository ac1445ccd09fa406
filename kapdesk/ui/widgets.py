"""Small widgets shared by the screens: buttons that show their shortcut, and labels by role."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QWidget


def label(text: str = "", role: str = "", parent: QWidget | None = None) -> QLabel:
    """A label styled by its role in the theme (muted, title, section, error)."""
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(role != "title")
    return widget


class ActionButton(QPushButton):
    """A large button that names its keyboard shortcut, and answers to it anywhere on its page."""

    def __init__(
        self,
        text: str,
        shortcut: str,
        handler: Callable[[], object],
        parent: QWidget,
        *,
        primary: bool = False,
        from_hidden_tab: bool = False,
    ) -> None:
        self.sequence = QKeySequence(shortcut)
        shown = self.sequence.toString(QKeySequence.SequenceFormat.NativeText)
        super().__init__(f"{text}   {shown}", parent)
        if primary:
            self.setProperty("role", "primary")
        self.clicked.connect(handler)
        self._from_hidden_tab = from_hidden_tab
        self._shortcut = QShortcut(self.sequence, parent)
        self._shortcut.activated.connect(self._activate)

    def _activate(self) -> None:
        # The shortcut's page is on screen (Qt checks that); the button itself may sit on a tab
        # not shown, which some actions (recording vital signs) must not wait for.
        if self.isEnabled() and (self.isVisible() or self._from_hidden_tab):
            self.click()


def card(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    return frame


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit, with the whole text as its tooltip."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        if role:
            self.setProperty("role", role)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )
