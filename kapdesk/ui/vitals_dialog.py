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
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui.widgets import dialog_footer, label
from kapdesk.ui.words import say

VITAL_SIGNS = QT_TRANSLATE_NOOP("VitalsDialog", "Vital signs")
SAVE = QT_TRANSLATE_NOOP("VitalsDialog", "Save")
WITH_UNIT = QT_TRANSLATE_NOOP("VitalsDialog", "{measure} ({unit})")
IN_UNIT = QT_TRANSLATE_NOOP("VitalsDialog", "{measure} in {unit}")
OPTIONAL = QT_TRANSLATE_NOOP("VitalsDialog", "{unit}  (optional)")
CONFIRM = QT_TRANSLATE_NOOP(
    "VitalsDialog", "{unusual} Check it, then press Save again to record it."
)


class VitalsDialog(QDialog):
    """A reading, checked; :attr:`checked` holds it once accepted."""

    def __init__(
        self,
        measures: tuple[Measure, ...],
        title: str = VITAL_SIGNS,
        initial: Mapping[str, float] | None = None,
        parent: QWidget | None = None,
        *,
        units: Units | None = None,
    ) -> None:
        """``initial``: values to start from, as kept (°C); ``units``: the clinic's."""
        super().__init__(parent)
        self.units = units if units is not None else Units()
        say(self, title, "setWindowTitle")
        self.checked: Checked | None = None
        self._confirming: tuple[str, ...] = ()
        asked = {name for m in measures for name in MEASURE_FIELDS.get(m, ())}
        outer = QVBoxLayout(self)
        heading = label("", "title")
        say(heading, title)
        outer.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        self.fields: dict[str, QLineEdit] = {}
        ordered = [n for n in FIELDS if n in asked] + [n for n in FIELDS if n not in asked]
        for row, name in enumerate(ordered):
            unit = unit_text(name, self.units)
            # The temperature's unit is the clinic's: said beside it, not only in the box.
            said = (
                WITH_UNIT.format(measure=LABELS[name], unit=unit)
                if name == "temperature"
                else LABELS[name]
            )
            caption = label("", "" if name in asked else "muted")
            say(caption, said)
            field = QLineEdit()
            say(field, unit if name in asked else OPTIONAL.format(unit=unit), "setPlaceholderText")
            field.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            say(
                field,
                IN_UNIT.format(measure=LABELS[name], unit=unit)
                if name == "temperature"
                else LABELS[name],
                "setAccessibleName",
            )
            if initial and name in initial:
                field.setText(self._shown(name, initial[name]))
            field.textEdited.connect(self._edited)
            self.fields[name] = field
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
        outer.addLayout(grid)
        self.problems, self.save_button = dialog_footer(self, outer, SAVE, self.submit)
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
            self._say(joined(checked.errors, "\n", "VitalsDialog"))
            return
        if checked.unusual and checked.unusual != self._confirming:
            self._confirming = checked.unusual
            unusual = joined(checked.unusual, " ", "VitalsDialog")
            self._say(CONFIRM.format(unusual=unusual))
            return
        self.checked = checked
        self.accept()

    def _say(self, text: str) -> None:
        say(self.problems, text)
        self.problems.show()
