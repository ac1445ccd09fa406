"""Recording vital signs: the measures the protocol asks for, checked as they are typed in.

An impossible value is refused with the reason; an unusual one is saved only when the nurse
presses Save (or Enter) a second time to confirm it. Values beyond the protocol's thresholds
are saved and flagged: that is what the flag is for. A temperature is typed in the clinic's
unit (°C or °F) and kept in °C.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from kapdesk.core.protocols import Measure
from kapdesk.core.units import Units
from kapdesk.core.vitals import FIELDS, LABELS, MEASURE_FIELDS, Checked, parse_reading, unit_text
from kapdesk.ui.widgets import dialog_footer, label


class VitalsDialog(QDialog):
    """A reading, checked; :attr:`checked` holds it once accepted."""

    def __init__(
        self,
        measures: tuple[Measure, ...],
        title: str = "Vital signs",
        initial: Mapping[str, float] | None = None,
        parent: QWidget | None = None,
        *,
        units: Units | None = None,
    ) -> None:
        """``initial``: values to start from, as kept (°C); ``units``: the clinic's."""
        super().__init__(parent)
        self.units = units if units is not None else Units()
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
            unit = unit_text(name, self.units)
            # The temperature's unit is the clinic's: said beside it, not only in the box.
            said = f"{LABELS[name]} ({unit})" if name == "temperature" else LABELS[name]
            caption = label(said, "" if name in asked else "muted")
            field = QLineEdit()
            field.setPlaceholderText(unit + ("" if name in asked else "  (optional)"))
            field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            field.setAccessibleName(
                f"{LABELS[name]} in {unit}" if name == "temperature" else LABELS[name]
            )
            if initial and name in initial:
                field.setText(self._shown(name, initial[name]))
            field.textEdited.connect(self._edited)
            self.fields[name] = field
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
        outer.addLayout(grid)
        self.problems, self.save_button = dialog_footer(self, outer, "Save", self.submit)
        self.fields[ordered[0]].setFocus()

    def _shown(self, name: str, value: float) -> str:
        if name == "temperature":
            return f"{round(self.units.temperature_shown(value), 1):g}"
        return f"{value:g}"

    def _edited(self, _text: str) -> None:
        self._confirming = ()  # a changed value must be confirmed again

    def submit(self) -> None:
        typed = {name: field.text() for name, field in self.fields.items()}
        checked = parse_reading(typed, self.units)
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
