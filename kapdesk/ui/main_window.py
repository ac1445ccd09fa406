"""The main window: one page at a time (set-up, journey, summary, past sessions), a banner for
anything staff must know about saving, and a line saying who is signed in.

Staff sign in before anything of a patient shows: the first start asks for the clinic's admin
account, every later start (and every unlock) for a name and PIN on the calm screen. The member
signed in acts on the journey on screen (:meth:`kapdesk.core.journey.Journey.act_as`), so their
roles are checked and their name goes on every record they make.

It is built over records already open (:class:`kapdesk.ui.start_window.StartWindow` is on
screen while they open, and this window takes its place), so everything it has is there from
its constructor on; each page is built the first time it is needed
(:mod:`kapdesk.ui.window_pages`), so the first page shows without waiting for the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.banner import NOTICE, SAVING, StatusBanner
from kapdesk.ui.close_policy import ClosePolicy
from kapdesk.ui.crossing import crossing
from kapdesk.ui.focus import FocusKeeper
from kapdesk.ui.formats import use_region
from kapdesk.ui.notices import Notice
from kapdesk.ui.page_routes import PageRoutes
from kapdesk.ui.sign_in import LOCK_KEY, SignIn
from kapdesk.ui.storage_ops import StorageOps
from kapdesk.ui.window_pages import WindowPages

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent

    from kapdesk.core.clock import Clock, SpeedClock
    from kapdesk.core.room import RoomSettings
    from kapdesk.records import Records
    from kapdesk.storage.journeys import OpenJourney
    from kapdesk.storage.presence import PresenceBeacon
    from kapdesk.ui.board_window import BoardWindow
    from kapdesk.ui.early_page import EarlyPage
    from kapdesk.ui.language import Language
    from kapdesk.ui.practice_band import PracticeBand
    from kapdesk.ui.room_backups import RoomBackups
    from kapdesk.ui.sound_panel import BackendFactory
    from kapdesk.wakefulness import KeepAwake

log = logging.getLogger(__name__)

HEARTBEAT_MS = 15_000  # how often the heartbeat is written while a session is open
# Loudness the library does not know (tracks an older kapdesk added, files replaced since) is
# measured this long after the window starts: by then it has settled and waits for staff.
MEASURE_AFTER_START_MS = 20_000
_LOCK_KEY_TEXT = LOCK_KEY
NO_PRACTICE_AUTOSTART = QT_TRANSLATE_NOOP(
    "MainWindow", "Practice does not start at login: set autostart in kapdesk without --practice."
)


class MainWindow(PageRoutes, SignIn, WindowPages):
    """kapdesk's window. Holds at most one session open at a time on the journey page."""

    def __init__(
        self,
        records: Records,
        *,
        clock: Clock,
        audio: BackendFactory | None = None,
        keep_awake: KeepAwake | None = None,
        practice: SpeedClock | None = None,
        early: EarlyPage | None = None,
    ) -> None:
        """The window over open ``records``, on the page they call for (a session left open
        comes back behind the sign-in). ``clock``: the window's, in real time; ``audio``
        makes the sound device when the first session needs it (None: no sound);
        ``keep_awake``: what keeps the PC awake while a session is open; ``practice``: the
        practice record's clock, in practice mode; ``early``: the first page the start window
        showed before the records were open, taken over with what is typed in it."""
        super().__init__()
        self.records = records
        # Dates, times and numbers as the clinic's region writes them, on every page and in
        # the printed record, from before the first page is built.
        use_region(records.clinic.region)
        self.store = records.store
        self.library = records.library
        self.sound_library = records.sound_library
        self.current: OpenJourney | None = None
        self._start_sign_in(early)
        # Kiosk mode and how the window closes, with their state: its seams below pass on to it.
        self.close_policy = ClosePolicy(self)
        self.presence: PresenceBeacon | None = None  # a room on a clinic server (app.py)
        self.instance_lock: object | None = None  # held while this window lives (app.start)
        self.writer_lock: object | None = records.writer  # the database file's, likewise
        self.keep_awake = keep_awake
        self.start_arguments: list[str] = []  # how this kapdesk was started (for autostart)
        self.start_problem_for_autostart = ""  # why this start cannot be repeated at login
        self.board_window: BoardWindow | None = None  # the clinic board, once asked for
        self.language: Language | None = None  # the translators it speaks with (app.window_on)
        self.setWindowTitle("kapdesk")
        self.setMinimumSize(1000, 580)
        self.save_status.connect(self._on_save_status)
        self.save_status_heard = crossing(self, "save_status")  # what the recorder's thread calls
        self.record_damaged.connect(self._on_record_damaged)
        self._make_frame()
        self.practice_band = self._practice(practice)  # its title before the room's name
        # The keyboard comes back after every form, with or without a window manager.
        self.focus_keeper = FocusKeeper(self, self.natural_focus)
        # A room set to kiosk mode shows the window full screen while it is built (in
        # _set_up_lock): everything its showing reaches must already be there.
        self.backups: RoomBackups | None = None
        # Each page is built the first time it is needed (kapdesk.ui.window_pages).
        self._start_pages(records, clock, audio)
        self._set_up_lock(clock, records)
        self.backups = self._make_backups(records)
        if self.backups is not None and self.isVisible():
            self.backups.start_soon()  # shown already, by the room's kiosk setting
        if self.practice_band is not None:
            self.board_button.hide()  # no clinic board from practice: it shows the clinic's
        # What kapdesk knows about time, beside the records, for a restart to check the wall
        # clock against (kapdesk.core.downtime); nothing is written while no session is open.
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(HEARTBEAT_MS)
        self.heartbeat.timeout.connect(records.store.beat)
        self.heartbeat.start()
        self.pages.currentChanged.connect(lambda _index: self._focus_on_page())
        self.pages.currentChanged.connect(lambda _index: self._calm_notices())
        if records.left_open:  # else set-up, once someone has signed in
            self.resume(records.left_open)
        self.ask_who()
        # The calm screen may have been the first page from the start (no page changed to
        # it): the notices over it are dim all the same.
        self._calm_notices()
        # The measurer asks the records what is due on a thread of its own, never this one;
        # not while a session plays (the PC's disk and cores are the music's), but after it
        # (the journey page starts it as a session closes).
        QTimer.singleShot(MEASURE_AFTER_START_MS, self, self._measure_unless_in_session)

    def _measure_unless_in_session(self) -> None:
        """Measure what the library does not know yet, unless a session is open: then its close
        does it."""
        if not self._journey_open():
            self.measurer.start()

    def _make_frame(self) -> None:
        """The banners above the pages, and the stack of pages."""
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
        # Storage work off the window's thread reports its failures here, under its topics.
        self.ops = StorageOps(self.status_banner.say, parent=self)
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
        self.pages = QStackedWidget(central)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    # -- kiosk mode and closing: the close policy's ---------------------------------------------

    @property
    def kiosk(self) -> bool:
        return self.close_policy.kiosk

    def enter_kiosk(self, *, asked: bool = False) -> None:
        """Full screen, no frame; ``asked`` by the command line (see :class:`ClosePolicy`)."""
        self.close_policy.enter_kiosk(asked=asked)

    def leave_kiosk(self) -> None:
        """Staff close kapdesk in kiosk mode (Ctrl+Shift+Q)."""
        self.close_policy.leave_kiosk()

    def leave_kiosk_setting(self) -> None:
        """The room's setting no longer asks for kiosk mode."""
        self.close_policy.leave_kiosk_setting()

    def bring_forward(self) -> None:
        """A second start of kapdesk asked for this window: on top, with focus."""
        self.close_policy.bring_forward()

    @property
    def shutting_down(self) -> bool:
        return self.close_policy.shutting_down

    def shut_down(self, why: str) -> None:
        """Asked to end (``why``): the orderly way, asking no one."""
        self.close_policy.shut_down(why)

    def shut_down_now(self) -> None:
        """The event loop is ending with the window open: the orderly way, at once."""
        self.close_policy.shut_down_now()

    def save_pending(self) -> None:
        """Write what waits to be written, and the heartbeat."""
        self.close_policy.save_pending()

    def entries_waiting(self) -> int:
        """Entries of the session on screen not yet on the server (from another thread)."""
        return self.close_policy.entries_waiting()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_policy.may_close():
            super().closeEvent(event)
        else:
            event.ignore()

    # -- keyboard focus -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown, and ready from the next turn of the event loop: what comes next follows.
        self.build_soon()
        if self.backups is not None:
            self.backups.start_soon()
        # Without a window manager nobody makes the window active: keys would go nowhere.
        if not self.isActiveWindow():
            self.activateWindow()

    def natural_focus(self) -> QWidget:
        """Where the page on screen takes the keyboard first: the PIN on the calm screen's pad,
        the note box on the journey screen (the page itself while it is not shown, so a key
        typed there still starts a note), else what had focus on the page last, or the page."""
        page = self.pages.currentWidget()
        if page is self.calm:
            return self.calm.pin if self.calm.pad.isVisible() else self.calm
        if self.page_name(page) == "journey":
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
        calm = self.pages.currentWidget() is self.calm
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
        if self.page_name(page) == "journey" or not self.focus_keeper.may_take_focus(
            self.focusWidget()
        ):
            self.focus_keeper.settle()

    # -- practice -------------------------------------------------------------------------------

    def _practice(self, clock: SpeedClock | None) -> PracticeBand | None:
        """Practice mode (a ``clock`` of its own): the practice band above every page (the
        calm screen too), with the trainer's speed of ``clock``, and "kapdesk — Practice" as
        the window's name whatever else would name it; None outside practice."""
        if clock is None:
            return None
        from kapdesk.core.practice import WINDOW_TITLE  # noqa: PLC0415
        from kapdesk.ui.practice_band import PracticeBand  # noqa: PLC0415

        central = self.centralWidget()
        assert central is not None
        band = PracticeBand(clock, central)
        layout = central.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, band)
        self.pages.currentChanged.connect(lambda _page: band.set_locked(self.locked))

        def keep_title(title: str) -> None:
            if title != WINDOW_TITLE:
                self.setWindowTitle(WINDOW_TITLE)

        self.windowTitleChanged.connect(keep_title)
        self.setWindowTitle(WINDOW_TITLE)
        self.start_problem_for_autostart = NO_PRACTICE_AUTOSTART
        return band

    def _make_backups(self, records: Records) -> RoomBackups | None:
        """This room's backups, for the records kept on this PC (never practice's)."""
        from kapdesk.ui.room_backups import RoomBackups  # noqa: PLC0415

        if records.paths is None or records.paths.practice:
            return None
        return RoomBackups(self, records.paths)

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
        if self.backups is not None:
            self.backups.room_saved(room)
        if self.practice_band is not None:
            return None  # practice: this PC's login is the clinic's
        return room_pc.follow_autostart(room.autostart, self.start_arguments)

    def apply_room(self, room: RoomSettings) -> None:
        """This room PC's settings, as saved: kiosk, the idle lock, the loudest sound."""
        if room.lock_minutes is not None:
            self.lock_seconds = room.lock_minutes * 60
        else:
            self.lock_seconds = self.records.clinic.lock_minutes * 60
        self.room_volume_limit = room.volume_limit
        if self.page_built("journey"):
            self.sound_panel.volume_limit = room.volume_limit  # from the next session's player
        if room.kiosk and not self.kiosk:
            self.enter_kiosk()
        elif not room.kiosk:
            self.leave_kiosk_setting()
        if room.room_name:
            self.store.room = room.room_name  # the next session is recorded under it
            if self.presence is not None:
                self.presence.room = room.room_name
        title = f"kapdesk · {room.room_name}" if room.room_name else "kapdesk"
        self.setWindowTitle(title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        from kapdesk.ui import theme  # noqa: PLC0415  (after the first frame)

        theme.scale_for(self, event.size())  # type grows with the window

    def show_notice(self, text: str) -> None:
        """Something staff should pass on to an admin, in the banner."""
        self.status_banner.say(NOTICE, text)

    def _on_record_damaged(self, text: str) -> None:
        log.error("the record file was found damaged after it opened")
        self.damage_banner.say(text)

    def _on_save_status(self, problem: str | None) -> None:
        self.status_banner.say(SAVING, problem)
        self.close_policy.saving_changed()
