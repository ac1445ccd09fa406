"""The form staff open to record a dose (closing a session: :mod:`kapdesk.ui.close_dialog`)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.dosing import (
    WEIGHT_KG,
    DoseCheck,
    Verdict,
    check_dose,
    number_text,
    range_text,
    total_unit,
    weight_kept,
    weight_text,
)
from kapdesk.core.journey import Dose
from kapdesk.core.protocols import LARGEST_DOSE, DoseDefaults
from kapdesk.core.units import Units, Weight
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined
from kapdesk.ui import theme
from kapdesk.ui.widgets import fit_in_room, label, scrolling_form
from kapdesk.ui.words import say

# A form's own refusal: the lock key switches user and the form stays as it is (in one
# sentence with the refusal, so each language orders them its own way).
SWITCH_KEEPS = QT_TRANSLATE_NOOP(
    "DoseDialog", "{refusal}. Switch user (Ctrl+Shift+L): what is typed here is kept."
)

RECORD_TEXT = QT_TRANSLATE_NOOP("DoseDialog", "Record dose   Enter")
RECORD_DOSE = QT_TRANSLATE_NOOP("DoseDialog", "Record the dose")
RECORD_EXTRA = QT_TRANSLATE_NOOP("DoseDialog", "Record an extra dose")
DOSE_GIVEN = QT_TRANSLATE_NOOP("DoseDialog", "Dose given")
EXTRA_DOSE = QT_TRANSLATE_NOOP("DoseDialog", "Extra dose")
CLOCK_STARTS = QT_TRANSLATE_NOOP(
    "DoseDialog", "The journey clock starts at 0:00 when you record it."
)
GIVEN_SO_FAR = QT_TRANSLATE_NOOP("DoseDialog", "Given so far in this session: {amount} {unit}.")
NOTHING_SO_FAR = QT_TRANSLATE_NOOP("DoseDialog", "Given so far in this session: nothing counted.")
NOT_TICKED = QT_TRANSLATE_NOOP("DoseDialog", "Not ticked before dosing: {steps}.")
CONCERN = QT_TRANSLATE_NOOP("DoseDialog", "{concern}.")
DECISION_HINT = QT_TRANSLATE_NOOP(
    "DoseDialog", "e.g. rechecked after 10 min of rest; agreed with Dr …"
)
AMOUNT_IN = QT_TRANSLATE_NOOP("DoseDialog", "Amount in {unit}")
WEIGHT_IN = QT_TRANSLATE_NOOP("DoseDialog", "Weight in {unit}")
WEIGHT_UNIT = QT_TRANSLATE_NOOP("DoseDialog", "Weight ({unit})")
AMOUNT = QT_TRANSLATE_NOOP("DoseDialog", "Amount")
SWITCH_USER = QT_TRANSLATE_NOOP("DoseDialog", "Switch user   Ctrl+Shift+L")
REASON_HINT = QT_TRANSLATE_NOOP(
    "DoseDialog", "the prescriber's reason, e.g. partial response at 0.5"
)
WHY_OUTSIDE = QT_TRANSLATE_NOOP("DoseDialog", "Why outside the usual range")
LOT_HINT = QT_TRANSLATE_NOOP("DoseDialog", "from the vial or device")
ROUTE = QT_TRANSLATE_NOOP("DoseDialog", "Route")
LOT_NUMBER = QT_TRANSLATE_NOOP("DoseDialog", "Lot number")
GIVEN_BY = QT_TRANSLATE_NOOP("DoseDialog", "Given by")
NOTE = QT_TRANSLATE_NOOP("DoseDialog", "Note")
WHY_ANYWAY = QT_TRANSLATE_NOOP("DoseDialog", "Why dose anyway")
CANCEL = QT_TRANSLATE_NOOP("DoseDialog", "Cancel   Esc")
OVER_LIMIT = QT_TRANSLATE_NOOP("DoseDialog", "Not recorded: over the {limit} {unit} limit")
NEEDS_DECISION = QT_TRANSLATE_NOOP("DoseDialog", "Needs a prescriber's decision")
REFUSAL = QT_TRANSLATE_NOOP("DoseDialog", "{refusal}.")
ENTER_WEIGHT = QT_TRANSLATE_NOOP("DoseDialog", "Enter the weight for the total in mg")
WEIGHT_RANGE = QT_TRANSLATE_NOOP("DoseDialog", "Weight: {low}–{high}")
TOTAL = QT_TRANSLATE_NOOP("DoseDialog", "= {total} {unit} total")
WILL_NOT = QT_TRANSLATE_NOOP("DoseDialog", "Will not be recorded: {why}.")
OUTSIDE = QT_TRANSLATE_NOOP("DoseDialog", "Outside the usual range: {why}.")
OUTSIDE_DECIDES = QT_TRANSLATE_NOOP(
    "DoseDialog", "Outside the usual range: {why}. A prescriber decides, with a reason."
)
ENTER_AMOUNT = QT_TRANSLATE_NOOP("DoseDialog", "Enter the amount given.")
NOT_RECORDED = QT_TRANSLATE_NOOP("DoseDialog", "Not recorded: {why}.")
WHY_ALONE = Template("DoseDialog", "{why}.")  # the core's clause as a sentence: no words of its own
SAY_WHY_DOSE = QT_TRANSLATE_NOOP(
    "DoseDialog",
    "Say why the dose goes ahead with this blood pressure, "
    "or cancel and check it again after a rest.",
)
SWITCH_TO_PRESCRIBER = QT_TRANSLATE_NOOP(
    "DoseDialog",
    "{refusal}. Switch user to a prescriber, or change the amount; what is typed here is kept.",
)
SAY_WHY_RANGE = QT_TRANSLATE_NOOP(
    "DoseDialog", "Say why the dose goes outside the usual range: it goes on the record."
)
# The close form's words.
DOSE_FORM_WIDTH = 880  # px: the dose form's width where the window leaves room for it


class AmountBox(QDoubleSpinBox):
    """An amount shown as staff write it: 0.5, not 0.500 (a trailing zero is misread)."""

    def textFromValue(self, value: float) -> str:
        return number_text(value)


def _step(text: str) -> str:
    """A checklist step in its first words: "Fasting as instructed (no food…)" -> "Fasting as
    instructed", so the list of steps not ticked stays short on a small screen."""
    return text.split(" (", maxsplit=1)[0].split(";", maxsplit=1)[0].strip()


