"""A ticked box shows a tick: the dark theme's indicator draws one, not only a fill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from kapdesk.ui import theme


def _indicator(box: QCheckBox) -> QImage:
    """The box's indicator as drawn on screen, without its border."""
    option = QStyleOptionButton()
    option.initFrom(box)
    rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    return box.grab().toImage().copy(rect.adjusted(4, 4, -4, -4))


def _tick_pixels(image: QImage) -> int:
    """Pixels of the tick's stroke: the background colour, drawn over the box."""
    stroke = QColor(theme.BACKGROUND)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = QColor(image.pixel(x, y))
            if (
                max(
                    abs(pixel.red() - stroke.red()),
                    abs(pixel.green() - stroke.green()),
                    abs(pixel.blue() - stroke.blue()),
                )
                <= 4
            ):
                count += 1
    return count


def test_a_ticked_box_shows_a_tick(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp)
    box = QCheckBox("Consent form signed")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    empty = _indicator(box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # ticked as staff tick it
    assert box.isChecked()
    ticked = _indicator(box)
    assert ticked != empty
    accent = sum(
        1
        for y in range(ticked.height())
        for x in range(ticked.width())
        if QColor(ticked.pixel(x, y)).name() == theme.ACCENT
    )
    assert accent > 20  # the box is filled with the accent...
    assert _tick_pixels(ticked) > 10  # ...and a dark tick is drawn over it
    assert _tick_pixels(empty) == 0
