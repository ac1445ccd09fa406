"""PDF pages from the printed records' HTML, with Qt's text layout and QPdfWriter.

Only QtGui is used (no widgets), so the command line can print with Qt's offscreen platform and
the window can print on a worker thread. The vital-signs chart is drawn here with QPainter onto
an image the layout places; a file is written atomically (beside its destination, synced, then
renamed), so a full disk or a pulled cord leaves the old file or none, never half a PDF.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.vitals import Reading
from kapdesk.reports.exports import write_atomically
from kapdesk.reports.pages import Printed

RESOLUTION = 300  # dots per inch of the PDF's layout
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignHCenter)
SERIES = (
    ("systolic", "Systolic", "#b03a2e"),
    ("diastolic", "Diastolic", "#d98880"),
    ("heart_rate", "Heart rate", "#1f618d"),
    ("spo2", "SpO2", "#117a65"),
)


def ensure_gui() -> None:
    """A QGuiApplication for text layout and painting; offscreen when kapdesk has none."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(["kapdesk"])


def vitals_image(journey: Journey, width: int = 1600, height: int = 560) -> QImage:
    """Blood pressure, heart rate and SpO2 against journey time, phases shaded, for print."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont("DejaVu Sans")
        font.setPixelSize(22)
        painter.setFont(font)
        left, right, top, bottom = 90, 30, 50, 70
        plot = QRectF(left, top, width - left - right, height - top - bottom)
        points: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in SERIES}
        for seq, event in enumerate(journey.events):
            if event.kind is not EventKind.VITALS or event.elapsed is None:
                continue
            values = journey.corrected(seq).get("values")
            reading = Reading.from_values(values if isinstance(values, dict) else {})
            for name, _, _ in SERIES:
                value = getattr(reading, name)
                if value is not None:
                    points[name].append((event.elapsed / 60, value))
        end = max(
            [journey.protocol.planned_minutes, (journey.elapsed() or 0.0) / 60]
            + [minute for series in points.values() for minute, _ in series]
        )
        end = max(end, 1.0)
        low, high = 40.0, 200.0

        def at(minute: float, value: float) -> QPointF:
            x = plot.left() + plot.width() * minute / end
            y = plot.bottom() - plot.height() * (min(max(value, low), high) - low) / (high - low)
            return QPointF(x, y)

        for n, span in enumerate(journey.spans):
            stop = span.ended if span.ended is not None else (journey.elapsed() or span.started)
            x0, x1 = at(span.started / 60, low).x(), at(stop / 60, low).x()
            painter.fillRect(
                QRectF(x0, plot.top(), x1 - x0, plot.height()),
                QColor("#f2f2f2" if n % 2 else "#e6eef2"),
            )
            painter.setPen(QColor("#555555"))
            painter.drawText(QRectF(x0 + 4, top - 40, max(x1 - x0 - 8, 0), 34), span.phase.name)
        painter.setPen(QPen(QColor("#bbbbbb"), 1))
        for mark in range(int(low), int(high) + 1, 40):
            y = at(0, mark).y()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(0, y - 14, left - 10, 28), RIGHT, f"{mark}")
            painter.setPen(QPen(QColor("#bbbbbb"), 1))
        step = 15 if end > 60 else 10
        if end > 20 * step:  # a long record: never more than 20 marks
            step = 60 * math.ceil(min(end, 1e9) / 20 / 60)
        for tick in range(0, int(min(end, 20 * step)) + 1, step):
            x = at(tick, low).x()
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(x - 40, plot.bottom() + 8, 80, 28), CENTRE, f"{tick}")
        caption = QRectF(plot.left(), height - 34, plot.width(), 30)
        painter.drawText(caption, CENTRE, "minutes since dosing")
        legend_x = plot.left() + 10.0
        for name, title, colour in SERIES:
            series = points[name]
            if not series:
                continue
            pen = QPen(QColor(colour), 4)
            painter.setPen(pen)
            path = QPainterPath(at(*series[0]))
            for minute, value in series[1:]:
                path.lineTo(at(minute, value))
            painter.drawPath(path)
            painter.setBrush(QColor(colour))
            for minute, value in series:
                painter.drawEllipse(at(minute, value), 6, 6)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawText(QPointF(legend_x, plot.top() + 30), title)
            legend_x += 200
    finally:
        painter.end()  # a painter left open on an image crashes Qt when the image goes
    return image


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
    write_atomically(path, data)
