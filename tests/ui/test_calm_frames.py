"""The calm screen's light costs the room PC little: a frame in which the light has not changed
paints nothing, and one in which it has paints the light's square, not the whole screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.ui.main_window import MainWindow


class _Paints(QObject):
    """The regions painted on the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())  # type: ignore[attr-defined]
        return False


def test_the_light_repaints_only_when_and_where_it_changes(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    window.show()
    window.lock()
    calm = window.calm
    qtbot.waitUntil(calm.isVisible)
    QApplication.processEvents()  # the first whole frame
    paints = _Paints()
    calm.installEventFilter(paints)
    for _ in range(3):
        calm.step()  # the clock stands still: the light is as it was
        QApplication.processEvents()
    assert paints.rects == []

    clock.advance(3.0)  # a quarter of a swell: the light has grown
    calm.step()
    qtbot.waitUntil(lambda: bool(paints.rects))
    painted = QRect()
    for rect in paints.rects:
        painted = painted.united(rect)
    assert painted.width() < calm.width()
    assert painted.height() <= calm.height()
    assert painted.contains(calm.rect().center().x(), round(calm.height() * 0.42))
