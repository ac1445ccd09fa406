"""Sound in the window: the soundtrack chosen at set-up plays, follows the phases, goes quiet,
is recorded in the session, and picks up where it was after a restart. The library page
scans files, builds playlists and soundtracks."""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.audio import measuring
from kapdesk.audio.fake import FakeBackend
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui import main_window, theme
from kapdesk.ui.library_tracks import STATUS, TITLE
from kapdesk.ui.main_window import MainWindow
from tests.support.forms import choose_path, type_and_enter
from tests.support.ops import settle
from tests.ui.conftest import sign_in

WindowMaker = Callable[[FakeBackend], MainWindow]


def _press_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    """Click the row's first cell, as staff pick a file or a playlist's entry."""
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


@pytest.fixture
def make_window(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> WindowMaker:
    """The real window on the test database, its sound going to ``backend``."""

    def make(backend: FakeBackend) -> MainWindow:
        theme.apply(qapp)
        window = build_window(storage, paths, clock, audio=lambda: backend)
        sign_in(window)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


def _music(storage: Storage, clock: FakeClock) -> None:
    """A saved soundtrack: rain bed, a two-track playlist for Peak, another for anything else."""
    library = SoundLibrary(storage, clock)
    ids = library.add(
        [
            ScannedTrack(f"/music/{name}.ogg", name.title(), "Ensemble", seconds, "OGG", None)
            for name, seconds in (("dawn", 600.0), ("tide", 600.0), ("calm", 1200.0))
        ]
    )
    peak = library.create_playlist("Peak music", ids[:2])
    gentle = library.create_playlist("Gentle", ids[2:])
    library.save_soundtrack(
        "Evening",
        {"bed": None, "phases": {"Peak": peak}, "default": gentle, "switch": "fade"},
    )


def _open(qtbot: QtBot, window: MainWindow, soundtrack: str) -> None:
    setup = window.setup_view
    line = setup.patient.lineEdit()
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "P-0100")
    for row in range(setup.protocols.count()):
        if setup.protocols.item(row).data(Qt.ItemDataRole.UserRole) == "im-ketamine":
            setup.protocols.setCurrentRow(row)
    setup.soundtrack.setCurrentText(soundtrack)
    qtbot.mouseClick(setup.open_button, Qt.MouseButton.LeftButton)
    settle(window)  # the patient's courses were looked up: the session opens
    assert window.pages.currentWidget() is window.journey_view


@pytest.fixture
def backend(clock: FakeClock) -> FakeBackend:
    return FakeBackend(clock)


def test_setup_shows_coverage_and_the_session_plays_and_records_its_soundtrack(
    qtbot: QtBot,
    storage: Storage,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
) -> None:
    _music(storage, clock)
    window = make_window(backend)
    setup = window.setup_view
    assert setup.soundtrack.itemText(0) == "Evening"
    assert setup.soundtrack.count() >= 5  # Evening, four bundled beds, "No sound"
    setup.soundtrack.setCurrentText("Evening")
    for row in range(setup.protocols.count()):
        if setup.protocols.item(row).data(Qt.ItemDataRole.UserRole) == "im-ketamine":
            setup.protocols.setCurrentRow(row)
    # IM: Peak (35 min) has 20 min of music; Onset, Return and Recovery play "Gentle".
    assert "Peak is 15 min short" in setup.coverage.text()
    # Its three tracks were never measured: set-up says so before the session starts.
    assert "Loudness: 3 sounds not measured (played softer" in setup.coverage.text()

    _open(qtbot, window, "Evening")
    panel = window.sound_panel
    journey = window.journey_view.current
    assert journey is not None
    assert "No music for this phase" in panel.now_label.text()  # no settling playlist
    journey.journey.record_dose(
        Dose(0.75, "mg/kg", "IM", weight_kg=70)
    )  # Onset: the default playlist
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    assert "Calm" in panel.now_label.text()

    clock.advance(60)
    # Peak: fade across to "Peak music".
    qtbot.mouseClick(window.journey_view.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: backend.music.fading_out)
    clock.advance(9)
    panel._tick()
    assert backend.music.loaded == Path("/music/dawn.ogg")
    assert panel.music_line.text() == "The music runs out 15 min before this phase ends"
    assert panel.music_line.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert panel.player is not None
    assert panel.player.quiet
    assert panel.quiet_button.text().startswith("Sound back up")
    kinds = [event.kind for event in journey.journey.events]
    assert kinds.count(EventKind.TRACK) == 2
    assert EventKind.QUIET in kinds
    assert journey.recorder.flush(timeout=10)  # written by the recorder's thread
    assert journey.recorder.pending == 0

    qtbot.mouseClick(panel.quiet_button, Qt.MouseButton.LeftButton)
    quiet = [e.data["on"] for e in journey.journey.events if e.kind is EventKind.QUIET]
    assert quiet == [True, False]
    assert panel.quiet_button.text().startswith("Quiet")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # dawn → tide
    clock.advance(10)  # the fade out
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/tide.ogg"))
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)  # tide, the last, ends
    skipped = [e for e in journey.journey.events if e.kind == EventKind.TRACK_SKIPPED]
    assert [e.data["title"] for e in skipped] == ["Dawn", "Tide"]


