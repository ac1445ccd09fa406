"""What the parts of the main window share: its signals, and the pieces each part reaches.

:class:`kapdesk.ui.main_window.MainWindow` is made of parts, one module each: the page routing
(:mod:`kapdesk.ui.page_routes`), the lock and sign-in (:mod:`kapdesk.ui.sign_in`); kiosk mode
and the close policy are an object the window holds (:mod:`kapdesk.ui.close_policy`). What
they share is named here once, with its types; the window sets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

    from kapdesk.core.clock import Clock
    from kapdesk.core.protocol_files import ProtocolLibrary
    from kapdesk.core.room import RoomSettings
    from kapdesk.core.soundtrack import BundledSound, Soundtrack
    from kapdesk.core.staff import Action, StaffMember
    from kapdesk.core.units import Units
    from kapdesk.records import Records
    from kapdesk.reports.pages import Printed
    from kapdesk.storage.audit_queue import AuditQueue
    from kapdesk.storage.journeys import JourneyStore, OpenJourney
    from kapdesk.storage.library import SoundLibrary
    from kapdesk.storage.presence import PresenceBeacon
    from kapdesk.storage.staff import StaffStore
    from kapdesk.ui.banner import StatusBanner
    from kapdesk.ui.board_window import BoardWindow
    from kapdesk.ui.calm_screen import CalmScreen
    from kapdesk.ui.course_view import CourseView
    from kapdesk.ui.crossing import Crossing
    from kapdesk.ui.first_admin_view import FirstAdminView
    from kapdesk.ui.focus import FocusKeeper
    from kapdesk.ui.followups_view import FollowUpsView
    from kapdesk.ui.history_view import HistoryView
    from kapdesk.ui.integration_view import IntegrationView
    from kapdesk.ui.journey_view import JourneyView
    from kapdesk.ui.language import Language
    from kapdesk.ui.library_measure import Measurer
    from kapdesk.ui.library_view import LibraryView
    from kapdesk.ui.notices import Notice
    from kapdesk.ui.practice_band import PracticeBand
    from kapdesk.ui.preparation_panel import PreparationPanel
    from kapdesk.ui.setup_view import SetupView
    from kapdesk.ui.sound_panel import SoundPanel
    from kapdesk.ui.staff_view import StaffView
    from kapdesk.ui.storage_ops import StorageOps
    from kapdesk.ui.summary_view import SummaryView
    from kapdesk.ui.timeline_view import TimelineView
    from kapdesk.wakefulness import KeepAwake


class WindowParts(QMainWindow):
    """The main window as each of its parts sees it."""

    brought_forward = Signal()  # a second start handed over to this window
    # The recorder's word on saving (None: all saved); its delivery thread may say it, so it
    # crosses over to the window's thread as a queued signal.
    save_status = Signal(object)
    # Damage the full check of a big record file found after it opened (from its thread).
    record_damaged = Signal(object)  # kapdesk's words: a Signal(str) would keep only the English

    # Everything is set by the window's constructor, over records already open; the pages
    # are built when first read (see kapdesk.ui.window_pages).
    current: OpenJourney | None
    member: StaffMember | None
    presence: PresenceBeacon | None
    instance_lock: object | None
    writer_lock: object | None
    start_arguments: list[str]
    start_problem_for_autostart: str
    practice_band: PracticeBand | None
    board_window: BoardWindow | None
    status_banner: StatusBanner
    ops: StorageOps
    wake_banner: Notice
    damage_banner: Notice
    keep_awake: KeepAwake | None
    pages: QStackedWidget
    focus_keeper: FocusKeeper
    records: Records
    store: JourneyStore
    library: ProtocolLibrary
    sound_library: SoundLibrary
    soundtracks: list[Soundtrack]
    bundled_soundtracks: list[Soundtrack]
    sounds: list[BundledSound]
    room_volume_limit: float  # the room's loudest sound, for the sound panel once built
    units: Units  # the clinic's: temperatures and weights as staff type and read them
    language: Language | None  # the translators it speaks with (app.window_on)
    calm: CalmScreen
    first_admin_view: FirstAdminView
    staff: StaffStore | None
    audit_lines: AuditQueue | None  # the staff store's audit lines, off the window's thread
    lock_seconds: float
    save_status_heard: Crossing  # save_status, for the recorder's thread to call
    board_button: QPushButton
    lock_button: QPushButton
    _clock: Clock
    _banner_page: QWidget | None  # the page a refusal's switch belongs to

    if TYPE_CHECKING:  # defined by the parts, used across them
        # The pages, each built the first time it is read (kapdesk.ui.window_pages).
        @property
        def setup_view(self) -> SetupView: ...
        @property
        def journey_view(self) -> JourneyView: ...
        @property
        def sound_panel(self) -> SoundPanel: ...
        @property
        def preparation(self) -> PreparationPanel: ...
        @property
        def summary_view(self) -> SummaryView: ...
        @property
        def history_view(self) -> HistoryView: ...
        @property
        def library_view(self) -> LibraryView: ...
        @property
        def timeline_view(self) -> TimelineView: ...
        @property
        def integration_view(self) -> IntegrationView: ...
        @property
        def course_view(self) -> CourseView: ...
        @property
        def followups_view(self) -> FollowUpsView: ...
        @property
        def staff_view(self) -> StaffView: ...
        @property
        def measurer(self) -> Measurer: ...
        def page_built(self, name: str) -> bool: ...
        def page_name(self, page: QWidget | None) -> str | None: ...
        def when_built(self, name: str, then: Callable[[], None]) -> None: ...
        def stop_measuring(self, wait: float) -> None: ...
        def open_session(
            self, patient_code: str, protocol_id: str, sitter: str, soundtrack: int = -1
        ) -> None: ...
        def show_setup(self) -> None: ...
        def show_history(self) -> None: ...
        def show_followups(self) -> None: ...
        def show_library(self) -> None: ...
        def choose_session(self, session_id: int) -> None: ...
        def _back_from_timeline(self) -> None: ...
        def _back_from_course(self) -> None: ...
        def _questionnaires_before_dosing(self) -> None: ...
        def _print_record(self, session_id: int) -> Printed: ...
        def _print_handout(self, session_id: int) -> Printed: ...
        def _export_refusal(self) -> str | None: ...

        @property
        def locked(self) -> bool: ...
        @property
        def kiosk(self) -> bool: ...
        def lock(self, ask: bool = False) -> None: ...
        def switch_user(self, again: str | Callable[[], None] | None = None) -> None: ...
        def go_home(self) -> None: ...
        def show_staff(self) -> None: ...
        def show_board(self) -> None: ...
        def show_integration(self, session_id: int) -> None: ...
        def show_course(self, session_id: int, moment: str = "follow-up") -> None: ...
        def show_timeline(self, session_id: int) -> None: ...
        def show_summary(self, session_id: int) -> None: ...
        def apply_room(self, room: RoomSettings) -> None: ...
        def save_room(self, room: RoomSettings) -> str | None: ...
        def enter_kiosk(self, *, asked: bool = False) -> None: ...
        def refresh_member(self) -> None: ...
        def _journey_open(self) -> bool: ...
        def _audit(self, action: str, subject: str = "", **detail: object) -> None: ...
        def _refused(self, action: Action, retry: Callable[[], None] | None = None) -> bool: ...
        def _refusal(self, action: Action) -> str | None: ...
        def _stay_awake(self, awake: bool) -> None: ...
        def _turn_to(self, page: QWidget) -> None: ...
        def _on_save_status(self, problem: str | None) -> None: ...
