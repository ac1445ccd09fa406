"""The library page measures each track's loudness in the background as it is added, shows
it with the gain kapdesk plays the track at for the clinic's target, and names the tracks too
quiet to reach that target, with how far short they fall."""

from __future__ import annotations

import math
import os
import signal
import struct
import subprocess
import wave
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.audio import measuring
from kapdesk.core.clock import FakeClock
from kapdesk.core.loudness import Loudness
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui import main_window, theme
from kapdesk.ui.library_tracks import GAIN, LOUDNESS, STATUS, TITLE, TrackTable
from kapdesk.ui.library_view import LibraryView
from kapdesk.ui.main_window import MainWindow
from tests.support.forms import choose_path
from tests.support.layout import SIZES, problems
from tests.support.layout import settle as layout_settle
from tests.support.ops import settle
from tests.ui.conftest import sign_in

CTRL = Qt.KeyboardModifier.ControlModifier
MINUS = "\u2212"


def _sine(path: Path, amplitude: float, seconds: float = 3.0) -> None:
    """A stereo 1 kHz sine at ``amplitude`` of full scale in each channel (which reads
    20·log10(amplitude) LUFS, as EBU Tech 3341 has it)."""
    rate = 16_000
    frames = b"".join(
        struct.pack("<h", round(amplitude * 32767 * math.sin(2 * math.pi * 1000 * n / rate))) * 2
        for n in range(int(rate * seconds))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)


def _open_library(qtbot: QtBot, window: MainWindow) -> LibraryView:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)  # the library has come
    qtbot.waitUntil(lambda: not view.measurer.running)  # and what it did not know, measured
    return view


def _cell(table: TrackTable, row: int, column: int) -> QTableWidgetItem:
    cell = table.item(row, column)
    assert cell is not None
    return cell


def _rows(table: TrackTable) -> dict[str, list[str]]:
    """Each row's cells by its title."""
    return {
        _cell(table, row, TITLE).text(): [
            _cell(table, row, column).text() for column in range(table.columnCount())
        ]
        for row in range(table.rowCount())
    }


def _colour(table: TrackTable, title: str) -> QColor:
    (row,) = [r for r in range(table.rowCount()) if _cell(table, r, TITLE).text() == title]
    return _cell(table, row, GAIN).foreground().color()


def test_added_files_are_measured_in_the_background_and_the_quiet_one_is_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    music = tmp_path / "music"
    music.mkdir()
    _sine(music / "loud.wav", 0.3)  # −10.5 LUFS
    _sine(music / "quiet.wav", 0.01)  # −40 LUFS: far under the target of −26
    _sine(music / "silence.wav", 0.0)  # plays, but has no loudness to measure
    view = _open_library(qtbot, window)
    told: list[str] = []
    view.measurer.progressed.connect(lambda *_: told.append(view.measuring.text()))
    with qtbot.waitSignal(view.measurer.finished, timeout=60_000) as ended:
        qtbot.mouseClick(view.add_folder_button, Qt.MouseButton.LeftButton)
        choose_path(qtbot, view.file_dialog, music)
    assert ended.args == [""]
    assert told[-1] == "Measuring loudness: 3 of 3 tracks"
    assert view.measuring.text() == ""  # calm once done
    rows = _rows(view.table)
    loud, quiet, silence = rows["loud"], rows["quiet"], rows["silence"]
    assert loud[LOUDNESS].startswith(MINUS)
    assert loud[LOUDNESS].endswith(" LUFS")
    assert -float(loud[LOUDNESS][1:-5]) == pytest.approx(20 * math.log10(0.3), abs=0.5)
    assert loud[GAIN].startswith(MINUS)
    assert loud[GAIN].endswith(" dB")
    assert quiet[GAIN].startswith("0 dB, ")
    assert quiet[GAIN].endswith(" LU short")
    assert silence[LOUDNESS] not in ("not measured yet", "")
    assert "LUFS" not in silence[LOUDNESS]
    assert {row[STATUS] for row in rows.values()} == {"ok"}
    assert view.quiet_tracks.text().startswith(
        f"1 track is too quiet for the clinic's target of {MINUS}26.0 LUFS: “quiet” plays "
    )
    assert _colour(view.table, "quiet") == QColor(theme.OVERRUN)
    assert _colour(view.table, "loud") != QColor(theme.OVERRUN)
    # Kept: the player gets the measured tracks, and nothing is measured twice.
    measured = {item.title: item.loudness for item in window.records.sound_library.items()}
    assert measured["loud"] is not None
    assert measured["silence"] is None
    assert window.records.sound_library.to_measure() == []


