"""The clinic board: every room at a glance, for a nurse covering several rooms.

Read-only and readable from across a room: one card per room with the phase and journey time
in large type, the next vitals check (amber when due, red when overdue), the last reading and
its flags, and whether music is playing or the room is quiet. The cards redraw every second
from the sessions as last read; a :class:`~kapdesk.storage.board.BoardFeed` reads again when
anything is recorded in any room. When the server cannot be reached the board says so at the
top and keeps showing what it knew, with the time it was read.
"""

from __future__ import annotations

import contextlib
import math
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.board import Attention, Board, RoomCard
from kapdesk.core.clock import Clock
from kapdesk.core.timefmt import clock_text
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.storage.board import BoardFeed, BoardUpdate
from kapdesk.storage.db import Storage
from kapdesk.ui import formats, theme
from kapdesk.ui.widgets import label
from kapdesk.ui.words import said, say

FREE = QT_TRANSLATE_NOOP("BoardWindow", "Free")
LAST_VITALS = QT_TRANSLATE_NOOP("BoardWindow", "Last vitals: {vitals}")
FLAG = QT_TRANSLATE_NOOP("BoardWindow", "⚑ {flag}")
NOT_READ = QT_TRANSLATE_NOOP(
    "BoardWindow", "{problem} Showing the rooms as they were at {time}; trying again."
)
LIVE = QT_TRANSLATE_NOOP("BoardWindow", "Live")
LIVE_LISTENING = QT_TRANSLATE_NOOP("BoardWindow", "Live (updates as rooms record)")
UNSHOWN = QT_TRANSLATE_NOOP(
    "BoardWindow",
    "%n session cannot be shown.|%n sessions cannot be shown.",
)

CARD_WIDTH = 380  # the narrowest a card reads well at; the columns follow the window's width

STYLE = f"""
QFrame[role="room"] {{
    background: {theme.SURFACE}; border: 2px solid {theme.BORDER}; border-radius: 12px;
}}
QFrame[role="room"][attention="due"] {{ border-color: {theme.OVERRUN}; }}
QFrame[role="room"][attention="urgent"] {{
    border-color: {theme.PROBLEM}; background: {theme.PROBLEM_BG};
}}
QLabel[part="room"] {{ font-size: 28px; font-weight: 600; }}
QLabel[part="patient"] {{ font-size: 22px; color: {theme.TEXT_MUTED}; }}
QLabel[part="phase"] {{ font-size: 30px; color: {theme.ACCENT}; }}
QLabel[part="time"] {{ font-size: 40px; font-weight: 600; }}
QLabel[part="line"] {{ font-size: 19px; }}
QLabel[part="line"][attention="due"] {{ color: {theme.OVERRUN}; font-weight: 600; }}
QLabel[part="line"][attention="urgent"] {{ color: {theme.PROBLEM}; font-weight: 600; }}
QLabel[part="status"] {{ font-size: 17px; color: {theme.TEXT_MUTED}; }}
QLabel[part="status"][attention="urgent"] {{ color: {theme.PROBLEM}; font-weight: 600; }}
"""


