"""The first window after an upgrade says, in the banner and calmly, which version kapdesk came
from and that the sessions are all there; the next start says nothing more."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapdesk import __version__
from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.upgrades import VERSION_FILE
from tests.conftest import make_protocol
from tests.ui.conftest import sign_in


def _opened(qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock) -> str:
    window = build_window(storage, paths, clock)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    sign_in(window)
    qtbot.waitExposed(window)
    banner = window.status_banner
    return banner.text() if banner.isVisible() else ""


def test_the_first_start_after_an_upgrade_says_where_it_came_from(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    store = JourneyStore(storage, clock)
    for code in ("P-001", "P-002"):
        opened = store.open_session(code, make_protocol(), "Sam Ortiz")
        opened.journey.close("the session ended before its dose")
        opened.recorder.close()
    (paths.data_dir / VERSION_FILE).write_text("0.1.0\n")

    said = _opened(qtbot, storage, paths, clock)
    assert said == (
        f"kapdesk was updated from 0.1.0 to {__version__}. The record holds 2 sessions. "
        "Nothing was lost."
    )
    assert _opened(qtbot, storage, paths, clock) == ""
