"""A real kapdesk on a real X server, for the focus tests: it opens a session (as the set-up
page does) and then says, on each line of standard input, what the window shows and where
keyboard focus is.

python -m tests.support.focus_driver DATA_DIR [WIDTHxHEIGHT]

Every key and click after that is the test's own (real X events, from ``xdotool``); the
driver only reports, so nothing it does stands in for what a person does. Commands:

- ``state``: one JSON line (the page, whether the screen is locked, the focus widget and
  whether it is visible, the active window, the forms on screen, the session's state);
- ``where NAME``: the middle of a widget on the screen (``note``, ``intention``, ``timer``),
  for a click of the test's own;
- ``quit``: ends kapdesk.

The first line, once the session is open, is ``{"ready": true}``. Staff sign in as
:mod:`tests.support.app_driver` does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSocketNotifier
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kapdesk.app import end_orderly, start
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths
from kapdesk.ui.main_window import MainWindow
from tests.support.app_driver import STAFF_NAME, sign_in


def _say(payload: dict[str, object]) -> None:
    print(json.dumps(payload), flush=True)


def _name(widget: QWidget | None, window: MainWindow) -> str:
    """A widget as the test knows it: the attribute of the window's pages that holds it."""
    if widget is None:
        return ""
    view = window.journey_view
    known: dict[int, str] = {
        id(window.calm): "calm",
        id(window.calm.pin): "calm.pin",
        id(view): "journey",
    }
    if view.observations is not None:
        known[id(view.observations.note)] = "note"
    if view.preparation is not None:
        known[id(view.preparation.intention)] = "intention"
    return known.get(id(widget), type(widget).__name__)


def state(window: MainWindow) -> dict[str, object]:
    """What the window shows and where the keyboard is, as the test checks them."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    focus = app.focusWidget()
    active = app.activeWindow()
    view = window.journey_view
    current = window.current
    forms = [
        type(w).__name__ for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    return {
        "page": type(window.pages.currentWidget()).__name__,
        "locked": window.locked,
        "focus": _name(focus, window),
        "focus_visible": focus.isVisible() if focus is not None else None,
        "active": type(active).__name__ if active is not None else "",
        "forms": forms,
        "note": view.observations.note.text() if view.observations is not None else "",
        "state": current.journey.state.value if current is not None else "",
        "asks_again": "again" in view.next_button.text(),
    }


def where(window: MainWindow, name: str) -> dict[str, object]:
    """The middle of a widget on the screen, for a click of the test's own."""
    view = window.journey_view
    widgets: dict[str, QWidget | None] = {
        "note": view.observations.note if view.observations is not None else None,
        "intention": view.preparation.intention if view.preparation is not None else None,
        "timer": view.timer_label,
    }
    widget = widgets.get(name)
    if widget is None or not widget.isVisible():
        return {"x": None, "y": None}
    centre = widget.mapToGlobal(widget.rect().center())
    return {"x": centre.x(), "y": centre.y()}


def run(window: MainWindow, size: str) -> None:
    """The window at ``size`` (``1024x600``) in the screen's corner, a session open in it."""
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    window.move(0, 0)
    window.open_session("P-FOCUS", "im-ketamine", STAFF_NAME)
    _say({"ready": True})

    def command() -> None:
        line = sys.stdin.readline()
        if not line or line.strip() == "quit":
            reader.setEnabled(False)
            window.shut_down("the test")
            return
        if line.strip() == "state":
            _say(state(window))
        elif line.startswith("where "):
            _say(where(window, line.split()[1]))

    reader = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    reader.activated.connect(command)
    QApplication.exec()


def main() -> int:
    data_dir = Path(sys.argv[1])
    size = sys.argv[2] if len(sys.argv) > 2 else "1280x800"
    started = start(AppPaths.resolve(data_dir), None, SystemClock())
    if isinstance(started, int):
        return started
    signals = end_orderly(started)
    try:
        if started.main_window is None and started.start_problem is None:
            waiting = QEventLoop()
            started.ready.connect(waiting.quit)
            started.failed.connect(waiting.quit)
            waiting.exec()
        window = started.main_window
        if window is None:
            _say({"problem": started.start_problem})
            return 1
        sign_in(window)
        run(window, size)
    finally:
        signals.uninstall()
    return 0


if __name__ == "__main__":
    sys.exit(main())
