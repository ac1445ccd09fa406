"""Every page and form fits the room PCs' screens: 1024x600, 1280x800 and 1920x1080.

Each page and each form is put on screen at each size and looked at: nothing may stick out of
the window (a form out of the screen), no widgets a layout placed may lie on top of one another,
and no text may be cut short (a clinical cue least of all). The sign-in pad is looked at in the
window's smallest size too, under a banner, as a PC without power management shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from _pytest.mark import ParameterSet
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QScrollArea

from kapdesk.ui.widgets import FORM_BODY
from tests.support.layout import (
    FORMS,
    PAGES,
    SIGNED_OUT,
    SIZES,
    Room,
    open_window,
    problems,
    settle,
    show,
)

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kapdesk.core.clock import FakeClock
    from kapdesk.paths import AppPaths
    from kapdesk.storage.db import Storage

SMALLEST = (1000, 580)  # the main window's minimum size


def _size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def _cases(names: list[str]) -> list[ParameterSet]:
    cases = []
    for name in names:
        sizes = [*SIZES, SMALLEST] if name == "sign-in" else SIZES
        for size in sizes:
            cases.append(pytest.param(name, size, id=f"{name}-{_size_id(size)}"))
    return cases


Opener = Callable[[tuple[int, int], bool], Room]


@pytest.fixture
def open_room(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> Iterator[Opener]:
    """Opens the window at a size, signed in or not (the first start's page is not)."""

    opened: list[Room] = []

    def opener(size: tuple[int, int], signed_in: bool) -> Room:
        room = open_window(storage, paths, clock, size, signed_in=signed_in)
        qtbot.addWidget(room.window)
        opened.append(room)
        return room

    yield opener
    for room in opened:
        room.window.close()
        room.window.deleteLater()
    # Gone, not just closed: restyling the next window would restyle these too.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.mark.parametrize(("page", "size"), _cases(list(PAGES)))
def test_every_page_fits(open_room: Opener, page: str, size: tuple[int, int]) -> None:
    room = open_room(size, page not in SIGNED_OUT)
    top = show(room, PAGES[page])
    assert top.isVisible()
    assert problems(top, size) == []


@pytest.mark.parametrize(("form", "size"), _cases(list(FORMS)))
def test_every_form_fits(open_room: Opener, form: str, size: tuple[int, int]) -> None:
    room = open_room(size, True)
    dialog = show(room, FORMS[form])
    assert isinstance(dialog, QDialog)
    assert dialog.isVisible()
    assert problems(dialog, size) == []


@pytest.mark.parametrize("form", [f for f in FORMS if f != "breathing"])
def test_a_form_taller_than_the_screen_scrolls_with_its_buttons_in_view(
    open_room: Opener, form: str
) -> None:
    """Squeezed below what it needs, the form's body scrolls; Save and Cancel stay in view."""
    room = open_room((1024, 600), True)
    dialog = show(room, FORMS[form])
    dialog.resize(dialog.width(), 300)
    settle(dialog)
    assert dialog.height() <= 300
    body = dialog.findChild(QScrollArea, FORM_BODY)
    assert body is not None
    buttons = [
        b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and "Esc" in b.text()
    ]
    assert buttons, "the form names no Cancel (Esc) button"
    for button in buttons:
        assert not body.isAncestorOf(button)
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)


def test_type_grows_with_the_window(open_room: Opener) -> None:
    """At 1920x1080 the words are larger than at 1280x800; at 1024x600 no larger."""
    room = open_room((1280, 800), True)
    show(room, PAGES["setup"])
    title = room.window.setup_view.findChild(QLabel)
    assert title is not None

    def height_at(size: tuple[int, int]) -> int:
        room.window.resize(*size)
        settle(room.window)
        QApplication.processEvents()
        return title.fontMetrics().height()

    usual = height_at((1280, 800))
    large = height_at((1920, 1080))
    small = height_at((1024, 600))
    assert large > usual
    assert small <= usual
    assert height_at((1280, 800)) == usual  # back as it was
