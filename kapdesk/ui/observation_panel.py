"""The observation column of the journey screen: one-tap tags, a note one key away, one-tap
ratings, and the vital-signs checks the protocol asks for, with a soft cue when one is due and a
stronger one when it is overdue. Nothing here makes a sound.

What staff record is a journey event, written by the recorder's own thread: the panel says
"Saving…" at once and "Saved" only when the recorder says its row is committed (an entry kept on
this PC while offline says so until it is delivered; one set aside or waiting for the disk says
"Not saved" and why, and kapdesk holds it in memory until it can be written).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, JourneyError, JourneyEvent
from kapdesk.core.observations import SCALES, note_data, rating_data, tag_words
from kapdesk.core.staff import Action
from kapdesk.core.timefmt import minutes_text
from kapdesk.core.units import Units
from kapdesk.core.vitals import (
    CheckState,
    CheckStatus,
    Reading,
    VitalsRecord,
    check_statuses,
    flags,
    planned_checks,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template, joined
from kapdesk.ui import formats, theme
from kapdesk.ui.crossing import crossing
from kapdesk.ui.vitals_dialog import VitalsDialog
from kapdesk.ui.widgets import (
    SWITCH_HINT,
    ActionButton,
    ElidedLabel,
    WholeLabel,
    card,
    in_place_of,
    label,
)
from kapdesk.ui.words import say, say_button, words_of

if TYPE_CHECKING:
    from kapdesk.storage.journeys import OpenJourney


VITAL_SIGNS = QT_TRANSLATE_NOOP("ObservationPanel", "Vital signs")
RECORD_VITALS = QT_TRANSLATE_NOOP("ObservationPanel", "Record vital signs")
NOTE_HINT = QT_TRANSLATE_NOOP(
    "ObservationPanel", "Note: start typing anywhere on this screen; Enter saves"
)
CHECK = QT_TRANSLATE_NOOP("ObservationPanel", "{check} {when}")
CHECK_LATE = QT_TRANSLATE_NOOP("ObservationPanel", "{check} {when}, {late} late")
OVERDUE_CUE = QT_TRANSLATE_NOOP("ObservationPanel", "Vital signs overdue: {check}")
DUE_CUE = QT_TRANSLATE_NOOP("ObservationPanel", "Vital signs due: {check}")
OVERDUE_LINE = QT_TRANSLATE_NOOP("ObservationPanel", "Overdue: {check}")
DUE_LINE = QT_TRANSLATE_NOOP("ObservationPanel", "Due now: {check}")
MORE_NOT_TAKEN = QT_TRANSLATE_NOOP(
    "ObservationPanel",
    "and %n more check not taken|and %n more checks not taken",
)
NEXT = QT_TRANSLATE_NOOP("ObservationPanel", "Next: {check}")
NO_MORE_CHECKS = QT_TRANSLATE_NOOP("ObservationPanel", "No more checks planned")
DONE = QT_TRANSLATE_NOOP("ObservationPanel", "{done} of {total} done")
LAST_READING = QT_TRANSLATE_NOOP("ObservationPanel", "Last: {at}  {reading}")
NO_READING = QT_TRANSLATE_NOOP("ObservationPanel", "No reading yet")
SAVED = QT_TRANSLATE_NOOP("ObservationPanel", "Saved {at}: {what}")
KEPT = QT_TRANSLATE_NOOP("ObservationPanel", "Kept on this PC {at} (offline): {what}")
NOT_SAVED = QT_TRANSLATE_NOOP("ObservationPanel", "{what}: {problem}")
NOT_SAVED_YET = QT_TRANSLATE_NOOP("ObservationPanel", "Not saved yet.")
SAVING = QT_TRANSLATE_NOOP("ObservationPanel", "Saving… {what}")
FLAGGED = QT_TRANSLATE_NOOP("ObservationPanel", "{reading} (flagged)")
RATING_TIP = QT_TRANSLATE_NOOP("ObservationPanel", "{scale}: {words}")
# Not words: a line's colour and the pieces of a line that hold only what was written or read.
_BOLD = Template("Markup", "<b style='color:{colour}'>{words}</b>")
_SPAN = Template("Markup", "<span style='color:{colour}'>{words}</span>")
_AT = Template("Markup", "{at}  {words}")
_TWO = Template("Markup", "{first} {rest}")
_TAGGED = Template("Markup", "[{tags}]")
_REFUSED = Template("Markup", "{refusal}. {hint}")
_SENTENCE = Template("Markup", "{words}.")  # a refusal's clause as a sentence of its own


def _capital(words: str) -> str:
    """``words`` with a capital first letter, the rest as said."""
    return words[:1].upper() + words[1:]


def _check_words(status: CheckStatus) -> str:
    """``Every 15 minutes at 30 min`` and, when overdue, ``, 7 min late``."""
    check = status.check
    if status.state is CheckState.OVERDUE and status.late_by:
        late = minutes_text(round(status.late_by / 60))
        return CHECK_LATE.format(check=check.label, when=check.when_text(), late=late)
    return CHECK.format(check=check.label, when=check.when_text())


def vitals_cue(statuses: Sequence[CheckStatus]) -> tuple[str, str]:
    """The header's cue: the first overdue check, else the first one due, in words, and its
    level ("overdue", "due"); ("", "") when none is."""
    for state, words, level in (
        (CheckState.OVERDUE, OVERDUE_CUE, "overdue"),
        (CheckState.DUE, DUE_CUE, "due"),
    ):
        status = next((s for s in statuses if s.state is state), None)
        if status is not None:
            return words.format(check=_check_words(status)), level
    return "", ""


def _tags_text(tags: Sequence[str]) -> str:
    """``[Calm, Talking]``: kapdesk's own tags in the language spoken."""
    return _TAGGED.format(tags=joined([tag_words(t) for t in tags], ", ", "Markup"))


