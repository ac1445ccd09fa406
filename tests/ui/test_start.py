"""Starting kapdesk: the window is up at once, the records follow; a database that cannot be
opened is explained on screen, left untouched, and the window offers to close."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

import kapdesk.records
from kapdesk.app import start
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage import sqlite_file
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.staff import StaffStore
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.start_window import StartWindow


def _start(qtbot: QtBot, paths: AppPaths, clock: FakeClock) -> StartWindow:
    shell = start(paths, None, clock)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    return shell


def _opened(qtbot: QtBot, shell: StartWindow) -> MainWindow:
    """The real window, once the records are open and it took the start window's place."""
    if shell.main_window is None:
        with qtbot.waitSignal(shell.ready, timeout=30_000):
            pass
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert not shell.isVisible()
    return window


def test_window_is_up_before_the_records_then_shows_set_up(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock
) -> None:
    shell = _start(qtbot, paths, clock)
    # The records arrive through the event loop, which has not run yet.
    assert shell.isVisible()
    assert shell.isMaximized()
    assert shell.centralWidget() is shell.start_view
    assert shell.start_view.status.text() == "Opening the record…"
    assert shell.main_window is None

    window = _opened(qtbot, shell)
    assert window.isMaximized()  # in the start window's place
    assert window.geometry() == shell.geometry()
    # The first start asks for the clinic's admin account before anything else.
    first = window.first_admin_view
    assert window.pages.currentWidget() is first
    assert first.form.roles[Role.ADMIN].isChecked()
    assert not first.form.roles[Role.ADMIN].isEnabled()
    qtbot.keyClicks(first.form.name, "Ana Moreno")
    qtbot.keyClicks(first.form.pin, "5820")
    qtbot.keyClicks(first.form.again, "5821")
    qtbot.keyClick(first.form.again, Qt.Key.Key_Return)
    assert first.error.text() == "The two PINs are not the same; type them again."
    assert window.pages.currentWidget() is first
    first.form.again.clear()
    qtbot.keyClicks(first.form.again, "5820")
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)

    assert window.pages.currentWidget() is window.setup_view
    assert window.member is not None
    assert window.member.name == "Ana Moreno"
    assert window.member.roles == {Role.ADMIN, Role.NURSE}
    assert window.signed_in_text.text() == "Signed in: Ana Moreno (admin, nurse)"
    assert window.setup_view.protocols.count() >= 4
    assert paths.database.exists()
    assert window.staff is not None
    assert [line.action for line in window.staff.audit_log()] == ["account_created"]


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen, headless
def test_a_kiosk_start_hands_over_to_a_kiosk_window_with_the_keyboard(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock
) -> None:
    shell = start(paths, None, clock, audio=None, kiosk=True)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    assert shell.isFullScreen()
    assert shell.windowFlags() & Qt.WindowType.FramelessWindowHint

    window = _opened(qtbot, shell)
    assert window.kiosk
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    qtbot.waitUntil(window.isActiveWindow)
    # A second start's knock brings the real window forward, through the start window.
    with qtbot.waitSignal(shell.brought_forward, timeout=5_000):
        shell.bring_forward()
    assert not shell.isVisible()
    window.close()  # Alt+F4 and the like: kiosk mode stays
    assert window.isVisible()
    leave = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Q, leave)  # nobody signed in: not even staff's key
    assert window.isVisible()


def test_a_session_left_open_comes_back_when_the_records_arrive(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FakeClock,
    storage: Storage,
    protocol: Protocol,
) -> None:
    store = JourneyStore(storage, clock)
    staff = StaffStore(storage, clock)
    staff.create_account("Robin Hale", frozenset({Role.ADMIN, Role.NURSE}), "4862", by=None)
    left = store.open_session("P-0007", protocol, "Robin Hale")
    left.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    left.journey.advance_phase()
    clock.advance(125)

    window = _opened(qtbot, _start(qtbot, paths, clock))
    # The journey goes on behind the sign-in; the calm screen shows its time and no patient.
    calm = window.calm
    assert window.pages.currentWidget() is calm
    assert calm.pad.isVisible()
    assert calm.chosen() == "Robin Hale"  # the only account is picked already
    shown = " ".join(calm.visible_text())
    assert "02:05" in shown
    assert "P-0007" not in shown
    qtbot.keyClicks(calm.pin, "4862")
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.journey_view
    assert window.current is not None
    assert window.current.session_id == left.session_id
    assert window.journey_view.phase_name.text() == "Peak"
    assert window.journey_view.timer_label.text() == "02:05"


