"""The window builds only the page it shows first: set-up and the journey follow in its idle
moments once it is shown, every other page the first time staff open it, and nothing said on a
page is lost because the page did not exist yet (a backup notice, loudness measured after a
session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui import room_backups, theme, window_pages
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle

# Opened from set-up (or after a session): built the first time they are.
RARELY_USED = (
    "summary",
    "history",
    "library",
    "timeline",
    "integration",
    "course",
    "followups",
    "staff",
)
# Their modules, and what only they need (the PDF writer, the audio files' tags, the keyring).
NOT_LOADED = (
    "kapdesk.ui.summary_view",
    "kapdesk.ui.history_view",
    "kapdesk.ui.library_view",
    "kapdesk.ui.timeline_view",
    "kapdesk.ui.integration_view",
    "kapdesk.ui.course_view",
    "kapdesk.ui.followups_view",
    "kapdesk.ui.staff_view",
    "kapdesk.ui.print_job",
    "kapdesk.reports.pdf",
    "mutagen",
    "keyring",
)

_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.ui import room_backups
room_backups.START_AFTER_SHOWN_MS = 0  # the backups' first look is waited for below
paths = AppPaths.resolve(Path(sys.argv[1]))
window = build_window(open_storage(paths, None), paths, FakeClock())
at_build = [name for name in ("setup", "journey") if window.page_built(name)]
window.show()
while not window.page_built("journey") or window.backups.schedule.last_look is None:
    app.processEvents()
app.processEvents()
names = {names!r}
print(json.dumps({{
    "at_build": at_build,
    "built": [name for name in ("setup", "journey", *names) if window.page_built(name)],
    "loaded": [name for name in {modules!r} if name in sys.modules],
}}))
"""


@pytest.mark.subprocess
def test_the_window_builds_set_up_and_the_journey_once_shown_and_no_other_page(
    tmp_path: Path,
) -> None:
    probe = _PROBE.format(names=RARELY_USED, modules=NOT_LOADED)
    result = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["at_build"] == []  # the first page is the first admin's: nothing else yet
    assert seen["built"] == ["setup", "journey"]  # built in the idle moments after
    assert seen["loaded"] == []


def _tracks(storage: Storage, clock: FakeClock) -> None:
    library = SoundLibrary(storage, clock)
    library.add(
        [
            ScannedTrack(f"/music/{name}.ogg", name.title(), "Ensemble", 600.0, "OGG", None)
            for name in ("dawn", "tide", "calm")
        ]
    )


def _window(qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths) -> MainWindow:
    theme.apply(qapp)
    built = build_window(storage, paths, FakeClock())
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


def test_the_library_is_built_when_staff_open_it_and_shows_its_tracks(
    qtbot: QtBot, window: MainWindow, storage: Storage, clock: FakeClock
) -> None:
    _tracks(storage, clock)  # read as the library opens
    assert window.pages.currentWidget() is window.setup_view
    assert not any(window.page_built(name) for name in RARELY_USED)
    qtbot.mouseClick(window.setup_view.library_button, Qt.MouseButton.LeftButton)
    assert window.page_built("library")
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)
    assert view.table.rowCount() == 3
    assert not window.page_built("staff")  # one page opened, one page built


def test_a_backup_notice_that_came_before_set_up_was_built_shows_on_it(
    qtbot: QtBot,
    qapp: QApplication,
    storage: Storage,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(window_pages, "SOON", ())  # set-up waits until it is opened
    monkeypatch.setattr(room_backups, "START_AFTER_SHOWN_MS", 0)
    window = _window(qtbot, qapp, storage, paths)
    backups = window.backups
    assert backups is not None
    qtbot.waitUntil(lambda: backups.schedule.last_look is not None, timeout=20_000)
    assert not window.page_built("setup")
    form = window.first_admin_view.form  # the clinic's first admin signs in
    qtbot.keyClicks(form.name, "Ana Moreno")
    qtbot.keyClicks(form.pin, "5820")
    qtbot.keyClicks(form.again, "5820")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.setup_view
    notice = window.setup_view.backup_notice
    assert notice.isVisible()
    assert notice.text.text().startswith("No backups are made on this PC yet")


def test_the_backups_wait_until_the_window_has_been_shown(
    qtbot: QtBot,
    qapp: QApplication,
    storage: Storage,
    paths: AppPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(room_backups, "START_AFTER_SHOWN_MS", 0)  # at once, once shown
    theme.apply(qapp)
    window = build_window(storage, paths, FakeClock())
    qtbot.addWidget(window)
    backups = window.backups
    assert backups is not None
    QApplication.processEvents()
    before = backups.schedule.last_look
    window.show()
    assert before is None  # nothing looked at before the window is shown
    qtbot.waitUntil(lambda: backups.schedule.last_look is not None, timeout=20_000)
    look = backups.schedule.last_look
    assert look is not None
    assert look.passphrase_kept is None  # the keyring is asked only for the admin's page


def test_a_follower_of_a_page_that_fails_costs_the_others_nothing(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    heard: list[str] = []

    def failing() -> None:
        raise RuntimeError("a follower that breaks")

    window.when_built("library", failing)
    window.when_built("library", lambda: heard.append("built"))
    qtbot.mouseClick(window.setup_view.library_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.library_view  # the page opened all the same
    assert heard == ["built"]
    assert "what follows the library page failed" in caplog.text
