"""Answering the small standard forms a press opens (a file to choose, a name to give) the way
staff do: typing into the form and pressing Enter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot


def type_and_enter(qtbot: QtBot, dialog: QDialog | None, text: str, field: str = "") -> None:
    """Wait for ``dialog``, type ``text`` into its line (the one named ``field``, or its only
    one) and press Enter."""
    assert dialog is not None, "the press opened no form"
    qtbot.waitUntil(dialog.isVisible)
    line = dialog.findChild(QLineEdit, field) if field else dialog.findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def choose_path(qtbot: QtBot, dialog: QFileDialog | None, path: Path) -> None:
    """Pick ``path`` in kapdesk's own file dialog and click its Open (or Save, or Choose).

    The file is picked by the dialog's own ``selectFile``: typing it would open the name
    completer's popup, which the headless platform cannot give the keyboard to."""
    assert dialog is not None, "the press opened no form"
    qtbot.waitUntil(dialog.isVisible)
    dialog.selectFile(str(path))
    box = dialog.findChild(QDialogButtonBox)
    assert isinstance(box, QDialogButtonBox)
    accept = next(
        button
        for button in box.buttons()
        if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
    )
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
