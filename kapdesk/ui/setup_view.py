"""Session set-up: the patient's clinic code, the protocol and who sits the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.protocols import Protocol
from kapdesk.core.timefmt import minutes_text
from kapdesk.ui.widgets import ActionButton, label


class SetupView(QWidget):
    """Picks (or types) the patient, picks the protocol and the sitter, and opens the session."""

    open_requested = Signal(str, str, str)  # clinic code, protocol id, sitter
    history_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(12)

        header = QHBoxLayout()
        header.addWidget(label("New session", "title"), 1)
        self.history_button = ActionButton(
            "Past sessions", "Ctrl+H", self.history_requested.emit, self
        )
        header.addWidget(self.history_button)
        outer.addLayout(header)

        outer.addWidget(label("PATIENT CLINIC CODE", "section"))
        self.patient = QComboBox()
        self.patient.setEditable(True)
        self.patient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.patient.lineEdit()
        assert line is not None
        line.setPlaceholderText("Type or pick the code, e.g. P-0042")
        line.returnPressed.connect(self.submit)
        outer.addWidget(self.patient)

        outer.addWidget(label("PROTOCOL", "section"))
        self.protocols = QListWidget()
        self.protocols.itemActivated.connect(lambda _item: self.submit())
        outer.addWidget(self.protocols, 1)
        self.protocol_problems = label("", "error")
        self.protocol_problems.hide()
        outer.addWidget(self.protocol_problems)

        outer.addWidget(label("SITTER", "section"))
        self.sitter = QComboBox()
        self.sitter.setEditable(True)
        self.sitter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sitter_line = self.sitter.lineEdit()
        assert sitter_line is not None
        sitter_line.setPlaceholderText("Who sits with the patient")
        sitter_line.returnPressed.connect(self.submit)
        outer.addWidget(self.sitter)

        self.error = label("", "error")
        self.error.hide()
        outer.addWidget(self.error)

        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton(
            "Open session", "Ctrl+Return", self.submit, self, primary=True
        )
        self.open_button.setMinimumHeight(64)
        actions.addWidget(self.open_button)
        outer.addLayout(actions)

    def load(
        self,
        protocols: list[Protocol],
        patient_codes: list[str],
        staff: list[str],
        problems: list[str],
    ) -> None:
        """Fill the choices; keeps nothing typed from a previous session."""
        self.protocols.clear()
        for protocol in protocols:
            planned = minutes_text(protocol.planned_minutes)
            detail = f"{protocol.route} · {len(protocol.phases)} phases · {planned}"
            if protocol.monitoring_minutes:
                detail += f" · at least {minutes_text(protocol.monitoring_minutes)} in the room"
            item = QListWidgetItem(f"{protocol.name}\n{detail}")
            item.setData(Qt.ItemDataRole.UserRole, protocol.id)
            self.protocols.addItem(item)
        if protocols:
            self.protocols.setCurrentRow(0)
        self.patient.clear()
        self.patient.addItems(patient_codes)
        self.patient.setCurrentText("")
        self.sitter.clear()
        self.sitter.addItems(staff)
        self.sitter.setCurrentText("")
        self.protocol_problems.setText(
            "Some clinic protocol files could not be loaded: " + "; ".join(problems)
            if problems
            else ""
        )
        self.protocol_problems.setVisible(bool(problems))
        self.error.hide()
        self.patient.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> None:
        code = self.patient.currentText().strip()
        item = self.protocols.currentItem() if self.protocols.currentRow() >= 0 else None
        if not code:
            self.show_error("Enter the patient's clinic code.")
            self.patient.setFocus()
            return
        if item is None:
            self.show_error("Pick the protocol for this session.")
            self.protocols.setFocus()
            return
        self.error.hide()
        self.open_requested.emit(
            code, str(item.data(Qt.ItemDataRole.UserRole)), self.sitter.currentText().strip()
        )
