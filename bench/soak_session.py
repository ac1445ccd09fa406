"""The soak bench's session: the whole kapdesk window on a clock the bench moves, and what staff
do in it, each through the real widgets with key presses and clicks (as the UI tests do).

Every lookup of the window's parts is here, in :class:`Room`: the one place to change if they
move. Nothing here sleeps: waiting means running Qt's event loop until a condition holds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind

if TYPE_CHECKING:
    from kapdesk.ui.main_window import MainWindow

STAFF_NAME, STAFF_PIN = "Robin Hale", "4862"
SITTER = "Alex Kim"
PATIENT = "P-SOAK"
PROTOCOL = "esketamine-intranasal"
SOUNDTRACK = "Bench"  # saved by bench.sound's "library" child
SAVING = "Saving…"
WAIT_LIMIT_S = 30.0


class SoakClock(FakeClock):
    """A :class:`FakeClock` the bench steps by hand; after :meth:`run_real`, it goes on from
    where it was at the pace of the machine's monotonic clock (for the idle measurement)."""

    def __init__(self) -> None:
        super().__init__(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
        self._real_from: float | None = None

    def run_real(self) -> None:
        self._real_from = time.monotonic()

    def _run(self) -> float:
        return 0.0 if self._real_from is None else time.monotonic() - self._real_from

    def monotonic(self) -> float:
        return super().monotonic() + self._run()

    def now(self) -> datetime:
        return super().now() + timedelta(seconds=self._run())

    def since_boot(self) -> float | None:
        since = super().since_boot()
        return None if since is None else since + self._run()


def wait_until(condition: Callable[[], bool], what: str, limit_s: float = WAIT_LIMIT_S) -> None:
    """Run the event loop until ``condition`` holds (the window's threads report back)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"bench.soak: waited {limit_s:.0f} s for {what}")
        QTest.qWait(2)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


class Room:
    """The window and what staff do in it."""

    def __init__(self, window: MainWindow, clock: SoakClock, *, drop_forms: bool = False) -> None:
        """``drop_forms``: delete each vital signs form once it has closed (what kapdesk does
        not do today), to measure what that would save."""
        self.window = window
        self.clock = clock
        self.drop_forms = drop_forms
        self.notes = self.vitals_taken = self.timelines = self.quiets = self.skips = 0

    # -- where things are -----------------------------------------------------------------------

    def page(self) -> QWidget | None:
        return self.window.pages.currentWidget()

    def on_journey(self) -> bool:
        return self.page() is self.window.journey_view

    def events(self) -> int:
        current = self.window.current
        return len(current.journey.events) if current is not None else 0

    def pending(self) -> int:
        current = self.window.current
        return int(current.recorder.pending) if current is not None else 0

    def phases_seen(self) -> int:
        """Phase changes recorded (the protocol's timed ones, or staff's)."""
        current = self.window.current
        if current is None:
            return 0
        return sum(1 for event in current.journey.events if event.kind is EventKind.PHASE)

    def phase(self) -> str:
        return str(self.window.journey_view.phase_name.text())

    # -- the bench's hand on time ---------------------------------------------------------------

    def step(self, seconds: float = 1.0) -> None:
        """Time passes: the journey and the sound card tick, the event loop turns."""
        self.clock.advance(seconds)
        self.window.journey_view.tick()
        self.window.sound_panel._tick()  # its timer waits for real time
        QApplication.processEvents()

    def settle(self) -> None:
        """Until the recorder has written everything and no panel says "Saving…"; and the
        window's store calls have come back."""

        def settled() -> bool:
            if self.pending() or not self.window.ops.idle():
                return False
            view = self.window.journey_view
            panel = view.observations
            if panel is not None and panel.status.text().startswith(SAVING):
                return False
            preparation = view.preparation
            return preparation is None or preparation.intention_state.text() != SAVING

        wait_until(settled, "the recorder to write what was recorded")

    # -- staff ----------------------------------------------------------------------------------

    def sign_in(self) -> None:
        """The clinic's first admin account, typed into the first-admin form (a fresh
        database), or the PIN on the calm screen."""
        window = self.window
        if window.pages.currentWidget() is window.first_admin_view:
            form = window.first_admin_view.form
            QTest.keyClicks(form.name, STAFF_NAME)
            QTest.keyClicks(form.pin, STAFF_PIN)
            QTest.keyClicks(form.again, STAFF_PIN)
            QTest.keyClick(form.again, Qt.Key.Key_Return)
        else:
            window.calm.choose(STAFF_NAME)
            QTest.keyClicks(window.calm.pin, STAFF_PIN)
            QTest.keyClick(window.calm.pin, Qt.Key.Key_Return)
        wait_until(lambda: window.member is not None, "signing in")
        wait_until(window.ops.idle, "the page behind sign-in to load")

    def open_session(self) -> None:
        """Set-up: the patient's code, the protocol, the sitter, the soundtrack; Open."""
        setup = self.window.setup_view
        wait_until(lambda: self.page() is setup, "the set-up page")
        wait_until(lambda: setup.soundtrack.findText(SOUNDTRACK) >= 0, "the saved soundtracks")
        patient = setup.patient.lineEdit()
        assert isinstance(patient, QLineEdit)
        QTest.keyClicks(patient, PATIENT)
        for row in range(setup.protocols.count()):
            item = setup.protocols.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == PROTOCOL:
                setup.protocols.scrollToItem(item)
                spot = setup.protocols.visualItemRect(item).center()
                QTest.mouseClick(setup.protocols.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        sitter = setup.sitter.lineEdit()
        assert isinstance(sitter, QLineEdit)
        QTest.keyClicks(sitter, SITTER)
        setup.soundtrack.setCurrentText(SOUNDTRACK)  # as the UI tests pick from a combo box
        click(setup.open_button)
        wait_until(lambda: self.window.current is not None, "the session to open")
        wait_until(self.on_journey, "the journey page")
        self.settle()

    def give_dose(self) -> None:
        """Ctrl+D, the dose form's amount and lot, Record."""
        view = self.window.journey_view
        QTest.keyClick(self.window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        dialog = view.dose_dialog
        if dialog is None:
            raise RuntimeError("bench.soak: Ctrl+D opened no dose form")
        wait_until(dialog.isVisible, "the dose form")
        dialog.amount.selectAll()
        QTest.keyClicks(dialog.amount, "56")
        QTest.keyClicks(dialog.lot, "LOT-SOAK")
        click(dialog.record)
        wait_until(lambda: not dialog.isVisible(), "the dose form to close")
        current = self.window.current
        if current is None or not current.journey.dosed:
            raise RuntimeError(f"bench.soak: the dose was not recorded ({dialog.error.text()})")
        self.settle()

    def note(self, text: str) -> None:
        panel = self.window.journey_view.observations
        assert panel is not None
        QTest.keyClicks(panel.note, text)
        QTest.keyClick(panel.note, Qt.Key.Key_Return)
        self.notes += 1

    def vitals(self, systolic: int) -> None:
        """The vital signs form: opened with its button, typed, Enter."""
        panel = self.window.journey_view.observations
        assert panel is not None
        before = panel.vitals_dialog
        click(panel.vitals_button)
        dialog = panel.vitals_dialog
        if dialog is None or dialog is before:
            raise RuntimeError("bench.soak: the vital signs form did not open")
        for name, value in (
            ("systolic", str(systolic)),
            ("diastolic", "78"),
            ("heart_rate", "74"),
            ("spo2", "98"),
        ):
            if name in dialog.fields:
                QTest.keyClicks(dialog.fields[name], value)
        QTest.keyClick(dialog.fields["spo2"], Qt.Key.Key_Return)
        self.vitals_taken += 1
        if self.drop_forms:
            wait_until(lambda: not dialog.isVisible(), "the vital signs form to close")
            dialog.deleteLater()

    def quiet(self) -> None:
        click(self.window.sound_panel.quiet_button)
        self.quiets += 1

    def skip(self) -> None:
        click(self.window.sound_panel.skip_button)
        self.skips += 1

    def timeline(self) -> None:
        """Open the session's timeline with its button, wait for it, and go back (Esc)."""
        click(self.window.journey_view.timeline_button)
        timeline = self.window.timeline_view
        wait_until(lambda: self.page() is timeline, "the timeline page")
        wait_until(lambda: timeline.model.rowCount() > 0, "the timeline's rows")
        QApplication.processEvents()
        QTest.keyClick(self.window, Qt.Key.Key_Escape)
        wait_until(self.on_journey, "the journey page after the timeline")
        self.timelines += 1
