"""Session set-up: the patient's clinic code, the protocol and who sits the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.loudness import DEFAULT_TARGET
from kapdesk.core.loudness_words import soundtrack_note
from kapdesk.core.protocols import Protocol
from kapdesk.core.soundtrack import Soundtrack, coverage
from kapdesk.core.timefmt import minutes_text
from kapdesk.core.units import LANGUAGE_NAMES, LANGUAGES
from kapdesk.core.wall_text import Day
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.ui import formats
from kapdesk.ui.backup_section import CalmNotice
from kapdesk.ui.language import spoken
from kapdesk.ui.widgets import ActionButton, label
from kapdesk.ui.words import redraw_when_spoken, say, say_button, translated

if TYPE_CHECKING:
    from kapdesk.storage.courses import CourseInfo
    from kapdesk.ui.storage_ops import StorageOps

DEFAULT_COURSE_SESSIONS = 6  # a course is often six sessions over two to three weeks
COURSE_LOOKUP_MS = 250
HANDOUT_HEADING = QT_TRANSLATE_NOOP("SetupView", "HANDOUT LANGUAGE")
NO_SOUND = QT_TRANSLATE_NOOP("SetupView", "No sound")
NEW_COURSE = QT_TRANSLATE_NOOP("SetupView", "New course of")
NO_COURSE = QT_TRANSLATE_NOOP("SetupView", "Not part of a course")
JOIN_COURSE = QT_TRANSLATE_NOOP("SetupView", "Course from {day}: session {number} of {planned}")
SESSIONS_SUFFIX = QT_TRANSLATE_NOOP("SetupView", " sessions")
# A protocol in the list: its name (from its file, as it is) over what it holds.
PROTOCOL = QT_TRANSLATE_NOOP(
    "SetupView",
    "{name}\n{route} · %n phase · {planned}|{name}\n{route} · %n phases · {planned}",
)
PROTOCOL_ROOM = QT_TRANSLATE_NOOP(
    "SetupView",
    "{name}\n{route} · %n phase · {planned} · at least {room} in the room|"
    "{name}\n{route} · %n phases · {planned} · at least {room} in the room",
)
FILES_NOT_USED = QT_TRANSLATE_NOOP(
    "SetupView",
    "Some of the clinic's files could not be used (kapdesk's own stand in for them): {problems}",
)
# What the soundtrack plays against the protocol's phases, said before the session starts.
SILENCE = QT_TRANSLATE_NOOP("SetupView", "Silence: no bed and no music.")
BED = QT_TRANSLATE_NOOP("SetupView", "Bed: {title}")
NO_BED = QT_TRANSLATE_NOOP("SetupView", "No bed")
BED_NO_MUSIC = QT_TRANSLATE_NOOP("SetupView", "{bed}; no music")
BED_MUSIC = QT_TRANSLATE_NOOP("SetupView", "{bed}. {stretches}")
COVERAGE = QT_TRANSLATE_NOOP("SetupView", "{coverage}.")
COVERAGE_LOUDNESS = QT_TRANSLATE_NOOP("SetupView", "{coverage}. Loudness: {note}.")
NO_CODE = QT_TRANSLATE_NOOP("SetupView", "Enter the patient's clinic code.")
NO_PROTOCOL = QT_TRANSLATE_NOOP("SetupView", "Pick the protocol for this session.")


class SetupView(QWidget):
    """Picks (or types) the patient, picks the protocol and the sitter, and opens the session."""

    open_requested = Signal(str, str, str, int)  # clinic code, protocol id, sitter, soundtrack
    history_requested = Signal()
    library_requested = Signal()
    followups_requested = Signal()
    staff_requested = Signal()
    courses_loaded = Signal()  # the patient's courses are in the Course list

    def __init__(self, ops: StorageOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._courses_for: str | None = None  # the code whose courses are being read
        self._open_when_known = False  # Open was pressed while they were
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 28, 40, 28)
        outer.setSpacing(12)
        # In the order staff fill the page, top to bottom.
        self._build_header(outer)
        # For an admin only: backups need a look (the window says when, and to whom).
        self.backup_notice = CalmNotice(self)
        outer.addWidget(self.backup_notice)
        self._build_patient_part(outer)
        self._build_protocol_part(outer)
        self._build_people_part(outer)
        self._build_course_lookup()
        self.target_loudness = DEFAULT_TARGET  # the clinic's (clinic.toml), set by the window
        self.coverage = label("", "muted")
        outer.addWidget(self.coverage)
        self._protocols: dict[str, Protocol] = {}
        self._soundtracks: list[Soundtrack] = []
        self.protocols.currentRowChanged.connect(lambda _row: self._show_coverage())
        self._build_actions(outer)
        self._said: dict[QWidget, list[str]] = {}  # each list's and box's items, in English
        redraw_when_spoken(self._say_items_again)

    def _build_header(self, outer: QVBoxLayout) -> None:
        """The page's title and the buttons to the other pages."""
        header = QHBoxLayout()
        title = label("", "title")
        say(title, QT_TRANSLATE_NOOP("SetupView", "New session"))
        # On two lines rather than cut when a language's longer button words need the room.
        title.setWordWrap(True)
        header.addWidget(title, 1)
        self.history_button = ActionButton("", "Ctrl+H", self.history_requested.emit, self)
        say_button(self.history_button, QT_TRANSLATE_NOOP("SetupView", "Past sessions"))
        self.library_button = ActionButton("", "Ctrl+L", self.library_requested.emit, self)
        say_button(self.library_button, QT_TRANSLATE_NOOP("SetupView", "Library"))
        self.followups_button = ActionButton("", "Ctrl+F", self.followups_requested.emit, self)
        say_button(self.followups_button, QT_TRANSLATE_NOOP("SetupView", "Follow-ups"))
        self.staff_button = ActionButton("", "Ctrl+K", self.staff_requested.emit, self)
        say_button(self.staff_button, QT_TRANSLATE_NOOP("SetupView", "Staff"))
        # Where else to go: compact, so the four fit beside the title on a 1024-wide screen.
        for button in (
            self.staff_button,
            self.followups_button,
            self.library_button,
            self.history_button,
        ):
            button.setProperty("role", "compact")
            header.addWidget(button)
        outer.addLayout(header)

    def _build_patient_part(self, outer: QVBoxLayout) -> None:
        """The patient's clinic code, typed or picked, and the language of their handout."""
        patient = QGridLayout()
        patient.setHorizontalSpacing(20)
        patient.setVerticalSpacing(6)
        code_heading = label("", "section")
        say(code_heading, QT_TRANSLATE_NOOP("SetupView", "PATIENT CLINIC CODE"))
        patient.addWidget(code_heading, 0, 0)
        self.patient = QComboBox()
        self.patient.setEditable(True)
        self.patient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.patient.lineEdit()
        assert line is not None
        say(
            line,
            QT_TRANSLATE_NOOP("SetupView", "Type or pick the code, e.g. P-0042"),
            "setPlaceholderText",
        )
        line.returnPressed.connect(self.submit)
        patient.addWidget(self.patient, 1, 0)
        handout = label("", "section")
        say(handout, HANDOUT_HEADING)
        patient.addWidget(handout, 0, 1)
        self.handout = QComboBox()  # the language the patient's handout prints in
        for code in LANGUAGES:
            self.handout.addItem(LANGUAGE_NAMES[code], code)
        patient.addWidget(self.handout, 1, 1)
        patient.setColumnStretch(0, 3)
        patient.setColumnStretch(1, 1)
        outer.addLayout(patient)

    def _build_protocol_part(self, outer: QVBoxLayout) -> None:
        """The list of protocols, and what is wrong with any that could not be read."""
        heading = label("", "section")
        say(heading, QT_TRANSLATE_NOOP("SetupView", "PROTOCOL"))
        outer.addWidget(heading)
        self.protocols = QListWidget()
        self.protocols.itemActivated.connect(lambda _item: self.submit())
        outer.addWidget(self.protocols, 1)
        self.protocol_problems = label("", "error")
        self.protocol_problems.hide()
        outer.addWidget(self.protocol_problems)

    def _build_people_part(self, outer: QVBoxLayout) -> None:
        """The sitter, the soundtrack and the course, side by side."""
        people = QGridLayout()
        people.setHorizontalSpacing(20)
        people.setVerticalSpacing(6)
        sitter = label("", "section")
        say(sitter, QT_TRANSLATE_NOOP("SetupView", "SITTER"))
        people.addWidget(sitter, 0, 0)
        self.sitter = QComboBox()
        self.sitter.setEditable(True)
        self.sitter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sitter_line = self.sitter.lineEdit()
        assert sitter_line is not None
        say(
            sitter_line,
            QT_TRANSLATE_NOOP("SetupView", "Who sits with the patient"),
            "setPlaceholderText",
        )
        sitter_line.returnPressed.connect(self.submit)
        people.addWidget(self.sitter, 1, 0)
        soundtrack = label("", "section")
        say(soundtrack, QT_TRANSLATE_NOOP("SetupView", "SOUNDTRACK"))
        people.addWidget(soundtrack, 0, 1)
        self.soundtrack = QComboBox()
        self.soundtrack.currentIndexChanged.connect(lambda _index: self._soundtrack_picked())
        self._soundtrack_by_hand = False  # a soundtrack was picked since the page opened
        people.addWidget(self.soundtrack, 1, 1)
        course = label("", "section")
        say(course, QT_TRANSLATE_NOOP("SetupView", "COURSE"))
        people.addWidget(course, 0, 2)
        people.addLayout(self._build_course_row(), 1, 2)
        people.setColumnStretch(0, 1)
        people.setColumnStretch(1, 1)
        people.setColumnStretch(2, 1)
        outer.addLayout(people)

    def _build_course_row(self) -> QHBoxLayout:
        """The course this session belongs to, and how many sessions it holds."""
        course_row = QHBoxLayout()
        self.course = QComboBox()
        self.course.currentIndexChanged.connect(lambda _index: self._course_picked())
        self._course_by_hand: object = None  # the choice staff made for this patient, if any
        course_row.addWidget(self.course, 1)
        self.course_size = QSpinBox()
        self.course_size.setRange(1, 50)
        self.course_size.setValue(DEFAULT_COURSE_SESSIONS)
        say(self.course_size, SESSIONS_SUFFIX, "setSuffix")
        course_row.addWidget(self.course_size)
        return course_row

    def _build_course_lookup(self) -> None:
        """Looks the patient's courses up once typing pauses, not on every key."""
        self.courses_of: Callable[[str], list[CourseInfo]] | None = None
        self._course_lookup = QTimer(self)
        self._course_lookup.setSingleShot(True)
        self._course_lookup.setInterval(COURSE_LOOKUP_MS)
        self._course_lookup.timeout.connect(self._load_courses)
        self.patient.currentTextChanged.connect(lambda _text: self._patient_typed())

    def _build_actions(self, outer: QVBoxLayout) -> None:
        """The error line and the Open session button at the foot of the page."""
        self.error = label("", "error")
        self.error.hide()
        outer.addWidget(self.error)

        actions = QHBoxLayout()
        actions.addStretch()
        self.open_button = ActionButton("", "Ctrl+Return", self.submit, self, primary=True)
        say_button(self.open_button, QT_TRANSLATE_NOOP("SetupView", "Open session"))
        self.open_button.setMinimumHeight(64)
        actions.addWidget(self.open_button)
        outer.addLayout(actions)

    def load(
        self,
        protocols: list[Protocol],
        patient_codes: list[str],
        staff: list[str],
        problems: list[str],
        soundtracks: list[Soundtrack] | None = None,
    ) -> None:
        """Fill the choices; keeps nothing typed from a previous session."""
        self._protocols = {p.id: p for p in protocols}
        self._soundtracks = list(soundtracks or [])
        self.soundtrack.blockSignals(True)
        self.soundtrack.clear()
        for soundtrack in self._soundtracks:
            self.soundtrack.addItem(soundtrack.name)
        self.soundtrack.addItem(translated(NO_SOUND))
        self.soundtrack.setCurrentIndex(0)
        self.soundtrack.blockSignals(False)
        # The handout in the language kapdesk speaks (the clinic's) unless the patient asks.
        self.handout.setCurrentIndex(max(0, self.handout.findData(spoken())))
        self._soundtrack_by_hand = False
        self.protocols.clear()
        protocol_words = []
        for protocol in protocols:
            words = _protocol_words(protocol)
            protocol_words.append(words)
            item = QListWidgetItem(translated(words))
            item.setData(Qt.ItemDataRole.UserRole, protocol.id)
            self.protocols.addItem(item)
        self._said[self.protocols] = protocol_words
        if protocols:
            self.protocols.setCurrentRow(0)
        self.patient.clear()
        self.patient.addItems(patient_codes)
        self.patient.setCurrentText("")
        self.sitter.clear()
        self.sitter.addItems(staff)
        self.sitter.setCurrentText("")
        say(
            self.protocol_problems,
            FILES_NOT_USED.format(problems=joined(problems, "; ", "SetupView")) if problems else "",
        )
        self.protocol_problems.setVisible(bool(problems))
        self.error.hide()
        self._show_coverage()
        self._load_courses()
        self.patient.setFocus()

    def load_choices(
        self,
        people: Callable[[], tuple[list[str], list[str]]],
        soundtracks: Callable[[], list[Soundtrack]],
        bundled: list[Soundtrack],
        then: Callable[[list[Soundtrack]], None],
    ) -> None:
        """Read the patient codes and staff names (``people``) and the library's soundtracks
        off the window's thread, and fill them in as they come, keeping what staff typed or
        picked meanwhile; ``then`` hears the soundtracks offered (kapdesk's own ``bundled``
        alone when the library cannot be read)."""

        def fill_soundtracks(found: list[Soundtrack]) -> None:
            self._fill_soundtracks(found)
            then(found)

        self.ops.run(
            people, self._fill_people, what=QT_TRANSLATE_NOOP("SetupView", "Patient codes")
        )
        self.ops.run(
            lambda: soundtracks() + bundled,
            fill_soundtracks,
            failed=lambda _text: fill_soundtracks(list(bundled)),  # the banner says why
            what=QT_TRANSLATE_NOOP("SetupView", "Soundtracks"),
        )

    def _fill_people(self, found: tuple[list[str], list[str]]) -> None:
        for box, items in zip((self.patient, self.sitter), found, strict=True):
            line = box.lineEdit()
            typed = box.currentText()
            cursor = line.cursorPosition() if line is not None else 0
            box.blockSignals(True)
            box.clear()
            box.addItems(items)
            box.setCurrentText(typed)
            if line is not None:
                line.setCursorPosition(cursor)
            box.blockSignals(False)

    def _fill_soundtracks(self, soundtracks: list[Soundtrack]) -> None:
        chosen = self.soundtrack.currentText() if self._soundtrack_by_hand else ""
        self._soundtracks = list(soundtracks)
        self.soundtrack.blockSignals(True)
        self.soundtrack.clear()
        for soundtrack in self._soundtracks:
            self.soundtrack.addItem(soundtrack.name)
        self.soundtrack.addItem(translated(NO_SOUND))
        kept = self.soundtrack.findText(chosen) if chosen else -1
        self.soundtrack.setCurrentIndex(max(kept, 0))
        self.soundtrack.blockSignals(False)
        self._show_coverage()

    def _soundtrack_picked(self) -> None:
        self._soundtrack_by_hand = True
        self._show_coverage()

    def chosen_soundtrack(self) -> Soundtrack | None:
        index = self.soundtrack.currentIndex()
        return self._soundtracks[index] if 0 <= index < len(self._soundtracks) else None

    def _show_coverage(self) -> None:
        """Per phase, whether the music lasts: the sitter sees a short phase before starting."""
        soundtrack = self.chosen_soundtrack()
        item = self.protocols.currentItem() if self.protocols.currentRow() >= 0 else None
        protocol = self._protocols.get(str(item.data(Qt.ItemDataRole.UserRole))) if item else None
        if soundtrack is None or protocol is None:
            say(self.coverage, SILENCE if soundtrack is None else "")
            return
        bed = BED.format(title=soundtrack.bed.title) if soundtrack.bed else NO_BED
        stretches = coverage(soundtrack, protocol)
        if all(stretch.playlist is None for stretch in stretches) and soundtrack.settling is None:
            text = BED_NO_MUSIC.format(bed=bed)
        else:
            said = joined([stretch.text() for stretch in stretches], "; ", "SetupView")
            text = BED_MUSIC.format(bed=bed, stretches=said)
        # Where the sitter looks before starting: sounds that will not be at the clinic's level.
        note = soundtrack_note(soundtrack, self.target_loudness)
        say(
            self.coverage,
            COVERAGE_LOUDNESS.format(coverage=text, note=note)
            if note
            else COVERAGE.format(coverage=text),
        )

    def _load_courses(self) -> None:
        """Look the patient's open courses up, off the window's thread."""
        code = self.patient.currentText().strip()
        courses_of = self.courses_of
        if not code or courses_of is None:
            self._courses_for = None
            self._show_courses([])
            return
        self._courses_for = code
        self.ops.run(
            lambda: [course for course in courses_of(code) if course.open],
            self._show_courses,
            failed=lambda _text: self._show_courses([]),  # the banner says why
            what=QT_TRANSLATE_NOOP("SetupView", "The patient's courses"),
        )

    def _show_courses(self, found: list[CourseInfo]) -> None:
        """The patient's open courses to join, or a new one to start, or none."""
        self._courses_for = None
        self.course.blockSignals(True)
        self.course.clear()
        course_words: list[str] = []
        for course in found:
            words = JOIN_COURSE.format(
                day=formats.day(course.started_at, Day.DAY_MONTH),
                number=course.sessions_held + 1,
                planned=course.planned_sessions,
            )
            course_words.append(words)
            self.course.addItem(translated(words), ("join", course.id))
        course_words += [NEW_COURSE, NO_COURSE]
        self.course.addItem(translated(NEW_COURSE), ("new", 0))
        self.course.addItem(translated(NO_COURSE), ("none", 0))
        self._said[self.course] = course_words
        kept = self.course.findData(self._course_by_hand) if self._course_by_hand else -1
        default = 0 if found else self.course.count() - 1
        self.course.setCurrentIndex(kept if kept >= 0 else default)
        self.course.blockSignals(False)
        self._show_course_size()
        self.courses_loaded.emit()
        if self._open_when_known:  # Open was pressed while the courses were looked up
            self._open_when_known = False
            if self.isVisible():  # and staff are still here
                self.submit()

    def _patient_typed(self) -> None:
        self._course_by_hand = None  # another patient: their own courses decide
        self._course_lookup.start()

    def _course_picked(self) -> None:
        self._course_by_hand = self.course.currentData()
        self._show_course_size()

    def _show_course_size(self) -> None:
        self.course_size.setVisible(self.course_choice()[0] == "new")

    def course_choice(self) -> tuple[str, int]:
        """("join", course id), ("new", planned sessions) or ("none", 0)."""
        data = self.course.currentData()
        if not isinstance(data, tuple):
            return ("none", 0)
        kind, value = data
        if kind == "new":
            return ("new", self.course_size.value())
        return (str(kind), int(value))

    def handout_language(self) -> str:
        """The language chosen for the patient's handout: "en", "es" or "fr"."""
        return str(self.handout.currentData() or "")

    def show_error(self, message: str) -> None:
        say(self.error, message)
        self.error.show()

    def submit(self) -> None:
        if self._course_lookup.isActive():  # typed and opened at once: look the course up now
            self._course_lookup.stop()
            self._load_courses()
        if self._courses_for is not None:  # the session joins the course found: open after
            self._open_when_known = True
            return
        code = self.patient.currentText().strip()
        item = self.protocols.currentItem() if self.protocols.currentRow() >= 0 else None
        if not code:
            self.show_error(NO_CODE)
            self.patient.setFocus()
            return
        if item is None:
            self.show_error(NO_PROTOCOL)
            self.protocols.setFocus()
            return
        self.error.hide()
        chosen = self.soundtrack.currentIndex()
        self.open_requested.emit(
            code,
            str(item.data(Qt.ItemDataRole.UserRole)),
            self.sitter.currentText().strip(),
            chosen if 0 <= chosen < len(self._soundtracks) else -1,
        )

    def _say_items_again(self) -> None:
        """The protocols' and courses' lines and "No sound" in the language now spoken (the
        soundtracks' names are the library's, as they are)."""
        for index, words in enumerate(self._said.get(self.protocols, [])):
            item = self.protocols.item(index)
            if item is not None:
                item.setText(translated(words))
        for index, words in enumerate(self._said.get(self.course, [])):
            if index < self.course.count():
                self.course.setItemText(index, translated(words))
        if self.soundtrack.count() > len(self._soundtracks):  # "No sound", last
            self.soundtrack.setItemText(len(self._soundtracks), translated(NO_SOUND))


def _protocol_words(protocol: Protocol) -> str:
    """A protocol's line in the list: its name over its route, phases and length (and its
    monitoring time, if it says one)."""
    values = {
        "name": protocol.name,
        "route": protocol.route,
        "count": len(protocol.phases),
        "planned": minutes_text(protocol.planned_minutes),
    }
    if protocol.monitoring_minutes:
        return PROTOCOL_ROOM.format(room=minutes_text(protocol.monitoring_minutes), **values)
    return PROTOCOL.format(**values)
