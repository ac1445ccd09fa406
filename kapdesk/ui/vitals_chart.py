"""A session's vital signs on one chart: blood pressure, heart rate and SpO2 against journey time.

Time runs in minutes from the first dose. The phases as they actually ran are soft alternating
bands behind the lines, named along the top. Readings taken before the dose have no journey
time: they sit in a narrow "Baseline" strip left of minute 0, in the order they were taken (the
strip is not to scale, so a baseline taken 40 minutes before the dose does not squash the
journey). Flagged readings carry a muted-red ring and are listed in words under the chart.

Values are read from the timeline, so a corrected reading shows its corrected values. A value a
reading lacks (only SpO2 taken, say) is simply not a point on that line. The flags listed
under the chart say a temperature in the clinic's unit (:attr:`VitalsChart.units`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.journey import EventKind, Journey
from kapdesk.core.timeline import Entry, timeline
from kapdesk.core.units import Units
from kapdesk.core.vitals import LABELS, Reading, shown_flag
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined
from kapdesk.ui import theme
from kapdesk.ui.words import redraw_when_spoken, say, translated

EMPTY_TEXT = QT_TRANSLATE_NOOP("VitalsChart", "No vital signs recorded yet.")
BASELINE = QT_TRANSLATE_NOOP("VitalsChart", "Baseline")
NOT_DOSED = QT_TRANSLATE_NOOP("VitalsChart", "Not dosed yet")
MINUTES_AFTER_DOSE = QT_TRANSLATE_NOOP("VitalsChart", "Minutes after dose")
LEFT_TITLE = QT_TRANSLATE_NOOP("VitalsChart", "mmHg · beats/min")
FLAGGED_READINGS = QT_TRANSLATE_NOOP("VitalsChart", "Flagged readings")
NO_FLAGS = QT_TRANSLATE_NOOP("VitalsChart", "None.")
SYSTOLIC = QT_TRANSLATE_NOOP("VitalsChart", "Systolic")
DIASTOLIC = QT_TRANSLATE_NOOP("VitalsChart", "Diastolic")
HEART_RATE = QT_TRANSLATE_NOOP("VitalsChart", "Heart rate")
FLAGGED = QT_TRANSLATE_NOOP("VitalsChart", "Flagged")
FLAGGED_SPO2 = QT_TRANSLATE_NOOP("VitalsChart", "Flagged SpO2")
FLAGS_AT = QT_TRANSLATE_NOOP("VitalsChart", "At {minutes} min: {flags}")
FLAGS_AT_CORRECTED = QT_TRANSLATE_NOOP("VitalsChart", "At {minutes} min, corrected: {flags}")
FLAGS_BASELINE = QT_TRANSLATE_NOOP("VitalsChart", "Baseline: {flags}")
FLAGS_BASELINE_CORRECTED = QT_TRANSLATE_NOOP("VitalsChart", "Baseline, corrected: {flags}")
_RINGED = Template("Markup", "{ring}&nbsp; {words}")

# Calm, distinct hues on the dark ground; muted red stays for what staff must act on.
SYSTOLIC_COLOUR = theme.ACCENT
DIASTOLIC_COLOUR = "#4f8a82"
HEART_RATE_COLOUR = "#a493c9"
SPO2_COLOUR = "#7fa3cf"
BAND_COLOURS = (QColor(255, 255, 255, 13), QColor(0, 0, 0, 0))  # alternate phases, see-through
BASELINE_BAND = QColor(194, 161, 95, 26)  # faint amber: not on the journey's time scale

CHART_FIELDS: tuple[str, ...] = ("systolic", "diastolic", "heart_rate", "spo2")
LEFT_FIELDS = ("systolic", "diastolic", "heart_rate")
LEFT_RANGE = (0.0, 220.0)  # mmHg and beats per minute
RIGHT_RANGE = (80.0, 100.0)  # SpO2 %
MIN_SPAN_MINUTES = 10.0  # the shortest time axis, so the first minutes are not magnified
BASELINE_SHARE = 0.1  # the baseline strip's width, as a share of the journey's span
EDGE_SHARE = 0.02  # room left and right of the readings, as a share of the span
TICK_STEPS = (1, 2, 5, 10, 15, 20, 30, 60, 120, 240)
MAX_TICKS = 10
DOTS_UP_TO = 80  # beyond this many readings a line shows no dots, only its course


@dataclass(frozen=True)
class FlaggedReading:
    """A flagged reading as listed under the chart."""

    minute: float  # where it is drawn (inside the baseline strip when before the dose)
    baseline: bool
    flags: tuple[str, ...]
    amended: bool

    def text(self, shaped: Callable[[str], str] = str) -> str:
        """``At 45 min: Systolic BP 186 mmHg is at or above 180 mmHg`` (the flags as the record
        keeps them, ``shaped`` for the page: escaped for rich text)."""
        said = joined(list(self.flags), "; ", "VitalsChart")  # kapdesk's words: translated
        flags = said if shaped(said) == said else shaped(said)  # nothing to escape in them
        if self.baseline:
            template = FLAGS_BASELINE_CORRECTED if self.amended else FLAGS_BASELINE
            return template.format(flags=flags)
        template = FLAGS_AT_CORRECTED if self.amended else FLAGS_AT
        return template.format(minutes=f"{self.minute:.0f}", flags=flags)


def _tick_step(span: float) -> int:
    """Minutes between two marks of the time axis: never more than MAX_TICKS marks, however
    long the span (a session left open for days)."""
    for step in TICK_STEPS:
        if span / step <= MAX_TICKS:
            return step
    if not math.isfinite(span):
        return TICK_STEPS[-1]
    hours = math.ceil(span / MAX_TICKS / 60)
    return 60 * hours


def _flagged_fields(flags: Iterable[str], reading: Reading) -> list[str]:
    """Which of the reading's charted values its flags name (all of them when none is named:
    a flag about, say, the respiratory rate still rings the reading)."""
    taken = reading.values()
    shown = [name for name in CHART_FIELDS if name in taken]
    named = [name for name in shown if any(flag.startswith(LABELS[name]) for flag in flags)]
    return named or shown


@dataclass
class _Plotted:
    """Points gathered for the lines and the flag rings, before they go on the chart."""

    lines: dict[str, list[QPointF]] = field(
        default_factory=lambda: {name: [] for name in CHART_FIELDS}
    )
    left_marks: list[QPointF] = field(default_factory=list)  # mmHg / bpm axis
    right_marks: list[QPointF] = field(default_factory=list)  # SpO2 axis


def _unique(label: str, used: set[str]) -> str:
    """A category axis needs distinct labels; a repeated phase name gets invisible padding."""
    while label in used:
        label += "\u200b"
    used.add(label)
    return label


class VitalsChart(QWidget):
    """Blood pressure, heart rate and SpO2 of one session, with phases and flags."""

    def __init__(self, parent: QWidget | None = None, *, units: Units | None = None) -> None:
        super().__init__(parent)
        self.units = units if units is not None else Units()  # the clinic's, for the flags
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(theme.BACKGROUND))
        self.setPalette(palette)

        self._style_chart()
        self._add_axes()

        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setBackgroundBrush(QBrush(QColor(theme.BACKGROUND)))
        self.view.setStyleSheet(f"QChartView {{ background: {theme.BACKGROUND}; border: none; }}")
        self.view.setMinimumHeight(220)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # What the tests (and curious callers) can read back after show_session.
        self.systolic = QLineSeries()
        self.diastolic = QLineSeries()
        self.heart_rate = QLineSeries()
        self.spo2 = QLineSeries()
        self.flag_markers = QScatterSeries()  # on the mmHg/bpm axis
        self.spo2_flag_markers = QScatterSeries()  # on the SpO2 axis
        self.bands: list[QAreaSeries] = []
        self._band_edges: list[QLineSeries] = []
        self.band_names: list[str] = []  # the phases shaded, in order
        self.flagged: list[FlaggedReading] = []
        self.baseline_count = 0  # readings drawn in the baseline strip
        self.reading_count = 0
        self._text_px = (14, 17)  # axis and legend, text below the chart (pixels)
        self._sized = False
        self._shown: tuple[Journey, list[Entry] | None] | None = (
            None  # what is drawn, to draw again
        )
        redraw_when_spoken(self._spoken)

        self._build_flags_list()

        chart_page = QWidget()
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(4)
        chart_layout.addWidget(self.view, 1)
        chart_layout.addWidget(self.flags_title)
        chart_layout.addWidget(self.flags_scroll)

        self.empty_label = QLabel()
        say(self.empty_label, EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(chart_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.pages.setCurrentWidget(self.empty_label)
        self._fit_to_size()

    def _style_chart(self) -> None:
        """The chart itself, quiet on the dark room theme, its legend below."""
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setBackgroundBrush(QBrush(QColor(theme.BACKGROUND)))
        self.chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
        self.chart.setBackgroundRoundness(0)
        self.chart.setDropShadowEnabled(False)
        self.chart.setPlotAreaBackgroundBrush(QBrush(QColor(theme.SURFACE)))
        self.chart.setPlotAreaBackgroundVisible(True)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        legend = self.chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend.setLabelColor(QColor(theme.TEXT_MUTED))
        legend.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        legend.setPen(QPen(Qt.PenStyle.NoPen))

    def _add_axes(self) -> None:
        """Minutes along the bottom, the phases along the top, mmHg and beats per minute on the
        left, SpO2 on its own axis on the right."""
        self.time_axis = QCategoryAxis()
        self.time_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        say(self.time_axis, MINUTES_AFTER_DOSE, "setTitleText")
        self.phase_axis = QCategoryAxis()  # the phase names, along the top
        self.phase_axis.setGridLineVisible(False)
        self.phase_axis.setLineVisible(False)
        self.left_axis = QValueAxis()
        say(self.left_axis, LEFT_TITLE, "setTitleText")
        self.right_axis = QValueAxis()
        self.right_axis.setTitleText("SpO2 %")
        self.right_axis.setGridLineVisible(False)
        for axis, step in ((self.left_axis, 20.0), (self.right_axis, 5.0)):
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0.0)
            axis.setTickInterval(step)
            axis.setLabelFormat("%d")
        for axis in (self.time_axis, self.phase_axis, self.left_axis, self.right_axis):
            axis.setLabelsColor(QColor(theme.TEXT_MUTED))
            axis.setTitleBrush(QBrush(QColor(theme.TEXT_MUTED)))
            axis.setLinePen(QPen(QColor(theme.BORDER), 1))
            axis.setGridLinePen(QPen(QColor(theme.BORDER), 1))
            axis.setMinorGridLineVisible(False)
            axis.setTruncateLabels(True)
        self.chart.addAxis(self.time_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.phase_axis, Qt.AlignmentFlag.AlignTop)
        self.chart.addAxis(self.left_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.right_axis, Qt.AlignmentFlag.AlignRight)

    def _build_flags_list(self) -> None:
        """The flagged readings, listed under the chart and scrolling on their own."""
        self.flags_title = QLabel()
        say(self.flags_title, FLAGGED_READINGS)
        self.flags_title.setContentsMargins(8, 6, 8, 0)
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setTextFormat(Qt.TextFormat.RichText)
        self.flags_label.setContentsMargins(8, 0, 8, 0)
        self.flags_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.flags_scroll = QScrollArea()
        self.flags_scroll.setWidget(self.flags_label)
        self.flags_scroll.setWidgetResizable(True)
        self.flags_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.flags_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.flags_scroll.setStyleSheet(
            f"QScrollArea {{ background: {theme.BACKGROUND}; border: none; }}"
        )

    # -- reading back -----------------------------------------------------------------------------

    @property
    def empty(self) -> bool:
        """True while the empty state ("No vital signs recorded yet.") is what shows."""
        return self.pages.currentWidget() is self.empty_label

    @property
    def flagged_count(self) -> int:
        """How many readings carry flags (each is ringed on the chart and listed below it)."""
        return len(self.flagged)

    @staticmethod
    def points(series: QXYSeries) -> list[tuple[float, float]]:
        return [(p.x(), p.y()) for p in series.points()]

    # -- showing ----------------------------------------------------------------------------------

    def show_session(self, journey: Journey, entries: Sequence[Entry] | None = None) -> None:
        """Draw the vital signs of ``journey`` as its record stands now (corrections applied);
        ``entries`` is its timeline when the caller has it already."""
        self._shown = (journey, None if entries is None else list(entries))
        entries = [
            e
            for e in (timeline(journey.events) if entries is None else entries)
            if e.kind is EventKind.VITALS
        ]
        self._clear()
        self.reading_count = len(entries)
        if not entries:
            self.pages.setCurrentWidget(self.empty_label)
            return

        now = journey.elapsed()
        last_reading = max((e.elapsed for e in entries if e.elapsed is not None), default=0.0)
        last_span = max((s.ended or s.started for s in journey.spans), default=0.0)
        end = max((now or 0.0) / 60.0, last_reading / 60.0, last_span / 60.0, MIN_SPAN_MINUTES)
        baseline = [e for e in entries if e.elapsed is None]
        strip = end * BASELINE_SHARE if baseline else 0.0
        # A little room at both ends so a ring at minute 0 or at "now" is not cut in half.
        pad = end * EDGE_SHARE
        x_min, x_max = -(strip or pad), end + pad

        plotted = _Plotted()
        # Baseline readings spread evenly across the strip, in the order taken.
        for place, entry in enumerate(baseline):
            x = -strip + strip * (place + 1) / (len(baseline) + 1)
            self._plot(entry, x, plotted, baseline=True)
        for entry in entries:
            if entry.elapsed is not None:
                self._plot(entry, entry.elapsed / 60.0, plotted, baseline=False)
        self.baseline_count = len(baseline)

        lines = plotted.lines
        values_left = [p.y() for name in LEFT_FIELDS for p in lines[name]]
        values_right = [p.y() for p in lines["spo2"]]
        top = max(LEFT_RANGE[1], math.ceil(max(values_left, default=0.0) / 20.0) * 20.0)
        bottom = min(RIGHT_RANGE[0], math.floor(min(values_right, default=100.0) / 5.0) * 5.0)
        self.left_axis.setRange(LEFT_RANGE[0], top)
        self.right_axis.setRange(bottom, RIGHT_RANGE[1])

        # The bands go in first, so the lines draw over them.
        self._add_bands(journey, x_min, x_max, strip, top)
        self.systolic = self._line(SYSTOLIC, SYSTOLIC_COLOUR, lines["systolic"])
        self.diastolic = self._line(
            DIASTOLIC, DIASTOLIC_COLOUR, lines["diastolic"], Qt.PenStyle.DashLine
        )
        self.heart_rate = self._line(HEART_RATE, HEART_RATE_COLOUR, lines["heart_rate"])
        self.spo2 = self._line("SpO2", SPO2_COLOUR, lines["spo2"], axis=self.right_axis)
        self.flag_markers = self._markers(FLAGGED, plotted.left_marks, self.left_axis)
        self.spo2_flag_markers = self._markers(FLAGGED_SPO2, plotted.right_marks, self.right_axis)
        legend = self.chart.legend()
        for marker in legend.markers(self.spo2_flag_markers):
            marker.setVisible(False)
        for marker in legend.markers(self.flag_markers):
            marker.setVisible(bool(self.flagged))
            marker.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            marker.setPen(QPen(QColor(theme.PROBLEM), 2.0))

        self._set_time_axis(x_min, x_max)
        self._list_flags()
        self.pages.setCurrentIndex(1)

    # -- internals --------------------------------------------------------------------------------

    def _clear(self) -> None:
        self.chart.removeAllSeries()  # deletes them
        self._band_edges = []
        self.bands, self.band_names, self.flagged = [], [], []
        self.baseline_count = self.reading_count = 0
        self.systolic, self.diastolic = QLineSeries(), QLineSeries()
        self.heart_rate, self.spo2 = QLineSeries(), QLineSeries()
        self.flag_markers, self.spo2_flag_markers = QScatterSeries(), QScatterSeries()

    def _plot(self, entry: Entry, x: float, plotted: _Plotted, *, baseline: bool) -> None:
        values = entry.data.get("values")
        reading = Reading.from_values(values if isinstance(values, Mapping) else {})
        taken = reading.values()
        for name, points in plotted.lines.items():
            if name in taken:
                points.append(QPointF(x, taken[name]))
        if entry.flags:
            said = tuple(shown_flag(flag, reading, self.units) for flag in entry.flags)
            self.flagged.append(FlaggedReading(x, baseline, said, entry.amended))
            for name in _flagged_fields(entry.flags, reading):
                marks = plotted.right_marks if name == "spo2" else plotted.left_marks
                marks.append(QPointF(x, taken[name]))

    def _add_bands(
        self, journey: Journey, x_min: float, x_max: float, strip: float, top: float
    ) -> None:
        self.phase_axis.setStartValue(x_min)
        for label in list(self.phase_axis.categoriesLabels()):
            self.phase_axis.remove(label)
        used: set[str] = set()
        if strip:
            self._band(x_min, 0.0, top, BASELINE_BAND)
            self.phase_axis.append(_unique(translated(BASELINE), used), 0.0)
        if not journey.spans:
            self.phase_axis.append(_unique(translated(NOT_DOSED), used), x_max)
        for place, span in enumerate(journey.spans):
            left = span.started / 60.0
            right = x_max if span.ended is None else span.ended / 60.0
            if right <= left:
                continue
            self.bands.append(self._band(left, right, top, BAND_COLOURS[place % 2]))
            self.band_names.append(span.phase.name)
            self.phase_axis.append(_unique(span.phase.name, used), right)
        self.phase_axis.setRange(x_min, x_max)

    def _spoken(self) -> None:
        """Drawn again in the language now spoken: the phase axis names the baseline strip."""
        if self._shown is not None:
            self.show_session(*self._shown)

    def _band(self, left: float, right: float, top: float, colour: QColor) -> QAreaSeries:
        upper = QLineSeries()
        upper.replace([QPointF(left, top), QPointF(right, top)])
        lower = QLineSeries()
        lower.replace([QPointF(left, LEFT_RANGE[0]), QPointF(right, LEFT_RANGE[0])])
        self._band_edges += [upper, lower]  # an area series does not own its edges
        band = QAreaSeries(upper, lower)
        band.setBrush(QBrush(colour))
        band.setPen(QPen(Qt.PenStyle.NoPen))
        self.chart.addSeries(band)
        band.attachAxis(self.time_axis)
        band.attachAxis(self.left_axis)
        for marker in self.chart.legend().markers(band):
            marker.setVisible(False)
        return band

    def _line(
        self,
        name: str,
        colour: str,
        points: Sequence[QPointF],
        style: Qt.PenStyle = Qt.PenStyle.SolidLine,
        axis: QValueAxis | None = None,
    ) -> QLineSeries:
        series = QLineSeries()
        say(series, name, "setName")
        pen = QPen(QColor(colour), 2.0)
        pen.setStyle(style)
        series.setPen(pen)
        series.setPointsVisible(len(points) <= DOTS_UP_TO)
        series.setMarkerSize(4.0)
        series.replace(list(points))
        self.chart.addSeries(series)
        series.attachAxis(self.time_axis)
        series.attachAxis(axis or self.left_axis)
        return series

    def _markers(self, name: str, points: Sequence[QPointF], axis: QValueAxis) -> QScatterSeries:
        series = QScatterSeries()
        say(series, name, "setName")
        series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        series.setMarkerSize(15.0)
        series.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        series.setPen(QPen(QColor(theme.PROBLEM), 2.0))
        series.replace(list(points))
        self.chart.addSeries(series)
        series.attachAxis(self.time_axis)
        series.attachAxis(axis)
        return series

    def _set_time_axis(self, x_min: float, x_max: float) -> None:
        for label in list(self.time_axis.categoriesLabels()):
            self.time_axis.remove(label)
        self.time_axis.setStartValue(x_min)
        step = _tick_step(x_max)
        minute = 0
        while minute <= x_max + 1e-9 and minute <= step * MAX_TICKS:
            self.time_axis.append(str(minute), float(minute))
            minute += step
        self.time_axis.setRange(x_min, x_max)

    def _list_flags(self) -> None:
        if self.flagged:
            ring = f'<span style="color: {theme.PROBLEM};">◯</span>'
            lines = [_RINGED.format(ring=ring, words=f.text(html.escape)) for f in self.flagged]
            say(self.flags_label, joined(lines, "<br>", "Markup"))
        else:
            say(self.flags_label, NO_FLAGS)
        self._style_text()

    def _style_text(self) -> None:
        """Colours and sizes of the text around the chart (the app's style sheet sets sizes, so
        they are set here in the same way)."""
        small, text = self._text_px
        flags_colour = theme.TEXT if self.flagged else theme.TEXT_MUTED
        base = "background: transparent; font-size: {}px; color: {};"
        self.flags_title.setStyleSheet(
            base.format(small, theme.TEXT_MUTED) + "letter-spacing: 1px;"
        )
        self.flags_label.setStyleSheet(base.format(text, flags_colour))
        self.empty_label.setStyleSheet(base.format(text, theme.TEXT_MUTED))

    def _fit_to_size(self) -> None:
        """Text that reads at 1024x600 and still reads on a large screen."""
        height = max(self.height(), 1)
        small = max(12, min(20, height // 42))
        text = max(15, min(24, height // 34))
        if (small, text) == self._text_px and self._sized:
            return
        self._text_px, self._sized = (small, text), True
        font = QFont(self.font())
        font.setPixelSize(small)
        for axis in (self.time_axis, self.phase_axis, self.left_axis, self.right_axis):
            axis.setLabelsFont(font)
            axis.setTitleFont(font)
        self.chart.legend().setFont(font)
        self._style_text()
        self.flags_scroll.setMaximumHeight(max(int(text * 1.5 * 2), height // 5))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_to_size()
