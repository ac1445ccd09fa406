"""Child process for the start-up benchmark: kapdesk's real start path, as ``python -m kapdesk``
takes it with no options (command line, paths, window), printing "shown" when the window is on
screen and "ready" when the records are open and the first real page is showing."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from kapdesk.app import start
from kapdesk.cli import build_parser
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths

args = build_parser().parse_args([])
window = start(AppPaths.resolve(args.data_dir), args.db, SystemClock())
assert not isinstance(window, int)
QApplication.processEvents()
print("shown", flush=True)
window.ready.connect(lambda: print("ready", flush=True))
window.ready.connect(QApplication.quit)
window.failed.connect(lambda reason: sys.exit(f"failed: {reason}"))
sys.exit(QApplication.exec())
