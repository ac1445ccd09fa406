"""What practice prints and exports says it is practice: the mark on every page of the record
and the handout, and in every export format; without the mark, nothing changes."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kapdesk.core.clinic import load_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.practice import MARK
from kapdesk.demo import record_demo_session
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS
from kapdesk.printing import Printer
from kapdesk.reports.exports import CSV_HEADER, ExportFormat, export_session
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from tests.support.pdf_text import pdf_pages

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SQUEEZED_MARK = "".join(MARK.split())  # PDFium may split a long page's words


@pytest.fixture
def session_id(storage: Storage) -> int:
    return record_demo_session(storage, START).session_id


def _printer(storage: Storage, mark: str) -> Printer:
    clinic, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    return Printer(storage, FakeClock(), clinic, mark=mark)


def _pages(data: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return ["".join(page.split()) for page in pdf_pages(path)]


def test_every_page_printed_in_practice_carries_the_mark(
    qapp: QApplication, storage: Storage, session_id: int, tmp_path: Path
) -> None:
    printer = _printer(storage, MARK)
    record = _pages(printer.record(session_id), tmp_path, "record.pdf")
    handout = _pages(printer.handout(session_id), tmp_path, "handout.pdf")
    assert len(record) > 1
    for page in record + handout:
        assert SQUEEZED_MARK in page
    assert "DEMO-001" in record[0]
    plain = _pages(_printer(storage, "").record(session_id), tmp_path, "plain.pdf")
    assert len(plain) == len(record)
    assert not any("PRACTICE" in page for page in plain)


def test_every_export_format_says_practice(storage: Storage, session_id: int) -> None:
    summary, journey = JourneyStore(storage, FakeClock()).load(session_id)
    document = json.loads(export_session(summary, journey, ExportFormat.JSON, mark=MARK))
    assert next(iter(document)) == "mark"
    assert document["mark"] == MARK
    plain = json.loads(export_session(summary, journey, ExportFormat.JSON))
    assert "mark" not in plain
    assert {k: v for k, v in document.items() if k != "mark"} == plain

    data = export_session(summary, journey, ExportFormat.CSV, mark=MARK)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == [MARK]
    assert tuple(rows[1]) == CSV_HEADER
    plain_csv = export_session(summary, journey, ExportFormat.CSV).decode("utf-8-sig")
    assert plain_csv.splitlines()[0].split(",")[0] == CSV_HEADER[0]

    bundle = json.loads(export_session(summary, journey, ExportFormat.FHIR, mark=MARK))
    assert bundle["resourceType"] == "Bundle"
    assert [tag["code"] for tag in bundle["meta"]["tag"]] == ["HTEST"]  # test health data
    assert "meta" not in json.loads(export_session(summary, journey, ExportFormat.FHIR))


LONG_NAME = "Harbour Light Psychotherapy and Integration Clinic"
LONGER_NAME = f"{LONG_NAME} of the Northern Coast and the Islands Beyond the Bay"


def _found(document: QPdfDocument, page: int, text: str, words: str) -> QRectF:
    """Where ``words`` are printed on ``page`` (whose text is ``text``)."""
    at = text.find(words)
    assert at >= 0, (words, text[:300])
    return document.getSelectionAtIndex(page, at, len(words)).boundingRectangle()


@pytest.mark.parametrize("name", [LONG_NAME, LONGER_NAME])
def test_the_mark_never_covers_the_header_of_a_clinic_with_a_long_name(
    qapp: QApplication, storage: Storage, session_id: int, tmp_path: Path, name: str
) -> None:
    clinic, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    printer = Printer(storage, FakeClock(), replace(clinic, name=name), mark=MARK)
    path = tmp_path / "record.pdf"
    path.write_bytes(printer.record(session_id))
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    try:
        assert document.pageCount() > 1
        for page in range(document.pageCount()):
            text = document.getAllText(page).text()
            squeezed = "".join(text.split())
            assert SQUEEZED_MARK in squeezed
            assert "PatientDEMO-001" in squeezed  # the clinical parts whole
            assert "Session02Mar2026" in squeezed
            mark = _found(document, page, text, MARK.split()[0])
            assert "HarbourLight" in squeezed  # the clinic's name, shortened if need be
            for words in ("Harbour", "Patient", "DEMO-001", "Mar", "2026"):
                assert not _found(document, page, text, words).intersects(mark), words
    finally:
        document.close()