def _sentence(text: str) -> str:
    """``text`` with its first letter a capital, the rest as written (units keep their case)."""
    return text[:1].upper() + text[1:]


def _line(text: str, role: str, shaped: Callable[[str], str] | None = None) -> QLabel:
    """A label kept on one line (a unit, a total, the protocol's range): never broken."""
    widget = label("", role)
    say(widget, text, shaped=shaped)
    widget.setWordWrap(False)
    return widget


def parse_weight(text: str, units: Units | None = None) -> float | None:
    """A weight as typed ("70", "70.5", "70,5 kg", "154 lb"), in kg as kept; None when there
    is none to read. A bare number is in the clinic's unit; a unit typed with it is taken at
    its word (70 kg is never read as 70 lb)."""
    cleaned = text.strip().lower()
    for suffix, unit in (("kg", Weight.KG), ("lbs", Weight.LB), ("lb", Weight.LB)):
        if cleaned.endswith(suffix):
            cleaned, units = cleaned.removesuffix(suffix).strip(), Units(weight=unit)
            break
    try:
        value = float(cleaned.replace(",", "."))
    except ValueError:
        return None
    return weight_kept(value, units) if math.isfinite(value) else None


def _words(text: str) -> QLabel:
    """A label saying ``text`` (a field's name) in the language spoken."""
    widget = QLabel()
    say(widget, text)
    return widget


def verdict_style(verdict: Verdict) -> str:
    """How a verdict on a dose looks: calm amber to ask, muted red to refuse, plain if fine."""
    colour = {Verdict.REFUSED: theme.PROBLEM, Verdict.DECIDE: theme.OVERRUN}.get(
        verdict, theme.TEXT
    )
    return f"color: {colour}; font-size: 17px;"


