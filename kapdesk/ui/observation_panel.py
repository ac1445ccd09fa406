"""The observation column of the journey screen: one-tap tags, a note one key away, one-tap
ratings, and the vital-signs checks the protocol asks for, with a soft cue when one is due and a
stronger one when it is overdue. Nothing here makes a sound.

What staff record is a journey event: its row is committed before the panel says "Saved"
(an entry set aside or waiting for the disk says "Not saved" and why). If it
cannot be written now, the panel says so and kapdesk holds it in memory until it can.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, JourneyError, JourneyEvent
from kapdesk.core.observations import SCALES, note_data, rating_data
from kapdesk.core.staff import Action
from kapdesk.core.timefmt import minutes_text
from kapdesk.core.vitals import (
    CheckState,
    CheckStatus,
    VitalsRecord,
    check_statuses,
    flags,
    planned_checks,
)
from kapdesk.ui import theme
from kapdesk.ui.vitals_dialog import VitalsDialog
from kapdesk.ui.widgets import SWITCH_HINT, ActionButton, label

if TYPE_CHECKING:
    from kapdesk.storage.journeys import OpenJourney


def _check_words(status: CheckStatus) -> tuple[str, str]:
    """``Every 15 minutes at 30 min`` and, when overdue, ``, 7 min late``."""
    check = status.check
    late = ""
    if status.state is CheckState.OVERDUE and status.late_by:
        late = f", {minutes_text(round(status.late_by / 60))} late"
    return f"{check.label} {check.when_text()}", late


def vitals_cue(statuses: Sequence[CheckStatus]) -> tuple[str, str]:
    """The header's cue: the first overdue check, else the first one due, in words, and its
    level ("overdue", "due"); ("", "") when none is."""
    for state, words, level in (
        (CheckState.OVERDUE, "Vital signs overdue", "overdue"),
        (CheckState.DUE, "Vital signs due", "due"),
    ):
        status = next((s for s in statuses if s.state is state), None)
        if status is not None:
            what, late = _check_words(status)
            return f"{words}: {what}{late}", level
    return "", ""


class ObservationPanel(QWidget):
    """Notes, ratings and vital signs for the session on the journey screen."""

    cue_changed = Signal(str, str)  # the vitals cue in words, and its level: "", "due", "overdue"

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: OpenJourney | None = None
        self.vitals_dialog: VitalsDialog | None = None
        self.setMinimumWidth(300)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(self)
        outer.addWidget(self.tabs, 1)

        note_tab = QWidget()
        notes = QVBoxLayout(note_tab)
        notes.setContentsMargins(0, 8, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(6)
        self._grid = grid
        self.tag_buttons: dict[str, QPushButton] = {}
        for n, tag in enumerate(tags):
            button = QPushButton(tag)
            button.setObjectName("note_tag")
            button.setProperty("role", "tag")
            button.clicked.connect(lambda _checked=False, t=tag: self.save_note([t]))
            self.tag_buttons[tag] = button
            grid.addWidget(button, n // 2, n % 2)
        notes.addLayout(grid)
        notes.addStretch()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note: start typing anywhere on this screen; Enter saves")
        self.note.returnPressed.connect(lambda: self.save_note([]))
        notes.addWidget(self.note)
        self.tabs.addTab(note_tab, "Notes")

        ratings_tab = QWidget()
        ratings = QVBoxLayout(ratings_tab)
        ratings.setContentsMargins(0, 8, 0, 0)
        self.rating_buttons: dict[str, dict[int, QPushButton]] = {}
        self._rating_rows: dict[str, QGridLayout] = {}
        for scale in SCALES.values():
            line = QHBoxLayout()
            caption = label(scale.name, "muted")
            caption.setFixedWidth(110)
            line.addWidget(caption)
            row = QGridLayout()
            row.setSpacing(4)
            buttons: dict[int, QPushButton] = {}
            columns = 6 if len(scale.choices) > 6 else len(scale.choices)
            for n, (value, words) in enumerate(scale.choices):
                button = QPushButton(str(value))
                button.setObjectName("rating")
                button.setProperty("role", "rating")
                button.setToolTip(f"{scale.name}: {words}")
                button.clicked.connect(
                    lambda _checked=False, s=scale.id, v=value: self.save_rating(s, v)
                )
                buttons[value] = button
                row.addWidget(button, n // columns, n % columns)
            self.rating_buttons[scale.id] = buttons
            self._rating_rows[scale.id] = row
            line.addLayout(row, 1)
            ratings.addLayout(line)
        ratings.addStretch()
        self.tabs.addTab(ratings_tab, "Ratings")

        vitals_tab = QWidget()
        vitals = QVBoxLayout(vitals_tab)
        vitals.setContentsMargins(0, 8, 0, 0)
        self.checks_label = label("", "")
        vitals.addWidget(self.checks_label)
        vitals.addStretch()
        self.vitals_button = ActionButton(
            "Record vital signs",
            "Ctrl+B",
            self.request_vitals,
            self,
            primary=True,
            from_hidden_tab=True,
        )
        self.vitals_button.setMinimumHeight(56)
        vitals.addWidget(self.vitals_button)
        self.tabs.addTab(vitals_tab, "Vitals")

        # What became of the last entry: never cut short ("Not saved" must be read whole).
        self.status = label("", "muted")
        outer.addWidget(self.status)

    # -- following a session --------------------------------------------------------------------

    def follow(self, current: OpenJourney) -> None:
        if self.current is not None:
            self.current.journey.unsubscribe(self._on_event)
        self.current = current
        current.journey.subscribe(self._on_event)
        self.status.setText("")
        self.note.clear()
        self.refresh()

    def _on_event(self, event: JourneyEvent) -> None:
        if event.kind in (EventKind.VITALS, EventKind.PHASE, EventKind.DOSE, EventKind.CLOSED):
            self.refresh()

    def refresh(self) -> None:
        """Show where the vitals schedule stands now (called on each redraw of the screen)."""
        if self.current is None:
            return
        journey = self.current.journey
        open_ = not journey.closed
        for widget in (*self.tag_buttons.values(), self.note, self.vitals_button):
            widget.setEnabled(open_)
        for buttons in self.rating_buttons.values():
            for button in buttons.values():
                button.setEnabled(open_)
        statuses = self.statuses()
        lines = []
        for status in statuses:
            what, late = _check_words(status)
            if status.state is CheckState.OVERDUE:
                lines.append(f"<b style='color:{theme.PROBLEM}'>Overdue: {what}{late}</b>")
            elif status.state is CheckState.DUE:
                lines.append(f"<span style='color:{theme.OVERRUN}'>Due now: {what}</span>")
        cue, level = vitals_cue(statuses)
        upcoming = [s for s in statuses if s.state is CheckState.UPCOMING][:3]
        for status in upcoming:
            lines.append(f"Next: {status.check.label} {status.check.when_text()}")
        done = sum(1 for s in statuses if s.state is CheckState.DONE)
        lines.append(
            f"<span style='color:{theme.TEXT_MUTED}'>{done} of {len(statuses)} done</span>"
        )
        self.checks_label.setText("<br>".join(lines))
        if journey.closed:
            cue, level = "", ""
        self.cue_changed.emit(cue, level)

    def statuses(self) -> list[CheckStatus]:
        if self.current is None:
            return []
        journey = self.current.journey
        protocol = journey.protocol
        readings = [e.elapsed for e in journey.of_kind(EventKind.VITALS)]
        last_phase = len(protocol.phases) - 1
        discharge = next((s.started for s in journey.spans if s.index == last_phase), None)
        return check_statuses(
            planned_checks(protocol), journey.elapsed(), readings, discharge_from=discharge
        )

    # -- recording ------------------------------------------------------------------------------

    def _by(self) -> str:
        return self.current.author if self.current is not None else ""

    def _record(self, kind: EventKind, data: Mapping[str, Any], what: str) -> bool:
        if self.current is None:
            return False
        try:
            event = self.current.journey.record_observation(kind, data)
        except JourneyError as exc:
            self._say(str(exc).capitalize() + ".", problem=True)
            return False
        recorder = self.current.recorder
        at = event.wall.astimezone().strftime("%H:%M")
        if recorder.is_saved(event):
            self._say(f"Saved {at}: {what}")  # committed: in the record
        elif recorder.offline and not recorder.memory_only:
            # On this PC's disk, waiting for the server: kept, and the banner says why.
            self._say(f"Kept on this PC {at} (offline): {what}")
        else:
            self._say(f"{what}: {recorder.problem or 'Not saved yet.'}", problem=True)
        return True

    def save_note(self, tags: list[str]) -> None:
        try:
            data = note_data(self.note.text(), tags, self._by())
        except ValueError as exc:
            self._say(str(exc), problem=True)
            return
        shown = ", ".join(tags) if tags else ""
        what = (f"[{shown}] " if shown else "") + data["text"]
        if self._record(EventKind.NOTE, data, what.strip()):
            self.note.clear()

    def save_rating(self, scale: str, value: int) -> None:
        data = rating_data(scale, value, self._by())
        self._record(EventKind.RATING, data, f"{SCALES[scale].name} {value}")

    def request_vitals(self) -> None:
        if self.current is None or self.current.journey.closed:
            return
        refusal = self.current.journey.refusal(Action.OBSERVE)
        if refusal:  # said before the form is filled in, not after
            self._say(f"{refusal}. {SWITCH_HINT}", problem=True)
            return
        measures = self.current.journey.protocol.vitals.measures
        dialog = VitalsDialog(measures, parent=self)
        dialog.accepted.connect(lambda: self._vitals_accepted(dialog))
        self.vitals_dialog = dialog
        dialog.open()

    def _vitals_accepted(self, dialog: VitalsDialog) -> None:
        if self.current is None or dialog.checked is None:
            return
        journey = self.current.journey
        reading = dialog.checked.reading
        raised = flags(reading, journey.protocol.thresholds, dosed=journey.dosed)
        record = VitalsRecord(reading, tuple(raised))
        what = reading.text() + (" (flagged)" if raised else "")  # the flag card says which
        self._record(EventKind.VITALS, record.to_json(self._by()), what)
        self.show_tab("Vitals")

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if problem else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def set_columns(self, columns: int, rating_columns: int = 6) -> None:
        """Lay the quick tags out in ``columns`` columns and the rating buttons in rows of
        ``rating_columns`` (more of each on a wide, low screen)."""
        for button in self.tag_buttons.values():
            self._grid.removeWidget(button)
        for n, button in enumerate(self.tag_buttons.values()):
            self._grid.addWidget(button, n // columns, n % columns)
        for scale_id, buttons in self.rating_buttons.items():
            row = self._rating_rows[scale_id]
            per_row = min(rating_columns, len(buttons))
            for button in buttons.values():
                row.removeWidget(button)
            for n, button in enumerate(buttons.values()):
                row.addWidget(button, n // per_row, n % per_row)

    def show_tab(self, name: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == name:
                self.tabs.setCurrentIndex(index)

    def type_into_note(self, text: str) -> None:
        """The first key of a note typed anywhere on the journey screen; nothing while the
        panel is not on screen (preparation on a small screen): never into a hidden box."""
        if not self.isVisible():
            return
        self.show_tab("Notes")
        self.note.setFocus()
        self.note.insert(text)
