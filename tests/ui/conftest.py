"""UI fixtures: the real main window on a temporary database and a fake clock."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> MainWindow:
    theme.apply(qapp)
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built
