"""Background threads reach the window only through a crossing: the call arrives on the
window's thread, and only while its object is there, however the two race."""

from __future__ import annotations

import ast
import gc
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.ui.crossing import Crossing, crossing

KAPDESK = Path(__file__).resolve().parents[2] / "kapdesk"


class _Page(QWidget):
    heard = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[object, bool]] = []

    def note(self, value: object) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        self.calls.append((value, QThread.currentThread() is app.thread()))


def _last_call_is(page: _Page, value: object) -> Callable[[], bool]:
    """The condition that ``value`` reached ``page`` last, on the window's thread."""
    return lambda: page.calls[-1:] == [(value, True)]


def _from_a_thread(call: Crossing, *args: object) -> None:
    thread = threading.Thread(target=call, args=args)
    thread.start()
    thread.join()


def test_a_signal_crossed_from_a_thread_is_emitted_on_the_window_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    page = _Page()
    qtbot.addWidget(page)
    threads: list[bool] = []
    page.heard.connect(lambda _value: threads.append(QThread.currentThread() is qapp.thread()))
    with qtbot.waitSignal(page.heard, timeout=10_000) as heard:
        _from_a_thread(crossing(page, "heard"), "saved 21:04")
    assert heard.args == ["saved 21:04"]
    assert threads == [True]


def test_a_method_crossed_from_a_thread_runs_on_the_window_thread(qtbot: QtBot) -> None:
    page = _Page()
    qtbot.addWidget(page)
    _from_a_thread(crossing(page, "note"), 7)
    qtbot.waitUntil(lambda: page.calls == [(7, True)])


def test_a_call_for_an_object_already_gone_is_dropped(qtbot: QtBot) -> None:
    page = _Page()
    calls = page.calls
    call = crossing(page, "note")
    shiboken6.delete(page)
    _from_a_thread(call, 1)
    other = _Page()
    qtbot.addWidget(other)
    # A later crossing's call arrives after the dropped one: by then the first was handled.
    _from_a_thread(crossing(other, "note"), 2)
    qtbot.waitUntil(lambda: other.calls == [(2, True)])
    assert calls == []


def test_a_crossing_does_not_keep_its_object_alive() -> None:
    owner = QObject()
    held = weakref.ref(owner)
    call = crossing(owner, "deleteLater")
    del owner
    gc.collect()
    assert held() is None
    assert "QObject.deleteLater" in repr(call)


def test_an_unknown_name_is_refused_at_once(qtbot: QtBot) -> None:
    page = _Page()
    qtbot.addWidget(page)
    with pytest.raises(AttributeError, match="no_such_signal"):
        crossing(page, "no_such_signal")


def test_a_thread_calling_while_the_window_destroys_its_object_never_crashes(
    qtbot: QtBot,
) -> None:
    """The race that ended a run: the recorder's thread says "saved" while the page goes."""
    witness = _Page()  # still there: its call, crossed last, arrives after every dropped one
    qtbot.addWidget(witness)
    for round_ in range(20):
        page = _Page()
        call = crossing(page, "heard")
        started = threading.Event()

        def hammer(call: Crossing = call, started: threading.Event = started) -> None:
            for n in range(2000):
                call("saved")
                if n == 10:
                    started.set()

        thread = threading.Thread(target=hammer)
        thread.start()
        assert started.wait(timeout=5)
        shiboken6.delete(page)  # while the thread is still calling
        thread.join()
        _from_a_thread(crossing(witness, "note"), round_)
        qtbot.waitUntil(_last_call_is(witness, round_))
    assert [value for value, _ in witness.calls] == list(range(20))


# -- the rule, over kapdesk's own code --------------------------------------------------------

LISTENERS = {"on_saved", "on_kept", "on_status", "listen"}


def _modules() -> list[Path]:
    return sorted([*KAPDESK.glob("ui/*.py"), KAPDESK / "app.py"])


def _emits(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "emit" for n in ast.walk(node))


def test_no_listener_a_storage_thread_calls_is_a_signal_emit() -> None:
    """What a recorder, the record check or a lock calls from its thread is a crossing."""
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in LISTENERS
                and any(_emits(arg) for arg in node.args)
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def _thread_targets(tree: ast.AST) -> set[str]:
    """Names of methods started on another thread: ``QThreadPool...start(self.x)`` (or a
    lambda calling ``self.x``) and ``threading.Thread(target=self.x)``."""
    targets: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        handed: list[ast.expr] = []
        if isinstance(func, ast.Attribute) and func.attr == "start" and node.args:
            if "QThreadPool" in ast.unparse(func.value):
                handed = list(node.args)
        elif isinstance(func, ast.Attribute) and func.attr == "Thread":
            handed = [k.value for k in node.keywords if k.arg == "target"]
        for arg in handed:
            for inner in ast.walk(arg):
                if (
                    isinstance(inner, ast.Attribute)
                    and isinstance(inner.value, ast.Name)
                    and inner.value.id == "self"
                ):
                    targets.add(inner.attr)
    return targets


def test_no_method_run_on_another_thread_emits_a_signal_itself() -> None:
    found = []
    started = 0
    for path in _modules():
        tree = ast.parse(path.read_text(), str(path))
        targets = _thread_targets(tree)
        started += len(targets)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in targets and _emits(node):
                found.append(f"{path.name}:{node.name}")
    assert started >= 4  # the start-up worker, printing, the scan, the page loads
    assert found == []