def test_the_music_plays_at_the_clinics_target_loudness(
    qtbot: QtBot,
    storage: Storage,
    *,
    paths: AppPaths,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
) -> None:
    paths.clinic_folder.mkdir(parents=True, exist_ok=True)
    (paths.clinic_folder / "clinic.toml").write_text(
        "[sound]\ntarget_loudness = -20\n", encoding="utf-8"
    )
    _music(storage, clock)
    window = make_window(backend)
    _open(qtbot, window, "Evening")
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    # Not measured yet: played as the loudest master (-5 LUFS) would be, 15 dB down to -20.
    (track,) = [e.data for e in current.journey.events if e.kind is EventKind.TRACK]
    assert (track["gain_db"], track["loudness_lufs"]) == (-15.0, None)
    (chosen,) = [e.data for e in current.journey.events if e.kind is EventKind.SOUNDTRACK]
    assert chosen["target_loudness"] == -20.0


def test_after_a_restart_the_music_keeps_the_loudness_the_session_began_with(
    qtbot: QtBot,
    storage: Storage,
    *,
    paths: AppPaths,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
) -> None:
    clinic = paths.clinic_folder / "clinic.toml"
    paths.clinic_folder.mkdir(parents=True, exist_ok=True)
    clinic.write_text("[sound]\ntarget_loudness = -20\n", encoding="utf-8")
    _music(storage, clock)
    window = make_window(backend)
    _open(qtbot, window, "Evening")
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    window.close()  # the app goes away mid-track
    clinic.write_text("[sound]\ntarget_loudness = -30\n", encoding="utf-8")  # changed meanwhile

    clock.advance(60)
    later = FakeBackend(clock)
    again = make_window(later)
    assert later.music.loaded == Path("/music/calm.ogg")
    resumed = again.journey_view.current
    assert resumed is not None
    tracks = [e.data for e in resumed.journey.events if e.kind is EventKind.TRACK]
    assert [t["gain_db"] for t in tracks] == [-15.0, -15.0]  # -20 LUFS both times, not -30


def test_after_a_restart_the_music_picks_up_at_its_track_and_position(
    qtbot: QtBot,
    storage: Storage,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
) -> None:
    _music(storage, clock)
    window = make_window(backend)
    _open(qtbot, window, "Evening")
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(30)
    current.journey.advance_phase()  # Peak
    qtbot.waitUntil(lambda: backend.music.fading_out)
    clock.advance(9)
    window.sound_panel._tick()
    assert backend.music.loaded == Path("/music/dawn.ogg")
    window.close()  # the app goes away mid-track (as in a crash, nothing more is written)

    clock.advance(700)  # 10 min of "dawn" plus 100 s
    later = FakeBackend(clock)
    again = make_window(later)
    assert again.pages.currentWidget() is again.journey_view
    assert later.music.loaded == Path("/music/tide.ogg")
    assert later.music.start == pytest.approx(100, abs=2)


