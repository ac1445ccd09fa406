"""The main window's pages, each built the first time it is needed: the first page on screen
(the sign-in, the first admin, or a journey left open behind the sign-in) does not wait for
the others.

A page is built, wired to the window's routes and put in the stack of pages the first time
anything reads it (``window.library_view``); set-up and the journey, where staff go next, are
built in the idle moments after the window is shown, one per turn of the event loop, so a
signed-in nurse never waits for them. Whatever must follow a page once it exists (the backups'
notice on set-up, a backup after a session closes) asks :meth:`WindowPages.when_built`.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer

from kapdesk.ui.clinic_units import clinic_units
from kapdesk.ui.window_parts import WindowParts

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from kapdesk.core.clock import Clock
    from kapdesk.records import Records
    from kapdesk.ui.course_view import CourseView
    from kapdesk.ui.followups_view import FollowUpsView
    from kapdesk.ui.history_view import HistoryView
    from kapdesk.ui.integration_view import IntegrationView
    from kapdesk.ui.journey_view import JourneyView
    from kapdesk.ui.library_measure import Measurer
    from kapdesk.ui.library_view import LibraryView
    from kapdesk.ui.preparation_panel import PreparationPanel
    from kapdesk.ui.print_job import PdfSaver
    from kapdesk.ui.setup_view import SetupView
    from kapdesk.ui.sound_panel import BackendFactory, SoundPanel
    from kapdesk.ui.staff_view import StaffView
    from kapdesk.ui.summary_view import SummaryView
    from kapdesk.ui.timeline_view import TimelineView

log = logging.getLogger(__name__)

# Built in the window's idle moments once it is shown, in this order: where staff go next.
SOON = ("setup", "journey")
# What each of them imports, loaded a turn of the event loop before it is built: no turn keeps
# a key typed meanwhile waiting for both.
_MODULES = {
    "setup": ("kapdesk.ui.setup_view",),
    "journey": (
        "kapdesk.ui.journey_view",
        "kapdesk.ui.observation_panel",
        "kapdesk.ui.preparation_panel",
    ),
}


class WindowPages(WindowParts):
    """The main window's pages, built on first use (or soon after the window is shown)."""

    def _start_pages(self, records: Records, clock: Clock, audio: BackendFactory | None) -> None:
        """Nothing built yet; what the pages are built over (called once, by the constructor)."""
        self._page_clock = clock
        self._page_audio = audio
        self._built: dict[str, QWidget] = {}
        self._on_built: dict[str, list[Callable[[], None]]] = {}
        self.build_times: dict[str, float] = {}  # seconds each page took to build, as built
        self._measurer: Measurer | None = None
        self._soon_started = False
        self.sounds = list(records.sounds)
        self.soundtracks = []
        self.room_volume_limit = records.room_pc.room.volume_limit  # as apply_room sets it
        self.units = clinic_units(records.clinic)  # temperatures and weights, typed and read

    # -- which pages are built ------------------------------------------------------------------

    def page_built(self, name: str) -> bool:
        """Whether the page ``name`` ("setup", "journey", "library"...) is built yet."""
        return name in self._built

    def page_name(self, page: QWidget | None) -> str | None:
        """The name of ``page`` if it is one of the pages built here, else None (the calm
        screen, the first admin's page, nothing). Never builds a page."""
        for name, built in self._built.items():
            if built is page:
                return name
        return None

    def when_built(self, name: str, then: Callable[[], None]) -> None:
        """Run ``then`` once the page ``name`` exists: now if it does."""
        if name in self._built:
            then()
        else:
            self._on_built.setdefault(name, []).append(then)

    def build_soon(self) -> None:
        """Build the pages staff go to next in the idle moments from now on, one at a time
        (the window shows them the moment they are asked for, built or not)."""
        if not self._soon_started:
            self._soon_started = True
            QTimer.singleShot(0, self, self._build_next_soon)

    def _build_next_soon(self) -> None:
        """One step towards the next page of :data:`SOON`: its modules, or the page itself."""
        name = next((name for name in SOON if name not in self._built), None)
        if name is None or not self.isVisible():  # all built, or the window closed meanwhile
            return
        missing = [module for module in _MODULES.get(name, ()) if module not in sys.modules]
        if missing:
            for module in missing:
                importlib.import_module(module)
        else:
            self._page(name)
        QTimer.singleShot(0, self, self._build_next_soon)

    def _page(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is not None:
            return page
        started = time.perf_counter()
        make: Callable[[], QWidget] = getattr(self, f"_make_{name}")
        page = make()
        self._built[name] = page
        self.pages.addWidget(page)
        self.build_times[name] = time.perf_counter() - started
        log.debug("the %s page was built in %.0f ms", name, self.build_times[name] * 1000)
        for then in self._on_built.pop(name, []):
            try:
                then()
            except Exception:  # one follower's fault never costs the others theirs
                log.exception("what follows the %s page failed as it was built", name)
        return page

    # -- the pages, as the window's parts read them ----------------------------------------------

    @property
    def setup_view(self) -> SetupView:
        return cast("SetupView", self._page("setup"))

    @property
    def journey_view(self) -> JourneyView:
        return cast("JourneyView", self._page("journey"))

    @property
    def sound_panel(self) -> SoundPanel:
        self._page("journey")
        return self._sound_panel

    @property
    def preparation(self) -> PreparationPanel:
        self._page("journey")
        return self._preparation

    @property
    def summary_view(self) -> SummaryView:
        return cast("SummaryView", self._page("summary"))

    @property
    def history_view(self) -> HistoryView:
        return cast("HistoryView", self._page("history"))

    @property
    def library_view(self) -> LibraryView:
        return cast("LibraryView", self._page("library"))

    @property
    def timeline_view(self) -> TimelineView:
        return cast("TimelineView", self._page("timeline"))

    @property
    def integration_view(self) -> IntegrationView:
        return cast("IntegrationView", self._page("integration"))

    @property
    def course_view(self) -> CourseView:
        return cast("CourseView", self._page("course"))

    @property
    def followups_view(self) -> FollowUpsView:
        return cast("FollowUpsView", self._page("followups"))

    @property
    def staff_view(self) -> StaffView:
        return cast("StaffView", self._page("staff"))

    # -- loudness, measured without the library's page -------------------------------------------

    @property
    def measurer(self) -> Measurer:
        """What measures the library's loudness (after start, after each session, as the
        library opens): made the first time it is needed, the library's page or not."""
        if self._measurer is None:
            from kapdesk.ui.library_measure import Measurer  # noqa: PLC0415

            self._measurer = Measurer(self.records.sound_library, self)
        return self._measurer

    def stop_measuring(self, wait: float) -> None:
        """The window closes: a measuring run's child is killed (nothing if none was made)."""
        if self._measurer is not None:
            self._measurer.stop(wait=wait)

    # -- how each page is built and wired --------------------------------------------------------

    def _make_setup(self) -> QWidget:
        from kapdesk.core.soundtrack import default_soundtracks  # noqa: PLC0415
        from kapdesk.ui.setup_view import SetupView  # noqa: PLC0415

        records = self.records
        self.bundled_soundtracks = default_soundtracks(self.sounds)
        page = SetupView(self.ops)
        page.courses_of = records.courses.of_patient
        page.target_loudness = records.clinic.target_loudness
        page.open_requested.connect(self.open_session)
        page.history_requested.connect(self.show_history)
        page.followups_requested.connect(self.show_followups)
        page.staff_requested.connect(self.show_staff)
        page.library_requested.connect(self.show_library)
        return page

    def _make_journey(self) -> QWidget:
        from kapdesk.core.observations import DEFAULT_TAGS  # noqa: PLC0415
        from kapdesk.ui.journey_view import JourneyView  # noqa: PLC0415
        from kapdesk.ui.observation_panel import ObservationPanel  # noqa: PLC0415
        from kapdesk.ui.preparation_panel import PreparationPanel  # noqa: PLC0415
        from kapdesk.ui.sound_panel import SoundPanel  # noqa: PLC0415

        records, clock = self.records, self._page_clock
        page = JourneyView()
        page.units = self.units
        page.spoken = self._language_spoken
        self._sound_panel = SoundPanel(clock, self._page_audio)
        self._sound_panel.target_loudness = records.clinic.target_loudness
        self._sound_panel.volume_limit = self.room_volume_limit
        page.place_sound(self._sound_panel)
        page.place_observations(ObservationPanel(records.tags or DEFAULT_TAGS, units=self.units))
        self._preparation = PreparationPanel(clock, records.clinic.breathing)
        self._preparation.units = self.units
        page.place_preparation(self._preparation)
        self._preparation.questionnaires_requested.connect(self._questionnaires_before_dosing)
        page.session_closed.connect(lambda _id: self._stay_awake(False))
        page.session_closed.connect(self.show_integration)
        # The library's loudness is measured after a session, never while one plays.
        page.session_closed.connect(lambda _id: self.measurer.start())
        page.history_requested.connect(self.show_history)
        page.timeline_requested.connect(self.show_timeline)
        page.switch_user_requested.connect(self.switch_user)
        return page

    def _language_spoken(self) -> str:
        """The language the window speaks (English until it has its translators)."""
        return self.language.code if self.language is not None else "en"

    def _make_summary(self) -> QWidget:
        from kapdesk.ui.summary_view import SummaryView  # noqa: PLC0415

        page = SummaryView(self.ops, units=self.units)
        self._set_up_saver(page.saver)
        page.make_record = self._print_record
        page.integration_requested.connect(self.show_integration)
        page.new_session_requested.connect(self.show_setup)
        page.history_requested.connect(self.show_history)
        page.timeline_requested.connect(self.show_timeline)
        return page

    def _make_history(self) -> QWidget:
        from kapdesk.ui.history_view import HistoryView  # noqa: PLC0415

        page = HistoryView(self.ops)
        page.session_chosen.connect(self.choose_session)
        page.back_requested.connect(self.go_home)
        return page

    def _make_library(self) -> QWidget:
        from kapdesk.ui.library_view import LibraryView  # noqa: PLC0415

        records = self.records
        page = LibraryView(
            records.sound_library,
            self.sounds,
            records.library,
            ops=self.ops,
            target=records.clinic.target_loudness,
            measurer=self.measurer,
        )
        page.kept = records.printing.kept  # never saved over
        page.back_requested.connect(self.go_home)
        return page

    def _make_timeline(self) -> QWidget:
        from kapdesk.ui.timeline_view import TimelineView  # noqa: PLC0415

        page = TimelineView(self.ops, units=self.units)
        page.back_requested.connect(self._back_from_timeline)
        return page

    def _make_integration(self) -> QWidget:
        from kapdesk.ui.integration_view import IntegrationView  # noqa: PLC0415

        page = IntegrationView(self.ops)
        self._set_up_saver(page.saver)
        page.make_handout = self._print_handout
        page.record_requested.connect(self.show_summary)
        page.new_session_requested.connect(self.show_setup)
        page.back_requested.connect(self.show_history)
        page.course_requested.connect(self.show_course)
        return page

    def _make_course(self) -> QWidget:
        from kapdesk.ui.course_view import CourseView  # noqa: PLC0415

        page = CourseView(self.ops)
        page.back_requested.connect(self._back_from_course)
        return page

    def _make_followups(self) -> QWidget:
        from kapdesk.ui.followups_view import FollowUpsView  # noqa: PLC0415

        page = FollowUpsView(self.ops)
        page.plan_requested.connect(self.show_integration)
        page.back_requested.connect(self.go_home)
        return page

    def _make_staff(self) -> QWidget:
        from kapdesk.ui.staff_view import StaffView  # noqa: PLC0415

        page = StaffView(self.ops)
        page.back_requested.connect(self.go_home)
        page.accounts_changed.connect(self.refresh_member)
        page.room_saver = self.save_room
        return page

    def _set_up_saver(self, saver: PdfSaver) -> None:
        """Where a record or handout is saved as PDF, and who may."""
        printing = self.records.printing
        saver.kept = printing.kept  # never saved over
        saver.refusal = self._export_refusal
        saver.clinic_folder = printing.documents or self.records.clinic.documents
        saver.file_prefix = printing.file_prefix
