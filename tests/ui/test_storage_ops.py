"""StorageOps: a store call runs off the window's thread and its outcome comes back to it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.storage.errors import StorageError
from kapdesk.ui.storage_ops import StorageOps


class Banner:
    """The window's banner as StorageOps speaks to it."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str | None]] = []

    def __call__(self, place: str, text: str | None) -> None:
        self.said.append((place, text))

    @property
    def text(self) -> str | None:
        return self.said[-1][1] if self.said else None


@pytest.fixture
def banner() -> Banner:
    return Banner()


@pytest.fixture
def ops(qapp: QApplication, banner: Banner) -> Iterator[StorageOps]:
    made = StorageOps(banner)
    yield made
    made.join_workers(5)
    made.deleteLater()


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """A store call blocked on this waits until the test (or its end) lets it go."""
    event = threading.Event()
    yield event
    event.set()


def test_the_result_comes_back_on_the_windows_thread(qtbot: QtBot, ops: StorageOps) -> None:
    window_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work thread"] = QThread.currentThread()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["done thread"] = QThread.currentThread()

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(work, done, what="Past sessions")
    assert seen["result"] == 42
    assert seen["done thread"] is window_thread
    assert seen["work thread"] is not window_thread
    assert ops.idle()
    assert ops.busy == 0


def test_a_failure_says_plainly_what_could_not_load(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    told: list[str] = []

    def work() -> None:
        raise StorageError("Reading past sessions: the database server cannot be reached")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(work, lambda _r: pytest.fail("no result"), failed=told.append, what="Past sessions")
    expected = "Reading past sessions: the database server cannot be reached."
    assert told == [expected]
    assert banner.said == [("page", expected)]
    assert "Traceback" not in expected


def test_an_unexpected_error_shows_no_traceback(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    def work() -> None:
        raise ZeroDivisionError("division by zero")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(work, lambda _r: None, what="The course")
    assert banner.text is not None
    assert banner.text.startswith("The course could not be loaded: something unexpected")
    assert "ZeroDivisionError" not in banner.text


def test_past_its_limit_the_page_is_told_and_a_late_result_dropped(
    qtbot: QtBot, ops: StorageOps, banner: Banner, gate: threading.Event
) -> None:
    results: list[str] = []
    told: list[str] = []
    loading: list[bool] = []

    def work() -> str:
        gate.wait(10)
        return "late"

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(
            work,
            results.append,
            failed=told.append,
            loading=loading.append,
            what="The timeline",
            limit=0.5,
        )
    assert told == ["The timeline could not be loaded: the records are not answering."]
    assert banner.text == told[0]
    assert loading == [True, False]  # it said it was loading, calmly, then stopped saying so
    gate.set()
    qtbot.waitUntil(lambda: ops.dropped == 1, timeout=5000)  # it came back, and was dropped
    assert results == []
    assert ops.idle()


def test_a_write_past_its_limit_is_not_confirmed_and_its_late_outcome_still_comes(
    qtbot: QtBot, ops: StorageOps, banner: Banner, gate: threading.Event
) -> None:
    saved: list[str] = []
    told: list[str] = []
    unsure: list[str] = []

    def work() -> str:
        gate.wait(10)
        return "saved late"

    ops.run(
        work,
        saved.append,
        failed=told.append,
        unsure=unsure.append,
        what="The questionnaire",
        limit=0.3,
        write=True,
    )
    qtbot.waitUntil(lambda: bool(unsure), timeout=5000)
    text = (
        "The questionnaire: not confirmed yet: the records are not answering;"
        " kapdesk is still trying."
    )
    assert unsure == [text]
    assert banner.text == text
    assert told == []  # never "could not be saved": it may yet be
    assert ops.busy == 1  # still waited for
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        gate.set()
    assert saved == ["saved late"]
    assert banner.said[-1] == ("page", None)
    assert ops.dropped == 0


def test_a_write_that_fails_says_it_could_not_be_saved(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    def work() -> None:
        raise sqlite3.OperationalError("database is locked")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(work, lambda _r: None, what="The account", write=True)
    assert banner.text is not None
    assert banner.text.startswith("The account could not be saved: the database ")


def test_a_write_is_never_superseded(qtbot: QtBot, ops: StorageOps, gate: threading.Event) -> None:
    saved: list[str] = []

    def first() -> str:
        gate.wait(10)
        return "first"

    ops.run(first, saved.append, what="The account", write=True)
    ops.run(lambda: "second", saved.append, what="The account", write=True)
    qtbot.waitUntil(lambda: saved == ["second"], timeout=5000)
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        gate.set()
    assert saved == ["second", "first"]


def test_a_later_op_for_the_same_page_supersedes_the_earlier(
    qtbot: QtBot, ops: StorageOps, gate: threading.Event
) -> None:
    shown: list[str] = []

    def first() -> str:
        gate.wait(10)
        return "first click"

    ops.run(first, shown.append, what="The record")
    assert ops.busy == 1
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: "second click", shown.append, what="The record")
    assert ops.dropped == 0
    gate.set()
    qtbot.waitUntil(lambda: ops.dropped == 1, timeout=5000)  # the first click's, dropped
    assert shown == ["second click"]


def test_ops_for_different_pages_both_come_back(qtbot: QtBot, ops: StorageOps) -> None:
    shown: list[str] = []
    ops.run(lambda: "record", shown.append, what="The record")
    ops.run(lambda: "course", shown.append, what="The course")
    qtbot.waitUntil(ops.idle, timeout=5000)
    assert sorted(shown) == ["course", "record"]


def test_the_banner_is_cleared_by_the_next_success(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    def broken() -> None:
        raise LookupError("there is no session 7")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(broken, lambda _r: None, what="Follow-ups")
    assert banner.text == "Follow-ups could not be loaded: there is no session 7."
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, lambda _r: None, what="Follow-ups")
    assert banner.said[-1] == ("page", None)


def test_a_success_clears_only_its_own_pages_failure(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    def broken(what: str) -> Callable[[], None]:
        def work() -> None:
            raise LookupError(f"{what} is missing")

        return work

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(broken("session 7"), lambda _r: None, what="Follow-ups")
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(broken("course 2"), lambda _r: None, what="The course")
    assert banner.text == "The course could not be loaded: course 2 is missing."
    # Another page loads: both failures still hold, and the banner keeps the latest.
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, lambda _r: None, what="Staff accounts")
    assert banner.text == "The course could not be loaded: course 2 is missing."
    # The course loads: the follow-ups' failure is still true, and said again.
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, lambda _r: None, what="The course")
    assert banner.text == "Follow-ups could not be loaded: session 7 is missing."
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, lambda _r: None, what="Follow-ups")
    assert banner.said[-1] == ("page", None)


