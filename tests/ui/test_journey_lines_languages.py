"""What the core says of a session speaks Spanish where the window shows it: a flag on the
journey screen, the timeline's lines (a flag seen, the soundtrack, a track skipped, a discharge
check), the notice of the PC's clock moved while kapdesk was closed; the record keeps English."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.board import _check_name
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.protocols import CheckMoment
from kapdesk.core.vitals import PlannedCheck
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.ui import theme
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.timeline_view import TimelineView
from kapdesk.ui.words import translated
from tests.support.ops import settle
from tests.ui.conftest import sign_in
from tests.ui.test_clock_notice import _restart
from tests.ui.test_discharge import _tap, _to_last_phase
from tests.ui.test_flags import HIGH, _at, _enter_vitals, _words
from tests.ui.test_header_cues import _dosed
from tests.ui.test_journey_flow import _give_dose, _open_session
from tests.ui.test_sound import _music, _open

WHAT = 3  # the timeline's column of what happened


def _timeline(qtbot: QtBot, window: MainWindow) -> TimelineView:
    """Ctrl+T, as staff open the timeline, and the page once its entries are read."""
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    view = window.timeline_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is view)
    qtbot.waitUntil(lambda: bool(view.entries))
    return view


def _lines(view: TimelineView, kind: EventKind) -> list[tuple[str, str]]:
    """Each line of ``kind`` as the page shows it, and as the record keeps it (English)."""
    model = view.model
    return [
        (model.data(model.index(row, WHAT)), model.text(row, WHAT))
        for row, entry in enumerate(view.entries)
        if entry.kind is kind
    ]


def test_a_flag_stands_and_is_seen_in_spanish(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, language: Language
) -> None:
    window = _dosed(qtbot, window, clock)
    language.speak("es")
    view = window.journey_view
    _enter_vitals(qtbot, window, HIGH)
    taken = _at(window)
    assert view.flag_card.isVisible()
    words = "PA 182/112 por encima de 180/110 · SpO2 91 % por debajo de 92 %"
    assert _words(view) == f"{taken}  {words}"
    # A flag's own spaces do not break a line, in Spanish too.
    assert "PA\N{NO-BREAK SPACE}182/112\N{NO-BREAK SPACE}por" in view.flag_text.text()
    language.speak("en")
    assert _words(view) == f"{taken}  BP 182/112 above 180/110 · SpO2 91 % below 92 %"
    language.speak("es")
    assert _words(view) == f"{taken}  {words}"

    qtbot.mouseClick(view.seen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.flag_card.isVisible())
    timeline = _timeline(qtbot, window)
    ((seen, kept),) = _lines(timeline, EventKind.FLAG_SEEN)
    assert seen.startswith(f"Alerta vista por Sam Ortiz: {words} (la lectura de la entrada ")
    assert kept.startswith("Flag seen by Sam Ortiz: BP 182/112 above 180/110 · SpO2 91 % below")
    ((reading, _),) = _lines(timeline, EventKind.VITALS)
    assert "Alertas: PA sistólica 182 mmHg es igual o superior a 180 mmHg; " in reading
    assert "SpO2 91% es inferior a 92%" in reading
    bar = timeline.tabs.tabBar()  # the chart's tab, clicked: its flags listed in Spanish
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    listed = timeline.chart.flags_label.text()
    assert "PA sistólica 182 mmHg es igual o superior a 180 mmHg; " in listed


@pytest.fixture
def sounding(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> tuple[MainWindow, FakeBackend]:
    """The real window, a soundtrack saved in its library, its sound going to a fake backend."""
    _music(storage, clock)
    backend = FakeBackend(clock)
    theme.apply(qapp)
    window = build_window(storage, paths, clock, audio=lambda: backend)
    sign_in(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, backend


def test_the_soundtrack_and_a_track_skipped_are_told_in_spanish(
    qtbot: QtBot, sounding: tuple[MainWindow, FakeBackend], language: Language
) -> None:
    window, backend = sounding
    _open(qtbot, window, "Evening")
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    language.speak("es")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # skip Calm
    qtbot.waitUntil(lambda: any(e.kind is EventKind.TRACK_SKIPPED for e in current.journey.events))

    view = _timeline(qtbot, window)
    ((soundtrack, kept),) = _lines(view, EventKind.SOUNDTRACK)
    assert soundtrack.startswith("Banda sonora: Evening, cada pista llevada a ")
    assert kept.startswith("Soundtrack: Evening, every track brought to ")
    assert _lines(view, EventKind.TRACK_SKIPPED) == [
        ("Pista omitida: Ensemble – Calm", "Track skipped: Ensemble – Calm")
    ]
    music, _ = _lines(view, EventKind.TRACK)[0]
    assert music.startswith("Música: Ensemble – Calm (volumen aún sin medir: sonó a ")


def test_a_discharge_check_is_told_in_spanish(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, language: Language
) -> None:
    window.open_session("P-0300", "esketamine-intranasal", "Robin Hale")
    current = window.current
    assert current is not None
    _to_last_phase(window, clock)
    language.speak("es")
    view = window.journey_view
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = view.discharge_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    for item in ("alert", "dissociation", "walking", "nausea", "comfort"):
        _tap(qtbot, dialog.groups[item].button(2))
    qtbot.mouseClick(dialog.escort, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))  # its box
    (dose,) = [e for e in current.journey.events if e.kind is EventKind.DOSE]
    free = (dose.wall + timedelta(minutes=120)).astimezone().strftime("%H:%M")
    assert dialog.verdict.text().endswith(f"listo, puede irse a partir de las {free}.")
    for question, yes in (("sedation", True), ("dissociation", True), ("breathing", False)):
        _tap(qtbot, dialog.answers[question].button(1 if yes else 0))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(window)

    ((check, kept),) = _lines(_timeline(qtbot, window), EventKind.DISCHARGE)
    assert check == (
        f"Evaluación de alta: 12 de 12, listo, puede irse a partir de las {free}; "
        "sedation sí, dissociation sí, breathing no (Sam Ortiz)"
    )
    assert kept.startswith(f"Discharge check: 12 of 12, ready, may leave from {free}; ")


@pytest.fixture
def restart(qtbot: QtBot, storage: Storage, paths: AppPaths) -> Callable[[FakeClock], MainWindow]:
    """kapdesk started again on the same records, with the clock it finds then."""
    return lambda later: _restart(qtbot, storage, paths, later)


def test_the_clock_moved_while_kapdesk_was_closed_is_told_in_spanish(
    qtbot: QtBot,
    window: MainWindow,
    clock: FakeClock,
    restart: Callable[[FakeClock], MainWindow],
    language: Language,
) -> None:
    _open_session(qtbot, window, code="P-0016")
    _give_dose(qtbot, window)
    clock.advance(600)
    window.close()
    again = restart(clock.restart(30, wall_step=-3600))  # an hour slow, on the same boot
    language.speak("es")
    view = again.journey_view
    qtbot.waitUntil(view.time_notice.isVisible)
    notice = view.time_notice_text.text()
    assert notice.startswith(
        "El reloj del PC se atrasó 1 h 00 min mientras kapdesk estaba cerrado; "
    )
    assert "el tiempo de la sesión se mantiene según el tiempo de actividad del PC" in notice
    language.speak("en")
    assert view.time_notice_text.text().startswith("The PC's clock moved 1 h 00 min back ")
    language.speak("es")

    timeline = _timeline(qtbot, again)
    (resumed, _kept), *_ = _lines(timeline, EventKind.RESUMED)
    assert resumed.startswith("kapdesk se reinició y retomó la sesión tras ")
    assert "de cierre (según el tiempo de actividad del PC); el reloj del PC se había " in resumed


def test_the_board_names_a_timed_moments_check_in_spanish(language: Language) -> None:
    """A before-discharge check the schedule also gives a time: named as the board says it."""
    check = PlannedCheck("Discharge vitals", 90 * 60.0, CheckMoment.BEFORE_DISCHARGE)
    language.speak("es")
    assert _check_name(check) == "Vitals before discharge"  # English, as the core says it
    assert translated(_check_name(check)) == "Signos vitales antes del alta"
    assert translated(_check_name(check, lower=True)) == "signos vitales antes del alta"
