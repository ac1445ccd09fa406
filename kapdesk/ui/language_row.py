"""The languages staff may switch kapdesk to, on the sign-in pad.

Each language is named in its own words ("Español", "Français"), so one who reads it finds it
whatever kapdesk speaks now. A tap says which was chosen; the window switches to it (every page
says its words again, and nothing typed is lost) until kapdesk closes or staff choose another.
The clinic's own language (clinic.toml ``[locale] language``) is what kapdesk speaks at start.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from kapdesk.core.units import LANGUAGE_NAMES


class LanguageRow(QWidget):
    """One small button per language, the one spoken checked; ``chosen(code)`` on a tap."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addStretch()
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for code, name in LANGUAGE_NAMES.items():
            button = QPushButton(name)  # its own name, in its own language: not translated
            button.setProperty("role", "compact")
            button.setCheckable(True)
            button.setAccessibleName(name)
            self._group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
            button.clicked.connect(lambda _checked=False, code=code: self.chosen.emit(code))
        row.addStretch()

    def show_spoken(self, code: str) -> None:
        """Check the language kapdesk speaks now."""
        button = self.buttons.get(code)
        if button is not None:
            button.setChecked(True)
