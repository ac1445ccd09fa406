"""The vital-signs chart of the printed record, drawn with QPainter onto an image.

It reads as the chart on screen does: minutes since dosing along the bottom, the phases as
they ran shaded behind, blood pressure and heart rate on the left axis, SpO2 on its own axis on
the right (a saturation of 98 % is not 98 mmHg), readings taken before the dose in a "Baseline"
strip left of minute 0, and flagged readings ringed in red. Values are the corrected ones.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen

from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.vitals import LABELS, Reading
from kapdesk.reports import record_words as w
from kapdesk.translation import said_through as translated

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
LEFT_FIELDS = (
    ("systolic", w.SYSTOLIC, "#b03a2e"),
    ("diastolic", w.DIASTOLIC, "#d98880"),
    ("heart_rate", w.HEART_RATE, "#1f618d"),
)
SPO2 = ("spo2", "SpO2", "#117a65")
FLAG_COLOUR = "#c00000"
BASELINE_COLOUR = QColor("#f6ead2")  # faint amber: not on the journey's time scale
LEFT_RANGE = (40.0, 200.0)  # mmHg and beats per minute
RIGHT_RANGE = (80.0, 100.0)  # SpO2 %
BASELINE_SHARE = 0.1  # the baseline strip's width, as a share of the journey's span


@dataclass(frozen=True)
class _Point:
    minute: float  # inside the baseline strip (below 0) when taken before the dose
    value: float
    flagged: bool


def _flagged_fields(flags: Iterable[str], reading: Reading) -> set[str]:
    """Which charted values the flags name (all of them when none is named: a flag about the
    respiratory rate still rings the reading)."""
    taken = reading.values()
    shown = [name for name, _, _ in (*LEFT_FIELDS, SPO2) if name in taken]
    named = {name for name in shown if any(flag.startswith(LABELS[name]) for flag in flags)}
    return named or set(shown)


def _points(entries: list[Entry], strip: float) -> dict[str, list[_Point]]:
    points: dict[str, list[_Point]] = {name: [] for name, _, _ in (*LEFT_FIELDS, SPO2)}
    baseline = [e for e in entries if e.elapsed is None]
    for place, entry in enumerate(baseline):
        _add(points, entry, -strip + strip * (place + 1) / (len(baseline) + 1))
    for entry in entries:
        if entry.elapsed is not None:
            _add(points, entry, entry.elapsed / 60)
    return points


def _add(points: dict[str, list[_Point]], entry: Entry, minute: float) -> None:
    values = entry.data.get("values")
    reading = Reading.from_values(values if isinstance(values, Mapping) else {})
    flagged = _flagged_fields(entry.flags, reading) if entry.flags else set()
    for name, value in reading.values().items():
        if name in points:
            points[name].append(_Point(minute, value, name in flagged))


def left_axis(values: Iterable[float]) -> tuple[float, float]:
    """The left axis's bottom and top: 40-200 unless a value lies outside it, then widened to
    the next 20 below (a heart rate of 35 is drawn at 35, not on the 40 line) or 40 above."""
    shown = list(values)
    bottom = min(LEFT_RANGE[0], math.floor(min(shown, default=LEFT_RANGE[0]) / 20) * 20)
    top = max(LEFT_RANGE[1], math.ceil(max(shown, default=0) / 40) * 40)
    return float(bottom), float(top)


def left_marks(bottom: float, top: float) -> list[int]:
    """The left axis's labelled lines: every 40 from 40, and the bottom when it is lower."""
    marks = range(int(LEFT_RANGE[0]), int(top) + 1, 40)
    return sorted({int(bottom), *marks})


@dataclass(frozen=True)
class _Frame:
    """Where the chart's plot lies on the image, and the scales it draws minutes and values to."""

    width: int
    height: int
    plot: QRectF
    strip: float  # the baseline strip's width, in minutes (0 with no baseline readings)
    end: float  # the last minute shown
    left_range: tuple[float, float]
    right_bottom: float

    def x_at(self, minute: float) -> float:
        return self.plot.left() + self.plot.width() * (minute + self.strip) / (
            self.end + self.strip
        )

    def _y_at(self, value: float, low: float, high: float) -> float:
        share = (min(max(value, low), high) - low) / (high - low)
        return self.plot.bottom() - self.plot.height() * share

    def left_y(self, value: float) -> float:
        return self._y_at(value, *self.left_range)

    def right_y(self, value: float) -> float:
        return self._y_at(value, self.right_bottom, RIGHT_RANGE[1])


_MARGINS = (100, 100, 80, 70)  # left, right, top, bottom


def vitals_image(journey: Journey, width: int = 1600, height: int = 600) -> QImage:
    """The chart of ``journey``'s vital signs, for print."""
    entries = [e for e in timeline(journey.events) if e.kind is EventKind.VITALS]
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    last = max((e.elapsed for e in entries if e.elapsed is not None), default=0.0) / 60
    end = max(journey.protocol.planned_minutes, (journey.elapsed() or 0.0) / 60, last, 1.0)
    strip = end * BASELINE_SHARE if any(e.elapsed is None for e in entries) else 0.0
    points = _points(entries, strip)
    right_bottom = min(
        RIGHT_RANGE[0], math.floor(min((p.value for p in points["spo2"]), default=100) / 5) * 5
    )
    left, right, top, bottom = _MARGINS
    frame = _Frame(
        width,
        height,
        QRectF(left, top, width - left - right, height - top - bottom),
        strip,
        end,
        left_axis([p.value for n, _, _ in LEFT_FIELDS for p in points[n]]),
        right_bottom,
    )
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont("DejaVu Sans")
        font.setPixelSize(22)
        painter.setFont(font)
        _draw_phases(painter, frame, journey)
        _draw_axes(painter, frame)
        _draw_minutes(painter, frame)
        _draw_readings(painter, frame, points)
    finally:
        painter.end()  # a painter left open on an image crashes Qt when the image goes
    return image