class _FlowLayout(QLayout):
    """Buttons left to right, onto the next line when the line is full: the quick tags fit
    whatever the column's width, each whole."""

    def __init__(self, spacing: int) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, line = rect.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


class ObservationPanel(QWidget):
    """Notes, ratings and vital signs for the session on the journey screen: a column beside
    the timer and the phase, with nothing on a tab. The vital-signs card and the note box are
    always in view; the quick tags, the ratings and whatever the screen adds under them
    (:meth:`add_below`) scroll when the screen is low."""

    cue_changed = Signal(
        object, str
    )  # the vitals cue in words, and its level: "", "due", "overdue"
    # The recorder's threads say an entry was saved or kept, or how saving stands: queued over
    # to the window's thread.
    entry_heard = Signal(object)
    RECENT_NOTES = 2  # the last notes shown under the note box
    MORE_DUE_SHOWN = 1  # checks due or overdue listed under the cue; the rest are counted

    def __init__(
        self, tags: Sequence[str], parent: QWidget | None = None, *, units: Units | None = None
    ) -> None:
        super().__init__(parent)
        self.units = units if units is not None else Units()  # the clinic's: values as read
        self.current: OpenJourney | None = None
        self._last: tuple[JourneyEvent, str] | None = None  # the entry the status line is about
        self.entry_heard.connect(self._say_saving)
        self._heard = crossing(self, "entry_heard")  # what the recorder's thread calls
        self.vitals_dialog: VitalsDialog | None = None
        self.setMinimumWidth(300)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)

        self._build_vitals(outer)
        self._build_note(outer)
        self._build_more(outer, tags)

    def _build_vitals(self, outer: QVBoxLayout) -> None:
        # Vital signs: the cue when a check is due, the next one and the last reading, the button.
        vitals_card = card(self)
        vitals = QVBoxLayout(vitals_card)
        vitals.setContentsMargins(14, 8, 14, 10)
        vitals.setSpacing(4)
        heading = QHBoxLayout()
        title = label("", "section")
        say(title, VITAL_SIGNS)
        heading.addWidget(title)
        self.done_label = label("", "muted")
        self.done_label.setWordWrap(False)
        heading.addStretch()
        heading.addWidget(self.done_label)
        vitals.addLayout(heading)
        self._cue_slot = QVBoxLayout()
        self._cue_slot.setContentsMargins(0, 0, 0, 0)
        vitals.addLayout(self._cue_slot)
        self.checks_label = label("", "")
        vitals.addWidget(self.checks_label)
        self.last_reading = ElidedLabel("muted")
        vitals.addWidget(self.last_reading)
        self.vitals_button = ActionButton("", "Ctrl+B", self.request_vitals, self, primary=True)
        say_button(self.vitals_button, RECORD_VITALS)
        self.vitals_button.setMinimumHeight(48)
        vitals.addWidget(self.vitals_button)
        outer.addWidget(vitals_card)
        self.vitals_card = vitals_card

    def _build_note(self, outer: QVBoxLayout) -> None:
        # The note box, what became of the last entry, and the last notes.
        self.note = QLineEdit()
        say(self.note, NOTE_HINT, "setPlaceholderText")
        self.note.returnPressed.connect(lambda: self.save_note([]))
        outer.addWidget(self.note)
        # What became of the last entry: never cut short ("Not saved" must be read whole).
        self.status = WholeLabel("muted")
        self.status.hide()  # until there is something to say
        outer.addWidget(self.status)
        self.recent: list[ElidedLabel] = []
        for _ in range(self.RECENT_NOTES):
            line = ElidedLabel("muted")
            line.hide()
            self.recent.append(line)
            outer.addWidget(line)

    def _build_more(self, outer: QVBoxLayout, tags: Sequence[str]) -> None:
        # Quick tags and ratings (and the volume, put here by the screen): they scroll.
        self.more = QScrollArea(self)
        self.more.setWidgetResizable(True)
        self.more.setFrameShape(QFrame.Shape.NoFrame)
        self.more.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget()
        inside.setObjectName("more")
        inside.setStyleSheet("#more { background: transparent; }")
        below = QVBoxLayout(inside)
        below.setContentsMargins(0, 0, 16, 0)  # room for the scroll bar
        below.setSpacing(8)
        tags_box = QWidget()
        tags_box.setObjectName("tags")
        tags_box.setStyleSheet("#tags { background: transparent; }")
        flow = _FlowLayout(6)
        flow.setContentsMargins(0, 0, 0, 0)
        tags_box.setLayout(flow)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        tags_box.setSizePolicy(policy)
        self.tag_buttons: dict[str, QPushButton] = {}
        for tag in tags:
            button = QPushButton()
            say(button, tag_words(tag))
            button.setObjectName("note_tag")
            button.setProperty("role", "tag")
            button.clicked.connect(lambda _checked=False, t=tag: self.save_note([t]))
            self.tag_buttons[tag] = button
            flow.addWidget(button)
        below.addWidget(tags_box)
        self._build_ratings(below)
        self._below = below
        below.addStretch()
        self.more.setWidget(inside)
        # It takes the room the rest leaves, down to none: the cue, the note box and what became
        # of the last entry are never squeezed for it.
        self.more.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer.addWidget(self.more, 1)

    def _build_ratings(self, below: QVBoxLayout) -> None:
        self.rating_buttons: dict[str, dict[int, QPushButton]] = {}
        self._rating_rows: dict[str, QGridLayout] = {}
        for scale in SCALES.values():
            name = label("", "section")
            say(name, scale.name)
            below.addWidget(name)
            row = QGridLayout()
            row.setSpacing(4)
            buttons: dict[int, QPushButton] = {}
            columns = 6 if len(scale.choices) > 6 else len(scale.choices)
            for n, (value, words) in enumerate(scale.choices):
                button = QPushButton(str(value))
                button.setObjectName("rating")
                button.setProperty("role", "rating")
                say(button, RATING_TIP.format(scale=scale.name, words=words), "setToolTip")
                button.clicked.connect(
                    lambda _checked=False, s=scale.id, v=value: self.save_rating(s, v)
                )
                buttons[value] = button
                row.addWidget(button, n // columns, n % columns)
            self.rating_buttons[scale.id] = buttons
            self._rating_rows[scale.id] = row
            below.addLayout(row)

    def show_cue_in_card(self, cue: QWidget) -> None:
        """Put the screen's vital-signs cue at the top of the vital-signs card."""
        self._cue_slot.addWidget(cue)

    def add_below(self, widget: QWidget) -> None:
        """Put ``widget`` under the ratings, in the part that scrolls."""
        self._below.insertWidget(self._below.count() - 1, widget)

    # -- following a session --------------------------------------------------------------------

    def follow(self, current: OpenJourney) -> None:
        if self.current is not None:
            self.current.journey.unsubscribe(self._on_event)
            self._listen_to(self.current, listen=False)
        self.current = current
        current.journey.subscribe(self._on_event)
        self._listen_to(current, listen=True)
        say(self.status, "")
        self.status.hide()
        self.note.clear()
        self.refresh()

    def _on_event(self, event: JourneyEvent) -> None:
        if event.kind in (
            EventKind.VITALS,
            EventKind.NOTE,
            EventKind.AMENDMENT,
            EventKind.PHASE,
            EventKind.DOSE,
            EventKind.CLOSED,
        ):
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
        cued = next((s for s in statuses if s.state is CheckState.OVERDUE), None) or next(
            (s for s in statuses if s.state is CheckState.DUE), None
        )
        lines: list[str] = []
        waiting = [
            s for s in statuses if s is not cued and s.state in (CheckState.OVERDUE, CheckState.DUE)
        ]  # the cue above the card's lines says the first already
        for status in waiting[: self.MORE_DUE_SHOWN]:
            what = _check_words(status)
            if status.state is CheckState.OVERDUE:
                words = OVERDUE_LINE.format(check=what)
                lines.append(_BOLD.format(colour=theme.PROBLEM, words=words))
            else:
                words = DUE_LINE.format(check=what)
                lines.append(_SPAN.format(colour=theme.OVERRUN, words=words))
        if len(waiting) > self.MORE_DUE_SHOWN:  # the timeline lists them all
            count = len(waiting) - self.MORE_DUE_SHOWN
            more = MORE_NOT_TAKEN.format(count=count)
            lines.append(_BOLD.format(colour=theme.PROBLEM, words=more))
        cue, level = vitals_cue(statuses)
        upcoming = next((s for s in statuses if s.state is CheckState.UPCOMING), None)
        if upcoming is not None:
            check = upcoming.check
            lines.append(NEXT.format(check=CHECK.format(check=check.label, when=check.when_text())))
        elif cued is None and not lines:
            lines.append(NO_MORE_CHECKS)
        done = sum(1 for s in statuses if s.state is CheckState.DONE)
        say(self.done_label, DONE.format(done=done, total=len(statuses)))
        say(self.last_reading, self._last_reading())
        self._show_recent_notes()
        say(self.checks_label, joined(lines, "<br>", "Markup"))
        self.checks_label.setVisible(bool(lines))
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
            said = words_of(exc)  # the core's words, said as it says them
            if not isinstance(said, Said):
                self._say(said.capitalize() + ".", problem=True)
            elif said.endswith("."):
                self._say(said, problem=True)
            else:  # a clause: a sentence in whichever language is spoken
                self._say(_SENTENCE.format(words=said), problem=True, shaped=_capital)
            return False
        self._last = (event, what)
        self._say_saving()
        return True

    def _listen_to(self, current: OpenJourney, *, listen: bool) -> None:
        recorder, heard = current.recorder, self._heard
        if listen:
            recorder.on_saved(heard)
            recorder.on_kept(heard)
            recorder.on_status(heard)
        else:
            recorder.off_saved(heard)
            recorder.off_kept(heard)
            recorder.off_status(heard)

    def _say_saving(self, _heard: object = None) -> None:
        """How the last entry recorded here stands: saving, saved, kept on this PC, or not."""
        if self.current is None or self._last is None:
            return
        event, what = self._last
        recorder = self.current.recorder
        at = formats.time(event.wall)
        if recorder.is_saved(event):
            self._say(SAVED.format(at=at, what=what))  # committed: in the record
        elif recorder.is_kept(event) and not recorder.memory_only:
            # On this PC's disk, waiting for the server: kept, and the banner says why.
            self._say(KEPT.format(at=at, what=what))
        elif recorder.memory_only or not recorder.waits(event):  # held in memory, or set aside
            problem = recorder.problem or NOT_SAVED_YET
            self._say(NOT_SAVED.format(what=what, problem=problem), problem=True)
        else:
            self._say(SAVING.format(what=what))

    def save_note(self, tags: list[str]) -> None:
        try:
            data = note_data(self.note.text(), tags, self._by())
        except ValueError as exc:
            self._say(words_of(exc), problem=True)
            return
        text = str(data["text"])
        what: str = text
        if tags:
            what = _TWO.format(first=_tags_text(tags), rest=text) if text else _tags_text(tags)
        if self._record(EventKind.NOTE, data, what):
            self.note.clear()

    def save_rating(self, scale: str, value: int) -> None:
        data = rating_data(scale, value, self._by())
        self._record(EventKind.RATING, data, _TWO.format(first=SCALES[scale].name, rest=value))

    def request_vitals(self) -> None:
        if self.current is None or self.current.journey.closed:
            return
        refusal = self.current.journey.refusal(Action.OBSERVE)
        if refusal:  # said before the form is filled in, not after
            self._say(_REFUSED.format(refusal=refusal, hint=SWITCH_HINT), problem=True)
            return
        measures = self.current.journey.protocol.vitals.measures
        dialog = VitalsDialog(measures, parent=self, units=self.units)
        dialog.accepted.connect(lambda: self._vitals_accepted(dialog))
        self.vitals_dialog = in_place_of(self.vitals_dialog, dialog)
        dialog.open()

    def _vitals_accepted(self, dialog: VitalsDialog) -> None:
        if self.current is None or dialog.checked is None:
            return
        journey = self.current.journey
        reading = dialog.checked.reading
        raised = flags(reading, journey.protocol.thresholds, dosed=journey.dosed)
        record = VitalsRecord(reading, tuple(raised))
        what = reading.text(self.units)
        if raised:  # the flag card says which
            what = FLAGGED.format(reading=what)
        self._record(EventKind.VITALS, record.to_json(self._by()), what)

    def _say(
        self, text: str, *, problem: bool = False, shaped: Callable[[str], str] | None = None
    ) -> None:
        say(self.status, text, shaped=shaped)
        self.status.setVisible(bool(text))
        self.status.setProperty("role", "error" if problem else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def set_columns(self, rating_columns: int) -> None:
        """Lay the rating buttons out in rows of ``rating_columns`` (all in one row in a wide
        column)."""
        for scale_id, buttons in self.rating_buttons.items():
            row = self._rating_rows[scale_id]
            per_row = min(rating_columns, len(buttons))
            for button in buttons.values():
                row.removeWidget(button)
            for n, button in enumerate(buttons.values()):
                row.addWidget(button, n // per_row, n % per_row)

    def _last_reading(self) -> str:
        """``Last: 10:42  BP 128/82 mmHg, HR 74/min`` (as corrected), or that there is none."""
        assert self.current is not None
        journey = self.current.journey
        for seq in range(len(journey.events) - 1, -1, -1):
            event = journey.events[seq]
            if event.kind is EventKind.VITALS:
                values = journey.corrected(seq).get("values")
                reading = Reading.from_values(values if isinstance(values, Mapping) else {})
                at = formats.time(event.wall)
                return LAST_READING.format(at=at, reading=reading.text(self.units))
        return NO_READING

    def _show_recent_notes(self) -> None:
        """The last notes, newest first: what was written is in view as it is written."""
        assert self.current is not None
        journey = self.current.journey
        newest: list[int] = []  # from the end: a long session's earlier notes are not read
        for index in range(len(journey.events) - 1, -1, -1):
            if journey.events[index].kind is EventKind.NOTE:
                newest.append(index)
                if len(newest) == self.RECENT_NOTES:
                    break
        for line, seq in zip(self.recent, [*newest, None, None], strict=False):
            if seq is None:
                line.hide()
                continue
            event = journey.events[seq]
            data = journey.corrected(seq)  # a corrected note reads as corrected, as elsewhere
            tags = [str(t) for t in data.get("tags", ())]
            text = str(data.get("text", ""))
            said = joined(([_tags_text(tags)] if tags else []) + ([text] if text else []), " ")
            say(line, _AT.format(at=formats.time(event.wall), words=said))
            line.show()

    def type_into_note(self, text: str) -> bool:
        """The first key of a note typed anywhere on the journey screen; only ever into the
        note box when it is on screen and open (False: the key went nowhere)."""
        if not (self.note.isVisible() and self.note.isEnabled()):
            return False
        self.note.setFocus()
        self.note.insert(text)
        return True