def test_the_library_scans_files_and_builds_a_playlist_and_a_soundtrack(
    qtbot: QtBot,
    backend: FakeBackend,
    make_window: WindowMaker,
    tmp_path: Path,
) -> None:
    music = tmp_path / "music"
    music.mkdir()
    for name in ("one", "two"):
        with wave.open(str(music / f"{name}.wav"), "wb") as out:
            out.setnchannels(2)
            out.setsampwidth(2)
            out.setframerate(44100)
            out.writeframes(b"\x00\x00" * 2 * 44100 * 3)
    (music / "broken.mp3").write_bytes(b"\x00not an mp3 at all" * 10)
    window = make_window(backend)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)  # the library has come

    with qtbot.waitSignal(view.scanned, timeout=30_000):
        qtbot.mouseClick(view.add_folder_button, Qt.MouseButton.LeftButton)
        choose_path(qtbot, view.file_dialog, music)
    assert view.table.rowCount() == 3
    cells = [[view.table.item(r, c) for c in (TITLE, STATUS)] for r in range(3)]
    statuses = {title.text(): status.text() for title, status in cells if title and status}
    assert statuses["one"] == "ok"
    assert statuses["broken"] != "ok"
    assert "1 cannot be played" in view.message.text()

    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    type_and_enter(qtbot, view.name_dialog, "Peak music")
    assert view.playlists.currentItem().text().startswith("Peak music")
    _press_row(qtbot, view.table, 0)
    qtbot.mouseClick(view.to_playlist_button, Qt.MouseButton.LeftButton)
    assert view.entries.count() == 1
    exported = tmp_path / "peak.m3u8"
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    choose_path(qtbot, view.file_dialog, exported)
    assert exported.read_text(encoding="utf-8").startswith("#EXTM3U")
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    choose_path(qtbot, view.file_dialog, exported)
    assert view.playlists.count() == 2
    assert view.message.text().startswith("Imported 1 entry from peak.m3u8")

    qtbot.mouseClick(view.new_soundtrack_button, Qt.MouseButton.LeftButton)
    dialog = view.soundtrack_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.name, "Morning")
    dialog.phases["Peak"].setCurrentText("Peak music")
    dialog.bed.setCurrentText("Soft rain")
    dialog.bed_volume.setValue(25)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert view.soundtracks.count() == 1
    plan = view.library.plans()["Morning"]
    assert plan["bed_volume"] == 0.25
    assert plan["bed"]["title"] == "Soft rain"
    assert plan["bed"]["loudness"]["lufs"] == pytest.approx(-19.8, abs=0.3)  # shipped measured
    assert plan["phases"] == {"Peak": view.library.playlists()[1].id}
    window.go_home()
    settle(window)  # set-up's soundtracks have come
    assert window.setup_view.soundtrack.itemText(0) == "Morning"


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_the_sound_card_keeps_its_keys_and_words_whole_beside_the_journey(
    qtbot: QtBot,
    storage: Storage,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
    *,
    size: tuple[int, int],
) -> None:
    """The compact sound card in the observation column: Ctrl+M and Ctrl+K work, Quiet and
    Skip show their words whole (Sound back up too), and the music line is read whole."""
    _music(storage, clock)
    window = make_window(backend)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    _open(qtbot, window, "Evening")
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    panel = window.sound_panel
    qtbot.waitUntil(lambda: backend.music.loaded == Path("/music/calm.ogg"))
    qtbot.waitUntil(lambda: panel.music_line.text() == "Enough music for this phase")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.quiet_button.text().startswith("Sound back up"))

    def whole() -> bool:
        return all(
            button.sizeHint().width() <= button.width()
            for button in (panel.quiet_button, panel.skip_button)
        )

    qtbot.waitUntil(whole)
    assert panel.music_line.isVisible()
    qtbot.waitUntil(panel.music_line.shows_all)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.quiet_button.text().startswith("Quiet"))
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: backend.music.fading_out)  # the track skipped fades away
    kinds = [event.kind for event in current.journey.events]
    assert EventKind.QUIET in kinds


def test_loudness_is_measured_after_a_session_not_while_it_plays(
    qtbot: QtBot,
    storage: Storage,
    *,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Measuring reads and decodes whole files: not while the music streams for a patient."""
    asked: list[list[str]] = []

    def measure_files(paths: list[Path], *_: object, **__: object) -> dict[Path, object]:
        asked.append(sorted(path.name for path in paths))
        raise measuring.MeterMissingError("no meter here")  # nothing kept: the tracks stay due

    monkeypatch.setattr(measuring, "measure_files", measure_files)
    monkeypatch.setattr(main_window, "MEASURE_AFTER_START_MS", 0)
    _music(storage, clock)
    window = make_window(backend)
    qtbot.waitUntil(lambda: len(asked) == 1)  # started with no session open: measured
    qtbot.waitUntil(lambda: not window.measurer.running)
    _open(qtbot, window, "Evening")
    window.close()  # the app goes away mid-session

    again = make_window(FakeBackend(clock))
    view = again.journey_view
    assert view.current is not None
    QApplication.processEvents()  # the start-up measuring's turn comes, with the session open
    assert not again.measurer.running
    assert len(asked) == 1

    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    dialog = view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.reason, "Patient asked to stop")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(asked) == 2)  # the session closed: now it is measured
    assert asked[1] == ["calm.ogg", "dawn.ogg", "tide.ogg"]
    assert not again.page_built("library")  # measuring needs no library page


class _Restyles(QObject):
    """Counts the events a restyle or a new tooltip sends a widget."""

    KINDS = frozenset(
        {QEvent.Type.ToolTipChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange}
    )

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.KINDS:
            self.seen.append(event.type())
        return False


def test_a_tick_that_changes_nothing_restyles_nothing_on_the_sound_card(
    qtbot: QtBot,
    storage: Storage,
    clock: FakeClock,
    backend: FakeBackend,
    make_window: WindowMaker,
) -> None:
    _music(storage, clock)
    window = make_window(backend)
    _open(qtbot, window, "Evening")
    panel = window.sound_panel
    journey = window.journey_view.current
    assert journey is not None
    journey.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    qtbot.waitUntil(lambda: "Calm" in panel.now_label.text())
    panel._tick()
    restyles = _Restyles(panel.now_label, panel.next_label, panel.music_line, panel.quiet_button)
    for _ in range(3):
        panel._tick()  # the clock stands still: the card shows the same
    assert restyles.seen == []
    qtbot.mouseClick(panel.quiet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.quiet_button.text().startswith("Sound back up"))
    assert QEvent.Type.PaletteChange in restyles.seen  # quiet: the button is restyled
