"""The form that corrects an entry of the record: a note, vital signs, a rating or a dose,
with why, in the clinic's units; the correction is kept beside the original."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.dosing import (
    DoseCheck,
    check_dose,
    is_per_kg,
    number_text,
    same_unit,
    weight_text,
)
from kapdesk.core.journey import EventKind
from kapdesk.core.observations import SCALES
from kapdesk.core.protocols import LARGEST_DOSE, DoseDefaults
from kapdesk.core.timeline import Entry
from kapdesk.core.units import Temperature, Units
from kapdesk.core.vitals import FIELDS, LABELS, Reading, parse_reading, unit_text
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui.dialogs import parse_weight, verdict_style
from kapdesk.ui.widgets import dialog_footer, label
from kapdesk.ui.words import say

if TYPE_CHECKING:
    pass

CORRECTABLE = (EventKind.NOTE, EventKind.VITALS, EventKind.RATING, EventKind.DOSE)
CORRECT_AN_ENTRY = QT_TRANSLATE_NOOP("AmendDialog", "Correct an entry")
NOW = QT_TRANSLATE_NOOP("AmendDialog", "Now: {text}")
NOTE = QT_TRANSLATE_NOOP("AmendDialog", "Note")
VITAL_WORDS = {  # the vital signs' names, as kapdesk.core.vitals.LABELS says them in English
    "systolic": QT_TRANSLATE_NOOP("AmendDialog", "Systolic BP"),
    "diastolic": QT_TRANSLATE_NOOP("AmendDialog", "Diastolic BP"),
    "heart_rate": QT_TRANSLATE_NOOP("AmendDialog", "Heart rate"),
    "spo2": QT_TRANSLATE_NOOP("AmendDialog", "SpO2"),
    "respiratory_rate": QT_TRANSLATE_NOOP("AmendDialog", "Respiratory rate"),
    "temperature": QT_TRANSLATE_NOOP("AmendDialog", "Temperature"),
}
TEMPERATURE_IN = QT_TRANSLATE_NOOP("AmendDialog", "Temperature ({unit})")
REASON_HINT = QT_TRANSLATE_NOOP("AmendDialog", "e.g. typed 170 for 70")
WHY = QT_TRANSLATE_NOOP("AmendDialog", "Why")
CORRECTED_BY = QT_TRANSLATE_NOOP("AmendDialog", "Corrected by")
SAVE_CORRECTION = QT_TRANSLATE_NOOP("AmendDialog", "Save correction")
AMOUNT = QT_TRANSLATE_NOOP("AmendDialog", "Amount")
WEIGHT_IN = QT_TRANSLATE_NOOP("AmendDialog", "Weight ({unit})")
LOT_NUMBER = QT_TRANSLATE_NOOP("AmendDialog", "Lot number")
WILL_NOT = QT_TRANSLATE_NOOP("AmendDialog", "Will not be saved: {why}.")
OUTSIDE = QT_TRANSLATE_NOOP("AmendDialog", "Outside the usual range: {why}. {refusal}.")
OUTSIDE_DECIDES = QT_TRANSLATE_NOOP(
    "AmendDialog", "Outside the usual range: {why}. Say why as the prescriber decides."
)
TOTAL = QT_TRANSLATE_NOOP("AmendDialog", "= {total} mg total")
TOTAL_AND = QT_TRANSLATE_NOOP("AmendDialog", "{total}. {verdict}")
NEEDS_AMOUNT = QT_TRANSLATE_NOOP("AmendDialog", "A dose needs an amount above zero.")
REFUSED_WHY = QT_TRANSLATE_NOOP("AmendDialog", "{why}.")
PRESCRIBER_CORRECTS = QT_TRANSLATE_NOOP(
    "AmendDialog", "{refusal}. A prescriber corrects a dose to this amount."
)
SAY_WHY = QT_TRANSLATE_NOOP("AmendDialog", "Say why the entry is being corrected.")
NOTE_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "AmendDialog", "A note cannot be corrected to nothing; say so in the reason instead."
)

# The timeline page's words.


def _sentence(words: str) -> str:
    """``words`` with a capital first letter, the rest as said (units keep their case)."""
    return words[:1].upper() + words[1:]


def words_label(text: str, role: str = "") -> QLabel:
    """A label saying ``text`` (kapdesk's words) in the language spoken."""
    line = label("", role)
    say(line, text)
    return line


class AmendDialog(QDialog):
    """What the corrected entry should say, and why; who corrects it.

    A dose is corrected in its amount (in the unit it was recorded in), the weight (per kg)
    and the lot number, held as it is typed to the protocol's ``rules``: the session total
    (``given`` by the other doses, plus this one) above the hard limit is refused, and an
    amount outside the usual range says so and who may decide (``decide_refusal``).

    A temperature and a weight are shown and typed in the clinic's ``units`` and kept in °C and
    kg; a value left as it was shown keeps the value kept, not one rounded through the units.
    """

    def __init__(
        self,
        entry: Entry,
        by: str,
        parent: QWidget | None = None,
        *,
        rules: DoseDefaults | None = None,
        given: float = 0.0,
        decide_refusal: Callable[[], str | None] = lambda: None,
        units: Units | None = None,
    ) -> None:
        super().__init__(parent)
        say(self, CORRECT_AN_ENTRY, "setWindowTitle")
        self.entry = entry
        self.units = units if units is not None else Units()
        self._kept: dict[str, tuple[str, float]] = {}  # a value as shown, and as kept
        self.changes: dict[str, Any] | None = None
        self.rules = rules or DoseDefaults()
        self.given = given
        self._decide_refusal = decide_refusal
        outer = QVBoxLayout(self)
        outer.addWidget(words_label(CORRECT_AN_ENTRY, "title"))
        outer.addWidget(words_label(NOW.format(text=entry.text), "muted"))
        form = QFormLayout()
        self.text = QLineEdit(str(entry.data.get("text") or ""))
        self.value = QComboBox()
        self.vitals: dict[str, QLineEdit] = {}
        self.amount = QDoubleSpinBox()
        self.weight = QLineEdit()
        self.lot = QLineEdit()
        self.dose_status = label("", "")
        self.dose_status.hide()
        if entry.kind is EventKind.DOSE:
            self._dose_fields(form)
        elif entry.kind is EventKind.NOTE:
            form.addRow(words_label(NOTE), self.text)
        elif entry.kind is EventKind.RATING:
            scale = SCALES[str(entry.data.get("scale"))]
            for value, words in scale.choices:
                self.value.addItem(
                    f"{value}  {words}" if words != str(value) else str(value), value
                )
                if value == entry.data.get("value"):
                    self.value.setCurrentIndex(self.value.count() - 1)
            form.addRow(words_label(scale.name), self.value)
        else:
            values = Reading.from_values(entry.data.get("values") or {}).values()
            for name in FIELDS:
                field = QLineEdit(self._shown(name, values[name]) if name in values else "")
                self.vitals[name] = field
                if name == "temperature":  # the clinic's unit, said beside it
                    unit = unit_text(name, self.units)
                    field.setPlaceholderText(unit)
                    form.addRow(words_label(TEMPERATURE_IN.format(unit=unit)), field)
                else:
                    form.addRow(words_label(VITAL_WORDS.get(name, LABELS[name])), field)
        self.reason = QLineEdit()
        say(self.reason, REASON_HINT, "setPlaceholderText")
        form.addRow(words_label(WHY), self.reason)
        self.by = QLineEdit(by)
        self.by.setReadOnly(bool(by))  # the member signed in: the record names them
        form.addRow(words_label(CORRECTED_BY), self.by)
        outer.addLayout(form)
        if entry.kind is EventKind.DOSE:
            outer.addWidget(self.dose_status)
        for unused in (self.text, self.value, self.amount, self.weight, self.lot, self.dose_status):
            if unused.parentWidget() is None:  # another kind's: released with the form
                unused.setParent(self)
                unused.hide()
        self.problems, self.save = dialog_footer(self, outer, SAVE_CORRECTION, self.submit)
        if entry.kind is EventKind.DOSE:
            self.amount.valueChanged.connect(self.recheck)
            self.weight.textChanged.connect(self.recheck)
            self.recheck()
            self.amount.setFocus()
            self.amount.selectAll()

    def _shown(self, name: str, kept: float) -> str:
        """A kept value as the form shows it (a temperature in the clinic's unit)."""
        text = f"{kept:g}"
        if name == "temperature" and self.units.temperature is not Temperature.CELSIUS:
            text = f"{round(self.units.temperature_shown(kept), 1):g}"
        self._kept[name] = (text, kept)
        return text

    def _as_kept(self, name: str, typed: str) -> float | None:
        """The value kept when ``typed`` is still as the form showed it, else None."""
        shown = self._kept.get(name)
        return shown[1] if shown is not None and typed.strip() == shown[0] else None

    # -- a dose --------------------------------------------------------------------------------

    @property
    def dose_unit(self) -> str:
        return str(self.entry.data.get("unit") or "")

    def _dose_fields(self, form: QFormLayout) -> None:
        data = self.entry.data
        self.amount.setDecimals(3)
        self.amount.setRange(0.0, LARGEST_DOSE)
        amount = data.get("amount")
        self.amount.setValue(float(amount) if isinstance(amount, int | float) else 0.0)
        row = QHBoxLayout()
        row.addWidget(self.amount, 1)
        row.addWidget(label(self.dose_unit, ""))
        form.addRow(words_label(AMOUNT), row)
        weight = data.get("weight_kg")
        if isinstance(weight, int | float):
            shown = weight_text(weight, self.units).split()[0]
            self._kept["weight_kg"] = (shown, float(weight))
            self.weight.setText(shown)
        unit = self.units.weight.symbol
        self.weight.setPlaceholderText(unit)
        if is_per_kg(self.dose_unit):
            form.addRow(words_label(WEIGHT_IN.format(unit=unit)), self.weight)
        self.lot.setText(str(data.get("lot_number") or ""))
        form.addRow(words_label(LOT_NUMBER), self.lot)

    def dose_check(self) -> DoseCheck | None:
        """The verdict on the dose as corrected; None when it is in another unit than the
        protocol's (recorded before it stated one), which only needs an amount."""
        if not same_unit(self.dose_unit, self.rules.unit) or not self._dose_moved():
            return None  # a lot number alone: the core asks nothing of the dose either
        return check_dose(
            self.rules, self.amount.value(), self.weight_kg(), given=self.given, units=self.units
        )

    def weight_kg(self) -> float | None:
        """The weight typed in the clinic's unit, in kg as kept (the weight kept when it is
        left as shown: 70 kg shown as 154.3 lb stays 70 kg)."""
        typed = self.weight.text()
        kept = self._as_kept("weight_kg", typed)
        return kept if kept is not None else parse_weight(typed, self.units)

    def _dose_moved(self) -> bool:
        """Whether the amount or the weight is corrected (not only the lot number)."""
        shown = self._kept.get("weight_kg")
        typed = self.weight.text().strip()
        before = shown[0] if shown is not None else ""
        return self._amount_changed() or (is_per_kg(self.dose_unit) and typed != before)

    def _amount_changed(self) -> bool:
        return self.amount.value() != self.entry.data.get("amount")

    def recheck(self) -> None:
        """Say, as it is typed, what the corrected dose would be against the protocol."""
        check = self.dose_check()
        text: str = ""
        if check is not None and check.refused:
            text = WILL_NOT.format(why=check.why)
        elif check is not None and check.needs_decision and self._amount_changed():
            refusal = self._decide_refusal()
            text = (
                OUTSIDE.format(why=check.why, refusal=refusal)
                if refusal
                else OUTSIDE_DECIDES.format(why=check.why)
            )
        if check is not None and check.total_mg is not None and is_per_kg(self.dose_unit):
            total = TOTAL.format(total=number_text(check.total_mg))
            text = TOTAL_AND.format(total=total, verdict=text) if text else total
        say(self.dose_status, text)
        self.dose_status.setStyleSheet(
            verdict_style(check.verdict) if check is not None and text else ""
        )
        self.dose_status.setVisible(bool(text))
        self.save.setEnabled(check is None or not check.over_limit)

    def _dose_changes(self) -> dict[str, Any] | None:
        if self.amount.value() <= 0:
            self._say(NEEDS_AMOUNT)
            return None
        check = self.dose_check()
        weight = self.weight_kg()
        if check is not None and check.refused:
            self._say(REFUSED_WHY.format(why=check.why), shaped=_sentence)
            return None
        if check is not None and check.needs_decision and self._amount_changed():
            refusal = self._decide_refusal()
            if refusal:
                self._say(PRESCRIBER_CORRECTS.format(refusal=refusal))
                return None
        changes: dict[str, Any] = {
            "amount": self.amount.value(),
            "lot_number": self.lot.text().strip(),
        }
        if is_per_kg(self.dose_unit):
            changes["weight_kg"] = weight
        return changes

    def submit(self) -> None:
        if not self.reason.text().strip():
            self._say(SAY_WHY)
            return
        if self.entry.kind is EventKind.DOSE:
            self.changes = self._dose_changes()
            if self.changes is None:
                return
        elif self.entry.kind is EventKind.NOTE:
            if not self.text.text().strip():
                self._say(NOTE_NOT_EMPTY)
                return
            self.changes = {"text": self.text.text().strip()}
        elif self.entry.kind is EventKind.RATING:
            value = int(self.value.currentData())
            scale = SCALES[str(self.entry.data.get("scale"))]
            self.changes = {"value": value, "words": scale.words(value)}
        else:
            typed = {name: field.text() for name, field in self.vitals.items()}
            checked = parse_reading(typed, self.units)
            if not checked.ok:
                self._say(joined(checked.errors, "\n"))
                return
            values = checked.reading.values()
            for name in values:
                kept = self._as_kept(name, typed[name])
                if kept is not None:
                    values[name] = kept
            self.changes = {"values": values}
        self.accept()

    def _say(self, text: str, shaped: Callable[[str], str] | None = None) -> None:
        say(self.problems, text, shaped=shaped)
        self.problems.show()
