"""The calm screen: what the room PC shows when it is locked, or when the patient looks at it.

No patient code, name, note or reading: a slow, soft light that swells and settles over twelve
seconds, and the journey time. The session goes on behind it (timer, music, vital-signs cues).
A tap or a key brings the PIN pad: each member of staff taps their own name (a large tile)
and types their PIN, so signing in, unlocking and switching user are the same two seconds.
Without staff accounts (no database to hold them), a tap is enough.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QRadialGradient
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui import theme
from kapdesk.ui.language_row import LanguageRow
from kapdesk.ui.widgets import centred, label
from kapdesk.ui.words import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent
    from PySide6.QtWidgets import QLabel

    from kapdesk.core.clock import Clock

CYCLE_S = 12.0  # one slow swell of the light
FRAME_MS = 200  # at most a shade of colour and two pixels a frame: no step shows
MOST_TILES = 12  # names shown as tiles; a longer staff list is a list to pick from
TILE_COLUMNS = 3

TO_UNLOCK = QT_TRANSLATE_NOOP("CalmScreen", "Tap or press a key to unlock")
TO_RETURN = QT_TRANSLATE_NOOP("CalmScreen", "Tap or press a key to return")
UNREADABLE = QT_TRANSLATE_NOOP(
    "CalmScreen", "Staff accounts cannot be read right now. Tap to try again."
)
TAP_AND_TYPE = QT_TRANSLATE_NOOP("CalmScreen", "Tap your name and type your PIN")
PIN = QT_TRANSLATE_NOOP("CalmScreen", "PIN")
NAME_FIRST = QT_TRANSLATE_NOOP("CalmScreen", "Tap your name first.")
TYPE_PIN = QT_TRANSLATE_NOOP("CalmScreen", "Type your PIN.")


class CalmScreen(QWidget):
    """Shown over everything; ``unlock_requested(name, pin)`` when staff type a PIN."""

    unlock_requested = Signal(str, str)
    tile_tapped = Signal()  # a name tapped (whose PIN is typed next)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # It paints all of itself (paintEvent): what lies behind it is not painted each frame.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._clock = clock
        self._began = clock.monotonic()
        self.journey_time: Callable[[], str] = lambda: ""
        self.cue_text: Callable[[], str] = lambda: ""  # "Vital signs due: ..."; no patient data
        # The names that may sign in, read when the pad shows (None: unreadable); no reader
        # at all means there is no database of accounts, and a tap unlocks.
        self.names_of: Callable[[], list[str] | None] | None = None
        self._accounts: list[str] = []  # the names on the pad's tiles
        self._last = ""  # the member signed in before the lock
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(3)
        self.time = centred(label("", "title"))
        self.time.setStyleSheet(f"font-size: 64px; color: {theme.TEXT_MUTED};")
        outer.addWidget(self.time)
        self.cue = centred(label("", ""))
        self.cue.setStyleSheet(f"color: {theme.OVERRUN};")
        outer.addWidget(self.cue)
        self.hint = centred(label("", "muted"))
        say(self.hint, TO_UNLOCK)
        outer.addWidget(self.hint)
        outer.addStretch(1)

        # The pad: the names on the left, the PIN and its keys on the right, side by side so
        # that both fit a small screen.
        self.pad = QWidget()
        pad = QVBoxLayout(self.pad)
        pad.setSpacing(8)
        sides = QHBoxLayout()
        sides.setSpacing(32)
        sides.addStretch()
        names = QVBoxLayout()
        self.tiles = QGridLayout()
        self.tiles.setSpacing(8)
        self._tile_group = QButtonGroup(self)
        self._tile_group.setExclusive(True)
        self._tile_group.buttonClicked.connect(self._tile_tapped)
        names.addLayout(self.tiles)
        self.who = QComboBox()  # when there are more names than tiles
        self.who.setMinimumWidth(260)
        names.addWidget(self.who)
        names.addStretch()
        sides.addLayout(names)
        typing = QVBoxLayout()
        typing.setSpacing(8)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        say(self.pin, PIN, "setPlaceholderText")
        self.pin.setMaxLength(8)
        self.pin.setFixedWidth(304)
        self.pin.returnPressed.connect(self.submit)
        typing.addWidget(self.pin)
        typing.addLayout(self._pin_keys())
        sides.addLayout(typing)
        sides.addStretch()
        pad.addLayout(sides)
        self.message, self.languages = self._under_the_pad(pad)
        self.pad.hide()
        outer.addWidget(self.pad)
        outer.addStretch(2)
        self._shown = (0, 0)  # the light last drawn (radius, opacity)
        self._frames = self._frame_timer()

    def _frame_timer(self) -> QTimer:
        frames = QTimer(self)
        frames.setInterval(FRAME_MS)
        frames.timeout.connect(self.step)
        return frames

    @staticmethod
    def _under_the_pad(pad: QVBoxLayout) -> tuple[QLabel, LanguageRow]:
        """Under the pad: why a PIN was not taken, and the languages to sign in with (offered,
        shown, once the window that can switch holds the pad, not while the start window
        lends it)."""
        message = centred(label("", "error"))
        pad.addWidget(message)
        row = LanguageRow()
        row.hide()
        pad.addWidget(row)
        return message, row

    def _pin_keys(self) -> QGridLayout:
        """The keys of the PIN pad: large where there is room, never on top of one another
        where there is not (the window's smallest size, under a banner)."""
        keys = QGridLayout()
        keys.setSpacing(8)
        for n, key in enumerate("123456789C0✓"):
            button = QPushButton(key)
            button.setObjectName("pin_digit" if key.isdigit() else "")
            button.setProperty("role", "key")  # the theme's keys may be shorter than a button
            button.setFixedWidth(96)
            button.setMaximumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _checked=False, key=key: self._key(key))
            keys.addWidget(button, n // 3, n % 3)
        return keys

    # -- showing ------------------------------------------------------------------------------

    def start(self, last: str = "") -> None:
        """Show the calm screen; the PIN pad waits for a tap. ``last`` (the member who was
        signed in) is picked already when the pad shows: most often they are coming back."""
        self._last = last
        self.pin.clear()
        say(self.message, "")
        self.pad.hide()
        say(self.hint, TO_RETURN if self.names_of is None else TO_UNLOCK)
        self._frames.start()
        self.step()

    def _place_tiles(self, accounts: list[str]) -> None:
        for button in self._tile_group.buttons():
            self._tile_group.removeButton(button)
            button.deleteLater()
        tiled = len(accounts) <= MOST_TILES
        self.who.setVisible(not tiled)
        if not tiled:
            return
        for n, name in enumerate(accounts):
            tile = QPushButton(name)
            tile.setObjectName("name_tile")
            tile.setCheckable(True)
            tile.setMinimumSize(180, 56)
            self._tile_group.addButton(tile)
            self.tiles.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)

    def _tile_tapped(self, _tile: object) -> None:
        say(self.message, "")
        self.pin.setFocus()
        self.tile_tapped.emit()

    def names(self) -> list[str]:
        """The names offered to sign in."""
        return list(self._accounts)

    def choose(self, name: str) -> None:
        """Pick whose PIN is typed next."""
        for button in self._tile_group.buttons():
            button.setChecked(button.text() == name)
        if name:
            self.who.setCurrentText(name)

    def chosen(self) -> str:
        if self.who.isVisibleTo(self.pad):
            return self.who.currentText()
        checked = self._tile_group.checkedButton()
        return checked.text() if checked is not None else ""

    def stop(self) -> None:
        self._frames.stop()
        self.pad.hide()
        self.pin.clear()

    def step(self) -> None:
        self.time.setText(self.journey_time())
        self.cue.setText(self.cue_text())  # the sitter still sees a check fall due
        light = self._light()
        if light != self._shown:  # the light swells a pixel or a shade at a time
            self._shown = light
            self.update(self._light_room())

    def _light(self) -> tuple[int, int]:
        """The light as drawn now: its radius in pixels and its opacity (0-255)."""
        glow = self.glow()
        return round(min(self.width(), self.height()) * (0.28 + 0.06 * glow)), int(60 + 70 * glow)

    def _centre(self) -> QPointF:
        return QPointF(self.width() / 2, self.height() * 0.42)

    def _light_room(self) -> QRect:
        """Where the light may be drawn (at its largest): all that a frame repaints."""
        reach = math.ceil(min(self.width(), self.height()) * 0.34) + 2
        centre = self._centre().toPoint()
        return QRect(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach)

    def glow(self) -> float:
        """How bright the light is now, 0-1: a slow swell and settle."""
        phase = ((self._clock.monotonic() - self._began) % CYCLE_S) / CYCLE_S
        return (1 - math.cos(2 * math.pi * phase)) / 2

    def visible_text(self) -> list[str]:
        """Every text the screen shows now (what a passer-by could read)."""
        from PySide6.QtWidgets import QAbstractButton, QLabel  # noqa: PLC0415

        texts = [w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self)]
        texts += [w.text() for w in self.findChildren(QAbstractButton) if w.isVisibleTo(self)]
        texts += [
            self.who.itemText(i) for i in range(self.who.count()) if self.who.isVisibleTo(self)
        ]
        return [t for t in texts if t]

    # -- unlocking ----------------------------------------------------------------------------

    def show_pad(self) -> None:
        """The names and the PIN pad, read afresh; without staff accounts, back at once."""
        if self.names_of is None:
            self.unlock_requested.emit("", "")  # no database of accounts: nothing to check
            return
        accounts = self.names_of()
        if not accounts:  # unreadable (or, impossibly, none): stay locked, and say so
            say(self.hint, UNREADABLE)
            return
        self._accounts = list(accounts)
        self.who.clear()
        self.who.addItems(accounts)
        self._place_tiles(accounts)
        last = self._last
        self.choose(last if last in accounts else (accounts[0] if len(accounts) == 1 else ""))
        self.pad.show()
        say(self.hint, TAP_AND_TYPE)
        self.pin.setFocus()

    def refuse(self, message: str) -> None:
        """Say why the PIN was not taken (the core's words, in the language spoken)."""
        self.pin.clear()
        say(self.message, message)
        self.pin.setFocus()

    def _key(self, key: str) -> None:
        if key == "C":
            self.pin.clear()
        elif key == "✓":
            self.submit()
        else:
            self.pin.insert(key)

    def submit(self) -> None:
        """The name chosen and the PIN typed, given (as ✓ or Enter give them)."""
        name = self.chosen()
        if not name:
            say(self.message, NAME_FIRST)
            return
        if not self.pin.text():
            say(self.message, TYPE_PIN)
            self.pin.setFocus()
            return
        self.unlock_requested.emit(name, self.pin.text())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.pad.isVisible():
            self.show_pad()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.isVisible():
            # The Enter that unlocked, passed on by the PIN box once the screen has gone:
            # the pad must not come back (and take the keyboard) behind the page.
            event.ignore()
            return
        if not self.pad.isVisible():
            self.show_pad()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.BACKGROUND))
        # No antialiasing: the light has faded to nothing at its edge, and it costs 2.5 times.
        centre = self._centre()
        radius, alpha = self._shown = self._light()
        light = QColor(theme.ACCENT_DIM)
        light.setAlpha(alpha)
        gradient = QRadialGradient(centre, radius)
        gradient.setColorAt(0.0, light)
        gradient.setColorAt(1.0, QColor(0, 0, 0, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)
