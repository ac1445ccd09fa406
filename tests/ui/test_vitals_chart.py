"""The vital-signs chart: corrected values, gaps, flags, phases, empty state, and how it looks."""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from PySide6.QtCharts import QChart
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.protocols import Protocol
from kapdesk.ui import theme
from kapdesk.ui.vitals_chart import EMPTY_TEXT, VitalsChart

SYSTOLIC_FLAG = "Systolic BP 186 mmHg is at or above 180 mmHg"
SPO2_FLAG = "SpO2 90% is below 92%"


def _reading(
    journey: Journey, values: Mapping[str, float], flags: Sequence[str] = (), by: str = "RN"
) -> int:
    """Record a reading; return its place in the session (what an amendment points at)."""
    journey.record_observation(
        EventKind.VITALS, {"values": dict(values), "flags": list(flags), "by": by}
    )
    return len(journey.events) - 1


def _session(clock: FakeClock, protocol: Protocol) -> Journey:
    """Baseline, dose, three phases, six readings (one corrected, one SpO2 only, two flagged)."""
    journey = Journey.open(protocol, clock)
    _reading(journey, {"systolic": 128, "diastolic": 82, "heart_rate": 72, "spo2": 98})
    clock.advance(120)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="LOT-1", given_by="RN", weight_kg=70))
    clock.advance(300)  # 5 min
    _reading(journey, {"systolic": 150, "diastolic": 90, "heart_rate": 80, "spo2": 97})
    journey.advance_phase()  # Peak at 5 min
    clock.advance(600)  # 15 min
    typo = _reading(journey, {"systolic": 410, "diastolic": 85, "heart_rate": 78, "spo2": 96})
    clock.advance(600)  # 25 min
    _reading(journey, {"spo2": 95})
    clock.advance(600)  # 35 min
    _reading(
        journey, {"systolic": 186, "diastolic": 104, "heart_rate": 88, "spo2": 96}, [SYSTOLIC_FLAG]
    )
    clock.advance(600)  # 45 min
    journey.advance_phase()  # Return at 45 min
    clock.advance(300)  # 50 min
    _reading(journey, {"systolic": 130, "diastolic": 80, "heart_rate": 70, "spo2": 90}, [SPO2_FLAG])
    journey.amend(
        {
            "amends": typo,
            "data": {"values": {"systolic": 141, "diastolic": 85, "heart_rate": 78, "spo2": 96}},
            "reason": "typo",
            "by": "X",
        }
    )
    clock.advance(600)  # 60 min
    journey.close("done")
    return journey


