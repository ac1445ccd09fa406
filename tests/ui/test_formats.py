"""Dates, times and numbers follow the clinic's region (clinic.toml's ``[locale] region``): a
12-hour clock in en_US, 24 hours and the day before the month in fr_FR and es_ES, a decimal
comma in fr_FR, on screen and in the printed record alike.

Every test sets its region explicitly (the suite runs with the C locale as this PC's own, and
tests/conftest.py puts the default locale back after each test). en_US writes a narrow
no-break space (U+202F, from CLDR) between the time and "PM": a screen text is compared with it
made a plain space; the PDF's text is read back split on whitespace, which U+202F is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from kapdesk.core import wall_text
from kapdesk.core.clock import FakeClock
from kapdesk.core.integration import Window
from kapdesk.core.journey import Dose, EventKind, verdict_text
from kapdesk.core.wall_text import Day, WallText
from kapdesk.paths import AppPaths
from kapdesk.ui import formats
from kapdesk.ui.formats import LocaleText, use_region
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle as settle_ops
from tests.support.pdf_text import pdf_text
from tests.support.saving import settle
from tests.ui.test_journey_flow import _open_session
from tests.ui.test_printing import _press_print_in, _to_pdf_file

# 14:05:09 by this PC's clock, whatever its time zone: what the screen and the paper show.
AT_1405 = datetime(2026, 3, 2, 14, 5, 9).astimezone()


def _plain(text: str) -> str:
    return text.replace("\u202f", " ")


@pytest.fixture
def region() -> str:
    return ""  # each test names its own (parametrize)


@pytest.fixture
def paths(tmp_path: Path, region: str) -> AppPaths:
    """This test's folders, with a clinic.toml that sets ``region``."""
    made = AppPaths.resolve(tmp_path / "data")
    made.clinic_settings.parent.mkdir(parents=True, exist_ok=True)
    made.clinic_settings.write_text(f'[locale]\nregion = "{region}"\n', "utf-8")
    return made


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=AT_1405.astimezone(UTC))


# -- the formats themselves -----------------------------------------------------------------


# A time, with seconds, a day, a day and month, a number: each region's own.
SAID = {
    "en_US": ("2:05 PM", "2:05:09 PM", "3/2/26", "3/2", "37.5"),
    "es_US": ("2:05 p.m.", "2:05:09 p.m.", "2/3/2026", "2/3", "37.5"),  # a 12-hour clock
    "es_ES": ("14:05", "14:05:09", "2/3/26", "2/3", "37,5"),
    "fr_FR": ("14:05", "14:05:09", "02/03/2026", "02/03", "37,5"),
}


@pytest.mark.parametrize("name", sorted(SAID))
def test_each_region_says_times_days_and_numbers_its_way(name: str) -> None:
    short_time, with_seconds, short_day, day_month, decimal = SAID[name]
    said = LocaleText(QLocale(name))
    assert _plain(said.time(AT_1405)) == short_time
    assert _plain(said.time(AT_1405, seconds=True)) == with_seconds
    assert said.day(AT_1405) == short_day
    assert said.day(AT_1405.date(), Day.DAY_MONTH) == day_month  # a plain day too
    assert said.number(37.5, 1) == decimal
    assert _plain(said.day_time(AT_1405)) == f"{short_day}, {short_time}"


def test_long_days_keep_the_weekday_and_drop_only_the_year() -> None:
    assert LocaleText(QLocale("en_US")).day(AT_1405, Day.LONG_DAY_MONTH) == "Monday, March 2"
    spanish = LocaleText(QLocale("es_ES"))
    assert spanish.day(AT_1405, Day.LONG_DAY_MONTH) == "lunes, 2 de marzo"  # its 'de' stays
    assert spanish.day(AT_1405, Day.WEEKDAY_DAY_MONTH) == "lun 2/3"
    # A format with the year first loses it and the separator after it.
    assert LocaleText(QLocale("sv_SE")).day(AT_1405, Day.DAY_MONTH) == "03-02"


def test_the_region_becomes_qts_default_and_the_cores_way_of_saying_times() -> None:
    use_region("fr_FR")
    assert QLocale().name() == "fr_FR"  # Qt's own widgets (spin boxes, validators) follow it
    assert formats.number(1.5, 1) == "1,5"
    # The core's words, which never import Qt, say the clinic's time of day too.
    assert verdict_text(True, AT_1405) == "ready, may leave from 14:05"
    use_region("en_US")
    assert _plain(verdict_text(True, AT_1405)) == "ready, may leave from 2:05 PM"
    use_region("")  # this PC's own: C while the tests run, plain Python's way
    assert type(wall_text.current()) is WallText
    assert formats.day(AT_1405) == "02 Mar 2026"


