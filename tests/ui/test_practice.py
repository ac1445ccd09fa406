"""Practice mode in the window: its own record, "Practice" above every page, the trainer's
speed buttons, and nothing of it in the clinic's record or on the clinic board."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window, start
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind
from kapdesk.core.observations import note_data
from kapdesk.core.practice import MARK, SPEEDS, WINDOW_TITLE
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.board_window import BoardWindow
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.practice_band import PracticeBand
from kapdesk.ui.start_window import StartWindow
from tests.support.crash import ROOT, child_env, driver, first_line, run_driver
from tests.support.ops import settle
from tests.support.pdf_text import pdf_pages
from tests.ui.conftest import sign_in, sign_in_account
from tests.ui.test_journey_flow import _give_dose, _open_session

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _band(window: MainWindow) -> PracticeBand:
    """The practice band over ``window``'s pages (there in practice mode only)."""
    band = window.practice_band
    assert band is not None
    return band


@pytest.fixture
def practice_paths(paths: AppPaths) -> AppPaths:
    return paths.for_practice()


@pytest.fixture
def practice_storage(practice_paths: AppPaths) -> Iterator[Storage]:
    opened = open_storage(practice_paths, None)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def practice(
    qtbot: QtBot,
    qapp: QApplication,
    practice_storage: Storage,
    practice_paths: AppPaths,
    clock: FakeClock,
) -> MainWindow:
    """The window in practice mode, signed in."""
    theme.apply(qapp)
    return _practice_window(qtbot, practice_storage, practice_paths, clock)


def _practice_window(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> MainWindow:
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return sign_in(built)


def _band_on_top(window: MainWindow) -> bool:
    """The band is shown, across the top of the window, above the page on screen."""
    band = _band(window)
    page = window.pages.currentWidget()
    assert page is not None
    top = band.mapTo(window, band.rect().topLeft()).y()
    page_top = page.mapTo(window, page.rect().topLeft()).y()
    return (
        band.isVisible()
        and top < 20
        and band.width() > window.width() * 0.9
        and page_top >= top + band.height()
        and band.visibleRegion().boundingRect().height() == band.height()  # nothing covers it
    )


def _folder_prints(folder: Path, leave_out: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and leave_out not in path.parents
    }


def test_practice_says_so_above_every_page_and_on_the_lock_screen(
    qtbot: QtBot, practice: MainWindow
) -> None:
    window = practice
    assert window.windowTitle() == WINDOW_TITLE
    assert "Practice" in _band(window).words.text()
    assert not window.board_button.isVisible()  # the board is the clinic's, not practice's
    qtbot.keyClick(window, Qt.Key.Key_B, SHIFT_CTRL)
    assert window.board_window is None
    pages = [  # each built as it is read (the window builds a page when first needed)
        window.calm,
        window.first_admin_view,
        window.setup_view,
        window.journey_view,
        window.summary_view,
        window.history_view,
        window.library_view,
        window.timeline_view,
        window.integration_view,
        window.course_view,
        window.followups_view,
        window.staff_view,
    ]
    assert window.pages.count() == len(pages)  # every page the stack holds is here
    for page in pages:
        window.pages.setCurrentWidget(page)
        assert _band_on_top(window), page
    window.show_setup()
    _open_session(qtbot, window)
    assert window.pages.currentWidget() is window.journey_view
    assert _band_on_top(window)
    qtbot.keyClick(window, Qt.Key.Key_L, SHIFT_CTRL)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.calm)
    assert _band_on_top(window)
    # A room's settings name the window after the room; practice keeps its own name.
    window.setWindowTitle("kapdesk · Room 2")
    assert window.windowTitle() == WINDOW_TITLE