@pytest.fixture
def chart(qtbot: QtBot, qapp: QApplication) -> VitalsChart:
    theme.apply(qapp)
    widget = VitalsChart()
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pixels(image: QImage) -> array[int]:
    """Every pixel as one 0xAARRGGBB number."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = array("I", bytes(rgb.constBits()))
    assert len(pixels) == rgb.width() * rgb.height()  # no row padding at 32 bits a pixel
    return pixels


def test_the_lines_show_corrected_values_and_leave_missing_ones_out(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    chart.show_session(_session(clock, protocol))

    assert not chart.empty
    assert chart.reading_count == 6
    assert chart.baseline_count == 1
    systolic = chart.points(chart.systolic)
    # The baseline reading sits left of minute 0, in its strip.
    assert systolic[0][0] < 0
    assert systolic[0][1] == 128
    # After the dose: minutes on the journey clock; 141 (the correction), never 410 (the typo);
    # the SpO2-only reading at 25 min is no point on the blood pressure line.
    assert systolic[1:] == [(5.0, 150.0), (15.0, 141.0), (35.0, 186.0), (50.0, 130.0)]
    assert [y for _, y in chart.points(chart.diastolic)[1:]] == [90.0, 85.0, 104.0, 80.0]
    assert [x for x, _ in chart.points(chart.heart_rate)[1:]] == [5.0, 15.0, 35.0, 50.0]
    assert chart.points(chart.spo2)[1:] == [
        (5.0, 97.0),
        (15.0, 96.0),
        (25.0, 95.0),
        (35.0, 96.0),
        (50.0, 90.0),
    ]


def test_flagged_readings_are_ringed_and_listed_in_words(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    chart.show_session(_session(clock, protocol))

    assert chart.flagged_count == 2
    # Each ring sits on the value its flag names, on that value's own axis.
    assert chart.points(chart.flag_markers) == [(35.0, 186.0)]
    assert chart.points(chart.spo2_flag_markers) == [(50.0, 90.0)]
    assert chart.flag_markers.pen().color() == QColor(theme.PROBLEM)
    listed = chart.flags_label.text()
    assert f"At 35 min: {SYSTOLIC_FLAG}" in listed
    assert f"At 50 min: {SPO2_FLAG}" in listed


def test_a_flagged_baseline_and_an_unflagged_session(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    journey = Journey.open(protocol, clock)
    _reading(journey, {"heart_rate": 76})
    chart.show_session(journey)
    assert chart.flagged_count == 0
    assert chart.flags_label.text() == "None."
    assert chart.band_names == []  # not dosed: no phase has run

    _reading(journey, {"systolic": 150, "diastolic": 85}, ["Systolic BP 150 mmHg is high"])
    chart.show_session(journey)
    assert chart.flagged_count == 1
    assert chart.baseline_count == 2
    assert "Baseline: Systolic BP 150 mmHg is high" in chart.flags_label.text()
    ((x, y),) = chart.points(chart.flag_markers)
    assert x < 0
    assert y == 150


def test_phases_are_shaded_bands_named_along_the_top(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    chart.show_session(_session(clock, protocol))

    assert chart.band_names == ["Onset", "Peak", "Return"]
    assert len(chart.bands) == 3
    assert chart.phase_axis.categoriesLabels() == ["Baseline", "Onset", "Peak", "Return"]
    edges = []
    for band in chart.bands:
        upper = band.upperSeries()
        assert upper is not None
        edges.append((upper.at(0).x(), upper.at(1).x()))
    assert edges == [(0.0, 5.0), (5.0, 45.0), (45.0, 60.0)]
    # Alternating shades: neighbours differ.
    assert chart.bands[0].brush().color() != chart.bands[1].brush().color()
    assert chart.bands[0].brush().color() == chart.bands[2].brush().color()


def test_axes_time_from_the_dose_to_the_end_and_fixed_value_ranges(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    chart.show_session(_session(clock, protocol))

    assert chart.time_axis.min() < 0
    assert 60 <= chart.time_axis.max() < 62
    assert "0" in chart.time_axis.categoriesLabels()
    assert "60" in chart.time_axis.categoriesLabels()
    assert (chart.left_axis.min(), chart.left_axis.max()) == (0, 220)
    assert (chart.right_axis.min(), chart.right_axis.max()) == (80, 100)
    assert chart.chart.animationOptions() == QChart.AnimationOption.NoAnimation
    for axis in (chart.time_axis, chart.left_axis, chart.right_axis):
        assert axis.labelsColor() == QColor(theme.TEXT_MUTED)
    assert chart.left_axis.gridLinePen().color() == QColor(theme.BORDER)


def test_values_beyond_the_usual_ranges_stay_on_the_chart(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(60)
    _reading(journey, {"systolic": 245, "diastolic": 130, "spo2": 76})
    chart.show_session(journey)

    assert chart.left_axis.max() >= 245
    assert chart.right_axis.min() <= 76
    assert chart.time_axis.max() >= 10  # a short session still gets a readable time scale


def test_empty_state(chart: VitalsChart, clock: FakeClock, protocol: Protocol) -> None:
    journey = Journey.open(protocol, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    journey.record_observation(EventKind.NOTE, {"text": "settled", "tags": [], "by": "RN"})
    chart.show_session(journey)
    assert chart.empty
    assert chart.empty_label.isVisible()
    assert chart.empty_label.text() == EMPTY_TEXT == "No vital signs recorded yet."
    assert not chart.view.isVisible()

    _reading(journey, {"spo2": 97})
    chart.show_session(journey)
    assert chart.view.isVisible()
    assert not chart.empty_label.isVisible()


def test_the_chart_draws_something_calm(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol, tmp_path: Path
) -> None:
    chart.show_session(_session(clock, protocol))
    path = tmp_path / "vitals_chart.png"
    assert chart.grab().save(str(path))

    pixels = _pixels(QImage(str(path)))
    background = QColor(theme.BACKGROUND).rgb()
    drawn = sum(1 for p in pixels if p != background)
    assert drawn > len(pixels) // 4  # axes, bands, lines, the list of flags
    for colour in (theme.ACCENT, theme.PROBLEM):  # a systolic dot and a ring, at least
        assert QColor(colour).rgb() in pixels
    assert 0xFFFFFFFF not in pixels  # no pure white anywhere


def test_the_empty_state_draws_its_words(chart: VitalsChart, tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    assert chart.grab().save(str(path))
    pixels = _pixels(QImage(str(path)))
    background = QColor(theme.BACKGROUND).rgb()
    assert any(p != background for p in pixels)


def test_text_grows_on_a_large_screen(
    qtbot: QtBot, chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    chart.show_session(_session(clock, protocol))
    small = chart.left_axis.labelsFont().pixelSize()
    small_plot = chart.chart.plotArea()
    chart.resize(1920, 1080)
    qtbot.waitUntil(lambda: chart.height() == 1080)
    large = chart.left_axis.labelsFont().pixelSize()

    assert 12 <= small < large
    assert small_plot.width() > 600
    assert small_plot.height() > 250
    assert chart.flags_label.isVisible()


def test_five_hundred_readings_are_all_drawn(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    """A long session's readings are all on the chart, each kind one line (how fast it draws is
    the observations bench's: its timeline of 2,000 events holds this chart)."""
    journey = Journey.open(protocol, clock)
    journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    for i in range(500):
        clock.advance(18)
        values = {"systolic": 120 + i % 30, "diastolic": 80, "heart_rate": 70 + i % 9}
        if i % 7:
            values["spo2"] = 97
        _reading(journey, values, ["Heart rate high"] if i % 100 == 0 else ())

    chart.show_session(journey)
    chart.grab()

    assert len(chart.systolic.points()) == 500
    assert len(chart.spo2.points()) == 500 - len(range(0, 500, 7))
    assert chart.flagged_count == 5


def test_showing_again_replaces_the_old_picture(
    chart: VitalsChart, clock: FakeClock, protocol: Protocol
) -> None:
    journey = _session(clock, protocol)
    chart.show_session(journey)
    chart.show_session(journey)
    assert len(chart.bands) == 3
    assert len(chart.points(chart.systolic)) == 5
    # Bands, four lines, two sets of rings: nothing left over from the first showing.
    assert len(chart.chart.series()) == 3 + 1 + 4 + 2
