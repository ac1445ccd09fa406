"""Printing from the window: the record from the session's summary and the handout from its
integration plan, to a printer through Qt's print dialog (here its "Print to File (PDF)") or to
a PDF saved from the clinic's documents folder, made on a worker thread; a place that cannot be
written is said plainly."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.preparation import intention_data
from kapdesk.paths import AppPaths
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.print_job import a_printer
from tests.support.ops import settle
from tests.support.pdf_text import pdf_pages, pdf_text


def _closed_session(window: MainWindow, clock: FakeClock) -> int:
    window.lock_seconds = 0  # no idle lock over the pages while the test's clock runs on
    window.open_session("P-0900", "im-ketamine", "Sam Ortiz")
    current = window.current
    assert current is not None
    journey = current.journey
    journey.record_preparation(EventKind.INTENTION, intention_data("Rest, and listen", "Sam"))
    journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="IM-55", weight_kg=70))
    clock.advance(30 * 60)
    journey.close("Left early, escorted")
    settle(window)  # the closed session has handed over to its integration plan
    return current.session_id


def _to_pdf_file(path: Path) -> Callable[[], QPrinter]:
    """A printer that prints into ``path``, as Qt's print dialog's "Print to File (PDF)"."""

    def make() -> QPrinter:
        printer = a_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer

    return make


def _press_print_in(qtbot: QtBot, dialog: QDialog) -> None:
    """Press the print dialog's own Print button, as staff would."""
    qtbot.waitUntil(dialog.isVisible)
    (button,) = [
        b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == "Print"
    ]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_record_goes_to_a_printer_through_the_print_dialog(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = _closed_session(window, clock)
    window.show_summary(session_id)
    settle(window)
    summary = window.summary_view
    printed = tmp_path / "printer-output.pdf"
    summary.saver.new_printer = _to_pdf_file(printed)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # as the button
    dialog = summary.saver.printing
    assert isinstance(dialog, QPrintDialog)  # Qt's own print dialog: printer, pages, copies
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as finished:
        _press_print_in(qtbot, dialog)
    assert finished.args[1] is True, finished.args
    assert summary.print_status.text().startswith(f"The session record went to {printed}: ")
    pages = pdf_pages(printed)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "Patient P-0900" in page
        assert f"Page {number} of {len(pages)}" in page
    assert "IM-55" in " ".join(pages)
    assert summary.print_status.text().endswith(f"{len(pages)} pages.")


def test_save_pdf_starts_in_the_clinics_documents_folder(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    session_id = _closed_session(window, clock)
    window.show_summary(session_id)
    settle(window)
    summary = window.summary_view
    assert summary.saver.clinic_folder == window.records.clinic.documents == ""
    qtbot.mouseClick(summary.save_pdf_button, Qt.MouseButton.LeftButton)
    dialog = summary.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    kapdesk_documents = tmp_path / "home" / "Documents" / "kapdesk"
    assert kapdesk_documents.is_dir()  # made for the clinic when first needed
    assert dialog.selectedFiles()[0] == str(kapdesk_documents / f"session-{session_id}-P-0900.pdf")
    dialog.reject()

    clinic_folder = tmp_path / "Harbour Light records"
    summary.saver.clinic_folder = str(clinic_folder)  # as clinic.toml's documents sets it
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = summary.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    record = clinic_folder / "record.pdf"
    assert dialog.directory().absolutePath() == str(clinic_folder)
    dialog.selectFile(str(record))
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert finished.args == [f"The session record is saved as {record}.", True]
    assert summary.print_status.text() == f"The session record is saved as {record}."
    assert "IM-55" in pdf_text(record)


def test_the_handout_prints_or_saves_from_the_integration_plan(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = _closed_session(window, clock)
    window.show_integration(session_id)
    settle(window)  # the plan has come
    plan = window.integration_view
    printed = tmp_path / "handout-printed.pdf"
    plan.saver.new_printer = _to_pdf_file(printed)
    qtbot.mouseClick(plan.handout_button, Qt.MouseButton.LeftButton)
    assert plan.saver.printing is not None
    with qtbot.waitSignal(plan.saver.finished, timeout=30_000) as finished:
        _press_print_in(qtbot, plan.saver.printing)
    assert finished.args[1] is True, finished.args
    text = " ".join(pdf_pages(printed))
    assert "Rest, and listen" in text
    assert "Page 1 of" in text
    assert "IM-55" not in text

    plan.saver.clinic_folder = str(tmp_path / "records")
    qtbot.mouseClick(plan.handout_pdf_button, Qt.MouseButton.LeftButton)
    assert plan.saver.dialog is not None
    qtbot.waitUntil(plan.saver.dialog.isVisible)
    assert plan.saver.dialog.selectedFiles()[0] == str(
        tmp_path / "records" / f"handout-{session_id}-P-0900.pdf"
    )
    plan.saver.dialog.reject()
    handout = tmp_path / "records" / "handout.pdf"
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = plan.saver.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.selectFile(str(handout))
    with qtbot.waitSignal(plan.saver.finished, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert "Rest, and listen" in pdf_text(handout)

    with qtbot.waitSignal(plan.saver.finished, timeout=30_000) as failed:
        plan.print_to(tmp_path / "no-such-folder" / "handout.pdf")
    assert failed.args[1] is False
    assert plan.status.text().startswith("The handout could not be written to")
    assert plan.status.text().endswith("does not exist. Nothing else was changed.")


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's own word on it
def test_a_printer_that_cannot_start_is_said_plainly(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = _closed_session(window, clock)
    window.show_summary(session_id)
    settle(window)
    summary = window.summary_view
    make = window.summary_view.make_record
    assert make is not None
    # What the print dialog hands on when staff press Print: here a printer that cannot start
    # (a PDF printer given no file; the dialog itself never hands on such a printer, so it is
    # given straight to the saver).
    broken = a_printer()
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName("")
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as failed:
        summary.saver.print_on(broken, lambda: make(session_id))
    assert failed.args == [
        "The session record could not be printed: the printer could not be started.",
        False,
    ]
    assert summary.print_status.property("role") == "error"


def test_printing_never_writes_over_kapdesks_own_files(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, paths: AppPaths, tmp_path: Path
) -> None:
    window.open_session("P-0901", "im-ketamine", "Sam Ortiz")
    current = window.current
    assert current is not None
    current.journey.close("Done")
    window.show_summary(current.session_id)
    settle(window)
    summary = window.summary_view
    database = paths.database.read_bytes()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in (paths.database, paths.data_dir / "record.pdf", fifo):
        with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as refused:
            summary.print_to(target)
        assert refused.args[1] is False
        assert summary.print_status.text().startswith(
            f"The session record could not be written to {target}: it is "
        )
        assert summary.print_status.text().endswith("Nothing else was changed.")
    assert paths.database.read_bytes()[:100] == database[:100]
    assert not (paths.data_dir / "record.pdf").exists()
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


class _JammedPrinter(QPrinter):
    """A printer that takes the pages and then reports an error, as a jammed one does."""

    def printerState(self) -> QPrinter.PrinterState:
        return QPrinter.PrinterState.Error


def test_a_printer_that_reports_an_error_is_never_said_to_have_printed(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    session_id = _closed_session(window, clock)
    window.show_summary(session_id)
    settle(window)
    summary = window.summary_view
    make = summary.make_record
    assert make is not None
    jammed = _JammedPrinter(QPrinter.PrinterMode.HighResolution)
    jammed.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    jammed.setOutputFileName(str(tmp_path / "jammed.pdf"))
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as failed:
        summary.saver.print_on(jammed, lambda: make(session_id))
    assert failed.args[1] is False
    assert "went to" not in summary.print_status.text()
    assert summary.print_status.text() == (
        "The session record could not be printed: the printer reported a problem, so it may "
        "not have printed; check the printer and print it again."
    )
    assert summary.print_status.property("role") == "error"


def test_print_to_file_never_writes_over_kapdesks_own_files(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, paths: AppPaths, tmp_path: Path
) -> None:
    """Qt's "Print to File (PDF)" is held to what "Save PDF…" is: never into kapdesk's data."""
    session_id = _closed_session(window, clock)
    window.show_summary(session_id)
    settle(window)
    summary = window.summary_view
    inside = paths.data_dir / "record.pdf"
    summary.saver.new_printer = _to_pdf_file(inside)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert summary.saver.printing is not None
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as refused:
        _press_print_in(qtbot, summary.saver.printing)
    assert refused.args[1] is False
    assert summary.print_status.text().startswith(
        f"The session record could not be written to {inside}: it is inside kapdesk's own data"
    )
    assert summary.print_status.text().endswith("Nothing else was changed.")
    assert not inside.exists()

    # The database itself (the dialog would ask about replacing it: handed straight on).
    database = paths.database.read_bytes()
    make = summary.make_record
    assert make is not None
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as refused:
        summary.saver.print_on(_to_pdf_file(paths.database)(), lambda: make(session_id))
    assert refused.args[1] is False
    assert summary.print_status.text().startswith(
        f"The session record could not be written to {paths.database}: "
    )
    assert paths.database.read_bytes()[:100] == database[:100]
