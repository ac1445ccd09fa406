"""Every button of the sound library, pressed once by its key and once by a click: files are
added, playlists made, filled, ordered, exported, imported and deleted, soundtracks made,
changed and deleted, and each press shows its result on the page."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget
from pytestqt.qtbot import QtBot

from kapdesk.ui.library_view import LibraryView
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.soundtrack_dialog import SoundtrackDialog
from kapdesk.ui.widgets import ActionButton
from tests.support.forms import choose_path, type_and_enter
from tests.support.ops import settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def music(tmp_path: Path) -> Path:
    """A folder of three short WAV files."""
    folder = tmp_path / "music"
    folder.mkdir()
    for name in ("alpha", "beta", "gamma"):
        with wave.open(str(folder / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(8000)
            out.writeframes(b"\x00\x00" * 8000 * 2)
    return folder


def _library(qtbot: QtBot, window: MainWindow) -> LibraryView:
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    view = window.library_view
    assert window.pages.currentWidget() is view
    settle(window)  # the library has come
    return view


def _press_row(qtbot: QtBot, table: QAbstractItemView, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(index).center())


def _back_on(qtbot: QtBot, window: MainWindow) -> None:
    """The page's window active again after a form, for its keys (the focus tests check that
    kapdesk brings it back by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _entries(view: LibraryView) -> list[str]:
    return [view.entries.item(r).text().split("   ")[0] for r in range(view.entries.count())]


def _names(listing: QListWidget) -> list[str]:
    return [listing.item(r).text().split("   ")[0] for r in range(listing.count())]


def _save_button(dialog: SoundtrackDialog) -> ActionButton:
    return next(b for b in dialog.findChildren(ActionButton) if b.text().startswith("Save"))


def test_every_library_key(qtbot: QtBot, window: MainWindow, music: Path, tmp_path: Path) -> None:
    view = _library(qtbot, window)
    with qtbot.waitSignal(view.scanned, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_O, CTRL | SHIFT)
        choose_path(qtbot, view.file_dialog, music)
        _back_on(qtbot, window)
    assert view.table.rowCount() == 3
    assert view.message.text() == "Added 3 files."

    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    type_and_enter(qtbot, view.name_dialog, "Morning")
    _back_on(qtbot, window)
    assert _names(view.playlists) == ["Morning"]
    for row in (0, 1, 2):
        _press_row(qtbot, view.table, row)
        qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    assert _entries(view) == ["alpha", "beta", "gamma"]

    view.entries.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    assert _entries(view) == ["beta", "alpha", "gamma"]
    qtbot.keyClick(window, Qt.Key.Key_Up, ALT)
    assert _entries(view) == ["alpha", "beta", "gamma"]
    qtbot.keyClick(window, Qt.Key.Key_Delete)
    assert _entries(view) == ["beta", "gamma"]

    exported = tmp_path / "morning.m3u8"
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    choose_path(qtbot, view.file_dialog, exported)
    _back_on(qtbot, window)
    assert view.message.text() == f"Exported 2 entries to {exported}."
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    choose_path(qtbot, view.file_dialog, exported)
    _back_on(qtbot, window)
    assert _names(view.playlists) == ["Morning", "morning"]
    assert _entries(view) == ["beta", "gamma"]  # the imported one, chosen
    qtbot.keyClick(window, Qt.Key.Key_Delete, CTRL)
    assert _names(view.playlists) == ["Morning"]

    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)
    dialog = view.soundtrack_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.name, "Dawn")
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _back_on(qtbot, window)
    assert _names(view.soundtracks) == ["Dawn"]
    view.soundtracks.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    edited = view.soundtrack_dialog
    assert edited is not None
    assert edited is not dialog
    qtbot.waitUntil(edited.isActiveWindow)
    assert edited.name.text() == "Dawn"
    qtbot.keyClick(edited.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not edited.isVisible())
    _back_on(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    assert _names(view.soundtracks) == []

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.setup_view


def _open_tab(qtbot: QtBot, view: LibraryView, title: str) -> None:
    """A click on the library's tab named ``title``."""
    bar = view.tabs.tabBar()
    (index,) = [n for n in range(bar.count()) if bar.tabText(n) == title]
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert view.tabs.currentIndex() == index


def test_every_library_click(qtbot: QtBot, window: MainWindow, music: Path) -> None:
    view = _library(qtbot, window)
    with qtbot.waitSignal(view.scanned, timeout=30_000):
        qtbot.mouseClick(view.add_files_button, LEFT)
        choose_path(qtbot, view.file_dialog, music / "alpha.wav")
        _back_on(qtbot, window)
    assert view.message.text() == "Added 1 file."
    with qtbot.waitSignal(view.scanned, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_O, CTRL)
        choose_path(qtbot, view.file_dialog, music / "beta.wav")
        _back_on(qtbot, window)
    assert view.table.rowCount() == 2

    # Add to playlist with none yet asks for its name, then adds what was picked.
    _press_row(qtbot, view.table, 1)
    qtbot.mouseClick(view.to_playlist_button, LEFT)
    type_and_enter(qtbot, view.name_dialog, "Evening")
    _back_on(qtbot, window)
    assert _names(view.playlists) == ["Evening"]
    assert _entries(view) == ["beta"]
    _press_row(qtbot, view.table, 0)
    qtbot.mouseClick(view.to_playlist_button, LEFT)
    assert _entries(view) == ["beta", "alpha"]

    _press_row(qtbot, view.entries, 1)
    qtbot.mouseClick(view.up_button, LEFT)
    assert _entries(view) == ["alpha", "beta"]
    qtbot.mouseClick(view.down_button, LEFT)
    assert _entries(view) == ["beta", "alpha"]
    qtbot.mouseClick(view.remove_button, LEFT)
    assert _entries(view) == ["beta"]

    _open_tab(qtbot, view, "Soundtracks")  # its buttons are on screen only there
    assert view.new_soundtrack_button.isVisible()
    qtbot.mouseClick(view.new_soundtrack_button, LEFT)
    dialog = view.soundtrack_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(_save_button(dialog), LEFT)
    assert dialog.error.text() == "Give the soundtrack a name."
    qtbot.keyClicks(dialog.name, "Dusk")
    qtbot.mouseClick(_save_button(dialog), LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    _back_on(qtbot, window)
    assert _names(view.soundtracks) == ["Dusk"]
    _press_row(qtbot, view.soundtracks, 0)
    qtbot.mouseClick(view.edit_soundtrack_button, LEFT)
    edited = view.soundtrack_dialog
    assert edited is not None
    assert edited is not dialog
    qtbot.waitUntil(edited.isVisible)
    cancel = next(b for b in edited.findChildren(ActionButton) if b.text().startswith("Cancel"))
    qtbot.mouseClick(cancel, LEFT)
    qtbot.waitUntil(lambda: not edited.isVisible())
    _back_on(qtbot, window)
    assert _names(view.soundtracks) == ["Dusk"]
    qtbot.mouseClick(view.delete_soundtrack_button, LEFT)
    assert _names(view.soundtracks) == []

    _open_tab(qtbot, view, "Playlists")
    assert view.delete_button.isVisible()
    qtbot.mouseClick(view.delete_button, LEFT)
    assert _names(view.playlists) == []
    assert view.playlist_total.text() == "Make a playlist with New, or import one."
    qtbot.mouseClick(view.back_button, LEFT)
    assert window.pages.currentWidget() is window.setup_view
