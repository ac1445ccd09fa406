"""The printed vital-signs chart, read back from its pixels: SpO2 on its own axis, the baseline
in its strip before minute 0, flagged readings ringed in red."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind, Journey
from kapdesk.core.preparation import decision_data
from kapdesk.core.protocols import Protocol
from kapdesk.reports.chart import FLAG_COLOUR, SPO2, left_axis, left_marks, vitals_image

WIDTH, HEIGHT = 1600, 600
PLOT_TOP, PLOT_BOTTOM, PLOT_LEFT = 80, HEIGHT - 70, 100  # as vitals_image lays it out


def _vitals(journey: Journey, systolic: int, spo2: int, flags: list[str] | None = None) -> None:
    values = {"systolic": systolic, "diastolic": 80, "heart_rate": 70, "spo2": spo2}
    journey.record_observation(EventKind.VITALS, {"values": values, "flags": flags or []})


def _where(image: QImage, colour: str, tolerance: int = 18) -> list[tuple[int, int]]:
    """The pixels of about ``colour`` inside the plot (step 2, enough to find lines)."""
    want = QColor(colour)
    found = []
    for y in range(PLOT_TOP, PLOT_BOTTOM, 2):
        for x in range(PLOT_LEFT, WIDTH - 100, 2):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - want.red()) <= tolerance
                and abs(pixel.green() - want.green()) <= tolerance
                and abs(pixel.blue() - want.blue()) <= tolerance
            ):
                found.append((x, y))
    return found


def _grey(pixel: QColor) -> bool:
    """A pixel of a grid line: grey, darker than the phases' shading behind it."""
    channels = (pixel.red(), pixel.green(), pixel.blue())
    return max(channels) < 236 and max(channels) - min(channels) < 10


def test_spo2_has_its_own_axis_and_the_baseline_and_flags_are_marked(
    esketamine: Protocol, clock: FakeClock, qapp: QApplication
) -> None:
    journey = Journey.open(esketamine, clock)
    _vitals(journey, 150, 98, ["Systolic BP 150 mmHg is above the baseline limit"])
    journey.record_preparation(
        EventKind.DOSING_DECISION, decision_data(journey, "Rechecked after rest", "Dr Lin")
    )
    journey.record_dose(Dose(56, "mg", "intranasal"))
    for _ in range(5):
        clock.advance(20 * 60)
        _vitals(journey, 130, 98)
    image = vitals_image(journey, WIDTH, HEIGHT)
    plot_height = PLOT_BOTTOM - PLOT_TOP
    # SpO2 98 % sits near the top on its 80-100 % axis; on the mmHg axis (40-200) it would be
    # about a third of the way up.
    spo2 = _where(image, SPO2[2])
    assert spo2
    ys = sorted(y for _, y in spo2)
    median = ys[len(ys) // 2]
    assert median < PLOT_TOP + plot_height * 0.2, median
    # The baseline strip is shaded left of minute 0 and holds the reading taken before dosing.
    strip = [x for x, _ in _where(image, "#f6ead2", 4)]
    assert strip
    assert max(strip) < PLOT_LEFT + (WIDTH - 200) * 0.12
    baseline_spo2 = [x for x, _ in spo2 if x <= max(strip)]
    assert baseline_spo2  # the baseline's own point, inside the strip
    # Its flag is a red ring there, and nowhere else.
    rings = [x for x, _ in _where(image, FLAG_COLOUR, 30)]
    in_plot = [x for x in rings if x <= max(strip) + 20]
    assert in_plot


def test_no_ring_without_a_flag(esketamine: Protocol, clock: FakeClock, qapp: QApplication) -> None:
    journey = Journey.open(esketamine, clock)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    clock.advance(20 * 60)
    _vitals(journey, 120, 97)
    image = vitals_image(journey, WIDTH, HEIGHT)
    assert not _where(image, FLAG_COLOUR, 30)
    assert not _where(image, "#f6ead2", 4)  # no baseline taken: no strip


def test_a_low_heart_rate_and_diastolic_are_drawn_below_the_40_line(
    esketamine: Protocol, clock: FakeClock, qapp: QApplication
) -> None:
    """The left axis once stopped at 40: a heart rate of 35 was drawn on the 40 line."""
    assert left_axis([35, 32, 120]) == (20, 200)
    assert left_axis([60, 130]) == (40, 200)  # the usual axis when nothing is below 40
    assert left_marks(20, 200) == [20, 40, 80, 120, 160, 200]
    journey = Journey.open(esketamine, clock)
    journey.record_dose(Dose(56, "mg", "intranasal"))
    for _ in range(3):
        clock.advance(20 * 60)
        values = {"systolic": 90, "diastolic": 32, "heart_rate": 35}
        journey.record_observation(EventKind.VITALS, {"values": values, "flags": []})
    image = vitals_image(journey, WIDTH, HEIGHT)
    # The grid's lines: rows grey across most of the plot (drawn soft, over two rows each).
    rows = [
        y
        for y in range(PLOT_TOP, PLOT_BOTTOM + 1)
        if sum(_grey(image.pixelColor(x, y)) for x in range(PLOT_LEFT + 1, WIDTH - 101, 10))
        > (WIDTH - 200) / 10 / 2
    ]
    lines = sorted({y for y in rows if y - 1 not in rows}, reverse=True)
    assert len(lines) == 6, lines  # 20, 40, 80, 120, 160, 200
    line_20, line_40 = lines[0], lines[1]
    for colour in ("#1f618d", "#d98880"):  # heart rate, diastolic
        ys = sorted(y for _, y in _where(image, colour, 8))
        assert ys, colour
        middle = ys[len(ys) // 2]
        assert line_40 + 8 < middle < line_20, (colour, middle, line_40, line_20)