def test_a_quick_load_never_says_it_is_loading(qtbot: QtBot, ops: StorageOps) -> None:
    loading: list[bool] = []
    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, lambda _r: None, loading=loading.append, what="Staff")
    assert True not in loading


def test_a_page_that_trips_over_the_result_is_said_not_raised(
    qtbot: QtBot, ops: StorageOps, banner: Banner
) -> None:
    def done(_result: int) -> None:
        raise KeyError("missing")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(lambda: 1, done, what="The library")
    assert banner.text == "The library could not be shown (the log says why)."


def test_a_database_error_is_said_plainly(qtbot: QtBot, ops: StorageOps, banner: Banner) -> None:
    def work() -> None:
        raise sqlite3.OperationalError("database is locked")

    with qtbot.waitSignal(ops.all_done, timeout=5000):
        ops.run(work, lambda _r: None, what="Past sessions")
    assert banner.text is not None
    assert banner.text.startswith("Past sessions could not be loaded: the database ")
    assert "OperationalError" not in banner.text


STUCK_AT_EXIT = """
import threading
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget
from kapdesk.ui.storage_ops import StorageOps

app = QApplication([])
window = QWidget()
ops = StorageOps(lambda _place, _text: None, parent=window)
started = threading.Event()
frozen = threading.Event()  # the server never answers


def work() -> None:
    started.set()
    frozen.wait()


ops.run(work, lambda _r: None, what="Past sessions")
assert started.wait(10)
del ops
shiboken6.delete(window)  # the window closes, and with it its ops
print("closed", flush=True)
"""


def test_kapdesk_exits_while_a_store_call_is_stuck(tmp_path: Path) -> None:
    """A store call stuck on a frozen server never keeps kapdesk (and its lock) alive."""
    script = tmp_path / "stuck.py"
    script.write_text(STUCK_AT_EXIT)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            check=False,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("kapdesk waited on a stuck store call at exit")
    assert done.returncode == 0, done.stderr
    assert "closed" in done.stdout
