"""Every page and form of the main window, put on screen at a given size, and what a look at
the screen would find wrong with it: something outside the window, widgets on top of one
another, a line of text cut short.

Used by tests/ui/test_layout.py and scripts/page_screenshots.py (which renders the same
scenes for docs/screenshots).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QLayout,
    QPushButton,
    QStackedLayout,
    QWidget,
)

from kapdesk.app import build_window
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.questionnaires import PHQ9
from kapdesk.core.staff import Role
from kapdesk.demo import record_demo_session
from kapdesk.ui import theme
from kapdesk.ui.widgets import ElidedLabel, FormBody, WholeLabel
from tests.support.ops import settle as settle_ops

if TYPE_CHECKING:
    from kapdesk.core.clock import FakeClock
    from kapdesk.paths import AppPaths
    from kapdesk.storage.db import Storage
    from kapdesk.ui.main_window import MainWindow

SIZES = [(1024, 600), (1280, 800), (1920, 1080)]
NAME, PIN = "Sam Ortiz", "2468"
ALL_ROLES = frozenset({Role.ADMIN, Role.NURSE, Role.PRESCRIBER, Role.THERAPIST})
SLACK = 1  # px of rounding allowed at an edge


@dataclass
class Room:
    """A window on a throw-away database, and what the scenes need to reach into."""

    window: MainWindow
    clock: FakeClock
    storage: Storage
    _demo: int | None = None

    @property
    def demo_session(self) -> int:
        """A finished session on record (the demo's), written the first time it is asked."""
        if self._demo is None:
            self._demo = record_demo_session(self.storage).session_id
        return self._demo


def open_window(
    storage: Storage, paths: AppPaths, clock: FakeClock, size: tuple[int, int], *, signed_in: bool
) -> Room:
    """The real window at ``size``; with an admin account, signed in, if ``signed_in``."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if app.styleSheet() != theme.STYLE:
        theme.apply(app)  # (once: restyling the application restyles every widget there is)
    window = build_window(storage, paths, clock)
    window.lock_seconds = 30 * 24 * 3600  # scenes move the clock on: no idle lock over them
    window.resize(*size)
    window.show()
    room = Room(window, clock, storage)
    if signed_in:
        staff = window.staff
        assert staff is not None
        staff.create_account(NAME, ALL_ROLES, PIN, by=None)
        member = staff.sign_in(NAME, PIN).member
        assert member is not None
        window.signed_in(member)
    settle(window)
    return room


def settle(widget: QWidget) -> None:
    """Let the layouts run (twice: a label that wraps asks for a second pass)."""
    for _ in range(2):
        QApplication.processEvents()
        if widget.layout() is not None:
            widget.layout().activate()  # type: ignore[union-attr]
    QApplication.processEvents()


# -- the scenes: each puts one page or form on screen and returns the top-level widget --------

Scene = Callable[[Room], QWidget]


def _setup(room: Room) -> QWidget:
    room.window.show_setup()
    settle_ops(room.window)  # the page's records have come
    view = room.window.setup_view
    view.patient.setCurrentText("P-0042")
    view.sitter.setCurrentText(NAME)
    return room.window


def _preparation(room: Room) -> QWidget:
    room.window.open_session("P-0042", "iv-ketamine", NAME)
    return room.window


def _running(room: Room) -> QWidget:
    _preparation(room)
    current = room.window.current
    assert current is not None
    journey = current.journey
    journey.record_observation(
        EventKind.VITALS,
        {"values": {"systolic": 128, "diastolic": 82, "heart_rate": 76}, "flags": [], "by": NAME},
    )
    journey.record_dose(Dose(0.5, "mg/kg", "IV", lot_number="KX-2291", given_by=NAME, weight_kg=70))
    room.clock.advance(27 * 60 + 14)
    journey.tick()
    room.window.journey_view.refresh()
    return room.window


def _summary(room: Room) -> QWidget:
    room.window.show_summary(room.demo_session)
    settle_ops(room.window)  # the page's records have come
    return room.window


def _history(room: Room) -> QWidget:
    room.window.show_history()
    settle_ops(room.window)  # the page's records have come
    return room.window


def _library(room: Room) -> QWidget:
    room.window.show_library()
    settle_ops(room.window)  # the page's records have come
    return room.window


def _timeline(room: Room) -> QWidget:
    room.window.show_timeline(room.demo_session)
    settle_ops(room.window)  # the page's records have come
    return room.window


def _integration(room: Room) -> QWidget:
    room.window.show_integration(room.demo_session)
    settle_ops(room.window)  # the page's records have come
    return room.window


def _course(room: Room) -> QWidget:
    room.window.show_course(room.demo_session)
    settle_ops(room.window)  # the page's records have come
    return room.window


def _followups(room: Room) -> QWidget:
    room.window.show_followups()
    settle_ops(room.window)  # the page's records have come
    return room.window


def _staff(room: Room) -> QWidget:
    room.window.show_staff()
    settle_ops(room.window)  # the page's records have come
    return room.window


def _room_pc(room: Room) -> QWidget:
    room.window.show_staff()
    settle_ops(room.window)  # the page's records have come
    room.window.staff_view.tabs.setCurrentIndex(2)
    return room.window


def _first_admin(room: Room) -> QWidget:
    return room.window  # no account yet: the window asks for the first admin


def _sign_in(room: Room) -> QWidget:
    _running(room)  # the journey time and its cue on the calm screen, above the pad
    room.window.journey_view.tick()
    # As on a PC where nothing keeps the screen awake: the window's banner stays above.
    room.window.wake_text.setText("Nothing stops the screen blanking during this session.")
    room.window.wake_banner.show()
    room.window.lock()
    room.window.calm.show_pad()
    return room.window


def _board(room: Room) -> QWidget:
    room.window.show_board()
    settle_ops(room.window)  # the page's records have come
    board = room.window.board_window
    assert board is not None
    return board


PAGES: dict[str, Scene] = {
    "setup": _setup,
    "journey-preparation": _preparation,
    "journey": _running,
    "summary": _summary,
    "history": _history,
    "library": _library,
    "timeline": _timeline,
    "integration": _integration,
    "course": _course,
    "followups": _followups,
    "staff": _staff,
    "room-pc": _room_pc,
    "first-admin": _first_admin,
    "sign-in": _sign_in,
    "board": _board,
}
SIGNED_OUT = {"first-admin"}  # scenes of a window with no account yet
JOURNEY = {"journey-preparation", "journey"}  # the journey page's own scenes


def _dose(room: Room) -> QWidget:
    _preparation(room)
    room.window.journey_view.request_dose()
    dialog = room.window.journey_view.dose_dialog
    assert dialog is not None
    # The tallest the form gets: a weight, and an amount above the usual range.
    dialog.weight.setText("82")
    dialog.amount.setValue(0.9)
    return dialog


def _vitals(room: Room) -> QWidget:
    _running(room)
    panel = room.window.journey_view.observations
    assert panel is not None
    panel.request_vitals()
    assert panel.vitals_dialog is not None
    return panel.vitals_dialog


def _discharge(room: Room) -> QWidget:
    _running(room)
    room.clock.advance(90 * 60)
    room.window.journey_view.request_discharge()
    dialog = room.window.journey_view.discharge_dialog
    assert dialog is not None
    for item, points in (("alert", 2), ("dissociation", 1), ("walking", 2), ("nausea", 1)):
        dialog.choose(item, points)
    return dialog


def _close(room: Room) -> QWidget:
    _running(room)
    room.clock.advance(3 * 3600)
    room.window.current.journey.tick()  # type: ignore[union-attr]
    room.window.journey_view.request_close()
    assert room.window.journey_view.close_dialog is not None
    return room.window.journey_view.close_dialog


def _early_close(room: Room) -> QWidget:
    _running(room)
    room.window.journey_view.request_close()
    assert room.window.journey_view.close_dialog is not None
    return room.window.journey_view.close_dialog


def _amend(room: Room) -> QWidget:
    _timeline(room)
    view = room.window.timeline_view
    for row, entry in enumerate(view.entries):
        if entry.kind is EventKind.VITALS:
            view.table.selectRow(row)
            break
    view.request_amend()
    assert view.amend_dialog is not None
    return view.amend_dialog


def _questionnaire(room: Room) -> QWidget:
    _course(room)
    room.window.course_view.take(PHQ9)
    assert room.window.course_view.dialog is not None
    return room.window.course_view.dialog


def _breathing(room: Room) -> QWidget:
    _preparation(room)
    preparation = room.window.journey_view.preparation
    assert preparation is not None
    preparation.request_breathing()
    assert preparation.breathing is not None
    return preparation.breathing


def _soundtrack(room: Room) -> QWidget:
    _library(room)
    room.window.library_view.edit_soundtrack(new=True)
    assert room.window.library_view.soundtrack_dialog is not None
    return room.window.library_view.soundtrack_dialog


def _account(room: Room) -> QWidget:
    _staff(room)
    room.window.staff_view.add()
    assert room.window.staff_view.dialog is not None
    return room.window.staff_view.dialog


FORMS: dict[str, Scene] = {
    "dose-form": _dose,
    "vitals-form": _vitals,
    "discharge-form": _discharge,
    "close-form": _close,
    "early-close-form": _early_close,
    "amend-form": _amend,
    "questionnaire": _questionnaire,
    "breathing": _breathing,
    "soundtrack-form": _soundtrack,
    "account-form": _account,
}


def show(room: Room, scene: Scene) -> QWidget:
    """Put the scene on screen and let it settle; returns the window or form it shows."""
    top = scene(room)
    settle(room.window)
    settle(top)
    return top


# -- what a look at the screen finds ----------------------------------------------------------


def _shown(root: QWidget) -> Iterator[QWidget]:
    """Every widget on screen in ``root`` (not its own windows: a form is checked on its own)."""
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow() or not child.isVisible():
            continue
        yield child
        yield from _shown(child)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif widget.accessibleName():
        text = widget.accessibleName()
    what = type(widget).__name__
    if widget.objectName():
        what += f"#{widget.objectName()}"
    return f"{what} {text[:40]!r}" if text else what


def _scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` is the inside of something that scrolls (it may be bigger)."""
    parent = widget.parentWidget()
    holder = parent.parentWidget() if parent is not None else None
    return isinstance(holder, QAbstractScrollArea) and parent is holder.viewport()


def outside(root: QWidget, size: tuple[int, int]) -> list[str]:
    """What sticks out: the window beyond ``size``, a widget beyond its parent."""
    found = []
    if root.width() > size[0] + SLACK or root.height() > size[1] + SLACK:
        found.append(f"{_name(root)} is {root.width()}x{root.height()}, over {size[0]}x{size[1]}")
    for widget in _shown(root):
        parent = widget.parentWidget()
        if parent is None:
            continue
        if _scrolls(widget):
            if isinstance(parent.parentWidget(), FormBody) and widget.width() > parent.width():
                found.append(f"{_name(widget)} is wider than the form around it")
            continue
        room = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not room.contains(widget.geometry()):
            geometry = widget.geometry()
            found.append(
                f"{_name(widget)} at {geometry.x()},{geometry.y()} {geometry.width()}x"
                f"{geometry.height()} sticks out of {_name(parent)} "
                f"({parent.width()}x{parent.height()})"
            )
    return found


def _laid_out(layout: QLayout) -> Iterator[QWidget]:
    """The widgets ``layout`` places (in its sub-layouts too), not a stack's pages."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            yield widget
        elif item.layout() is not None and not isinstance(item.layout(), QStackedLayout):
            yield from _laid_out(item.layout())  # type: ignore[arg-type]


def overlaps(root: QWidget) -> list[str]:
    """Widgets a layout placed on top of one another."""
    found = []
    for parent in [root, *_shown(root)]:
        layout = parent.layout()
        if layout is None or isinstance(layout, QStackedLayout):
            continue
        placed = [w for w in _laid_out(layout) if w.isVisible() and not w.isWindow()]
        for n, first in enumerate(placed):
            for second in placed[n + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    found.append(f"{_name(first)} overlaps {_name(second)} in {_name(parent)}")
    return found


def _cut_label(widget: QLabel) -> bool:
    text = widget.text()
    if not text or widget.textFormat() is Qt.TextFormat.RichText or "<" in text:
        return False
    if widget.pixmap() is not None and not widget.pixmap().isNull():
        return False
    rect = widget.contentsRect()
    margin = widget.margin()
    rect = rect.adjusted(margin, margin, -margin, -margin)
    metrics = widget.fontMetrics()
    if widget.wordWrap():
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width(), 100_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        return needed.height() > rect.height() + SLACK or needed.width() > rect.width() + SLACK
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    return widest > rect.width() + SLACK


def _cut_button(widget: QPushButton) -> bool:
    text = widget.text()
    if not text:
        return False
    return widget.fontMetrics().horizontalAdvance(text) > widget.width() - 2 * 4


def cut_text(root: QWidget) -> list[str]:
    """Text that does not fit where it is shown (an :class:`ElidedLabel` is meant to end in
    "…", with the whole text as its tooltip)."""
    found = []
    for widget in _shown(root):
        if isinstance(widget, WholeLabel):
            if not widget.shows_all():
                found.append(f"clinical cue cut short: {_name(widget)}")
        elif isinstance(widget, QLabel) and not isinstance(widget, ElidedLabel):
            if _cut_label(widget):
                found.append(f"text cut short: {_name(widget)} ({widget.width()} px wide)")
        elif isinstance(widget, QPushButton) and _cut_button(widget):
            found.append(f"button text cut short: {_name(widget)} ({widget.width()} px wide)")
    return found


def problems(top: QWidget, size: tuple[int, int]) -> list[str]:
    """Everything :func:`outside`, :func:`overlaps` and :func:`cut_text` find."""
    return outside(top, size) + overlaps(top) + cut_text(top)


def grab(room: Room, top: QWidget) -> object:
    """The window as seen, with a form drawn over it where a window manager would centre it."""
    from PySide6.QtGui import QPainter  # noqa: PLC0415

    picture = room.window.grab()
    if top is room.window:
        return picture
    form = top.grab()
    if top.isWindow() and not isinstance(top, QDialog):
        return form  # a window of its own (the board)
    at = QPoint(
        max(0, (picture.width() - form.width()) // 2),
        max(0, (picture.height() - form.height()) // 2),
    )
    painter = QPainter(picture)
    painter.drawPixmap(at, form)
    painter.end()
    return picture
