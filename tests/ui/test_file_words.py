"""The core's words about files, said in Spanish where the window shows them: a playlist that
cannot be imported, a protocol or clinic file with problems, a track that cannot play, a backup
that failed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.ui.language import Language
from kapdesk.ui.library_view import LibraryView
from kapdesk.ui.main_window import MainWindow
from tests.support.forms import choose_path
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier


def _library(qtbot: QtBot, window: MainWindow) -> LibraryView:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)  # the library has come
    return view


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
