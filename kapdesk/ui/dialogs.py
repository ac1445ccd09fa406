"""Forms staff open on purpose: recording a dose, closing a session."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import Dose
from kapdesk.core.protocols import DoseDefaults
from kapdesk.ui import theme
from kapdesk.ui.widgets import label


class DoseDialog(QDialog):
    """The dose form, pre-filled from the protocol; Enter records, Esc cancels."""

    def __init__(
        self,
        defaults: DoseDefaults,
        given_by: str,
        first: bool,
        parent: QWidget,
        *,
        concern: str | None = None,
        missing: Sequence[str] = (),
    ) -> None:
        """``concern``: why dosing needs a decision with a reason first (a high baseline);
        ``missing``: the checklist steps not ticked, named so staff can think again."""
        super().__init__(parent)
        self.concern = concern
        self.setWindowTitle("Record the dose" if first else "Record an extra dose")
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        heading = "Dose given" if first else "Extra dose"
        layout.addWidget(label(heading, "title"))
        if first:
            layout.addWidget(label("The journey clock starts at 0:00 when you record it.", "muted"))
        if missing:
            layout.addWidget(
                label("Not ticked before dosing: " + "; ".join(missing) + ".", "muted")
            )
        self.decision = QLineEdit()
        if concern:
            layout.addWidget(label(concern + ".", "error"))
            self.decision.setPlaceholderText(
                "e.g. rechecked after 10 min of rest; agreed with Dr …"
            )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        self.amount = QDoubleSpinBox()
        self.amount.setDecimals(3)
        self.amount.setRange(0.0, 10000.0)
        self.amount.setValue(defaults.amount or 0.0)
        self.unit = QLineEdit(defaults.unit)
        self.route = QLineEdit(defaults.route)
        self.lot = QLineEdit()
        self.lot.setPlaceholderText("from the vial or device")
        self.given_by = QLineEdit(given_by)
        self.note = QLineEdit()
        form.addRow("Amount", self.amount)
        form.addRow("Unit", self.unit)
        form.addRow("Route", self.route)
        form.addRow("Lot number", self.lot)
        form.addRow("Given by", self.given_by)
        form.addRow("Note", self.note)
        if concern:
            form.addRow("Why dose anyway", self.decision)
        layout.addLayout(form)
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton("Cancel   Esc")
        cancel.clicked.connect(self.reject)
        self.record = QPushButton("Record dose   Enter")
        self.record.setProperty("role", "primary")
        self.record.setDefault(True)
        self.record.clicked.connect(self._accept_if_valid)
        buttons.addWidget(cancel)
        buttons.addStretch()
        buttons.addWidget(self.record)
        layout.addLayout(buttons)
        self.amount.setFocus()
        self.amount.selectAll()

    def dose(self) -> Dose:
        return Dose(
            amount=self.amount.value(),
            unit=self.unit.text().strip(),
            route=self.route.text().strip(),
            lot_number=self.lot.text().strip(),
            given_by=self.given_by.text().strip(),
            note=self.note.text().strip(),
        )

    def decision_reason(self) -> str:
        return self.decision.text().strip()

    def _accept_if_valid(self) -> None:
        problem = ""
        if self.amount.value() <= 0:
            problem = "Enter the amount given."
            self.amount.setFocus()
        elif not self.unit.text().strip():
            problem = "Enter the unit (for example mg or mg/kg)."
            self.unit.setFocus()
        elif self.concern and not self.decision_reason():
            problem = (
                "Say why the dose goes ahead with this blood pressure, "
                "or cancel and check it again after a rest."
            )
            self.decision.setFocus()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.accept()


class CloseDialog(QDialog):
    """Confirms closing a session, with a reason when it ends early; an early close names why
    it is early, so whoever decides it sees what the record will say."""

    def __init__(
        self,
        message: str,
        reason_needed: bool,
        parent: QWidget,
        *,
        concerns: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Close the session early" if concerns else "Close the session")
        self.setModal(True)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(
            label("Close the session early?" if concerns else "Close the session?", "title")
        )
        if concerns:
            self.concerns = label("\n".join(f"•  {c[:1].upper()}{c[1:]}" for c in concerns), "")
            self.concerns.setStyleSheet(f"color: {theme.OVERRUN};")
            layout.addWidget(self.concerns)
        layout.addWidget(label(message, "muted"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(
            "Why it closes early (goes on the record)"
            if concerns
            else "Reason (needed to close early)"
            if reason_needed
            else "Note (optional)"
        )
        layout.addWidget(self.reason)
        self._reason_needed = reason_needed
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        keep = QPushButton("Keep it open   Esc")
        keep.clicked.connect(self.reject)
        self.confirm = QPushButton("Close early   Enter" if concerns else "Close session   Enter")
        self.confirm.setProperty("role", "primary")
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._accept_if_valid)
        buttons.addWidget(keep)
        buttons.addStretch()
        buttons.addWidget(self.confirm)
        layout.addLayout(buttons)
        self.reason.setFocus()

    def _accept_if_valid(self) -> None:
        if self._reason_needed and not self.reason.text().strip():
            self.error.setText("Say why the session ends early; it goes on the record.")
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()
