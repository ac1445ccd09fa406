"""What a PDF says, read back from the file with Qt's PDF engine (PDFium): the test sees the
printed text, not kapdesk's own data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdf import QPdfDocument


def pdf_pages(path: Path) -> list[str]:
    """The text of each page; needs a QGuiApplication (pytest-qt's ``qapp``)."""
    document = QPdfDocument()
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_:
        raise AssertionError(f"{path} is not a readable PDF: {status}")
    try:
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


def pdf_text(path: Path) -> str:
    """All the text, pages joined, lines joined by spaces (a table cell may wrap)."""
    return " ".join(" ".join(page.split()) for page in pdf_pages(path))