def _restyle(widget: QWidget, name: str, value: str) -> None:
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class RoomCardView(QFrame):
    """One room's card; :meth:`show_card` changes only the texts that changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "room")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        top = QHBoxLayout()
        self.room = self._part("room")
        self.patient = self._part("patient")
        self.patient.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.room, 1)
        top.addWidget(self.patient)
        layout.addLayout(top)
        middle = QHBoxLayout()
        self.phase = self._part("phase")
        self.time = self._part("time")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        middle.addWidget(self.phase, 1)
        middle.addWidget(self.time)
        layout.addLayout(middle)
        self.silent = self._part("line")
        _restyle(self.silent, "attention", "due")
        layout.addWidget(self.silent)
        self.protocol = self._part("line", "muted")
        self.next_check = self._part("line")
        self.vitals = self._part("line")
        self.flags = self._part("line")
        _restyle(self.flags, "attention", "urgent")
        self.sound = self._part("line", "muted")
        for line in (self.protocol, self.next_check, self.vitals, self.flags, self.sound):
            layout.addWidget(line)
        layout.addStretch(1)
        self.card: RoomCard | None = None

    def _part(self, part: str, role: str = "") -> QLabel:
        widget = label("", role, self)
        widget.setProperty("part", part)
        return widget

    def show_card(self, card: RoomCard) -> None:
        self.card = card
        self._set(self.room, card.room)
        free = card.session_id is None
        self._set(self.patient, card.patient)
        self._set(self.phase, FREE if free else card.phase)
        self._set(self.time, "" if card.elapsed is None else clock_text(card.elapsed))
        self._set(self.protocol, card.protocol)
        self._set(self.next_check, card.next_check)
        self._set(self.vitals, "" if free else LAST_VITALS.format(vitals=card.last_vitals))
        self._set(self.flags, joined([FLAG.format(flag=flag) for flag in card.flags], "\n"))
        self._set(self.sound, card.sound)
        self._set(self.silent, card.silent)
        check_level = {Attention.DUE: "due", Attention.URGENT: "urgent"}.get(card.attention, "")
        if card.flags and card.attention is Attention.URGENT and "overdue" not in card.next_check:
            check_level = ""  # the flags are the urgent part, said on their own line
        _restyle(self.next_check, "attention", check_level)
        _restyle(self, "attention", card.attention.value)

    @staticmethod
    def _set(widget: QLabel, text: str) -> None:
        if said(widget) != text or type(said(widget)) is not type(text):
            say(widget, text)  # said again in the language spoken, when it changes
        widget.setVisible(bool(text))


class BoardWindow(QWidget):
    """Every room of the clinic, live. Esc closes it; F11 fills the screen."""

    update_arrived = Signal(object)  # a BoardUpdate, from the feed's thread
    shown_update = Signal()  # an update has been drawn (for whoever waits on the board)

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        *,
        show_patients: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        say(self, QT_TRANSLATE_NOOP("BoardWindow", "kapdesk · Clinic board"), "setWindowTitle")
        self.setStyleSheet(STYLE)
        self.setMinimumSize(640, 420)
        self._clock = clock
        self.board = Board(clock, show_patient=show_patients)
        self.last_update: BoardUpdate | None = None
        self.views: list[RoomCardView] = []
        self._columns = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(14)
        header = QHBoxLayout()
        title = label("", "title")
        say(title, QT_TRANSLATE_NOOP("BoardWindow", "Clinic board"))
        header.addWidget(title)
        header.addStretch(1)
        self.status = label()
        say(self.status, QT_TRANSLATE_NOOP("BoardWindow", "Reading the rooms…"))
        self.status.setProperty("part", "status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.status, 2)
        self.clock_label = label("", "title")
        header.addSpacing(20)
        header.addWidget(self.clock_label)
        outer.addLayout(header)
        self.empty = label("", "muted")
        say(
            self.empty,
            QT_TRANSLATE_NOOP(
                "BoardWindow",
                "No room has run a session in the last 30 days. Rooms appear here as soon as "
                "they open one.",
            ),
        )
        self.empty.hide()
        outer.addWidget(self.empty)

        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid_host)
        outer.addWidget(scroll, 1)
        footer = label("", "muted")
        say(
            footer,
            QT_TRANSLATE_NOOP(
                "BoardWindow",
                "Read-only: sessions are run in their rooms.   Esc closes · F11 full screen",
            ),
        )
        outer.addWidget(footer)

        QShortcut(QKeySequence("Esc"), self).activated.connect(self.close)
        QShortcut(QKeySequence("F11"), self).activated.connect(self._toggle_full_screen)
        self.update_arrived.connect(self.take_update)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self.feed = BoardFeed(storage, clock, self._from_feed)

    def _from_feed(self, update: BoardUpdate) -> None:
        with contextlib.suppress(RuntimeError):  # the window is gone; the feed is stopping
            self.update_arrived.emit(update)

    def start(self) -> None:
        """Start reading the rooms and drawing them."""
        self.feed.start()
        self._tick()

    def take_update(self, update: BoardUpdate) -> None:
        self.last_update = update
        self.board.update(update.sessions, update.rooms, update.heard, update.read_at)
        self.redraw()
        self.shown_update.emit()

    def redraw(self) -> None:
        now = self._clock.now()
        cards = self.board.cards(now)
        self.clock_label.setText(formats.time(now))
        self._say_status(now)
        self.empty.setVisible(not cards and self.last_update is not None)
        while len(self.views) < len(cards):
            self.views.append(RoomCardView(self._grid_host))
        while len(self.views) > len(cards):
            view = self.views.pop()
            self._grid.removeWidget(view)
            view.deleteLater()
        for view, card in zip(self.views, cards, strict=True):
            view.show_card(card)
        self._place()
        self._fit_heights()

    def _fit_heights(self) -> None:
        """Each card at least as tall as its wrapped lines need: the board scrolls rather
        than letting lines run into each other."""
        columns = max(1, self._columns)
        room = self._grid_host.width() - self._grid.spacing() * (columns - 1)
        width = max(CARD_WIDTH // 2, room // columns)
        for view in self.views:
            layout = view.layout()
            needed = layout.totalHeightForWidth(width) if layout is not None else -1
            if needed > 0 and view.minimumHeight() != needed:
                view.setMinimumHeight(needed)
        self._grid.activate()

    def _say_status(self, now: datetime) -> None:
        update = self.last_update
        if update is None:
            return
        read = formats.time(update.read_at, seconds=True)
        parts: list[str] = []
        if update.problem:
            parts.append(NOT_READ.format(problem=update.problem, time=read))
            level = "urgent"
        else:
            parts.append(LIVE_LISTENING if self.feed.listens else LIVE)
            level = ""
        unreadable = len(self.board.unreadable)
        if unreadable:
            parts.append(UNSHOWN.format(count=unreadable))
        text = joined(parts, " ")
        if said(self.status) != text:
            say(self.status, text)
        _restyle(self.status, "attention", level)

    def _place(self) -> None:
        columns = max(1, min(len(self.views), self.width() // CARD_WIDTH))
        if columns == self._columns and all(self._grid.indexOf(view) >= 0 for view in self.views):
            return
        self._columns = columns
        for index, view in enumerate(self.views):
            self._grid.addWidget(view, index // columns, index % columns)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._columns = 0
        self._place()

    def _tick(self) -> None:
        self.redraw()
        fraction = self._clock.monotonic() % 1.0
        self._timer.start(max(20, math.ceil((1.0 - fraction) * 1000) + 5))

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.feed.stop(wait=0)  # it ends on its own within a second; never wait on the network
        super().closeEvent(event)
