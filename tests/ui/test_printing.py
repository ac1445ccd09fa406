"""Printing from the window: the record from the session's summary and the handout from its
integration plan, made on a worker thread; a place that cannot be written is said plainly."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.preparation import intention_data
from kapdesk.paths import AppPaths
from kapdesk.ui.main_window import MainWindow
from tests.support.pdf_text import pdf_text


def test_the_record_and_the_handout_print_from_the_window(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    window.open_session("P-0900", "im-ketamine", "Sam Ortiz")
    current = window.current
    assert current is not None
    journey = current.journey
    journey.record_preparation(EventKind.INTENTION, intention_data("Rest, and listen", "Sam"))
    journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="IM-55", weight_kg=70))
    clock.advance(30 * 60)
    journey.close("Left early, escorted")
    window.show_summary(current.session_id)
    summary = window.summary_view

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = summary.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selectedFiles()[0].endswith(f"session-{current.session_id}-P-0900.pdf")
    dialog.reject()

    record = tmp_path / "record.pdf"
    summary.print_to(record)
    job = summary.saver.job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000) as finished:
        pass
    assert finished.args == [f"The session record is saved as {record}.", True]
    assert summary.print_status.text() == f"The session record is saved as {record}."
    assert "IM-55" in pdf_text(record)

    window.show_integration(current.session_id)
    plan = window.integration_view
    handout = tmp_path / "handout.pdf"
    plan.print_to(handout)
    assert plan.saver.job is not None
    with qtbot.waitSignal(plan.saver.job.finished, timeout=30_000):
        pass
    text = pdf_text(handout)
    assert "Rest, and listen" in text
    assert "IM-55" not in text

    plan.print_to(tmp_path / "no-such-folder" / "handout.pdf")
    assert plan.saver.job is not None
    with qtbot.waitSignal(plan.saver.job.finished, timeout=30_000) as failed:
        pass
    assert failed.args[1] is False
    assert plan.status.text().startswith("The handout could not be written to")
    assert plan.status.text().endswith("does not exist. Nothing else was changed.")


def test_printing_never_writes_over_kapdesks_own_files(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, paths: AppPaths, tmp_path: Path
) -> None:
    window.open_session("P-0901", "im-ketamine", "Sam Ortiz")
    current = window.current
    assert current is not None
    current.journey.close("Done")
    window.show_summary(current.session_id)
    summary = window.summary_view
    database = paths.database.read_bytes()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (paths.database, paths.data_dir / "record.pdf", fifo):
        summary.print_to(target)
        assert summary.saver.job is not None
        with qtbot.waitSignal(summary.saver.job.finished, timeout=30_000) as refused:
            pass
        assert refused.args[1] is False
        assert summary.print_status.text().startswith(
            f"The session record could not be written to {target}: it is "
        )
        assert summary.print_status.text().endswith("Nothing else was changed.")
    assert paths.database.read_bytes()[:100] == database[:100]
    assert not (paths.data_dir / "record.pdf").exists()
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
