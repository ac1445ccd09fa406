"""Which page is on screen: set-up, the journey, the record, past sessions, the timeline,
integration, the course, follow-ups, the staff page, and the sessions opened from them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QWidget,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.room_pc import autostart_exists
from kapdesk.storage.errors import StorageError
from kapdesk.ui.banner import NEWS, NOTICE, PAGE
from kapdesk.ui.window_parts import WindowParts
from kapdesk.ui.words import say, translated, words_of

if TYPE_CHECKING:
    from kapdesk.core.soundtrack import Soundtrack
    from kapdesk.printing import Printer
    from kapdesk.reports.pages import Printed
    from kapdesk.storage.journeys import OpenJourney

log = logging.getLogger(__name__)

WHO_SITS = QT_TRANSLATE_NOOP("PageRoutes", "Who sits with the patient")
WHO_SITS_OR = QT_TRANSLATE_NOOP("PageRoutes", "Who sits with the patient (empty: {name})")
NO_PROTOCOL = QT_TRANSLATE_NOOP("PageRoutes", "That protocol is no longer available; pick another.")
SIGN_IN_FIRST = QT_TRANSLATE_NOOP("PageRoutes", "Sign in first (Ctrl+Shift+L).")
SAID_SO = QT_TRANSLATE_NOOP("PageRoutes", "{problem}.")
TRY_AGAIN = QT_TRANSLATE_NOOP("PageRoutes", "{problem}. Try again.")
ADD_LATER = QT_TRANSLATE_NOOP(
    "PageRoutes", "{problem}. The session is open; add it to the course later."
)
DEFAULTS_APPLY = QT_TRANSLATE_NOOP("PageRoutes", "{problem} (kapdesk's defaults apply)")
KEPT_IN = QT_TRANSLATE_NOOP("PageRoutes", "Kept in {file}.")
# Two sentences, one after the other: no words of its own, the same in every language.
ONE_THEN_OTHER = Template("PageRoutes", "{first} {second}")
FILE_PROBLEM = Template("PageRoutes", "{source}: {problem}")  # no words of its own
COURSE_TEXT = QT_TRANSLATE_NOOP("PageRoutes", "Session {number} of {total}")
THE_COURSE = QT_TRANSLATE_NOOP("PageRoutes", "The course")
AWAKE_REASON = QT_TRANSLATE_NOOP("PageRoutes", "A ketamine-assisted therapy session is running")
CHECK_POWER = QT_TRANSLATE_NOOP(
    "PageRoutes", "{problems} Check the PC's power settings during this session."
)


class PageRoutes(WindowParts):
    """The main window's page routing and the sessions it opens."""

    # -- pages --------------------------------------------------------------------------------

    def _journey_open(self) -> bool:
        return self.current is not None and not self.current.journey.closed

    def go_home(self) -> None:
        """The journey if one is open, otherwise a new session."""
        if self._journey_open():
            self._turn_to(self.journey_view)
            self.journey_view.refresh()
        else:
            self.show_setup()

    def show_setup(self) -> None:
        from kapdesk.core.soundtrack import with_bundled_loudness  # noqa: PLC0415  (not at start)

        if self._journey_open():
            self.go_home()
            return
        failed = [
            *self.library.problems,
            *self.records.clinic_problems,
        ]
        problems: list[str] = [
            FILE_PROBLEM.format(source=error.source, problem=error.problems[0].said)
            for error in failed
            if error.problems
        ]
        store, sounds, bundled = self.store, self.sound_library, self.records.sounds
        self.setup_view.load(self.library.protocols(), [], [], problems, self.soundtracks)

        def offered(soundtracks: list[Soundtrack]) -> None:
            self.soundtracks = soundtracks

        self.setup_view.load_choices(
            lambda: (store.patient_codes(), store.staff_names()),
            lambda: with_bundled_loudness(sounds.soundtracks(), bundled),
            self.bundled_soundtracks,
            offered,
        )
        line = self.setup_view.sitter.lineEdit()
        if line is not None:  # left empty, the member signed in is the sitter
            who = WHO_SITS_OR.format(name=self.member.name) if self.member is not None else WHO_SITS
            say(line, who, "setPlaceholderText")
        self._turn_to(self.setup_view)

    def show_library(self) -> None:
        if self._journey_open():
            self.go_home()
            return
        self.library_view.open()
        self._turn_to(self.library_view)

    def show_timeline(self, session_id: int) -> None:
        """The session's timeline, with corrections; the open session's own journey if it is
        the one on screen, so what is added shows everywhere at once."""
        store, member = self.store, self.member

        def editable() -> OpenJourney:  # on a worker thread
            opened = store.editable(session_id)
            if member is not None:
                opened.journey.act_as(member)
            return opened

        if self.current is not None and self.current.session_id == session_id:
            if member is not None:
                self.current.journey.act_as(member)
            self.timeline_view.show_session(self.current)
        else:
            self.timeline_view.load(session_id, editable)
        self._turn_to(self.timeline_view)

    def _back_from_timeline(self) -> None:
        """Back to where the timeline was opened: the journey while it runs, else the record
        (a session closed on this screen stays ``current`` until the next one opens)."""
        opened = self.timeline_view.current
        if opened is None or (opened is self.current and not opened.journey.closed):
            self.go_home()
            return
        if opened is not self.current:
            self.store.release(opened.session_id)  # never waits: one still writing stays live
        self.show_summary(opened.session_id)

    def show_history(self) -> None:
        store = self.store
        self.history_view.load(lambda: store.summaries(limit=None))
        self._turn_to(self.history_view)

    def show_summary(self, session_id: int) -> None:
        store = self.store
        self.summary_view.load(session_id, lambda: store.load(session_id))
        self._turn_to(self.summary_view)

    def show_integration(self, session_id: int) -> None:
        """The session's integration plan, drafted from the clinic's rules the first time."""
        from kapdesk.core.staff import Action  # noqa: PLC0415
        from kapdesk.ui.integration_view import read_plan  # noqa: PLC0415

        if self._refused(Action.INTEGRATE, lambda: self.show_integration(session_id)):
            self.show_summary(session_id)
            return
        records, store = self.records, self.store
        self.integration_view.load(
            records.plans,
            records.clinic,
            session_id,
            lambda: read_plan(store, records.courses, records.plans, records.clinic, session_id),
            by=self.member.name if self.member else None,
            today=records.clock.now().astimezone().date(),
        )
        self._turn_to(self.integration_view)

    def show_followups(self) -> None:
        """Every integration item not done yet, across sessions."""
        if self._journey_open():
            self.go_home()
            return
        today = self.records.clock.now().astimezone().date()
        self.followups_view.load(self.records.plans.open_items, today)
        self._turn_to(self.followups_view)

    def show_board(self) -> None:
        """The clinic board, in a window of its own beside this one (read-only)."""
        from kapdesk.ui.board_window import BoardWindow  # noqa: PLC0415

        board = self.board_window
        if board is None:
            board = BoardWindow(
                self.records.storage,
                self._clock,
                show_patients=self.records.room_pc.room.board_shows_patients,
                parent=self,
            )
            self.board_window = board
            board.resize(min(1400, self.width()), min(900, self.height()))
        board.board.show_patient = self.records.room_pc.room.board_shows_patients  # as set now
        board.board.units = self.units  # the clinic's: temperatures as staff read them
        if board.isVisible():
            board.redraw()
            board.raise_()
            board.activateWindow()
            return
        board.show()  # a window of its own, on top; closing it stops its reading
        board.start()

    def show_staff(self) -> None:
        """The admin's page: accounts and the audit trail."""
        from PySide6.QtCore import QDate  # noqa: PLC0415

        from kapdesk.core.staff import Action  # noqa: PLC0415

        if self.staff is None or self.member is None or self._journey_open():
            self.go_home()
            return
        if self._refusal(Action.EDIT_STAFF) is not None:
            self.go_home()
            self._refused(Action.EDIT_STAFF, self.show_staff)
            return
        today = self._clock.now().astimezone().date()
        self.staff_view.show_for(self.staff, self.member, QDate(today.year, today.month, today.day))
        pc = self.records.room_pc
        problem = DEFAULTS_APPLY.format(problem=words_of(pc.problem)) if pc.problem else ""
        where = KEPT_IN.format(file=str(pc.file)) if pc.file else ""
        both = problem and where
        said = ONE_THEN_OTHER.format(first=problem, second=where) if both else problem or where
        self.staff_view.show_room(pc.room, said)
        self.staff_view.room_autostart.setChecked(pc.room.autostart or autostart_exists())
        self._turn_to(self.staff_view)

    def show_course(self, session_id: int, moment: str = "follow-up") -> None:
        """The course (and questionnaires) of the patient of a session."""
        from kapdesk.core.staff import Action  # noqa: PLC0415

        if self._refused(Action.INTEGRATE, lambda: self.show_course(session_id, moment)):
            return
        store = self.store
        self.course_view.load(
            self.records.courses,
            session_id,
            lambda: store.load(session_id)[0],
            lambda code: store.summaries(limit=None, patient_code=code),
            by=self.member.name if self.member else None,
            moment=moment,
        )
        self._turn_to(self.course_view)

    def _printer(self) -> Printer:
        from kapdesk.printing import Printer  # noqa: PLC0415  (QtGui's PDF writer)

        records = self.records
        member = self.member
        by = member.name if member else ""
        return Printer(
            records.storage, records.clock, records.clinic, by, member, mark=records.printing.mark
        )

    def _print_record(self, session_id: int) -> Printed:
        return self._printer().record_pages(session_id)  # on a worker thread

    def _print_handout(self, session_id: int) -> Printed:
        return self._printer().handout_pages(session_id)  # on a worker thread

    def _questionnaires_before_dosing(self) -> None:
        if self.current is not None:
            self.show_course(self.current.session_id, moment="preparation")

    def _back_from_course(self) -> None:
        """Back to preparation while the session runs, else to its integration plan."""
        session_id = self.course_view.session_id
        if session_id is None or (
            self._journey_open()
            and self.current is not None
            and self.current.session_id == session_id
        ):
            self.go_home()
        else:
            self.show_integration(session_id)

    def choose_session(self, session_id: int) -> None:
        if self._journey_open() and self.current and self.current.session_id == session_id:
            self.go_home()
        else:
            self.show_summary(session_id)

    # -- sessions -----------------------------------------------------------------------------

    def open_session(
        self, patient_code: str, protocol_id: str, sitter: str, soundtrack: int = -1
    ) -> None:
        from kapdesk.core.journey import JourneyError  # noqa: PLC0415  (off the first frame)

        protocol = self.library.get(protocol_id)
        if protocol is None:
            self.setup_view.show_error(NO_PROTOCOL)
            return
        if self.staff is not None and self.member is None:
            self.setup_view.show_error(SIGN_IN_FIRST)
            return
        if not sitter.strip() and self.member is not None:
            sitter = self.member.name
        try:
            opened = self.store.open_session(
                patient_code, protocol, sitter, self.member, self.setup_view.handout_language()
            )
        except JourneyError as exc:
            self.setup_view.show_error(SAID_SO.format(problem=words_of(exc)))
            return
        except StorageError as exc:
            log.warning("opening a session failed: %s", exc.__cause__.__class__.__name__)
            self.setup_view.show_error(TRY_AGAIN.format(problem=words_of(exc)))
            return
        self._join_course(opened, self.setup_view.course_choice())
        if 0 <= soundtrack < len(self.soundtracks):
            self.sound_panel.choose(opened, self.soundtracks[soundtrack])
        self.show_journey(opened)

    def _join_course(self, opened: OpenJourney, choice: tuple[str, int]) -> None:
        """Make the new session part of the course chosen at set-up (or of a new one)."""
        kind, value = choice
        if kind == "none":
            return
        courses = self.records.courses
        try:
            course_id = value if kind == "join" else courses.start(opened.patient_code, value).id
            courses.join(course_id, opened.session_id)
        except StorageError as exc:
            self.status_banner.say(NOTICE, ADD_LATER.format(problem=words_of(exc)))

    def resume(self, open_journeys: list[OpenJourney]) -> None:
        """Put the newest session left open back on screen (after a crash or power cut)."""
        if open_journeys:
            self.show_journey(open_journeys[-1])
        else:
            self.show_setup()

    def show_journey(self, opened: OpenJourney) -> None:
        if self.current is not None and self.current is not opened:
            # Only the session on screen speaks in the banner.
            self.current.recorder.off_status(self.save_status_heard)
        self.current = opened
        self.status_banner.say(NEWS, None)  # read by now: the journey needs the room
        self._stay_awake(not opened.journey.closed)
        if self.member is not None:
            opened.journey.act_as(self.member)
        self._read_course(opened)
        opened.recorder.on_status(self.save_status_heard)
        self._on_save_status(opened.recorder.problem)
        self.journey_view.show_journey(opened)
        self.sound_panel.follow(opened)
        self._turn_to(self.journey_view)

    def _read_course(self, opened: OpenJourney) -> None:
        """Read "Session 3 of 6" off the window's thread: the header shows it when it comes,
        nothing meanwhile, nor when the session is not part of a course or cannot be read."""
        session_id = opened.session_id
        courses = self.records.courses

        def course_text() -> str:
            course = courses.of_session(session_id)
            number = course.number_of(session_id) if course is not None else None
            if course is None or number is None:
                return ""
            return COURSE_TEXT.format(number=number, total=course.planned_sessions)

        def arrived(text: str) -> None:
            if self.current is opened:
                self.journey_view.set_course(text)
                self.journey_view.refresh()

        self.journey_view.set_course("")

        def unread(why: str) -> None:
            log.warning("the course of session %s cannot be read: %s", session_id, why)

        self.ops.run(course_text, arrived, what=THE_COURSE, failed=unread)

    def _stay_awake(self, awake: bool) -> None:
        """Hold the PC awake exactly while a session is open; say what could not be held."""
        if self.keep_awake is None:
            return
        if not awake:
            self.keep_awake.release()
            self.wake_banner.clear()
            self.wake_banner.forget()  # the next session says it again
            return
        problems = self.keep_awake.hold(translated(AWAKE_REASON))
        for problem in problems:
            log.warning("keeping the PC awake: %s", problem)
        if problems:
            self.wake_banner.say(CHECK_POWER.format(problems=" ".join(problems)))
        else:
            self.wake_banner.clear()

    def _turn_to(self, page: QWidget) -> None:
        """``page`` is on screen, loaded: what said a page could not load no longer holds.

        Never while the window is locked: the calm screen stays over everything (a late
        answer asking for a patient's record must not put it up with nobody signed in)."""
        if self.locked:
            return
        self.status_banner.say(PAGE, None)
        self.pages.setCurrentWidget(page)
