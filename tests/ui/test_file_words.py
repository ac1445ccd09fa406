"""The core's words about files, said in Spanish where the window shows them: a playlist that
cannot be imported, a protocol or clinic file with problems, a track that cannot play, a backup
that failed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.audio.backend import AudioError
from kapdesk.audio.player import TRACK_SKIPPED
from kapdesk.audio.probe import require_playable
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import session_protocol
from kapdesk.storage.library import ScannedTrack
from kapdesk.ui import theme
from kapdesk.ui.language import Language
from kapdesk.ui.library_tracks import LOUDNESS, STATUS, TITLE
from kapdesk.ui.library_view import LibraryView
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated, words_of
from tests.support.forms import choose_path
from tests.support.ops import settle
from tests.ui.conftest import sign_in

CTRL = Qt.KeyboardModifier.ControlModifier


def _library(qtbot: QtBot, window: MainWindow) -> LibraryView:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)  # the library has come
    return view


def _cell(view: LibraryView, row: int, column: int) -> str:
    item = view.table.item(row, column)
    assert item is not None
    return item.text()


def _import(qtbot: QtBot, window: MainWindow, view: LibraryView, path: Path) -> str:
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    choose_path(qtbot, view.file_dialog, path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return view.message.text()


def test_a_playlist_that_cannot_be_imported_is_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.m3u"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.m3u"
    notes.write_bytes(b"\x01\x02\x03\n\x04\x05\n\x06\x07\n")  # binary, no file names
    view = _library(qtbot, window)
    assert language.speak("es")
    assert _import(qtbot, window, view, empty) == f"empty.m3u: {empty} está vacío"
    said = _import(qtbot, window, view, notes)
    assert said == (
        f"notes.m3u: {notes} no parece una lista de reproducción: 3 de sus líneas no son "
        "nombres de archivo (línea 1: caracteres de control (¿datos binarios?) donde debería "
        "haber un nombre de archivo; se omitió)"
    )
    assert language.speak("en")  # the same words, said again in English
    assert view.message.text().startswith(f"notes.m3u: {notes} does not look like a playlist")


@pytest.mark.skipif(sys.platform == "win32", reason="a FIFO is POSIX")
def test_a_playlist_file_that_is_no_file_is_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe.m3u"
    os.mkfifo(pipe)
    view = _library(qtbot, window)
    assert language.speak("es")
    view.import_from(pipe)
    assert view.message.text() == (
        f"pipe.m3u: {pipe}: es una tubería (FIFO), no un archivo de lista de reproducción"
    )


def test_a_protocol_with_problems_is_named_on_set_up_in_spanish(
    qtbot: QtBot,
    *,
    qapp: QApplication,
    storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    language: Language,
) -> None:
    folder = paths.clinic_protocols_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.toml").write_text(
        '[protocol]\nid = "Broken Id"\nname = "Broken"\nroute = "IV"\n\n'
        '[[phases]]\nname = "Onset"\nminutes = "ten"\n',
        encoding="utf-8",
    )
    (folder / "unknown.toml").write_text(
        '[protocol]\nid = "odd"\nname = "Odd"\nroute = "IV"\nadvanse = "manual"\n\n'
        '[[phases]]\nname = "Onset"\nminutes = 10\n',
        encoding="utf-8",
    )
    language.speak("es")
    theme.apply(qapp)
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    sign_in(built)
    problems = built.setup_view.protocol_problems
    assert not problems.isHidden()
    said = problems.text()
    assert (
        f"{folder / 'broken.toml'}: línea 2, protocol.id: debe tener solo minúsculas, dígitos y "
        'guiones sueltos (como "iv-ketamine"); "Broken Id" no cumple'
    ) in said
    assert (
        f"{folder / 'unknown.toml'}: línea 5, protocol.advanse: clave desconocida "
        '"advanse" (¿quiso decir "advance"?)'
    ) in said
    language.speak("en")  # the same problems, in English again
    assert "line 2, protocol.id: must be lowercase letters" in problems.text()


def test_a_bad_clinic_file_is_named_on_set_up_in_spanish(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock, language: Language
) -> None:
    paths.clinic_settings.write_text('[clinic]\nopen_days = ["mon", "someday"]\n', "utf-8")
    language.speak("es")
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    sign_in(built)
    problems = built.setup_view.protocol_problems
    assert not problems.isHidden()
    assert (
        f"{paths.clinic_settings}: línea 2, clinic.open_days: 'someday' no es un día: escriba "
        "mon, tue, wed, thu, fri, sat, sun"
    ) in problems.text()


def test_a_room_file_that_is_not_used_is_said_in_spanish_on_the_admins_page(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock, language: Language
) -> None:
    paths.room_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.room_settings.write_text("backup_keep_daily = 1000\n", encoding="utf-8")
    language.speak("es")
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    sign_in(built)
    qtbot.mouseClick(built.setup_view.staff_button, Qt.MouseButton.LeftButton)
    settle(built)
    assert built.pages.currentWidget() is built.staff_view
    note = built.staff_view.room_note.text()
    assert note.startswith(
        f"{paths.room_settings}: 1 problema\n  línea 1, backup_keep_daily: debe ser de 0 a "
        "999, no 1000"
    )
    assert "problem\n" not in note


def test_a_track_that_cannot_play_is_said_in_spanish_in_the_library(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    folder = tmp_path / "music"
    folder.mkdir()
    (folder / "silence.wav").write_bytes(b"")  # an empty file: no sound in it
    (folder / "noise.mp3").write_bytes(b"not a sound at all, only words " * 64)
    view = _library(qtbot, window)
    assert language.speak("es")
    with qtbot.waitSignal(view.scanned, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
        choose_path(qtbot, view.file_dialog, folder)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    said = {
        _cell(view, row, TITLE): _cell(view, row, STATUS) for row in range(view.table.rowCount())
    }
    assert said["silence"] == "el archivo está vacío"
    assert said["noise"] == "el archivo está dañado o no es realmente un archivo de sonido"


def test_a_track_skipped_on_the_sound_card_says_why_in_spanish(
    language: Language, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.ogg"
    empty.write_bytes(b"")
    with pytest.raises(AudioError) as refused:
        require_playable(empty)
    skipped = TRACK_SKIPPED.format(track="Dawn", reason=words_of(refused.value))
    assert skipped == "“Dawn” was skipped: the file is empty"  # English to the record
    assert language.speak("es")
    assert translated(skipped) == "Se omitió «Dawn»: el archivo está vacío"


def test_entries_set_aside_are_said_in_spanish_in_the_banner(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock, language: Language
) -> None:
    paths.set_aside.parent.mkdir(parents=True, exist_ok=True)
    paths.set_aside.write_bytes(b"no SQLite file at all " * 64)
    language.speak("es")
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    sign_in(built)
    assert (
        f"No se puede leer el archivo de entradas apartadas, {paths.set_aside}: avise a un "
        "administrador."
    ) in built.status_banner.text()


def test_a_sessions_protocol_that_cannot_be_used_is_said_in_spanish(language: Language) -> None:
    snapshot = '[protocol]\nid = "odd"\nname = "Odd"\nroute = "IV"\n'  # no phases
    stand_in = session_protocol(7, snapshot, [])
    assert stand_in.problem.startswith(
        "This session's protocol cannot be used (phases at least one phase is required: add a "
        "[[phases]] table)."
    )
    assert language.speak("es")
    assert translated(stand_in.problem).startswith(
        "No se puede usar el protocolo de esta sesión (phases se necesita al menos una fase: "
        "añada una tabla [[phases]]). El temporizador y el registro continúan;"
    )


def test_a_playlists_entries_that_cannot_play_are_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.mp3"
    listed = tmp_path / "evening.m3u"
    listed.write_text(f"{gone}\nhttp://radio.example/live\n", encoding="utf-8")
    view = _library(qtbot, window)
    assert language.speak("es")
    assert _import(qtbot, window, view, listed) == (
        "Se importaron 2 entradas de evening.m3u; 2 no se pueden reproducir (marcadas en la lista)."
    )
    shown = [view.entries.item(row).text() for row in range(view.entries.count())]
    assert shown[0].endswith(f"(falta: {gone})")
    assert shown[1].endswith("(una URL de streaming; kapdesk solo reproduce archivos)")


def test_a_track_whose_loudness_cannot_be_measured_says_why_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language, tmp_path: Path
) -> None:
    library = window.records.sound_library
    path = tmp_path / "hush.flac"
    path.write_bytes(b"fLaC")
    facts = path.stat()
    (track,) = library.add(
        [ScannedTrack(str(path), "hush", "", 300.0, "FLAC", None, facts.st_size, facts.st_mtime)]
    )
    library.set_loudness(track, "the track is silent", facts.st_size, facts.st_mtime)
    assert language.speak("es")
    view = _library(qtbot, window)
    qtbot.waitUntil(lambda: not view.measurer.running)
    assert _cell(view, 0, LOUDNESS) == "la pista está en silencio"
