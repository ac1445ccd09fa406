"""Recording vital signs: the measures the protocol asks for, checked as they are typed in.

An impossible value is refused with the reason; an unusual one is saved only when the nurse
presses Save (or Enter) a second time to confirm it. Values beyond the protocol's thresholds
are saved and flagged: that is what the flag is for.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kapdesk.core.protocols import Measure
from kapdesk.core.vitals import FIELDS, LABELS, MEASURE_FIELDS, UNITS, Checked, parse_reading
from kapdesk.ui.widgets import dialog_footer, label


class VitalsDialog(QDialog):
    """A reading, checked; :attr:`checked` holds it once accepted."""

    def __init__(
        self,
        measures: tuple[Measure, ...],
        title: str = "Vital signs",
        initial: Mapping[str, float] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.checked: Checked | None = None
        self._confirming: tuple[str, ...] = ()
        asked = {name for m in measures for name in MEASURE_FIELDS.get(m, ())}
        outer = QVBoxLayout(self)
        outer.addWidget(label(title, "title"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.fields: dict[str, QLineEdit] = {}
        ordered = [n for n in FIELDS if n in asked] + [n for n in FIELDS if n not in asked]
        for row, name in enumerate(ordered):
            caption = label(LABELS[name], "" if name in asked else "muted")
            field = QLineEdit()
            field.setPlaceholderText(UNITS[name] + ("" if name in asked else "  (optional)"))
            field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            field.setAccessibleName(LABELS[name])
            if initial and name in initial:
                field.setText(f"{initial[name]:g}")
            field.textEdited.connect(self._edited)
            self.fields[name] = field
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
        outer.addLayout(grid)
        self.problems, self.save_button = dialog_footer(self, outer, "Save", self.submit)
        self.fields[ordered[0]].setFocus()

    def _edited(self, _text: str) -> None:
        self._confirming = ()  # a changed value must be confirmed again

    def submit(self) -> None:
        checked = parse_reading({name: field.text() for name, field in self.fields.items()})
        if not checked.ok:
            self._say("\n".join(checked.errors))
            return
        if checked.unusual and checked.unusual != self._confirming:
            self._confirming = checked.unusual
            self._say(" ".join(checked.unusual) + " Check it, then press Save again to record it.")
            return
        self.checked = checked
        self.accept()

    def _say(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.show()
