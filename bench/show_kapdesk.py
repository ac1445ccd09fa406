"""Child process for the start-up benchmark: kapdesk's real start path, until the window shows."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kapdesk.app import start
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths

window = start(AppPaths.resolve(Path(sys.argv[1])), None, SystemClock())
assert not isinstance(window, int)
QApplication.processEvents()
print("shown", flush=True)
