"""What the window shows while the records open, or why they cannot be opened.

It is on screen from the first frame, so it needs nothing but Qt: no clinical core, no database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kapdesk.ui.widgets import ActionButton, label


class StartView(QWidget):
    """ "Opening the record…", calmly; or the reason kapdesk cannot start and a way out."""

    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.setSpacing(16)
        outer.addStretch(2)
        self.title = label("kapdesk", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.title)
        self.status = label("Opening the record…", "muted")
        self.status.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(self.status)
        self.reason = label("", "error")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.hide()
        outer.addWidget(self.reason)
        self.advice = label("", "muted")
        self.advice.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.advice.hide()
        outer.addWidget(self.advice)
        row = QHBoxLayout()
        row.addStretch()
        self.quit_button = ActionButton("Close kapdesk", "Ctrl+Q", self.quit_requested.emit, self)
        self.quit_button.hide()
        row.addWidget(self.quit_button)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch(3)

    def show_problem(self, reason: str, log_hint: str) -> None:
        """Say that the records cannot be opened, why, and what to do; offer to close."""
        self.title.setText("kapdesk cannot open its records")
        self.status.setText("Nothing was changed: what is already saved stays in the database.")
        self.reason.setText(reason[:1].upper() + reason[1:])
        self.reason.show()
        self.advice.setText(
            "Close kapdesk, put right what is named above, and start it again. If it keeps "
            f"happening, give your clinic's IT support this message and the log in {log_hint}."
        )
        self.advice.show()
        self.quit_button.show()
        self.quit_button.setFocus()