def test_the_band_is_calm_in_a_dark_room(practice: MainWindow) -> None:
    image = _band(practice).grab().toImage()
    colour = image.pixelColor(image.width() // 3, image.height() // 2)
    assert colour.lightness() < 60  # dim, as the theme's own surfaces
    assert not (colour.red() > colour.green() + 20 and colour.red() > colour.blue() + 20)


def test_the_speed_buttons_set_how_fast_practice_time_runs(
    qtbot: QtBot, practice: MainWindow, clock: FakeClock
) -> None:
    window = practice
    band = _band(window)
    assert band.speed_buttons[1].isChecked()
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    current = window.current
    assert current is not None
    journey = current.journey
    qtbot.mouseClick(band.speed_buttons[30], Qt.MouseButton.LeftButton)
    assert band.clock.speed == 30
    assert band.speed_buttons[30].isChecked()
    assert not band.speed_buttons[1].isChecked()
    before = journey.elapsed() or 0.0
    clock.advance(60)  # a real minute
    assert (journey.elapsed() or 0.0) - before == pytest.approx(30 * 60)
    for speed in SPEEDS:
        qtbot.mouseClick(band.speed_buttons[speed], Qt.MouseButton.LeftButton)
        at = journey.elapsed() or 0.0
        assert at >= before  # never back, never a jump at the press
        clock.advance(2)
        assert (journey.elapsed() or 0.0) - at == pytest.approx(2 * speed)
        before = journey.elapsed() or 0.0
    # The journey screen's timer shows practice time on its next second.
    qtbot.mouseClick(band.speed_buttons[10], Qt.MouseButton.LeftButton)
    shown = window.journey_view.timer_label.text()
    clock.advance(6)
    qtbot.waitUntil(lambda: window.journey_view.timer_label.text() != shown, timeout=10_000)


def _key(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """A key as staff press it: to whatever has the keyboard, or the window if nothing has."""
    qtbot.keyClick(QApplication.focusWidget() or window, key)


def test_the_speed_buttons_never_take_the_keyboard_nor_work_on_the_lock_screen(
    qtbot: QtBot, practice: MainWindow
) -> None:
    window = practice
    band = _band(window)
    sign_in_account(window, "Sam Ortiz", "5820", frozenset(Role))
    window.show_setup()
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.mouseClick(band.speed_buttons[10], Qt.MouseButton.LeftButton)
    assert band.clock.speed == 10  # the click still works
    assert QApplication.focusWidget() not in band.speed_buttons.values()
    qtbot.keyClicks(QApplication.focusWidget() or window, "E")  # a note, typed anywhere
    assert panel.note.hasFocus()
    assert panel.note.text() == "E"
    panel.note.clear()

    qtbot.keyClick(window, Qt.Key.Key_L, SHIFT_CTRL)
    qtbot.waitUntil(lambda: window.locked)
    assert not any(button.isEnabled() for button in band.speed_buttons.values())
    for _ in range(12):  # Tab round the lock screen, Space on whatever it reaches
        _key(qtbot, window, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() not in band.speed_buttons.values()
    _key(qtbot, window, Qt.Key.Key_Space)
    assert band.clock.speed == 10
    assert band.speed_buttons[10].isChecked()

    pin = window.calm.pin  # the pad is up: what Space pressed there is cleared, the PIN typed
    qtbot.waitUntil(pin.isVisible)
    qtbot.mouseClick(pin, Qt.MouseButton.LeftButton)
    qtbot.keyClick(pin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pin, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pin, "5820")
    qtbot.keyClick(pin, Qt.Key.Key_Return)
    assert not window.locked, window.calm.message.text()
    assert all(button.isEnabled() for button in band.speed_buttons.values())


def test_a_practice_session_leaves_the_clinics_record_untouched(
    qtbot: QtBot, paths: AppPaths, practice_paths: AppPaths, clock: FakeClock, protocol: Protocol
) -> None:
    real = open_storage(paths, None)  # the clinic's record, with a session of its own
    opened = JourneyStore(real, clock, "Room 1").open_session("P-REAL", protocol, "Jo")
    opened.journey.close("x")
    assert opened.recorder.flush(timeout=10.0)
    writers = list(opened.recorder._threads)
    opened.recorder.close()
    # The writer's connection goes back to the pool only as its thread ends; disposing before
    # that leaves it to be closed (and the file's witness rewritten) at some later moment.
    qtbot.waitUntil(lambda: not any(thread.is_alive() for thread in writers), timeout=15_000)
    real.engine.dispose()
    before = _folder_prints(paths.data_dir, practice_paths.data_dir)
    assert "kapdesk.sqlite3" in before

    practice_storage = open_storage(practice_paths, None)
    window = _practice_window(qtbot, practice_storage, practice_paths, clock)
    _open_session(qtbot, window, code="P-PRACTICE")
    _give_dose(qtbot, window)
    current = window.current
    assert current is not None
    panel = window.journey_view.observations
    assert panel is not None
    qtbot.keyClicks(panel.note, "Practice note")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Saved "))
    clock.advance(30 * 60)
    current.journey.close("Practice over")
    window.close()
    practice_storage.engine.dispose()

    assert _folder_prints(paths.data_dir, practice_paths.data_dir) == before
    real = open_storage(paths, None)
    try:
        codes = [s.patient_code for s in JourneyStore(real, clock).summaries(limit=None)]
    finally:
        real.engine.dispose()
    assert codes == ["P-REAL"]
    kept = open_storage(practice_paths, None)
    try:
        summary, journey = JourneyStore(kept, clock).load(current.session_id)
    finally:
        kept.engine.dispose()
    assert summary.patient_code == "P-PRACTICE"
    notes = [e.data.get("text") for e in journey.events if e.kind is EventKind.NOTE]
    assert notes == ["Practice note"]
    assert practice_paths.database.parent == paths.data_dir / "practice"


def test_the_clinic_board_shows_no_practice_room(
    qtbot: QtBot,
    storage: Storage,
    practice: MainWindow,
    clock: FakeClock,
    protocol: Protocol,
) -> None:
    JourneyStore(storage, clock, "Room 1").open_session("P-1", protocol, "Sam")
    _open_session(qtbot, practice, code="P-PRACTICE")
    assert practice.current is not None
    practice.current.journey.record_observation(
        EventKind.NOTE, note_data("in practice", [], "Sam Ortiz")
    )
    board = BoardWindow(storage, clock, show_patients=True)
    qtbot.addWidget(board)
    board.show()
    with qtbot.waitSignal(board.shown_update, timeout=10_000):
        board.start()
    qtbot.waitUntil(lambda: len(board.views) >= 1)
    rooms = [view.card.room for view in board.views if view.card is not None]
    assert rooms == ["Room 1"]
    patients = " ".join(view.patient.text() for view in board.views)
    assert "P-PRACTICE" not in patients
    board.close()


def test_a_record_printed_in_practice_says_so_on_every_page(
    qtbot: QtBot, practice: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    window = practice
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    current = window.current
    assert current is not None
    for minute in range(80):  # a long session: a record of several pages
        clock.advance(60)
        current.journey.record_observation(
            EventKind.NOTE, note_data(f"Minute {minute}: resting, breathing slow", [], "Sam")
        )
    current.journey.close("Practice over")
    window.show_summary(current.session_id)
    settle(window)
    record = tmp_path / "record.pdf"
    with qtbot.waitSignal(window.summary_view.saver.finished, timeout=30_000) as finished:
        window.summary_view.print_to(record)
    assert finished.args[1] is True
    pages = pdf_pages(record)
    assert len(pages) > 1
    for page in pages:  # PDFium may split a long page's words: compared without spaces
        assert "".join(MARK.split()) in "".join(page.split())


def test_practice_pdfs_are_saved_in_practices_own_folder_under_practice_names(
    qtbot: QtBot,
    practice_storage: Storage,
    practice_paths: AppPaths,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    """The clinic's documents folder holds real records under their real names: a practice
    PDF is never suggested there, nor under a name a real record has."""
    clinic_records = tmp_path / "Harbour Light records"
    practice_paths.clinic_settings.parent.mkdir(parents=True, exist_ok=True)
    practice_paths.clinic_settings.write_text(
        f'[clinic]\ndocuments = "{clinic_records}"\n', encoding="utf-8"
    )
    window = _practice_window(qtbot, practice_storage, practice_paths, clock)
    assert window.records.clinic.documents == str(clinic_records)  # the clinic's, read
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    current = window.current
    assert current is not None
    current.journey.close("Practice over")
    session_id = current.session_id
    own = practice_paths.data_dir / "documents"

    window.show_summary(session_id)

    settle(window)
    code = window.summary_view.patient_code
    qtbot.mouseClick(window.summary_view.save_pdf_button, Qt.MouseButton.LeftButton)
    dialog = window.summary_view.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert own.is_dir()  # made when first needed
    assert dialog.selectedFiles()[0] == str(own / f"practice-session-{session_id}-{code}.pdf")
    dialog.reject()

    window.show_integration(session_id)
    settle(window)  # the plan has come
    qtbot.mouseClick(window.integration_view.handout_pdf_button, Qt.MouseButton.LeftButton)
    dialog = window.integration_view.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selectedFiles()[0] == str(own / f"practice-handout-{session_id}-{code}.pdf")
    dialog.reject()
    assert not clinic_records.exists()


@pytest.mark.subprocess
def test_a_practice_kapdesk_and_the_real_one_run_side_by_side(qtbot: QtBot, tmp_path: Path) -> None:
    room = tmp_path / "room"
    real = subprocess.Popen(
        driver("instance", room), cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, text=True
    )
    try:
        assert json.loads(first_line(real)) == {"started": real.pid}  # the clinic's record open
        # This PC is meanwhile connected to a clinic server: practice never goes there.
        (room / "room.toml").write_text('database = "postgresql://kap@192.0.2.1/kapdesk"\n')
        shell = start(AppPaths.resolve(room).for_practice(), None, FakeClock(), audio=None)
        assert isinstance(shell, StartWindow)  # not handed over to the real one
        qtbot.addWidget(shell)
        assert shell.windowTitle() == WINDOW_TITLE  # practice from the first frame
        with qtbot.waitSignal(shell.ready, timeout=30_000):
            pass
        assert shell.start_problem is None
        window = shell.main_window
        assert window is not None
        qtbot.addWidget(window)
        assert window.windowTitle() == WINDOW_TITLE
        assert _band(window).isVisible()
        assert (room / "practice" / "kapdesk.sqlite3").is_file()
        assert window.records.storage.engine.dialect.name == "sqlite"
        assert window.presence is None  # no presence published, so on no board
        assert not (room / "practice" / "outbox.sqlite").exists()
        # A second real start still finds the real kapdesk, not practice, and steps aside.
        second = run_driver("instance", room)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert json.loads(first_line(real)) == {"brought_forward": True}
        assert real.poll() is None
        window.close()
    finally:
        os.kill(real.pid, signal.SIGKILL)
        real.wait(timeout=30)


def test_a_practice_session_left_open_after_running_fast_picks_up_where_it_was(
    qtbot: QtBot,
    practice: MainWindow,
    practice_storage: Storage,
    practice_paths: AppPaths,
    clock: FakeClock,
) -> None:
    _open_session(qtbot, practice)
    _give_dose(qtbot, practice)
    qtbot.mouseClick(_band(practice).speed_buttons[30], Qt.MouseButton.LeftButton)
    clock.advance(40)  # 20 minutes of practice
    current = practice.current
    assert current is not None
    current.journey.record_observation(EventKind.NOTE, note_data("Calm", [], "Sam Ortiz"))
    clock.advance(10)  # 5 more, after the note and the heartbeat it wrote
    shown = current.journey.elapsed() or 0.0
    practice.close()
    # Killed; practice started again two minutes later, its clock back at 1x.
    again = _practice_window(qtbot, practice_storage, practice_paths, clock.restart(120))
    view = again.journey_view
    assert again.current is not None
    journey = again.current.journey
    assert journey.time_vouched
    assert journey.downtime is not None
    assert journey.downtime.clock_moved == 0
    # On from the last moment practice wrote (the note, and the heartbeat with it), never
    # back before it, and never on by the real two minutes it was closed.
    assert 20 * 60 <= (journey.elapsed() or 0.0) <= shown
    assert not view.time_notice.isVisible()  # nothing to tell: no clock moved
    assert _band(again).speed_buttons[1].isChecked()


def test_at_speed_the_music_plays_at_its_own_pace_while_the_journey_runs_fast(
    qtbot: QtBot,
    qapp: QApplication,
    practice_storage: Storage,
    practice_paths: AppPaths,
    clock: FakeClock,
) -> None:
    from kapdesk.audio.fake import FakeBackend  # noqa: PLC0415
    from tests.ui.test_sound import _music  # noqa: PLC0415

    _music(practice_storage, clock)  # "Evening": 20 minutes of "Calm" before the peak
    backend = FakeBackend(clock)
    theme.apply(qapp)
    window = build_window(practice_storage, practice_paths, clock, audio=lambda: backend)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    sign_in(window)
    window.setup_view.soundtrack.setCurrentText("Evening")
    _open_session(qtbot, window)
    _give_dose(qtbot, window)
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    player = window.sound_panel.player
    assert player is not None
    current = window.current
    assert current is not None
    qtbot.mouseClick(_band(window).speed_buttons[30], Qt.MouseButton.LeftButton)
    started = player.position or 0.0
    elapsed = current.journey.elapsed() or 0.0
    clock.advance(20)  # ten minutes of practice; twenty seconds of music
    assert (current.journey.elapsed() or 0.0) - elapsed == pytest.approx(600)
    assert (player.position or 0.0) - started == pytest.approx(20)
    assert backend.music.loaded == Path("/music/calm.ogg")  # not skipped on to the next


def test_practice_leaves_this_pcs_autostart_as_the_clinic_set_it(
    qtbot: QtBot, practice: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kapdesk.cli import main  # noqa: PLC0415
    from kapdesk.core.room import load_room_settings  # noqa: PLC0415

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--data-dir", str(tmp_path / "data"), "install-desktop", "--autostart"]) == 0
    entry = tmp_path / "config" / "autostart" / "kapdesk.desktop"
    made = entry.read_text(encoding="utf-8")
    sign_in_account(practice, "Trainer", "5820", frozenset({Role.NURSE}))
    practice.show_staff()
    page = practice.staff_view
    page.tabs.setCurrentIndex(2)
    assert page.room_autostart.isChecked()  # the clinic's entry is there
    box = page.room_autostart  # a trainee unticks it, on its box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(12, box.height() // 2))
    assert not box.isChecked()
    page.room_name.selectAll()
    qtbot.keyClicks(page.room_name, "Training room")
    qtbot.mouseClick(page.room_save, Qt.MouseButton.LeftButton)
    assert page.room_note.text().startswith("Saved.")
    assert entry.read_text(encoding="utf-8") == made
    assert practice.windowTitle() == WINDOW_TITLE
    saved, _problem = load_room_settings(tmp_path / "data" / "practice" / "room.toml")
    assert saved.room_name == "Training room"  # practice's own room file, not the clinic's
    assert not (tmp_path / "data" / "room.toml").exists()
