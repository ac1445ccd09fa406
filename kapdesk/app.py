"""Composition root: paths, storage, protocols and the clock come together into the window.

Nothing here is global: every piece is built once and handed to what needs it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler

from PySide6.QtWidgets import QApplication, QMessageBox

from kapdesk.core.clock import Clock, SystemClock
from kapdesk.core.protocols import ProtocolLibrary
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import DatabaseError, Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NO_DISPLAY = """kapdesk: no display to open a window on.
kapdesk is a desktop app; start it from the room PC's desktop session. Other ways:
  - on a machine without a screen: sudo apt-get install xvfb, then: xvfb-run -a kapdesk
  - over ssh: ssh -X to this machine, then start kapdesk
The command-line tools work without a display: kapdesk --help"""


def display_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window can be shown here, or None when one can."""
    if not platform.startswith("linux"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY") or environ.get("QT_QPA_PLATFORM"):
        return None
    return NO_DISPLAY


def setup_logging(paths: AppPaths) -> None:
    """Rotating log in the log folder. Log lines name actions and ids, never patient details."""
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = RotatingFileHandler(
            paths.log_dir / "kapdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("kapdesk")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def build_window(storage: Storage, paths: AppPaths, clock: Clock) -> MainWindow:
    """The main window, with any session left open put back on screen."""
    library = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, paths.clinic_protocols_dir)
    store = JourneyStore(storage.factory, clock)
    window = MainWindow(store, library)
    resumed = store.resume_open_sessions()
    for opened in resumed:
        log.info("resumed session %s", opened.session_id)
    window.resume(resumed)
    return window


def start(paths: AppPaths, db_url: str | None, clock: Clock) -> MainWindow | int:
    """Everything ``kapdesk`` does before the event loop: the window, shown, or an exit code."""
    problem = display_problem(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kapdesk")
    theme.apply(app)
    setup_logging(paths)
    try:
        storage = open_storage(paths, db_url)
    except DatabaseError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "kapdesk cannot start", str(exc))
        return 1
    window = build_window(storage, paths, clock)
    window.showMaximized()
    return window


def run_gui(paths: AppPaths, db_url: str | None) -> int:
    """Open the window and run until it closes; returns the process exit code."""
    started = start(paths, db_url, SystemClock())
    if isinstance(started, int):
        return started
    return QApplication.exec()
