"""The main window: one page at a time (set-up, journey, summary, past sessions), a banner for
anything staff must know about saving, and a line saying who is signed in.

Staff sign in before anything of a patient shows: the first start asks for the clinic's admin
account, every later start (and every unlock) for a name and PIN on the calm screen. The member
signed in acts on the journey on screen (:meth:`kapdesk.core.journey.Journey.act_as`), so their
roles are checked and their name goes on every record they make.

The window goes on screen before the records are open: it starts on a calm "Opening the
record…" page, and :meth:`MainWindow.attach` brings in the pages once the database is ready
(or :meth:`MainWindow.cannot_start` says why it is not).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.room_pc import autostart_exists
from kapdesk.storage.errors import StorageError
from kapdesk.ui.banner import CLOSING, NOTICE, PAGE, REFUSAL, SAVING, StatusBanner
from kapdesk.ui.focus import FocusKeeper
from kapdesk.ui.notices import Notice
from kapdesk.ui.start_view import StartView
from kapdesk.ui.widgets import SWITCH_OFFER, label

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent

    from kapdesk.core.clock import Clock, SpeedClock
    from kapdesk.core.protocol_files import ProtocolLibrary
    from kapdesk.core.room import RoomSettings
    from kapdesk.core.soundtrack import Soundtrack
    from kapdesk.core.staff import Action, StaffMember
    from kapdesk.printing import Printer
    from kapdesk.records import Records
    from kapdesk.reports.pages import Printed
    from kapdesk.storage.journeys import JourneyStore, OpenJourney
    from kapdesk.storage.presence import PresenceBeacon
    from kapdesk.ui.board_window import BoardWindow
    from kapdesk.ui.calm_screen import CalmScreen
    from kapdesk.ui.history_view import HistoryView
    from kapdesk.ui.journey_view import JourneyView
    from kapdesk.ui.library_view import LibraryView
    from kapdesk.ui.practice_band import PracticeBand
    from kapdesk.ui.setup_view import SetupView
    from kapdesk.ui.sound_panel import BackendFactory, SoundPanel
    from kapdesk.ui.summary_view import SummaryView
    from kapdesk.ui.timeline_view import TimelineView
    from kapdesk.wakefulness import KeepAwake

log = logging.getLogger(__name__)

LEAVE_AGAIN_S = 5.0  # in kiosk mode mid-session, Ctrl+Shift+Q twice within this closes
HEARTBEAT_MS = 15_000  # how often the heartbeat is written while a session is open
LOCK_KEY = "Ctrl+Shift+L"  # lock, or switch user where a refusal offers it
_LOCK_KEY_TEXT = LOCK_KEY
SHUTDOWN_FADE_S = 0.3  # a shutdown or a logout fades the sound out this fast, then stops it
SHUTDOWN_GRACE_S = 0.5  # and waits at most this much longer for the device to be silent


class MainWindow(QMainWindow):
    """kapdesk's window. Holds at most one session open at a time on the journey page."""

    ready = Signal()  # the records are attached and the first real page is on screen
    brought_forward = Signal()  # a second start handed over to this window
    failed = Signal(str)  # the records cannot be opened; the reason
    handed_over = Signal()  # another kapdesk writes to this record: its window came forward
    # The recorder's word on saving (None: all saved); its delivery thread may say it, so it
    # crosses over to the window's thread as a queued signal.
    save_status = Signal(object)
    # Damage the full check of a big record file found after it opened (from its thread).
    record_damaged = Signal(str)

    store: JourneyStore
    library: ProtocolLibrary
    setup_view: SetupView
    library_view: LibraryView
    timeline_view: TimelineView
    sound_panel: SoundPanel
    journey_view: JourneyView
    summary_view: SummaryView
    history_view: HistoryView
    calm: CalmScreen

    def __init__(self) -> None:
        super().__init__()
        self.current: OpenJourney | None = None
        self.member: StaffMember | None = None
        self.presence: PresenceBeacon | None = None  # a room on a clinic server (app.py)
        self.instance_lock: object | None = None  # held while this window lives (app.start)
        self.writer_lock: object | None = None  # the database file's, while the window lives
        self.start_arguments: list[str] = []  # how this kapdesk was started (for autostart)
        self.start_problem_for_autostart = ""  # why this start cannot be repeated at login
        self.start_problem: str | None = None
        self.practice_band: PracticeBand | None = None  # practice mode's, above every page
        self.board_window: BoardWindow | None = None  # the clinic board, once asked for
        self.setWindowTitle("kapdesk")
        self.setMinimumSize(1000, 580)
        self.save_status.connect(self._on_save_status)
        self.record_damaged.connect(self._on_record_damaged)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Every true state at once (saving, a page that could not load, a refusal...). After a
        # refusal: a colleague who may signs in, and what was refused opens again.
        self.status_banner = StatusBanner(f"Switch user   {_LOCK_KEY_TEXT}", central)
        self.status_banner.switch_pressed.connect(
            lambda: self.switch_user(self.status_banner.retry)
        )
        layout.addWidget(self.status_banner)
        self._banner_page: QWidget | None = None  # the page a refusal's switch belongs to
        # Storage work off the window's thread reports its failures here, under its topics:
        # self.ops = StorageOps(self.status_banner.say)
        # What could not keep the PC awake while a session is open (kapdesk.wakefulness):
        # staff who know may put it away for the session ("Noted", audited).
        self.wake_banner = Notice(central, notable=True)
        self.wake_text = self.wake_banner.text
        self.wake_banner.noted.connect(self._wake_notice_noted)
        layout.addWidget(self.wake_banner)
        # The record file found damaged after it opened: stays until kapdesk closes.
        self.damage_banner = Notice(central)
        self.damage_text = self.damage_banner.text
        layout.addWidget(self.damage_banner)
        self.keep_awake: KeepAwake | None = None  # set by app.start before the records come
        self.pages = QStackedWidget(central)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.start_view = StartView()
        self.start_view.quit_requested.connect(self.close)
        self.pages.addWidget(self.start_view)
        # The keyboard comes back after every form, with or without a window manager.
        self.focus_keeper = FocusKeeper(self, self.natural_focus)
        self.pages.currentChanged.connect(lambda _index: self._focus_on_page())
        self.pages.currentChanged.connect(lambda _index: self._calm_notices())

    # -- keyboard focus -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Without a window manager nobody makes the window active: keys would go nowhere.
        if not self.isActiveWindow():
            self.activateWindow()

    def natural_focus(self) -> QWidget:
        """Where the page on screen takes the keyboard first: the PIN on the calm screen's pad,
        the note box on the journey screen (the page itself while it is not shown, so a key
        typed there still starts a note), else what had focus on the page last, or the page."""
        page = self.pages.currentWidget()
        if self.attached and page is self.calm:
            return self.calm.pin if self.calm.pad.isVisible() else self.calm
        if self.attached and page is self.journey_view:
            panel = self.journey_view.observations
            note = panel.note if panel is not None else None
            if note is not None and note.isVisible() and note.isEnabled():
                return note
            return self.journey_view
        last = page.focusWidget() if page is not None else None
        if last is not None and self.focus_keeper.may_take_focus(last):
            return last
        return page if page is not None else self

    def _calm_notices(self) -> None:
        """Over the calm screen every notice is dim, and none offers anything to press."""
        calm = self.attached and self.pages.currentWidget() is self.calm
        for notice in (self.wake_banner, self.damage_banner):
            notice.set_calm(calm)
        self.status_banner.set_calm(calm)

    def _wake_notice_noted(self, words: str) -> None:
        """Staff know the PC is not kept awake: away until the session ends, and audited."""
        self._audit("notice_noted", "keep_awake", words=words)

    def _focus_on_page(self) -> None:
        """A page turned away never keeps the keyboard (a key typed would land on it); the
        journey screen starts with it in the note box."""
        page = self.pages.currentWidget()
        journey = getattr(self, "journey_view", None)
        if page is journey or not self.focus_keeper.may_take_focus(self.focusWidget()):
            self.focus_keeper.settle()

    # -- practice -------------------------------------------------------------------------------

    def set_practice(self, clock: SpeedClock) -> None:
        """Practice mode: the practice band above every page (the calm screen too), with the
        trainer's speed of ``clock``, and "kapdesk — Practice" as the window's name whatever
        else would name it. No clinic board from practice: it shows the clinic's rooms."""
        from kapdesk.core.practice import WINDOW_TITLE  # noqa: PLC0415
        from kapdesk.ui.practice_band import PracticeBand  # noqa: PLC0415

        central = self.centralWidget()
        assert central is not None
        band = PracticeBand(clock, central)
        self.practice_band = band
        layout = central.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, band)
        self.pages.currentChanged.connect(lambda _page: band.set_locked(self.locked))

        def keep_title(title: str) -> None:
            if title != WINDOW_TITLE:
                self.setWindowTitle(WINDOW_TITLE)

        def no_board() -> None:  # the button exists once the records are attached
            self.board_button.hide()

        self.windowTitleChanged.connect(keep_title)
        self.setWindowTitle(WINDOW_TITLE)
        self.ready.connect(no_board)

    # -- start-up -----------------------------------------------------------------------------

    def attach(
        self, records: Records, *, clock: Clock, audio: BackendFactory | None = None
    ) -> None:
        """Bring in the pages over the open records and show the right one.

        ``audio`` makes the sound device when the first session needs it (None: no sound).
        """
        # The pages import the clinical core, which the first frame does not need.
        from kapdesk.core.observations import DEFAULT_TAGS  # noqa: PLC0415
        from kapdesk.core.soundtrack import default_soundtracks  # noqa: PLC0415
        from kapdesk.ui.course_view import CourseView  # noqa: PLC0415
        from kapdesk.ui.followups_view import FollowUpsView  # noqa: PLC0415
        from kapdesk.ui.history_view import HistoryView  # noqa: PLC0415
        from kapdesk.ui.integration_view import IntegrationView  # noqa: PLC0415
        from kapdesk.ui.journey_view import JourneyView  # noqa: PLC0415
        from kapdesk.ui.library_view import LibraryView  # noqa: PLC0415
        from kapdesk.ui.observation_panel import ObservationPanel  # noqa: PLC0415
        from kapdesk.ui.preparation_panel import PreparationPanel  # noqa: PLC0415
        from kapdesk.ui.setup_view import SetupView  # noqa: PLC0415
        from kapdesk.ui.sound_panel import SoundPanel  # noqa: PLC0415
        from kapdesk.ui.summary_view import SummaryView  # noqa: PLC0415
        from kapdesk.ui.timeline_view import TimelineView  # noqa: PLC0415

        self.records = records
        store, library, sound_library = records.store, records.library, records.sound_library
        self.store = store
        self.library = library
        self.sound_library = sound_library
        self.sounds = list(records.sounds)
        self.bundled_soundtracks = default_soundtracks(self.sounds)
        self.soundtracks: list[Soundtrack] = []
        self.setup_view = SetupView()
        self.setup_view.courses_of = records.courses.of_patient
        self.journey_view = JourneyView()
        self.summary_view = SummaryView()
        self.history_view = HistoryView()
        self.library_view = LibraryView(sound_library, self.sounds, library)
        self.timeline_view = TimelineView()
        self.integration_view = IntegrationView()
        kept = records.printing.kept  # never saved over
        self.summary_view.saver.kept = kept
        self.integration_view.saver.kept = kept
        self.summary_view.saver.refusal = self._export_refusal
        self.integration_view.saver.refusal = self._export_refusal
        self.library_view.kept = kept
        self.course_view = CourseView()
        self.followups_view = FollowUpsView()
        self.sound_panel = SoundPanel(clock, audio)
        self.journey_view.place_sound(self.sound_panel)
        self.journey_view.place_observations(ObservationPanel(records.tags or DEFAULT_TAGS))
        preparation = PreparationPanel(clock, records.clinic.breathing)
        preparation.questionnaires_requested.connect(self._questionnaires_before_dosing)
        self.journey_view.place_preparation(preparation)
        for page in (
            self.setup_view,
            self.journey_view,
            self.summary_view,
            self.history_view,
            self.library_view,
            self.timeline_view,
            self.integration_view,
            self.course_view,
            self.followups_view,
        ):
            self.pages.addWidget(page)

        self.setup_view.open_requested.connect(self.open_session)
        self.setup_view.history_requested.connect(self.show_history)
        self.journey_view.session_closed.connect(lambda _id: self._stay_awake(False))
        self.journey_view.session_closed.connect(self.show_integration)
        self.summary_view.integration_requested.connect(self.show_integration)
        self.integration_view.record_requested.connect(self.show_summary)
        self.integration_view.new_session_requested.connect(self.show_setup)
        self.integration_view.back_requested.connect(self.show_history)
        self.integration_view.course_requested.connect(self.show_course)
        self.summary_view.make_record = self._print_record
        self.integration_view.make_handout = self._print_handout
        for saver in (self.summary_view.saver, self.integration_view.saver):
            saver.clinic_folder = records.printing.documents or records.clinic.documents
            saver.file_prefix = records.printing.file_prefix
        self.course_view.back_requested.connect(self._back_from_course)
        self.setup_view.followups_requested.connect(self.show_followups)
        self.setup_view.staff_requested.connect(self.show_staff)
        self.followups_view.plan_requested.connect(self.show_integration)
        self.followups_view.back_requested.connect(self.go_home)
        self.journey_view.history_requested.connect(self.show_history)
        self.summary_view.new_session_requested.connect(self.show_setup)
        self.summary_view.history_requested.connect(self.show_history)
        self.history_view.session_chosen.connect(self.choose_session)
        self.history_view.back_requested.connect(self.go_home)
        self._set_up_lock(clock, records)
        self.setup_view.library_requested.connect(self.show_library)
        self.library_view.back_requested.connect(self.go_home)
        self.journey_view.timeline_requested.connect(self.show_timeline)
        self.journey_view.switch_user_requested.connect(self.switch_user)
        self.summary_view.timeline_requested.connect(self.show_timeline)
        self.timeline_view.back_requested.connect(self._back_from_timeline)
        # What kapdesk knows about time, beside the records, for a restart to check the wall
        # clock against (kapdesk.core.downtime); nothing is written while no session is open.
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(store.beat)
        self.heartbeat.start()
        self.pages.removeWidget(self.start_view)
        self.start_view.deleteLater()
        self.resume(records.left_open)
        self.ask_who()
        self.ready.emit()

    # -- the calm lock screen -----------------------------------------------------------------

    def _set_up_lock(self, clock: Clock, records: Records) -> None:
        """The calm screen, the lock key (Ctrl+Shift+L) and the idle lock."""
        # Imported here, not with the module: their classes cost the first frame time.
        from PySide6.QtCore import QEvent, QTimer  # noqa: PLC0415
        from PySide6.QtGui import QKeyEvent, QKeySequence  # noqa: PLC0415  (not the first frame's)
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        from kapdesk.storage.staff import StaffStore  # noqa: PLC0415
        from kapdesk.ui.calm_screen import CalmScreen  # noqa: PLC0415

        self._clock = clock
        self.staff: StaffStore | None = StaffStore(records.storage, records.clock, records.outbox)
        self.lock_seconds = records.clinic.lock_minutes * 60
        self.apply_room(records.room_pc.room)
        self.calm = CalmScreen(clock)
        self.calm.journey_time = self._calm_time
        self.calm.cue_text = lambda: self.journey_view.calm_cue() if self.current else ""
        self.calm.unlock_requested.connect(self.unlock)
        self.calm.names_of = self._account_names if self.staff is not None else None
        self.pages.addWidget(self.calm)
        from kapdesk.ui.first_admin_view import FirstAdminView  # noqa: PLC0415

        self.first_admin_view = FirstAdminView()
        self.first_admin_view.create_requested.connect(self._create_first_admin)
        self.pages.addWidget(self.first_admin_view)
        self._set_up_signed_in_line()
        self._behind_lock: QWidget | None = None
        self._hidden_dialogs: list[QWidget] = []  # QDialogs, hidden by the lock
        # A switch of user asked for from a refusal: the forms stay for whoever signs in,
        # and what was refused is tried again as them.
        self._handing_over = False
        self._again_after_switch: str | Callable[[], None] | None = None
        self._last_input = clock.monotonic()
        self._input_events = frozenset(
            {
                QEvent.Type.KeyPress,
                QEvent.Type.MouseButtonPress,
                QEvent.Type.MouseMove,
                QEvent.Type.Wheel,
                QEvent.Type.TouchBegin,
            }
        )
        # The lock key is caught in eventFilter, not by a QShortcut: a shortcut is blocked
        # while a form (a modal dialog) is open, and the lock must work over one too.
        self._lock_key = QKeySequence(LOCK_KEY)[0]  # type: ignore[index]  # a QKeyCombination
        self._key_event = QKeyEvent
        self._key_press = QEvent.Type.KeyPress
        self._shortcut_override = QEvent.Type.ShortcutOverride
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # any key or tap counts as someone being there
        self._idle = QTimer(self)
        self._idle.setInterval(1000)
        self._idle.timeout.connect(self.check_idle)
        self._idle.start()

    def _set_up_signed_in_line(self) -> None:
        from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415

        line = self.statusBar()
        line.setSizeGripEnabled(False)
        self.signed_in_text = label("", "muted")
        self.signed_in_text.setContentsMargins(16, 0, 0, 0)
        line.addWidget(self.signed_in_text, 1)
        # The clinic board, from every page with this line (a nurse covering several rooms).
        self.board_button = ActionButton("Clinic board", "Ctrl+Shift+B", self.show_board, self)
        self.board_button.setProperty("role", "compact")
        line.addPermanentWidget(self.board_button)
        # The key is caught in eventFilter on every page, the journey's too (where this line
        # is hidden: a shortcut of the button's own found it hidden and swallowed the key);
        # there it switches user instead while a refusal offers it. The button always locks.
        self.lock_button = ActionButton(
            "Lock or switch user", LOCK_KEY, self.lock, self, own_shortcut=False
        )
        self.lock_button.setProperty("role", "compact")
        line.addPermanentWidget(self.lock_button)
        line.hide()
        self.pages.currentChanged.connect(lambda _index: self._show_signed_in_line())
        self.pages.currentChanged.connect(lambda _index: self._page_changed())

    def _show_signed_in_line(self) -> None:
        """Who is signed in, under every page but the journey (whose header says it, and
        whose timer needs the height) and the calm screen (which shows no names)."""
        page = self.pages.currentWidget()
        hidden = (self.calm, self.first_admin_view, self.journey_view)
        self.statusBar().setVisible(self.member is not None and page not in hidden)

    @property
    def locked(self) -> bool:
        return getattr(self, "_behind_lock", None) is not None

    def ask_who(self) -> None:
        """Before anything of a patient shows: the first admin account, or a sign-in."""
        if self.staff is None:
            return
        try:
            first = self.staff.needs_first_admin()
        except StorageError as exc:
            self.status_banner.say(PAGE, f"{exc}.")
            first = False
        if first:
            self._behind_lock = self.pages.currentWidget()
            self.first_admin_view.start()
            self.pages.setCurrentWidget(self.first_admin_view)
        else:
            self.lock(ask=True)

    def _create_first_admin(self, entry: object) -> None:
        from kapdesk.core.staff import PermissionDeniedError  # noqa: PLC0415
        from kapdesk.ui.account_form import AccountEntry  # noqa: PLC0415

        assert isinstance(entry, AccountEntry)
        assert self.staff is not None
        try:
            member = self.staff.create_account(entry.name, entry.roles, entry.pin, by=None)
        except (ValueError, PermissionDeniedError, StorageError) as exc:
            self.first_admin_view.show_error(str(exc))
            return
        self.signed_in(member)

    def signed_in(self, member: StaffMember) -> None:
        """``member`` is at the screen now: what was behind the lock comes back, theirs.

        The same member gets back everything as they left it, forms half filled in included.
        Someone else gets the pages opened again as theirs (their roles checked, their name as
        "by"); forms another member left half filled in are closed unsaved.
        """
        previous = self.member
        same = previous is not None and previous.id == member.id and previous.name == member.name
        self._act_as(member)
        behind, dialogs = self._behind_lock, self._hidden_dialogs
        self._behind_lock, self._hidden_dialogs = None, []
        self.calm.stop()
        self._last_input = self._clock.monotonic()
        if self.current is not None:
            self.journey_view.refresh()  # its header names who is signed in
        handing_over, again = self._handing_over, self._again_after_switch
        self._handing_over, self._again_after_switch = False, None
        if (same or handing_over) and behind is not None and behind is not self.first_admin_view:
            self.pages.setCurrentWidget(behind)
            for dialog in dialogs:
                dialog.show()  # as it was, whatever was typed in it
            if handing_over:
                self.status_banner.say(REFUSAL, None)  # the refusal was the one before's
            if isinstance(again, str) and again and behind is self.journey_view:
                self.journey_view.try_again(again)
            elif callable(again):
                again()
        else:
            for dialog in dialogs:
                dialog.close()  # hidden already: closed unsaved, its owner hears nothing
            self._reopen_as_member(behind)
        self._show_signed_in_line()
        self._focus_back_from_lock()

    def _focus_back_from_lock(self) -> None:
        """The keyboard where it was before the lock, if that is on screen again (a form put
        back over the page takes it itself, as a window of its own)."""
        before = getattr(self, "_focus_behind_lock", None)
        self._focus_behind_lock: QWidget | None = None
        self.focus_keeper.settle(before)

    def _reopen_as_member(self, page: QWidget | None) -> None:
        """Show ``page`` again for the member now signed in, through the way it is opened (so
        roles are checked and names are theirs); the journey or set-up when it was none."""
        if page is self.integration_view and self.integration_view.session_id is not None:
            self.show_integration(self.integration_view.session_id)
        elif page is self.course_view and self.course_view.session_id is not None:
            self.show_course(self.course_view.session_id)
        elif page is getattr(self, "staff_view", None):
            self.show_staff()
        elif page is self.timeline_view and self.timeline_view.current is not None:
            self.show_timeline(self.timeline_view.current.session_id)
        elif page in (self.summary_view, self.history_view, self.library_view, self.followups_view):
            self.pages.setCurrentWidget(page)  # nothing on them is signed or role-bound
        else:
            self.go_home()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.attached:
            return False
        kind = event.type()
        lock_key = (
            isinstance(event, self._key_event)
            and event.keyCombination() == self._lock_key
            and not self.locked
        )
        if kind is self._shortcut_override and lock_key:
            # Asked before any shortcut is looked up: the lock key is the window's, so no
            # shortcut of a page or a form can take it, and it comes as a key press below.
            event.accept()
            return True
        if kind in self._input_events:
            self._last_input = self._clock.monotonic()
            if lock_key and kind is self._key_press:
                self._lock_key_pressed()
                return True
        return False

    def _lock_key_pressed(self) -> None:
        """Ctrl+Shift+L: where a refusal offers "Switch user", that switch (forms kept, the
        refused action tried again); otherwise the plain lock."""
        self.activateWindow()  # the key came here: the calm screen takes the keys that follow
        if self.pages.currentWidget() is self.journey_view:
            again = self.journey_view.pending_switch()
            if again is not None:
                self.switch_user(again)
                return
        if self.status_banner.isVisible() and self.status_banner.switch.isVisible():
            self.switch_user(self.status_banner.retry)
            return
        self.lock()

    def check_idle(self) -> None:
        """Lock when nobody has touched the PC for the clinic's idle minutes."""
        idle = self._clock.monotonic() - self._last_input
        if not self.locked and 0 < self.lock_seconds <= idle:
            self.lock()

    def lock(self, ask: bool = False) -> None:
        """Cover everything with the calm screen; the session goes on behind it. ``ask``: show
        the PIN pad at once (at start-up), not on the first tap."""
        if self.locked or not self.attached:
            return
        self._behind_lock = self.pages.currentWidget()
        self._focus_behind_lock = self.focusWidget()  # where the keyboard goes back to
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        # A form half filled in is hidden, and comes back as it was.
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self.calm.start(self.member.name if self.member else "")
        self.pages.setCurrentWidget(self.calm)
        self.calm.setFocus()
        if ask:
            self.calm.show_pad()
        else:
            self._audit("screen_locked")

    def switch_user(self, again: str | Callable[[], None] | None = None) -> None:
        """Lock for a colleague to sign in, asked for where something was refused: what is on
        the screen stays for them, forms half filled in included (unlike a plain lock, where a
        form another member left is closed unsaved), and ``again`` is tried again as them."""
        if self.locked or not self.attached:
            return
        self.lock(ask=True)
        self._handing_over = True
        self._again_after_switch = again

    def unlock(self, name: str, pin: str) -> None:
        """A name and PIN typed on the calm screen; without a staff store (no database to hold
        accounts), a tap."""
        if self.staff is None:
            behind, dialogs = self._behind_lock, self._hidden_dialogs
            self._behind_lock, self._hidden_dialogs = None, []
            self.calm.stop()
            self._last_input = self._clock.monotonic()
            if behind is not None:
                self.pages.setCurrentWidget(behind)
            for dialog in dialogs:
                dialog.show()
            self._handing_over, self._again_after_switch = False, None
            self._focus_back_from_lock()
            return
        try:
            signed = self.staff.sign_in(name, pin)
        except StorageError as exc:
            self.calm.refuse(f"{exc}.")
            return
        if signed.member is None:
            self.calm.refuse(signed.message)
            return
        self.signed_in(signed.member)

    def _account_names(self) -> list[str] | None:
        """The names that may sign in; None when they cannot be read (the lock stays shut)."""
        if self.staff is None:
            return []
        try:
            return [m.name for m in self.staff.accounts() if m.active]
        except StorageError as exc:
            log.warning("staff accounts cannot be read: %s", exc)
            return None

    def refresh_member(self) -> None:
        """After an account changed: the member signed in as the database now has them (an
        admin who gave up the role, an account made inactive, stops acting as before)."""
        if self.member is None or self.staff is None:
            return
        try:
            current = next((m for m in self.staff.accounts() if m.id == self.member.id), None)
        except StorageError:
            return
        if current is None or not current.active:
            self.member = None
            self.lock(ask=True)
            return
        self._act_as(current)

    def _act_as(self, member: StaffMember) -> None:
        """``member`` acts from now on: on the journeys open here, and in the line below."""
        self.member = member
        for opened in (self.current, self.timeline_view.current):
            if opened is not None:
                opened.journey.act_as(member)
        roles = ", ".join(sorted(role.value for role in member.roles))
        self.signed_in_text.setText(f"Signed in: {member.name} ({roles})")

    def _audit(self, action: str, subject: str = "", **detail: object) -> None:
        if self.staff is None:
            return
        try:
            self.staff.record(self.member.name if self.member else "", action, subject, **detail)
        except StorageError as exc:
            log.warning("the audit log could not be written: %s", exc)

    def _calm_time(self) -> str:
        """The journey time now, or nothing: the calm screen shows no more than that, and only
        while a journey runs (a closed session's last time would read as one still going)."""
        from kapdesk.core.timefmt import clock_text  # noqa: PLC0415

        current = self.current
        if current is None or current.journey.closed:
            return ""
        elapsed = current.journey.elapsed()
        return clock_text(elapsed) if elapsed is not None else ""

    # -- kiosk mode ---------------------------------------------------------------------------

    @property
    def kiosk(self) -> bool:
        return getattr(self, "_kiosk", False)

    def enter_kiosk(self, *, asked: bool = False) -> None:
        """Fill the screen, no frame, nothing to close it with but the staff's Ctrl+Shift+Q.
        ``asked``: by the command line's --kiosk, which the room's setting does not undo."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's, unless kiosk)
        from PySide6.QtGui import QShortcut  # noqa: PLC0415

        self._kiosk = True
        self._leave_asked = -LEAVE_AGAIN_S
        self._kiosk_asked = asked or getattr(self, "_kiosk_asked", False)
        self._may_close = False
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        if not hasattr(self, "_leave_shortcut"):
            self._leave_shortcut = QShortcut("Ctrl+Shift+Q", self)
            self._leave_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            self._leave_shortcut.activated.connect(self.leave_kiosk)
        screen = self.screen()
        if screen is not None:  # without a window manager (a bare kiosk X session) too
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def leave_kiosk(self) -> None:
        """Staff close kapdesk in kiosk mode: someone must be signed in, not the calm screen."""
        if not self.kiosk:
            return
        if not self.attached:  # still opening, or cannot: nothing of a patient shows yet
            self._may_close = True
            self.close()
            return
        if self.locked or (getattr(self, "staff", None) is not None and self.member is None):
            return  # the patient or a passer-by at the keyboard: nothing happens
        if self._journey_open() and self._clock.monotonic() - self._leave_asked > LEAVE_AGAIN_S:
            self._leave_asked = self._clock.monotonic()
            self.status_banner.say(
                CLOSING,
                "A session is open: press Ctrl+Shift+Q again to close kapdesk. "
                "The session goes on when kapdesk starts again.",
            )
            return
        self._may_close = True
        self.close()

    def save_room(self, room: RoomSettings) -> str | None:
        """An admin saved this room PC's settings: written whole, audited, applied, and the
        autostart entry put in place or taken away. A sentence when something failed."""
        from kapdesk import room_pc  # noqa: PLC0415

        if self.member is None or self.staff is None:
            return room_pc.CANNOT_SAVE_HERE
        shared_open = self.store.shared and self._journey_open()
        problem = room_pc.save_room(
            self.records.room_pc,
            room,
            self.member,
            self.staff,
            autostart_problem=self.start_problem_for_autostart,
            may_rename=not shared_open,
        )
        if problem is not None:
            return problem
        self.apply_room(room)
        if self.practice_band is not None:
            return None  # practice: this PC's login is the clinic's
        return room_pc.follow_autostart(room.autostart, self.start_arguments)

    def apply_room(self, room: RoomSettings) -> None:
        """This room PC's settings, as saved: kiosk, the idle lock, the loudest sound."""
        if room.lock_minutes is not None:
            self.lock_seconds = room.lock_minutes * 60
        else:
            self.lock_seconds = self.records.clinic.lock_minutes * 60
        self.sound_panel.volume_limit = room.volume_limit  # from the next session's player
        if room.kiosk and not self.kiosk:
            self.enter_kiosk()
        elif not room.kiosk and self.kiosk and not getattr(self, "_kiosk_asked", False):
            self._kiosk = False
            from PySide6.QtCore import Qt  # noqa: PLC0415

            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            self.showMaximized()
        if getattr(self, "store", None) is not None and room.room_name:
            self.store.room = room.room_name  # the next session is recorded under it
            if self.presence is not None:
                self.presence.room = room.room_name
        title = f"kapdesk · {room.room_name}" if room.room_name else "kapdesk"
        self.setWindowTitle(title)

    def bring_forward(self) -> None:
        """A second start of kapdesk asked for this window: show it, on top, with focus."""
        from PySide6.QtCore import Qt  # noqa: PLC0415  (not the first frame's)

        if self.kiosk:
            self.showFullScreen()
        elif self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        self.brought_forward.emit()

    def cannot_start(self, reason: str, log_hint: str) -> None:
        """Say on screen why the records cannot be opened; the window offers to close."""
        self.start_problem = reason
        self.start_view.show_problem(reason, log_hint)
        self.failed.emit(reason)

    @property
    def attached(self) -> bool:
        return hasattr(self, "store")

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
        if self._journey_open():
            self.go_home()
            return
        failed = [
            *self.library.problems,
            *self.records.clinic_problems,
        ]
        problems = [f"{error.source}: {error.problems[0]}" for error in failed if error.problems]
        unread: list[str] = []
        try:
            codes, staff = self.store.patient_codes(), self.store.staff_names()
        except StorageError as exc:
            codes, staff = [], []
            unread.append(f"{exc}.")
        try:
            self.soundtracks = self.sound_library.soundtracks() + self.bundled_soundtracks
        except StorageError as exc:
            self.soundtracks = list(self.bundled_soundtracks)
            unread.append(f"{exc}.")
        self.setup_view.load(self.library.protocols(), codes, staff, problems, self.soundtracks)
        line = self.setup_view.sitter.lineEdit()
        if line is not None:  # left empty, the member signed in is the sitter
            you = f" (empty: {self.member.name})" if self.member is not None else ""
            line.setPlaceholderText(f"Who sits with the patient{you}")
        self._turn_to(self.setup_view)
        self.status_banner.say(PAGE, " ".join(unread) or None)

    def show_library(self) -> None:
        if self._journey_open():
            self.go_home()
            return
        self.library_view.load()
        self._turn_to(self.library_view)

    def show_timeline(self, session_id: int) -> None:
        """The session's timeline, with corrections; the open session's own journey if it is
        the one on screen, so what is added shows everywhere at once."""
        if self.current is not None and self.current.session_id == session_id:
            opened = self.current
        else:
            try:
                opened = self.store.editable(session_id)
            except (LookupError, StorageError) as exc:
                self.status_banner.say(PAGE, f"That session cannot be shown: {exc}")
                return
        if self.member is not None:
            opened.journey.act_as(self.member)
        self.timeline_view.show_session(opened)
        self._turn_to(self.timeline_view)

    def _back_from_timeline(self) -> None:
        """Back to where the timeline was opened: the journey while it runs, else the record
        (a session closed on this screen stays ``current`` until the next one opens)."""
        opened = self.timeline_view.current
        if opened is None or (opened is self.current and not opened.journey.closed):
            self.go_home()
            return
        if opened is not self.current:
            opened.journey.unsubscribe(opened.recorder)
        self.show_summary(opened.session_id)

    def show_history(self) -> None:
        try:
            rows = self.store.summaries()
        except StorageError as exc:
            self.status_banner.say(PAGE, f"{exc}.")
            return
        self.history_view.load(rows)
        self._turn_to(self.history_view)

    def show_summary(self, session_id: int) -> None:
        try:
            summary, journey = self.store.load(session_id)
        except (LookupError, StorageError) as exc:
            self.status_banner.say(PAGE, f"That session cannot be shown: {exc}")
            return
        self.summary_view.show_session(summary, journey)
        self._turn_to(self.summary_view)

    def show_integration(self, session_id: int) -> None:
        """The session's integration plan, drafted from the clinic's rules the first time."""
        from kapdesk.core.integration import draft_plan  # noqa: PLC0415  (off the first frame)
        from kapdesk.core.staff import Action  # noqa: PLC0415

        if self._refused(Action.INTEGRATE, lambda: self.show_integration(session_id)):
            self.show_summary(session_id)
            return
        records = self.records
        try:
            summary, journey = self.store.load(session_id)
            if not journey.dosed:  # cancelled before the dose: nothing to integrate
                self.show_summary(session_id)
                return
            course = records.courses.of_session(session_id)
            left = course.left_after(session_id) if course is not None else None
            ended = summary.closed_at or summary.opened_at
            plan = draft_plan(records.clinic, ended.astimezone().date(), left)
            records.plans.draft(session_id, plan)
            staff = self.store.staff_names()
        except (LookupError, StorageError) as exc:
            self.show_summary(session_id)
            self.status_banner.say(PAGE, f"The integration plan cannot be shown: {exc}")
            return
        course_text = self._course_text(session_id)
        parts = (f"Integration · {summary.patient_code}", course_text, summary.protocol_name)
        self.integration_view.patient_code = summary.patient_code
        try:
            self.integration_view.show_plan(
                records.plans,
                records.clinic,
                session_id,
                title="   ·   ".join(part for part in parts if part),
                by=self.member.name if self.member else summary.sitter,
                staff=staff,
                today=records.clock.now().astimezone().date(),
            )
        except StorageError as exc:
            self.show_summary(session_id)
            self.status_banner.say(PAGE, f"The integration plan cannot be shown: {exc}")
            return
        self._turn_to(self.integration_view)

    def _refused(self, action: Action, retry: Callable[[], None] | None = None) -> bool:
        """Whether the member signed in may not do ``action``; if so, the banner says who may
        and offers to switch user, after which ``retry`` runs as the one signed in."""
        refusal = self._refusal(action)
        if refusal is not None:
            self._show_refusal(f"{refusal}. {SWITCH_OFFER}", retry)
        return refusal is not None

    def _refusal(self, action: Action) -> str | None:
        """Why the member signed in may not do ``action``; None when they may (or nobody is
        signed in, as without a staff store)."""
        from kapdesk.core.staff import PermissionDeniedError, require  # noqa: PLC0415

        if self.member is None:
            return None
        try:
            require(self.member, action)
        except PermissionDeniedError as exc:
            return str(exc)
        return None

    def _export_refusal(self) -> str | None:
        """Why the member signed in may not print or export a record; None when they may."""
        from kapdesk.core.staff import Action  # noqa: PLC0415

        return self._refusal(Action.EXPORT)

    def _show_refusal(self, text: str, retry: Callable[[], None] | None) -> None:
        self.status_banner.offer_switch(text, retry)
        # The offer belongs to the page shown once the refusal has sent staff where it does
        # (the next turn of the event loop); going elsewhere lets it go.
        self._banner_page = None
        QTimer.singleShot(0, self._note_banner_page)

    def _note_banner_page(self) -> None:
        if self.status_banner.switch_offered:
            self._banner_page = self.pages.currentWidget()

    def _page_changed(self) -> None:
        page = self.pages.currentWidget()
        kept = self._banner_page
        if kept is not None and page is not kept and page is not self.calm:
            self.status_banner.say(REFUSAL, None)
            self._banner_page = None

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
        from kapdesk.ui.staff_view import StaffView  # noqa: PLC0415

        if self.staff is None or self.member is None or self._journey_open():
            self.go_home()
            return
        if self._refusal(Action.EDIT_STAFF) is not None:
            self.go_home()
            self._refused(Action.EDIT_STAFF, self.show_staff)
            return
        if not hasattr(self, "staff_view"):
            self.staff_view = StaffView()
            self.staff_view.back_requested.connect(self.go_home)
            self.staff_view.accounts_changed.connect(self.refresh_member)
            self.pages.addWidget(self.staff_view)
        today = self._clock.now().astimezone().date()
        self.staff_view.show_for(self.staff, self.member, QDate(today.year, today.month, today.day))
        pc = self.records.room_pc
        self.staff_view.room_saver = self.save_room
        problem = f"{pc.problem} (kapdesk's defaults apply)" if pc.problem else ""
        where = f"Kept in {pc.file}." if pc.file else ""
        self.staff_view.show_room(pc.room, " ".join(p for p in (problem, where) if p))
        self.staff_view.room_autostart.setChecked(pc.room.autostart or autostart_exists())
        self._turn_to(self.staff_view)

    def show_course(self, session_id: int, moment: str = "follow-up") -> None:
        """The course (and questionnaires) of the patient of a session."""
        from kapdesk.core.staff import Action  # noqa: PLC0415

        if self._refused(Action.INTEGRATE, lambda: self.show_course(session_id, moment)):
            return
        try:
            summary, _journey = self.store.load(session_id)
            sessions = self.store.summaries(limit=None, patient_code=summary.patient_code)
            self.course_view.show_course(
                self.records.courses,
                summary.patient_code,
                session_id,
                sessions,
                by=self.member.name if self.member else summary.sitter,
                moment=moment,
            )
        except (LookupError, StorageError) as exc:
            self.status_banner.say(PAGE, f"The course cannot be shown: {exc}")
            return
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
            self.setup_view.show_error("That protocol is no longer available; pick another.")
            return
        if self.staff is not None and self.member is None:
            self.setup_view.show_error("Sign in first (Ctrl+Shift+L).")
            return
        if not sitter.strip() and self.member is not None:
            sitter = self.member.name
        try:
            opened = self.store.open_session(patient_code, protocol, sitter, actor=self.member)
        except JourneyError as exc:
            self.setup_view.show_error(f"{exc}.")
            return
        except StorageError as exc:
            log.warning("opening a session failed: %s", exc.__cause__.__class__.__name__)
            self.setup_view.show_error(f"{exc}. Try again.")
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
            self.status_banner.say(
                NOTICE, f"{exc}. The session is open; add it to the course later."
            )

    def resume(self, open_journeys: list[OpenJourney]) -> None:
        """Put the newest session left open back on screen (after a crash or power cut)."""
        if open_journeys:
            self.show_journey(open_journeys[-1])
        else:
            self.show_setup()

    def show_journey(self, opened: OpenJourney) -> None:
        if self.current is not None and self.current is not opened:
            # Only the session on screen speaks in the banner.
            self.current.recorder.off_status(self.save_status.emit)
        self.current = opened
        self._stay_awake(not opened.journey.closed)
        if self.member is not None:
            opened.journey.act_as(self.member)
        self.journey_view.set_course(self._course_text(opened.session_id))
        opened.recorder.on_status(self.save_status.emit)
        self._on_save_status(opened.recorder.problem)
        self.journey_view.show_journey(opened)
        self.sound_panel.follow(opened)
        self._turn_to(self.journey_view)

    def _course_text(self, session_id: int) -> str:
        """ "Session 3 of 6", or "" when the session is not part of a course."""
        try:
            course = self.records.courses.of_session(session_id)
        except StorageError:
            return ""
        number = course.number_of(session_id) if course is not None else None
        if course is None or number is None:
            return ""
        return f"Session {number} of {course.planned_sessions}"

    def _stay_awake(self, awake: bool) -> None:
        """Hold the PC awake exactly while a session is open; say what could not be held."""
        if self.keep_awake is None:
            return
        if not awake:
            self.keep_awake.release()
            self.wake_banner.clear()
            self.wake_banner.forget()  # the next session says it again
            return
        problems = self.keep_awake.hold("A ketamine-assisted therapy session is running")
        for problem in problems:
            log.warning("keeping the PC awake: %s", problem)
        if problems:
            self.wake_banner.say(
                " ".join(problems) + " Check the PC's power settings during this session."
            )
        else:
            self.wake_banner.clear()

    @property
    def shutting_down(self) -> bool:
        """The OS, the terminal or the desktop session asked kapdesk to end (:meth:`shut_down`)."""
        return getattr(self, "_shutting_down", False)

    def shut_down(self, why: str) -> None:
        """kapdesk is asked to end (``why``: a signal's name, the desktop session ending): close
        the orderly way and ask no one. What waits is written, any question on screen is put
        away unanswered, the sound fades out in a moment, the PC may sleep again, the locks
        are let go; a session stays open, to be picked up at the next start. Asking twice
        changes nothing."""
        if self.shutting_down:
            return
        log.info("asked to end (%s): closing; an open session stays open", why)
        fade = self._wind_down()
        self._silent_by = time.monotonic() + fade + SHUTDOWN_GRACE_S
        QTimer.singleShot(round(fade * 1000), self, self._end)

    def shut_down_now(self) -> None:
        """The event loop is ending (``aboutToQuit``) with the window still open: the same as
        :meth:`shut_down`, at once (no event loop is left to wait in; the fade is waited for
        here). A window already closed (by staff, or the orderly way) is left as it is."""
        if not self.isVisible():
            return
        log.info("the event loop ends with the window open: closing; a session stays open")
        fade = self._wind_down()
        silent_by = time.monotonic() + fade + SHUTDOWN_GRACE_S
        time.sleep(fade)
        while self._still_sounding(silent_by):
            time.sleep(0.02)
        self.close()
        self._let_go_of_locks()

    def _wind_down(self) -> float:
        """What comes before the window closes on a shutdown, each step on its own: a step that
        fails is logged and never holds the shutdown up. Seconds until the sound is silent."""
        self._shutting_down = True
        fade = 0.0
        try:
            self._put_questions_away()
        except Exception:
            log.exception("a dialog could not be put away before kapdesk ended")
        try:
            self.save_pending()
        except Exception:
            log.exception("what waited could not be written before kapdesk ended")
        try:
            fade = self.sound_panel.fade_away(SHUTDOWN_FADE_S) if self.attached else 0.0
        except Exception:
            log.exception("the sound could not be faded out before kapdesk ended")
        return fade

    def save_pending(self) -> None:
        """Write what waits to be written, once more (kapdesk is about to end), and the
        heartbeat that vouches for the journey's time up to now."""
        if not self.attached:
            return
        current = self.current
        if current is not None and current.recorder.pending:
            current.recorder.flush()
            if current.recorder.memory_only:
                log.error(
                    "session %s: %s entries could not be written before kapdesk ended",
                    current.session_id,
                    current.recorder.pending,
                )
        self.store.beat()

    def _put_questions_away(self) -> None:
        """Every dialog on screen is closed unanswered: none may hold a shutdown up."""
        from PySide6.QtWidgets import QApplication, QDialog  # noqa: PLC0415

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    def _still_sounding(self, silent_by: float) -> bool:
        """Whether the sound device still plays the end of its fade (until ``silent_by``)."""
        try:
            sounding = self.attached and self.sound_panel.sounding()
        except Exception:
            return False
        return sounding and time.monotonic() < silent_by

    def _end(self) -> None:
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        # The device (in real time, not the app clock) lags a little behind the fade.
        if self._still_sounding(self._silent_by):
            QTimer.singleShot(20, self, self._end)
            return
        self.close()
        self._let_go_of_locks()
        QApplication.quit()  # only while the event loop runs (not in an in-process test)

    def _let_go_of_locks(self) -> None:
        for lock in (self.writer_lock, self.instance_lock):
            release = getattr(lock, "release", None)
            if release is not None:
                release()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        from kapdesk.ui import theme  # noqa: PLC0415  (after the first frame)

        theme.scale_for(self, event.size())  # type grows with the window

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.shutting_down:
            self._close_everything()
            super().closeEvent(event)
            return
        if self.kiosk and self.attached and not getattr(self, "_may_close", False):
            event.ignore()  # Alt+F4 and the like: staff leave with Ctrl+Shift+Q
            if self.attached:
                self.status_banner.say(
                    CLOSING, "kapdesk runs full screen here: staff close it with Ctrl+Shift+Q."
                )
            return
        current = self.current
        asked = getattr(self, "_lose_memory", False)
        if current is not None and current.recorder.memory_only and not asked:
            event.ignore()  # the one case where closing loses a record: ask twice
            self._lose_memory = True
            self.status_banner.say(
                CLOSING,
                "Entries of this session are held only in memory (this PC cannot keep "
                "them on its disk): closing kapdesk now loses them. Close again to do so.",
            )
            return
        self._close_everything()
        super().closeEvent(event)

    def _close_everything(self) -> None:
        """The window closes: the sound device, the recorder, the beacon, the board and the
        inhibitors are let go (an open session stays open)."""
        current = self.current
        if self.attached:
            self.sound_panel.shut_down()
        if current is not None:
            current.recorder.close()  # what waits for the server stays in the outbox
        if self.presence is not None:
            self.presence.stop()
        board = getattr(self, "board_window", None)
        if board is not None:
            board.close()
        if self.keep_awake is not None:
            self.keep_awake.release()

    def entries_waiting(self) -> int:
        """Entries of the session on screen not yet on the server (read from another thread)."""
        current = self.current
        return current.recorder.pending if current is not None else 0

    def show_notice(self, text: str) -> None:
        """Something staff should pass on to an admin, in the banner."""
        self.status_banner.say(NOTICE, text)

    def _on_record_damaged(self, text: str) -> None:
        log.error("the record file was found damaged after it opened")
        self.damage_banner.say(text)

    def _on_save_status(self, problem: str | None) -> None:
        self.status_banner.say(SAVING, problem)

    def _turn_to(self, page: QWidget) -> None:
        """``page`` is on screen, loaded: what said a page could not load no longer holds."""
        self.status_banner.say(PAGE, None)
        self.pages.setCurrentWidget(page)
