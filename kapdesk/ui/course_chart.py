"""PHQ-9 and GAD-7 over a course, as lines against the date, with the "moderate" lines marked:
whether the scores are coming down is what the clinician looks for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kapdesk.core.questionnaires import GAD7, PHQ9
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import formats, theme
from kapdesk.ui.words import redraw_when_spoken, translated

if TYPE_CHECKING:
    from kapdesk.storage.courses import QuestionnaireEntry

COLOURS = {PHQ9.id: theme.ACCENT, GAD7.id: theme.OVERRUN}
MODERATE = 10  # both instruments: 10 and above is "moderate"
NOTHING_YET = QT_TRANSLATE_NOOP("CourseChart", "No PHQ-9 or GAD-7 yet")
# The line's name is the instruments' band (their own words, untranslated) and its score.
MODERATE_LINE = "Moderate (10)"


def _ms(moment: datetime) -> float:
    return moment.timestamp() * 1000.0


class CourseChart(QWidget):
    """The trend of the patient's questionnaires."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundBrush(QBrush(QColor(theme.BACKGROUND)))
        self.chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        legend = self.chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend.setLabelColor(QColor(theme.TEXT_MUTED))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setStyleSheet(f"QChartView {{ background: {theme.BACKGROUND}; border: none; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.points: dict[str, list[tuple[datetime, int]]] = {}
        redraw_when_spoken(self._say_title)

    def _say_title(self) -> None:
        """The chart's words in the language now spoken."""
        if not self.points:
            self.chart.setTitle(translated(NOTHING_YET))

    def show_results(self, results: Sequence[QuestionnaireEntry]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.points = {}
        for entry in results:
            self.points.setdefault(entry.instrument, []).append((entry.taken_at, entry.total))
        if not self.points:
            self.chart.setTitle(translated(NOTHING_YET))
            self.chart.setTitleBrush(QBrush(QColor(theme.TEXT_MUTED)))
            return
        self.chart.setTitle("")
        when = QDateTimeAxis()
        when.setFormat(formats.day_month_format("dd MMM"))
        score = QValueAxis()
        score.setRange(0, PHQ9.max_total)
        score.setTickCount(4)
        score.setLabelFormat("%d")
        for axis in (when, score):
            axis.setLabelsColor(QColor(theme.TEXT_MUTED))
            axis.setGridLinePen(QPen(QColor(theme.BORDER), 1))
            axis.setLinePen(QPen(QColor(theme.BORDER), 1))
        self.chart.addAxis(when, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(score, Qt.AlignmentFlag.AlignLeft)
        times = [moment for pairs in self.points.values() for moment, _ in pairs]
        first, last = min(times), max(times)
        span = max((last - first).total_seconds() * 1000, 86_400_000.0)
        low, high = _ms(first) - span * 0.05, _ms(first) + span * 1.05
        when.setRange(
            QDateTime.fromMSecsSinceEpoch(int(low)), QDateTime.fromMSecsSinceEpoch(int(high))
        )
        moderate = QLineSeries()
        moderate.setName(MODERATE_LINE)
        moderate.setPen(QPen(QColor(theme.BORDER), 1, Qt.PenStyle.DashLine))
        moderate.append(low, MODERATE)
        moderate.append(high, MODERATE)
        self._add(moderate, when, score)
        for instrument in (PHQ9, GAD7):
            pairs = self.points.get(instrument.id)
            if not pairs:
                continue
            colour = QColor(COLOURS[instrument.id])
            line = QLineSeries()
            line.setName(instrument.name)
            line.setPen(QPen(colour, 3))
            dots = QScatterSeries()
            dots.setMarkerSize(10)
            dots.setColor(colour)
            dots.setBorderColor(colour)
            for moment, total in pairs:
                line.append(_ms(moment), total)
                dots.append(_ms(moment), total)
            self._add(line, when, score)
            self._add(dots, when, score)
            self.chart.legend().markers(dots)[0].setVisible(False)

    def _add(self, series: QXYSeries, when: QDateTimeAxis, score: QValueAxis) -> None:
        self.chart.addSeries(series)
        series.attachAxis(when)
        series.attachAxis(score)