def test_follow_up_days_and_date_fields_follow_the_region() -> None:
    window = Window(date(2026, 3, 9), date(2026, 3, 10))
    assert window.text() == "Mon 09 Mar to Tue 10 Mar"  # no region: plain Python's way
    assert formats.edit_format("dd MMM yyyy", weekday=True) == "ddd dd MMM yyyy"
    assert formats.day_month_format("dd MMM") == "dd MMM"
    use_region("en_US")
    assert window.text() == "Mon 3/9 to Tue 3/10"  # on screen and on the handout
    assert formats.edit_format("d MMM yyyy") == "M/d/yyyy"  # the year typed in full
    assert formats.day_month_format("dd MMM") == "M/d"  # the course chart's date axis
    use_region("fr_FR")
    assert window.text() == "lun. 09/03 to mar. 10/03"
    assert formats.edit_format("d MMM yyyy", weekday=True) == "ddd dd/MM/yyyy"


# -- on screen and on paper -----------------------------------------------------------------


def _note_typed(qtbot: QtBot, window: MainWindow) -> None:
    """Open a session and type a note at 14:05, as staff do: a letter, then Enter."""
    window.lock_seconds = 0  # no idle lock over the pages while the test's clock runs on
    _open_session(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    window.journey_view.setFocus()
    qtbot.keyClicks(window.journey_view, "C")
    assert panel.note.hasFocus()
    qtbot.keyClicks(panel.note, "alm, eyes closed")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    settle(qtbot, window)


def _printed_record(qtbot: QtBot, window: MainWindow, clock: FakeClock, pdf: Path) -> str:
    """Close the session, print its record to ``pdf`` from the summary, and read it back."""
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="IM-55", weight_kg=70))
    clock.advance(30 * 60)
    current.journey.close("Left early, escorted")
    settle_ops(window)
    window.show_summary(current.session_id)
    settle_ops(window)
    summary = window.summary_view
    summary.saver.new_printer = _to_pdf_file(pdf)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = summary.saver.printing
    assert dialog is not None
    with qtbot.waitSignal(summary.saver.finished, timeout=30_000) as finished:
        _press_print_in(qtbot, dialog)
    assert finished.args[1] is True, finished.args
    return pdf_text(pdf)


@pytest.mark.parametrize("region", ["en_US"])
def test_a_12_hour_clinic_sees_2_05_pm_and_the_record_agrees(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    assert window.records.clinic.region == "en_US"
    _note_typed(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    assert _plain(panel.status.text()) == "Saved 2:05 PM: Calm, eyes closed"
    assert _plain(panel.recent[0].text()) == "2:05 PM  Calm, eyes closed"

    text = _printed_record(qtbot, window, clock, tmp_path / "record.pdf")
    entries = window.summary_view.events.model()
    times = [_plain(str(entries.index(row, 0).data())) for row in range(entries.rowCount())]
    assert "2:05:09 PM" in times  # the summary's entries, with seconds
    assert "2:05 PM" in text  # the observations table
    assert "2:05:09 PM" in text  # the timeline
    assert "14:05" not in text
    assert "3/2/26" in text  # the day: month first


@pytest.mark.parametrize("region", ["fr_FR", "es_ES"])
def test_a_24_hour_clinic_sees_14_05_with_the_day_before_the_month(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path, region: str
) -> None:
    _note_typed(qtbot, window)
    panel = window.journey_view.observations
    assert panel is not None
    assert panel.status.text() == "Saved 14:05: Calm, eyes closed"

    text = _printed_record(qtbot, window, clock, tmp_path / "record.pdf")
    assert "14:05 " in text
    assert "PM" not in text
    day = {"fr_FR": "02/03/2026", "es_ES": "2/3/26"}[region]
    assert f"Opened: {day}, 14:05" in window.summary_view.facts.text()
    assert day in text


@pytest.mark.parametrize("region", ["fr_FR"])
def test_a_decimal_comma_in_french_on_screen_and_in_the_record(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    _note_typed(qtbot, window)
    preparation = window.journey_view.preparation
    assert preparation is not None
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = preparation.breathing
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    clock.advance(90.0)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    current = window.current
    assert current is not None
    assert [e.data["seconds"] for e in current.journey.events if e.kind is EventKind.BREATHWORK]
    assert preparation.breathing_state.text() == "Done: 1,5 min."

    text = _printed_record(qtbot, window, clock, tmp_path / "rec.pdf")
    assert "Breathwork: 1,5 min" in text  # the preparation section
    assert "4-4-4-4, 1,5 min (Sam Ortiz)" in text  # the timeline, in the core's words
    assert "1.5 min" not in text