class DoseDialog(QDialog):
    """The dose form, pre-filled from the protocol; Enter records, Esc cancels.

    The amount is in the protocol's unit, shown beside it. A per-kg protocol asks the weight
    in the clinic's unit, kg or lb (starting from the last one given in the session), keeps it
    in kg and shows the total in mg, worked out from the kilograms, as it is typed.
    The protocol's usual range and hard limit are shown; while the amount is typed, a dose
    outside the usual range says so in colour and words and asks why (a prescriber's decision),
    and one above the hard limit turns the Record button into the reason it will not record.
    When the member signed in may not decide, the form says so at once and offers to switch
    user (:attr:`switch_user_requested`); nothing typed is lost.
    """

    switch_user_requested = Signal()

    def __init__(
        self,
        defaults: DoseDefaults,
        given_by: str,
        first: bool,
        parent: QWidget,
        *,
        concern: str | None = None,
        missing: Sequence[str] = (),
        given: float = 0.0,
        weight: float | None = None,
        decide_refusal: Callable[[], str | None] = lambda: None,
        refusal: Callable[[], str | None] = lambda: None,
        units: Units | None = None,
    ) -> None:
        """``refusal``: asked when Record is pressed, why the member signed in then may not
        record this dose at all (a form kept across a switch of user meets someone new);
        ``concern``: why dosing needs a decision with a reason first (a high baseline);
        ``missing``: the checklist steps not ticked, named so staff can think again;
        ``given``: what the session has had so far, in the protocol's unit; ``weight``: the
        last weight recorded in the session; ``decide_refusal``: asked afresh each time, why
        the member signed in may not decide on a dose outside the usual range (None if they
        may); ``units``: the clinic's (the weight is typed in its unit, kg by default)."""
        super().__init__(parent)
        self.units = units if units is not None else Units()
        self.concern = concern
        self.rules = defaults
        self.given = given
        self._decide_refusal = decide_refusal
        self._refusal = refusal
        self.refused_now = False  # the form shows a refusal that a switch of user answers
        self.refusal: str | None = None
        self.check = DoseCheck(Verdict.FINE)
        say(self, RECORD_DOSE if first else RECORD_EXTRA, "setWindowTitle")
        self.setModal(True)
        # Wide rather than tall: the form must fit a 1024x600 screen with every line shown.
        room = parent.window().width() - 48 if parent is not None else DOSE_FORM_WIDTH
        self.setMinimumWidth(max(560, min(DOSE_FORM_WIDTH, room)))
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self._build_head(layout, defaults, first=first, missing=missing, concern=concern)
        self._build_amount_row(layout, defaults, weight)
        self._build_verdict_lines(layout, defaults)
        self._build_details(layout, defaults, given_by, concern)
        cancel = self._build_footer(layout)
        # Tab goes down the form as staff fill it in: amount, weight, why, then the rest.
        order = [self.amount, self.weight, self.reason, self.route, self.lot]
        order += [self.given_by, self.note, self.decision, self.record, cancel]
        placed = [widget for widget in order if widget.parent() is not None]
        for before, after in itertools.pairwise(placed):
            self.setTabOrder(before, after)
        self.amount.valueChanged.connect(self.recheck)
        self.weight.textChanged.connect(self.recheck)
        self.recheck()
        self.amount.setFocus()
        self.amount.selectAll()

    def _build_head(
        self,
        layout: QVBoxLayout,
        defaults: DoseDefaults,
        *,
        first: bool,
        missing: Sequence[str],
        concern: str | None,
    ) -> None:
        """The title, what the session has had so far, what was not ticked, any concern."""
        given = self.given
        head = QHBoxLayout()
        title = label("", "title")
        say(title, DOSE_GIVEN if first else EXTRA_DOSE)
        head.addWidget(title)
        sub: str
        if first:
            sub = CLOCK_STARTS
        elif given:
            sub = GIVEN_SO_FAR.format(amount=number_text(given), unit=defaults.unit)
        else:
            sub = NOTHING_SO_FAR
        self.subtitle = _line(sub, "muted")
        head.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        if missing:
            steps = label("", "muted")
            say(steps, NOT_TICKED.format(steps=joined([_step(m) for m in missing], "; ")))
            layout.addWidget(steps)
        self.decision = QLineEdit()
        if concern:
            said = label("", "error")
            say(said, CONCERN.format(concern=concern))
            layout.addWidget(said)
            say(self.decision, DECISION_HINT, "setPlaceholderText")

    def _build_amount_row(
        self, layout: QVBoxLayout, defaults: DoseDefaults, weight: float | None
    ) -> None:
        # The amount, its unit, the weight and the total, on one line, read left to right.
        self.amount = AmountBox()
        self.amount.setDecimals(3)
        self.amount.setRange(0.0, LARGEST_DOSE)
        self.amount.setValue(defaults.amount or 0.0)
        say(self.amount, AMOUNT_IN.format(unit=defaults.unit), "setAccessibleName")
        self.amount.setMinimumWidth(130)
        self.unit = _line(defaults.unit, "")
        self.unit.setStyleSheet(f"font-size: 18px; color: {theme.TEXT};")
        shown = weight_text(weight, self.units).split()[0] if weight else ""
        unit = self.units.weight.symbol
        self.weight = QLineEdit(shown)
        self.weight.setPlaceholderText(unit)
        say(self.weight, WEIGHT_IN.format(unit=unit), "setAccessibleName")
        self.weight.setMaximumWidth(110)
        self.weight_label = QLabel()
        say(self.weight_label, WEIGHT_UNIT.format(unit=unit))
        self.total = _line("", "")
        self.total.setStyleSheet(f"font-size: 18px; color: {theme.TEXT};")
        amount_row = QHBoxLayout()
        amount_row.setSpacing(10)
        amount_words = QLabel()
        say(amount_words, AMOUNT)
        amount_row.addWidget(amount_words)
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.unit)
        amount_row.addSpacing(18)
        if defaults.per_kg:
            amount_row.addWidget(self.weight_label)
            amount_row.addWidget(self.weight)
            amount_row.addSpacing(10)
        else:
            self.weight.hide()
            self.weight_label.hide()
        amount_row.addWidget(self.total, 1)
        layout.addLayout(amount_row)

    def _build_verdict_lines(self, layout: QVBoxLayout, defaults: DoseDefaults) -> None:
        # The protocol's rules, always in view under the amount.
        self.rules_line = _line(range_text(defaults), "muted", _sentence)
        layout.addWidget(self.rules_line)
        # Outside the usual range or refused: in colour and words, with what it asks.
        self.status = label("", "")
        self.status.hide()
        layout.addWidget(self.status)
        self.who_decides = label("", "")
        self.who_decides.setStyleSheet(verdict_style(Verdict.DECIDE))
        self.switch_user = QPushButton()
        say(self.switch_user, SWITCH_USER)
        self.switch_user.setProperty("role", "compact")
        self.switch_user.clicked.connect(self.switch_user_requested.emit)
        # Its key, Ctrl+Shift+L, is the window's lock key, which works over an open form.
        self.refusal_box = QWidget()
        refusal_row = QHBoxLayout(self.refusal_box)
        refusal_row.setContentsMargins(0, 0, 0, 0)
        refusal_row.addWidget(self.who_decides, 1)
        refusal_row.addWidget(self.switch_user)
        self.refusal_box.hide()
        layout.addWidget(self.refusal_box)

    def _build_details(
        self, layout: QVBoxLayout, defaults: DoseDefaults, given_by: str, concern: str | None
    ) -> None:
        """Why outside the usual range, the route, lot, who gave it, a note, why dose anyway."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.reason = QLineEdit()
        say(self.reason, REASON_HINT, "setPlaceholderText")
        self.reason_label = QLabel()
        say(self.reason_label, WHY_OUTSIDE)
        grid.addWidget(self.reason_label, 0, 0, right)
        grid.addWidget(self.reason, 0, 1, 1, 3)
        self.reason.hide()
        self.reason_label.hide()
        self.route = QLineEdit(defaults.route)
        self.lot = QLineEdit()
        say(self.lot, LOT_HINT, "setPlaceholderText")
        self.given_by = QLineEdit(given_by)
        self.note = QLineEdit()
        grid.addWidget(_words(ROUTE), 1, 0, right)
        grid.addWidget(self.route, 1, 1)
        grid.addWidget(_words(LOT_NUMBER), 1, 2, right)
        grid.addWidget(self.lot, 1, 3)
        grid.addWidget(_words(GIVEN_BY), 2, 0, right)
        grid.addWidget(self.given_by, 2, 1)
        grid.addWidget(_words(NOTE), 2, 2, right)
        grid.addWidget(self.note, 2, 3)
        if concern:
            grid.addWidget(_words(WHY_ANYWAY), 3, 0, right)
            grid.addWidget(self.decision, 3, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

    def _build_footer(self, layout: QVBoxLayout) -> QPushButton:
        """What is wrong and the buttons, kept in view; the Cancel button."""
        # The body scrolls on a short screen; what is wrong and the buttons stay in view.
        footer = scrolling_form(self, layout)
        self.error = label("", "error")
        self.error.hide()
        footer.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton()
        say(cancel, CANCEL)
        cancel.clicked.connect(self.reject)
        self.record = QPushButton()
        say(self.record, RECORD_TEXT)
        self.record.setObjectName("record_dose")  # its text changes with the amount
        self.record.setProperty("role", "primary")
        self.record.setDefault(True)
        self.record.clicked.connect(self._accept_if_valid)
        buttons.addWidget(cancel)
        buttons.addStretch()
        buttons.addWidget(self.record)
        footer.addLayout(buttons)
        return cancel

    # -- reading the form ----------------------------------------------------------------------

    def dose(self) -> Dose:
        return Dose(
            amount=self.amount.value(),
            unit=self.rules.unit,
            route=self.route.text().strip(),
            lot_number=self.lot.text().strip(),
            given_by=self.given_by.text().strip(),
            note=self.note.text().strip(),
            weight_kg=self.weight_kg() if self.rules.per_kg else None,
        )

    def weight_kg(self) -> float | None:
        """The weight typed, in kg as kept (typed in the clinic's unit)."""
        return parse_weight(self.weight.text(), self.units)

    def decision_reason(self) -> str:
        """Why the dose goes ahead after a high baseline blood pressure."""
        return self.decision.text().strip()

    def range_reason(self) -> str:
        """Why the dose goes outside the usual range (the prescriber's decision)."""
        return self.reason.text().strip() if self.check.needs_decision else ""

    # -- as it is typed ------------------------------------------------------------------------

    def recheck(self) -> None:
        """Work the dose out again: its total, and whether it is usual, asked about or refused;
        and who signed in may decide (asked afresh: a colleague may have switched in)."""
        amount = self.amount.value()
        weight = self.weight_kg()
        check = check_dose(self.rules, amount, weight, given=self.given, units=self.units)
        self.check = check
        self.refusal = self._decide_refusal() if check.needs_decision else None
        say(self.total, self._total_text(amount, weight))
        wrong_weight = self.rules.per_kg and check.refused and not check.over_limit and amount > 0
        colour = theme.PROBLEM if wrong_weight and weight is not None else theme.TEXT
        self.total.setStyleSheet(f"font-size: 18px; color: {colour};")
        if (
            amount > 0
            and check.verdict is not Verdict.FINE
            and (check.needs_decision or check.over_limit)
        ):
            say(self.status, self._status_text(check))
            self.status.setStyleSheet(verdict_style(check.verdict))
            self.status.show()
        else:
            self.status.hide()
        asks = check.needs_decision
        self.reason.setVisible(asks)
        self.reason_label.setVisible(asks)
        if self.refusal:
            say(self.who_decides, REFUSAL.format(refusal=self.refusal))
        self.refusal_box.setVisible(bool(self.refusal))
        if check.over_limit:
            limit = number_text(self.rules.limit)
            say(self.record, OVER_LIMIT.format(limit=limit, unit=self.rules.unit))
            self.record.setEnabled(False)
        elif self.refusal:
            say(self.record, NEEDS_DECISION)
            self.record.setEnabled(False)
        else:
            say(self.record, RECORD_TEXT)
            self.record.setEnabled(True)
        if self.error.isVisible() and check.verdict is Verdict.FINE:
            self.error.hide()
        if self.isVisible():
            fit_in_room(self)  # room for what appeared, as far as the screen allows

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.recheck()

    def _total_text(self, amount: float, weight: float | None) -> str:
        if not self.rules.per_kg:
            return ""
        if weight is None:
            return ENTER_WEIGHT
        if self.check.refused and not self.check.over_limit:
            low, high = WEIGHT_KG  # short: the line must not widen the form
            return WEIGHT_RANGE.format(
                low=weight_text(low, self.units).split()[0], high=weight_text(high, self.units)
            )
        total = self.check.total_mg if self.check.total_mg is not None else amount * weight
        return TOTAL.format(total=number_text(total), unit=total_unit(self.rules.unit))

    def _status_text(self, check: DoseCheck) -> str:
        if check.over_limit:
            return WILL_NOT.format(why=check.why)
        if self.refusal:  # the line below says who decides
            return OUTSIDE.format(why=check.why)
        return OUTSIDE_DECIDES.format(why=check.why)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.ActivationChange and self.isActiveWindow():
            self.recheck()  # back from a switch of user: who may decide has changed

    def _accept_if_valid(self) -> None:
        self.recheck()
        problem: str = ""
        shaped: Callable[[str], str] | None = None
        check = self.check
        refused = self._refusal()
        self.refused_now = bool(refused)
        if refused:
            problem = SWITCH_KEEPS.format(refusal=refused)
        elif self.amount.value() <= 0:
            problem = ENTER_AMOUNT
            self.amount.setFocus()
        elif self.rules.per_kg and check.refused and not check.over_limit:
            problem, shaped = WHY_ALONE.format(why=check.why), _sentence
            self.weight.setFocus()
        elif check.refused:
            problem = NOT_RECORDED.format(why=check.why)
            self.amount.setFocus()
        elif self.concern and not self.decision_reason():
            problem = SAY_WHY_DOSE
            self.decision.setFocus()
        elif check.needs_decision and self.refusal:
            problem = SWITCH_TO_PRESCRIBER.format(refusal=self.refusal)
            self.switch_user.setFocus()
        elif check.needs_decision and not self.range_reason():
            problem = SAY_WHY_RANGE
            self.reason.setFocus()
        if problem:
            say(self.error, problem, shaped=shaped)
            self.error.show()
            return
        self.accept()