class FakeMeter:
    """The child process's stand-in: every file at ``lufs``, and what it was asked."""

    def __init__(self, lufs: float) -> None:
        self.lufs = lufs
        self.asked: list[str] = []

    def __call__(
        self,
        paths: Sequence[Path],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool] = lambda: False,
    ) -> dict[Path, Loudness | str]:
        self.asked += [p.name for p in paths]
        results: dict[Path, Loudness | str] = {}
        for n, path in enumerate(paths, start=1):
            results[path] = Loudness(self.lufs, -10.0, 2.0)
            progress(n, len(paths))
        return results


@pytest.fixture
def meter(monkeypatch: pytest.MonkeyPatch) -> FakeMeter:
    """Every file measured at −24 LUFS: 4 LU under a target of −20 (and over −26)."""
    fake = FakeMeter(-24.0)
    monkeypatch.setattr(measuring, "measure_files", fake)
    return fake


@pytest.fixture
def window_at_minus_20(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> MainWindow:
    """The window of a clinic whose target is −20 LUFS, two tracks not yet measured."""
    paths.clinic_folder.mkdir(parents=True, exist_ok=True)
    (paths.clinic_folder / "clinic.toml").write_text(
        "[sound]\ntarget_loudness = -20\n", encoding="utf-8"
    )
    scanned = []
    for name in ("dawn", "dusk"):
        path = paths.data_dir.parent / f"{name}.ogg"
        path.write_bytes(b"OggS")
        scanned.append(ScannedTrack(str(path), name, "Ensemble", 300.0, "OGG", None))
    SoundLibrary(storage, clock).add(scanned)
    theme.apply(qapp)
    window = build_window(storage, paths, clock)
    sign_in(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_opening_the_page_measures_what_is_not_measured_at_the_clinics_target(
    qtbot: QtBot, window_at_minus_20: MainWindow, meter: FakeMeter
) -> None:
    window = window_at_minus_20
    view = window.library_view
    assert _rows(view.table) == {}
    with qtbot.waitSignal(view.measurer.finished, timeout=30_000):
        _open_library(qtbot, window)
    assert sorted(meter.asked) == ["dawn.ogg", "dusk.ogg"]
    rows = _rows(view.table)
    assert rows["dawn"][LOUDNESS] == f"{MINUS}24.0 LUFS"
    assert rows["dawn"][GAIN] == "0 dB, 4.0 LU short"
    assert view.quiet_tracks.text() == (
        f"2 tracks are too quiet for the clinic's target of {MINUS}20.0 LUFS: "
        "“dawn” plays 4.0 LU under it, “dusk” 4.0 LU."
    )
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # back, and in again: nothing left to measure
    with qtbot.waitSignal(view.measurer.finished, timeout=10_000) as again:
        _open_library(qtbot, window)  # the measurer looks at the files, and finds none due
    assert again.args == [""]
    assert sorted(meter.asked) == ["dawn.ogg", "dusk.ogg"]
    assert view.measuring.text() == ""


@pytest.fixture
def measuring_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window measures what the library does not know as soon as it has started."""
    monkeypatch.setattr(main_window, "MEASURE_AFTER_START_MS", 0)


def test_a_window_started_with_unmeasured_tracks_measures_them_unasked(
    qtbot: QtBot, measuring_at_start: None, meter: FakeMeter, window_at_minus_20: MainWindow
) -> None:
    """After an upgrade nobody has to visit the library page for its tracks to be matched."""
    window = window_at_minus_20
    library = window.records.sound_library
    qtbot.waitUntil(lambda: all(item.loudness is not None for item in library.items()))
    qtbot.waitUntil(lambda: not window.library_view.measurer.running)
    assert sorted(meter.asked) == ["dawn.ogg", "dusk.ogg"]
    assert window.pages.currentWidget() is not window.library_view
    assert {item.loudness for item in library.items()} == {Loudness(-24.0, -10.0, 2.0)}


def test_a_file_replaced_at_the_same_path_is_measured_again_as_the_page_opens(
    qtbot: QtBot, meter: FakeMeter, window: MainWindow, tmp_path: Path
) -> None:
    """A louder remaster saved over the old file must not play at the old file's gain."""
    library = window.records.sound_library
    path = tmp_path / "remaster.flac"
    path.write_bytes(b"fLaC")
    facts = path.stat()
    (track,) = library.add(
        [
            ScannedTrack(
                str(path), "remaster", "", 300.0, "FLAC", None, facts.st_size, facts.st_mtime
            )
        ]
    )
    library.set_loudness(track, Loudness(-30.0, -12.0, 4.0), facts.st_size, facts.st_mtime)
    path.write_bytes(b"fLaC, the louder remaster")  # every row has a loudness; this one is old
    with qtbot.waitSignal(window.library_view.measurer.finished, timeout=10_000):
        view = _open_library(qtbot, window)
    assert meter.asked == ["remaster.flac"]
    assert _rows(view.table)["remaster"][LOUDNESS] == f"{MINUS}24.0 LUFS"


LIBRARY = [
    ("Music for Airports 1/1", "Brian Eno", Loudness(-27.5, -9.0, 8.0)),
    ("Weightless (extended master)", "Marconi Union", Loudness(-17.2, -2.1, 5.0)),
    ("Spiegel im Spiegel", "Arvo Pärt", Loudness(-31.5, -12.0, 14.0)),
    ("Hot peaks", "Tester", Loudness(-25.5, 0.0, 3.0)),
    ("Still to come", "New artist", None),
    ("Broken rip", "Unknown", "not a sound file"),
]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_page_with_its_loudness_fits_every_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The notice of quiet tracks beside the title, and the table's two more columns, leave
    nothing cut short or laid over anything else, down to 1024x600."""
    library = window.records.sound_library
    scanned = []
    for n, (title, artist, _result) in enumerate(LIBRARY):
        path = tmp_path / f"{n}.flac"
        path.write_bytes(b"fLaC")
        facts = path.stat()
        scanned.append(
            ScannedTrack(
                str(path), title, artist, 312.0, "FLAC", None, facts.st_size, facts.st_mtime
            )
        )
    ids = library.add(scanned)
    for track_id, item, (_title, _artist, result) in zip(ids, scanned, LIBRARY, strict=True):
        if result is not None:
            library.set_loudness(track_id, result, item.size, item.mtime)
    library.add([ScannedTrack("/gone.mp3", "Damaged", "", None, "MP3", "damaged")])
    window.resize(*size)
    with qtbot.waitSignal(window.library_view.measurer.finished, timeout=30_000):
        view = _open_library(qtbot, window)  # "Still to come" is measured (and fails)
    layout_settle(window)
    assert view.quiet_tracks.text().startswith("2 tracks are too quiet")
    still = _rows(view.table)["Still to come"][LOUDNESS]
    assert still not in ("not measured yet", "")  # its reason, on its row
    assert _rows(view.table)["Damaged"][LOUDNESS] == "cannot play"  # with Status hidden too
    # The title keeps room for its first words; the status column gives way first.
    assert view.table.columnWidth(TITLE) >= view.table.fontMetrics().horizontalAdvance("Spiegel im")
    assert view.table.isColumnHidden(STATUS) == (size[0] < 1280)
    assert problems(window, size) == []


def _long_sine(path: Path, seconds: int) -> None:
    """A stereo 1 kHz sine at 48 kHz, ``seconds`` long, written at once (one period over)."""
    period = b"".join(
        struct.pack("<h", round(0.1 * 32767 * math.sin(2 * math.pi * n / 48))) * 2
        for n in range(48)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(48_000)
        out.writeframes(period * 1000 * seconds)


def test_closing_the_window_kills_and_reaps_the_measuring_child(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real child, measuring real files, does not outlive the window."""
    children: list[subprocess.Popen[bytes]] = []

    class Noted(subprocess.Popen[bytes]):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            if "--json-lines" in list(args[0]):  # the measuring child (not some other tool)
                children.append(self)

    monkeypatch.setattr(subprocess, "Popen", Noted)
    scanned = []
    for n in range(4):
        path = tmp_path / f"long {n}.wav"
        _long_sine(path, 60)
        facts = path.stat()
        scanned.append(
            ScannedTrack(str(path), path.stem, "", 60.0, "WAV", None, facts.st_size, facts.st_mtime)
        )
    window.records.sound_library.add(scanned)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)  # the page opens, and measuring starts
    qtbot.waitUntil(lambda: len(children) == 1, timeout=10_000)
    (child,) = children
    assert window.library_view.measurer.running
    window.close()
    qtbot.waitUntil(lambda: child.returncode is not None, timeout=5_000)
    assert child.returncode == -signal.SIGKILL  # killed mid-run, not finished
    with pytest.raises(ProcessLookupError):  # and waited on: no such process is left
        os.kill(child.pid, 0)
