"""PDF pages from the printed records' HTML, with Qt's text layout and QPdfWriter.

Only QtGui is used (no widgets), so the command line can print with Qt's offscreen platform and
the window can print on a worker thread. The pages are laid out by :mod:`kapdesk.reports.pages`
and the vital-signs chart drawn by :mod:`kapdesk.reports.chart`; a file is written atomically
(beside its destination, synced, then renamed), so a full disk or a pulled cord leaves the old
file or none, never half a PDF.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
)
from PySide6.QtGui import (
    QGuiApplication,
    QPageSize,
    QPdfWriter,
)

from kapdesk.core.safe_files import write_atomically
from kapdesk.reports.pages import Printed

RESOLUTION = 300  # dots per inch of the PDF's layout


def ensure_gui() -> None:
    """A QGuiApplication for text layout and painting; offscreen when kapdesk has none."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(["kapdesk"])


def pdf_bytes(printed: Printed) -> bytes:
    """The document on A4 pages as a PDF, each page with its header and "Page n of m"."""
    ensure_gui()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(printed.pdf_title)
    writer.setCreator("kapdesk")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printed.paint(writer)
    buffer.close()
    data = buffer.data()
    return bytes(data.data()) if isinstance(data, QByteArray) else bytes(data)


def write_pdf(path: Path, data: bytes) -> None:
    """Write the PDF atomically; OSError when it cannot be written."""
    write_atomically(path, data, mode=0o600)
