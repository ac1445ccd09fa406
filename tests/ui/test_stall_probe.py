"""The UI-stall probe: a window's thread held up shows as a stall of that length, an idle one
as ticks on time."""

from __future__ import annotations

import logging
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.ui.stall_probe import StallProbe


def _block(seconds: float) -> None:
    """Hold the event loop, as a call waiting on a frozen server does."""
    time.sleep(seconds)


def test_a_blocked_event_loop_shows_as_a_stall_of_about_that_length(
    qtbot: QtBot, qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    probe = StallProbe(interval_ms=10, warn_after_ms=250)
    probe.start()
    qtbot.waitUntil(lambda: probe.figures().ticks >= 5)
    QTimer.singleShot(0, lambda: _block(0.4))
    with caplog.at_level(logging.WARNING, logger="kapdesk.ui.stall_probe"):
        qtbot.waitUntil(lambda: probe.figures().worst_ms >= 300, timeout=5000)
        qtbot.waitUntil(lambda: probe.figures().ticks >= 20)
    probe.stop()
    figures = probe.figures()
    assert 350 <= figures.worst_ms < 1500
    assert figures.stalls == 1
    assert figures.p50_ms < figures.worst_ms  # one long stall is not the typical tick
    assert any("stuck for" in record.getMessage() for record in caplog.records)


def test_an_idle_event_loop_comes_to_its_ticks_on_time(qtbot: QtBot, qapp: QApplication) -> None:
    probe = StallProbe(interval_ms=10)
    probe.start()
    qtbot.waitUntil(lambda: probe.figures().ticks >= 100, timeout=10000)
    probe.stop()
    figures = probe.figures()
    assert figures.ticks >= 100
    assert figures.p50_ms < 25  # generous: the machine is shared
    assert figures.worst_ms < 250
    assert figures.stalls == 0
    assert figures.p50_ms <= figures.p99_ms <= figures.worst_ms


def test_reset_forgets_a_stall_seen_before(qtbot: QtBot, qapp: QApplication) -> None:
    probe = StallProbe(interval_ms=10)
    probe.start()
    QTimer.singleShot(0, lambda: _block(0.3))
    qtbot.waitUntil(lambda: probe.figures().worst_ms >= 250, timeout=5000)
    probe.reset()
    qtbot.waitUntil(lambda: probe.figures().ticks >= 10)
    probe.stop()
    assert probe.figures().worst_ms < 250
    assert probe.figures().stalls == 0