def test_a_damaged_database_is_explained_left_untouched_and_the_window_closes(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FakeClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths.database.parent.mkdir(parents=True)
    paths.database.write_bytes(b"this is not a database " * 400)
    before = paths.database.read_bytes()

    window = _start(qtbot, paths, clock)
    with qtbot.waitSignal(window.failed, timeout=30_000) as failed:
        pass
    view = window.start_view
    assert window.centralWidget() is view
    assert window.main_window is None
    assert view.reason is not None
    assert view.advice is not None
    assert view.quit_button is not None
    assert view.title.text() == "kapdesk cannot open its records"
    for centred in (view.title, view.status, view.reason, view.advice):
        assert centred.alignment() & Qt.AlignmentFlag.AlignHCenter  # by the theme
    assert "damaged or not a kapdesk database" in view.reason.text()
    assert str(paths.log_dir) in view.advice.text()
    assert failed.args == [window.start_problem]
    assert "damaged" in capsys.readouterr().err
    assert paths.database.read_bytes() == before
    assert view.quit_button.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_an_unexpected_failure_is_named_and_logged_not_thrown(
    qtbot: QtBot,
    paths: AppPaths,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> kapdesk.records.Records:
        raise KeyError("protocol")

    monkeypatch.setattr(kapdesk.records, "open_records", broken)
    window = _start(qtbot, paths, clock)
    with qtbot.waitSignal(window.failed, timeout=30_000):
        pass
    reason = window.start_view.reason
    assert reason is not None
    assert "unexpected problem" in reason.text()
    assert "KeyError" in reason.text()
    log = (paths.log_dir / "kapdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "KeyError" in log
    quit_button = window.start_view.quit_button
    assert quit_button is not None
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.subprocess
def test_the_first_frame_needs_neither_the_database_library_nor_the_clinical_core() -> None:
    """What ``kapdesk`` loads before its window is on screen stays small (see bench/startup)."""
    probe = (
        "import sys\n"
        "import kapdesk.cli, kapdesk.app\n"
        "heavy = ('sqlalchemy', 'alembic', 'kapdesk.storage.db', 'kapdesk.core.protocols',\n"
        "         'kapdesk.ui.main_window', 'kapdesk.cli.checks', 'kapdesk.cli.record',\n"
        "         'kapdesk.cli.room')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""


def test_the_log_names_actions_never_a_patient_a_note_or_a_pin(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock
) -> None:
    window = _opened(qtbot, _start(qtbot, paths, clock))
    form = window.first_admin_view.form
    qtbot.keyClicks(form.name, "Ana Moreno")
    qtbot.keyClicks(form.pin, "5820")
    qtbot.keyClicks(form.again, "5820")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.member is not None
    window.open_session("P-PRIVATE-88", "im-ketamine", "Ana Moreno")
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="LOT-SECRET", weight_kg=70))
    panel = window.journey_view.observations
    assert panel is not None
    panel.note.setText("Spoke about her brother Jonah")
    panel.note.returnPressed.emit()
    window.lock()
    window.unlock("Ana Moreno", "9173")  # a wrong PIN
    window.unlock("Ana Moreno", "5820")
    logging.getLogger("kapdesk").info("session %s on screen", current.session_id)
    for handler in logging.getLogger("kapdesk").handlers:
        handler.flush()

    log = (paths.log_dir / "kapdesk.log").read_text(encoding="utf-8")
    assert f"session {current.session_id} on screen" in log  # the log is the one written
    for private in ("P-PRIVATE-88", "Jonah", "LOT-SECRET", "5820", "9173"):
        assert private not in log


def test_a_clinic_server_that_is_away_at_start_is_said_and_tried_again(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from kapdesk.core.room import RoomSettings  # noqa: PLC0415
    from tests.support.postgres import postgres_instance  # noqa: PLC0415

    with postgres_instance() as server:
        paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
        room = RoomSettings(room_name="Room 3", database=server.url)
        paths.room_settings.write_text(room.to_toml(), encoding="utf-8")
        server.stop()

        shell = _start(qtbot, paths, clock)
        with qtbot.waitSignal(shell.failed, timeout=30_000):
            pass
        view = shell.start_view
        assert view.reason is not None
        assert view.retry_button is not None
        assert "cannot be reached" in view.reason.text()
        assert view.retry_button.isVisible()
        assert "cannot be reached" in capsys.readouterr().err

        server.start()
        with qtbot.waitSignal(shell.ready, timeout=30_000):
            qtbot.keyClick(shell, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert shell.start_problem is None
        window = _opened(qtbot, shell)
        assert window.store.room == "Room 3"
        assert window.store.shared
        assert window.pages.currentWidget() in (window.first_admin_view, window.calm)


def test_damage_the_full_check_finds_after_opening_is_told_and_stays(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record too big to check whole before opening is checked on a thread of its own; the
    damage that check finds comes to the window, which says so plainly and keeps saying it."""
    storage = open_storage(paths, None)
    with storage.engine.begin() as conn:
        for n in range(400):
            conn.execute(
                text("INSERT INTO patients (clinic_code, created_at) VALUES (:c, :t)"),
                {"c": f"P-{n:04}-" + "x" * 300, "t": "2026-12-01 09:00:00"},
            )
    storage.engine.dispose()
    size = paths.database.stat().st_size
    with paths.database.open("r+b") as file:  # a page in the middle, lost
        file.seek((size // 4096 // 2) * 4096)
        file.write(bytes(range(256)) * 16)
    monkeypatch.setattr(sqlite_file, "QUICK_CHECK_SECONDS", 0.0)  # too big to check at start

    window = _opened(qtbot, _start(qtbot, paths, clock))
    qtbot.waitUntil(window.damage_banner.isVisible, timeout=30_000)
    assert "found the record file" in window.damage_text.text()
    assert "damaged" in window.damage_text.text()
    assert "call IT" in window.damage_text.text()
    window.save_status.emit(None)  # everything saved since: the damage is still told
    assert window.damage_banner.isVisible()
