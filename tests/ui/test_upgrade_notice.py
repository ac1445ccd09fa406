"""The first window after an upgrade says, calmly in the banner, which version kapdesk came from
and that the sessions are all there, until a session is opened; the next start says nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kapdesk import __version__
from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.versions import note_version
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from tests.conftest import make_protocol
from tests.ui.conftest import sign_in
from tests.ui.test_journey_flow import _open_session


def _opened(qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock) -> MainWindow:
    window = build_window(storage, paths, clock)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    sign_in(window)
    qtbot.waitExposed(window)
    return window


def _said(window: MainWindow) -> str:
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
    with storage.factory.begin() as session:
        note_version(session, "0.1.0", "", clock.now())  # as 0.1.0 would, had it noted it

    window = _opened(qtbot, storage, paths, clock)
    assert _said(window) == (
        f"kapdesk was updated from 0.1.0 to {__version__}. The record holds 2 sessions. "
        "Nothing was lost."
    )
    assert window.status_banner.property("tone") == "calm"  # good news, not a problem's red
    _open_session(qtbot, window)
    qtbot.waitUntil(lambda: _said(window) == "")
    window.close()

    assert _said(_opened(qtbot, storage, paths, clock)) == ""


def test_a_problem_beside_the_news_takes_the_problem_colour(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    store = JourneyStore(storage, clock)
    opened = store.open_session("P-001", make_protocol(), "Sam Ortiz")
    opened.journey.close("the session ended before its dose")
    opened.recorder.close()
    with storage.factory.begin() as session:
        note_version(session, "0.1.0", "", clock.now())  # as 0.1.0 would, had it noted it
    window = _opened(qtbot, storage, paths, clock)
    window.show_notice("The clinic settings file has a problem.")
    assert window.status_banner.property("tone") == "problem"
    lines = window.status_banner.text().splitlines()
    assert lines[0] == "The clinic settings file has a problem."
    assert lines[1].startswith("kapdesk was updated from 0.1.0")


def test_the_news_of_an_upgrade_is_said_in_the_language_spoken(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock, language: Language
) -> None:
    opened = JourneyStore(storage, clock).open_session("P-001", make_protocol(), "Sam Ortiz")
    opened.journey.close("the session ended before its dose")
    opened.recorder.close()
    with storage.factory.begin() as session:
        note_version(session, "0.1.0", "", clock.now())
    window = _opened(qtbot, storage, paths, clock)
    language.speak("fr")
    assert _said(window) == (
        f"kapdesk a été mis à jour de 0.1.0 vers {__version__}. Le dossier contient 1 séance. "
        "Rien n'a été perdu."
    )