def _draw_phases(painter: QPainter, frame: _Frame, journey: Journey) -> None:
    """The baseline strip and the phases as they ran, behind everything."""
    plot, x_at, top = frame.plot, frame.x_at, _MARGINS[2]
    painter.setPen(QColor("#555555"))
    if frame.strip:
        painter.fillRect(
            QRectF(plot.left(), plot.top(), x_at(0) - plot.left(), plot.height()),
            BASELINE_COLOUR,
        )
        painter.drawText(
            QRectF(plot.left(), top - 34, x_at(0) - plot.left(), 30),
            CENTRE,
            translated(w.BASELINE_STRIP),
        )
    for n, span in enumerate(journey.spans):
        stop = span.ended if span.ended is not None else (journey.elapsed() or span.started)
        x0, x1 = x_at(span.started / 60), x_at(stop / 60)
        painter.fillRect(
            QRectF(x0, plot.top(), x1 - x0, plot.height()),
            QColor("#f2f2f2" if n % 2 else "#e6eef2"),
        )
        painter.drawText(QRectF(x0 + 4, top - 34, max(x1 - x0 - 8, 0), 30), LEFT, span.phase.name)


def _draw_axes(painter: QPainter, frame: _Frame) -> None:
    """Both axes, each with its own scale and its own words."""
    plot, width = frame.plot, frame.width
    left, right = _MARGINS[0], _MARGINS[1]
    grid = QPen(QColor("#c8c8c8"), 1)
    for mark in left_marks(*frame.left_range):
        y = frame.left_y(mark)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(0, y - 14, left - 10, 28), RIGHT, f"{mark}")
    for mark in range(int(frame.right_bottom), int(RIGHT_RANGE[1]) + 1, 5):
        painter.setPen(QColor(SPO2[2]))
        y = frame.right_y(mark)
        painter.drawLine(QPointF(plot.right(), y), QPointF(plot.right() + 8, y))
        painter.drawText(QRectF(plot.right() + 12, y - 14, right - 12, 28), LEFT, f"{mark}")
    painter.setPen(QColor("#333333"))
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    painter.drawText(QRectF(6, 4, left + 160, 30), LEFT, "mmHg, /min")
    painter.setPen(QColor(SPO2[2]))
    painter.drawLine(plot.bottomRight(), plot.topRight())
    painter.drawText(QRectF(width - 200, 4, 196, 30), RIGHT, "SpO2 %")


def _draw_minutes(painter: QPainter, frame: _Frame) -> None:
    """The minutes since dosing along the bottom: never more than 20 marks."""
    plot, end = frame.plot, frame.end
    painter.setPen(QColor("#333333"))
    step = 15 if end > 60 else 10
    if end > 20 * step:  # a long record: never more than 20 marks
        step = 60 * math.ceil(min(end, 1e9) / 20 / 60)
    for tick in range(0, int(min(end, 20 * step)) + 1, step):
        x = frame.x_at(tick)
        painter.drawText(QRectF(x - 40, plot.bottom() + 6, 80, 28), CENTRE, f"{tick}")
    caption = QRectF(plot.left(), frame.height - 34, plot.width(), 30)
    painter.drawText(caption, CENTRE, translated(w.MINUTES_SINCE_DOSING))


def _draw_readings(painter: QPainter, frame: _Frame, points: dict[str, list[_Point]]) -> None:
    """The lines, their readings, and a red ring round each flagged value."""
    legend_x = frame.plot.left() + 180.0  # the key, on the line above the chart
    for (name, title, colour), y_of in (
        *((field, frame.left_y) for field in LEFT_FIELDS),
        (SPO2, frame.right_y),
    ):
        series = points[name]
        if not series:
            continue
        painter.setPen(QPen(QColor(colour), 4))
        at = [QPointF(frame.x_at(p.minute), y_of(p.value)) for p in series]
        path = QPainterPath(at[0])
        for point in at[1:]:
            path.lineTo(point)
        painter.drawPath(path)
        painter.setBrush(QColor(colour))
        for point in at:
            painter.drawEllipse(point, 6, 6)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(FLAG_COLOUR), 3))
        for point, reading in zip(at, series, strict=True):
            if reading.flagged:
                painter.drawEllipse(point, 15, 15)
        painter.setPen(QColor(colour))
        words = translated(title)
        painter.drawText(QPointF(legend_x, 27), words)
        # Each name its room: 170 as in English, more for a longer name (Frecuencia cardíaca).
        legend_x += max(170.0, painter.fontMetrics().horizontalAdvance(words) + 30.0)
    if any(p.flagged for series in points.values() for p in series):
        painter.setPen(QPen(QColor(FLAG_COLOUR), 3))
        painter.drawEllipse(QPointF(legend_x + 12, 19), 11, 11)
        painter.drawText(QPointF(legend_x + 32, 27), translated(w.FLAGGED))
