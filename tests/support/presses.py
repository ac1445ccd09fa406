"""Which buttons, actions and shortcuts the tests press, and which they only ever see.

A pytest plugin (registered in tests/conftest.py). Once a QApplication exists it watches every
event in the application:

- SEEN: every button (QAbstractButton), action (QAction with a shortcut) and shortcut
  (QShortcut) in the tree of a window or page when it is shown, and a button shown on its own
  (added to a page already on screen).
- PRESSED: a button shown and enabled that gets a real left click (mouse release inside it)
  or Space / Enter / Return while it has the focus (a test's click reaches a hidden button,
  which nobody could click); a shortcut or action that gets the ``Shortcut`` event Qt sends
  when a real key event matches it (QTest / qtbot key clicks are real key events here), an
  ActionButton's key only when it acts (not while the button is hidden or disabled); a
  button that names a key the window catches itself (``ActionButton(own_shortcut=False)``,
  the lock key) when that key is pressed anywhere. Calling a slot, ``button.click()`` or
  ``shortcut.activated.emit()`` presses nothing.

An :class:`~kapdesk.ui.widgets.ActionButton` is two things to press: the button (a click) and
its key. Each thing has a stable key ``<owner> › <name> [<way>]``:

- owner: the class of the nearest kapdesk widget around it (the page, panel or form);
- name: its objectName when set, else an ActionButton's key, else its text (without the key
  named after it), else its tooltip. Buttons made one per choice (the PIN pad's digits, the
  rating values, a questionnaire's answers) share one objectName in the product, so pressing
  any one of them presses the group;
- way: ``click`` or ``key``.

Qt's own widgets (file, input and print dialogs, a line edit's clear button, a calendar's
arrows) are not kapdesk's buttons and are left out.

tests/ui/test_every_press.py runs last and fails listing what was seen but never pressed,
when the whole suite or the whole of tests/ui ran; on a partial run it skips.
"""

from __future__ import annotations

import sys
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from kapdesk.ui.widgets import ActionButton

# The test that judges: moved to the end of the run.
JUDGE = "tests/ui/test_every_press.py::test_every_button_action_and_shortcut_is_pressed"
UI_TESTS = Path(__file__).resolve().parent.parent / "ui"


@dataclass
class Presses:
    """What the run has seen and pressed, by key; ``where`` says for each key the page or form
    it is on and the text it showed, for the failure message."""

    seen: dict[str, str] = field(default_factory=dict)
    pressed: set[str] = field(default_factory=set)
    partial: str = ""  # why this run cannot be judged ("" when it can)

    def unpressed(self) -> list[str]:
        return sorted(key for key in self.seen if key not in self.pressed)


PRESSES = Presses()


# -- naming -----------------------------------------------------------------------------------


def _is_kapdesk(obj: QObject) -> bool:
    return type(obj).__module__.startswith("kapdesk.")


def _qt_dialogs() -> tuple[type, ...]:
    """Qt's standard dialogs: their buttons and keys are Qt's, not kapdesk's."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPageSetupDialog  # noqa: PLC0415
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox  # noqa: PLC0415

    return (QAbstractPrintDialog, QPageSetupDialog, QFileDialog, QInputDialog, QMessageBox)


def _qt_own(widget: QWidget) -> bool:
    """Whether ``widget`` is part of one of Qt's composite widgets or standard dialogs."""
    from PySide6.QtWidgets import (  # noqa: PLC0415
        QAbstractItemView,
        QAbstractSpinBox,
        QCalendarWidget,
        QColorDialog,
        QComboBox,
        QFontDialog,
        QLineEdit,
        QProgressDialog,
        QTabBar,
    )

    composite = (
        *_qt_dialogs(),
        QAbstractItemView,
        QAbstractSpinBox,
        QCalendarWidget,
        QColorDialog,
        QComboBox,
        QFontDialog,
        QLineEdit,
        QProgressDialog,
        QTabBar,
    )
    if widget.objectName().startswith("qt_"):
        return True  # a part Qt makes inside a view (a table's corner button), even a kapdesk one
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, composite) and not _is_kapdesk(parent):
            return True
        parent = parent.parentWidget()
    return False


def _qt_composite(widget: QWidget) -> bool:
    """Whether ``widget`` is itself one of Qt's standard dialogs (whose own keys are Qt's)."""
    return isinstance(widget, _qt_dialogs())


def _owner(obj: QObject) -> QObject | None:
    """The nearest kapdesk object around ``obj`` (not ``obj`` itself)."""
    parent = obj.parent()
    while parent is not None and not _is_kapdesk(parent):
        parent = parent.parent()
    return parent


def _page(obj: QObject) -> str:
    """The page or form ``obj`` is on: a form (a dialog) by its class; in the main window, the
    outermost kapdesk widget inside it (the page), or the window itself (its status line)."""
    from PySide6.QtWidgets import QDialog, QWidget  # noqa: PLC0415

    widget = obj if isinstance(obj, QWidget) else obj.parent()
    if not isinstance(widget, QWidget):
        return "?"
    window = widget.window()
    if isinstance(window, QDialog):
        return type(window).__name__
    page = type(window).__name__
    while widget is not None and widget is not window:
        if _is_kapdesk(widget):
            page = type(widget).__name__
        widget = widget.parentWidget()
    return page


def _plain_text(text: str) -> str:
    """A button's text without the key named after it ("New   Ctrl+N") or a mnemonic's "&"."""
    return text.split("   ", maxsplit=1)[0].replace("&", "").strip()


def _button_key(button: QObject, way: str) -> str | None:
    """The stable key of ``button`` pressed by ``way`` ("click" or "key"); None when it is not
    one of kapdesk's buttons."""
    from PySide6.QtGui import QKeySequence  # noqa: PLC0415
    from PySide6.QtWidgets import QAbstractButton  # noqa: PLC0415

    from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415
    from kapdesk.ui.words import said  # noqa: PLC0415

    assert isinstance(button, QAbstractButton)
    owner = _owner(button)
    if isinstance(button, ActionButton) and button.key_shortcut is not None:
        # Its page, where the key works, even when a layout has moved the button elsewhere.
        held = button.key_shortcut.parent()
        owner = held if held is not None and _is_kapdesk(held) else _owner(button.key_shortcut)
    if owner is None or _qt_own(button):
        return None
    if button.objectName():
        name = button.objectName()
    elif isinstance(button, ActionButton):
        name = button.sequence.toString(QKeySequence.SequenceFormat.PortableText)
    else:
        # Its English words where kapdesk said them: the same button in every language.
        words = said(button) or button.text()
        name = _plain_text(words) or button.toolTip() or type(button).__name__
    return f"{type(owner).__name__} › {name} [{way}]"


def _button_of(shortcut: QObject) -> ActionButton | None:
    """The ActionButton whose own key ``shortcut`` is, if it is one."""
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415

    parent = shortcut.parent()
    if not isinstance(parent, QWidget):
        return None
    return next((b for b in parent.findChildren(ActionButton) if b.key_shortcut is shortcut), None)


def _shortcut_pressed(obj: QObject) -> str | None:
    """The key of the shortcut or action a ``Shortcut`` event reached, if the key does what it
    names: an ActionButton hidden (and not meant to work hidden) or disabled drops its key."""
    button = _button_of(obj)
    if button is not None and not button.acts_on_key():
        return None
    return _shortcut_key(obj)


def _shortcut_key(obj: QObject) -> str | None:
    """The key of a QShortcut or QAction pressed by its key: an ActionButton's own shortcut
    is that button's key."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut  # noqa: PLC0415
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    parent = obj.parent()
    if isinstance(parent, QWidget) and (_qt_own(parent) or _qt_composite(parent)):
        return None
    if isinstance(obj, QShortcut) and isinstance(parent, QWidget):
        button = _button_of(obj)
        if button is not None:
            return _button_key(button, "key")
        sequence = obj.key()
    elif isinstance(obj, QAction):
        sequence = obj.shortcut()
    else:
        return None
    owner = obj if _is_kapdesk(obj) else _owner(obj)
    if owner is None or sequence.isEmpty():
        return None
    name = obj.objectName() or sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return f"{type(owner).__name__} › {name} [key]"


# -- seeing -----------------------------------------------------------------------------------


def _see(key: str | None, obj: QObject, text: str) -> None:
    if key is not None:
        shown = f": “{_plain_text(text)}”" if text else ""
        PRESSES.seen[key] = f"on {_page(obj)}{shown}"


def see_button(button: QObject) -> None:
    """Count ``button`` (and an ActionButton's key) as seen."""
    from PySide6.QtWidgets import QAbstractButton  # noqa: PLC0415

    from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415

    assert isinstance(button, QAbstractButton)
    _see(_button_key(button, "click"), button, button.text())
    if isinstance(button, ActionButton):
        _see(_button_key(button, "key"), button, button.text())


def see_tree(root: QWidget) -> None:
    """Count every button, action with a key and shortcut under ``root`` as seen."""
    from PySide6.QtGui import QAction, QShortcut  # noqa: PLC0415
    from PySide6.QtWidgets import QAbstractButton  # noqa: PLC0415

    for button in root.findChildren(QAbstractButton):
        see_button(button)
    for shortcut in root.findChildren(QShortcut):
        _see(_shortcut_key(shortcut), shortcut, "")
    for action in root.findChildren(QAction):
        if not action.shortcut().isEmpty():
            _see(_shortcut_key(action), action, action.text())


def keys_under(root: QWidget) -> set[str]:
    """The keys of everything to press under ``root`` (for a test of the walk itself)."""
    before = dict(PRESSES.seen)
    PRESSES.seen.clear()
    try:
        see_tree(root)
        return set(PRESSES.seen)
    finally:
        found = PRESSES.seen
        PRESSES.seen = before
        PRESSES.seen.update(found)


# -- the application's event filter -----------------------------------------------------------


def _recorder() -> QObject:
    """The event filter, made once Qt is loaded."""
    from PySide6.QtCore import QEvent, QObject, Qt  # noqa: PLC0415
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QShortcutEvent  # noqa: PLC0415
    from PySide6.QtWidgets import QAbstractButton, QStackedWidget, QWidget  # noqa: PLC0415

    from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415

    show = QEvent.Type.Show
    release = QEvent.Type.MouseButtonRelease
    key_press = QEvent.Type.KeyPress
    shortcut = QEvent.Type.Shortcut
    watched = {show, release, key_press, shortcut}
    press_keys = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}
    control = Qt.KeyboardModifier.ControlModifier
    alt = Qt.KeyboardModifier.AltModifier

    class Recorder(QObject):
        def eventFilter(self, watched_object: QObject, event: QEvent) -> bool:
            kind = event.type()
            if kind not in watched:
                return False
            if kind == show:
                self._shown(watched_object)
            elif kind == release and isinstance(event, QMouseEvent):
                self._released(watched_object, event)
            elif kind == key_press and isinstance(event, QKeyEvent):
                self._key(watched_object, event)
            elif kind == shortcut and isinstance(event, QShortcutEvent) and not event.isAmbiguous():
                _press(_shortcut_pressed(watched_object))
            return False

        @staticmethod
        def _shown(obj: QObject) -> None:
            if isinstance(obj, QAbstractButton):
                see_button(obj)
            elif isinstance(obj, QWidget) and (
                obj.isWindow() or isinstance(obj.parentWidget(), QStackedWidget)
            ):
                see_tree(obj)

        @staticmethod
        def _released(obj: QObject, event: QMouseEvent) -> None:
            if (
                isinstance(obj, QAbstractButton)
                and event.button() == Qt.MouseButton.LeftButton
                and obj.isEnabled()
                and obj.isVisible()  # a test's click reaches a hidden button too: it does nothing
                and obj.rect().contains(event.position().toPoint())
            ):
                _press(_button_key(obj, "click"))

        @staticmethod
        def _key(obj: QObject, event: QKeyEvent) -> None:
            if (
                isinstance(obj, QAbstractButton)
                and obj.isEnabled()
                and obj.isVisible()
                and obj.hasFocus()
                and event.key() in press_keys
                and not event.modifiers()
            ):
                _press(_button_key(obj, "click"))
            # Keys the window catches itself, named on a button with no shortcut of its own
            # (all such keys take Ctrl or Alt: typed text costs no search).
            held = event.modifiers()
            if not isinstance(obj, QWidget) or not held & (control | alt):
                return
            pressed = event.keyCombination()
            for button in obj.window().findChildren(ActionButton):
                if (
                    button.key_shortcut is None
                    and button.sequence.count() == 1
                    and button.sequence[0] == pressed  # type: ignore[index]
                ):
                    _press(_button_key(button, "key"))

    return Recorder()


def _press(key: str | None) -> None:
    if key is not None:
        PRESSES.pressed.add(key)


_installed: list[QObject] = []


def _install_first() -> None:
    """Install the recorder on the application, ahead of the filters installed since (the
    main window's eats the lock key): Qt asks the last installed filter first."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance()
    if app is None:
        return
    if not _installed:
        _installed.append(_recorder())
    app.removeEventFilter(_installed[0])
    app.installEventFilter(_installed[0])


# -- pytest hooks -----------------------------------------------------------------------------


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup() -> Iterator[None]:
    """As soon as a fixture has made the QApplication, before anything is shown."""
    yield
    if not _installed:
        _install_first()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call() -> Generator[None, None, None]:
    _install_first()
    yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the judge last, and note whether this run is one it can judge."""
    judges = [item for item in items if item.nodeid == JUDGE]
    for judge in judges:
        items.remove(judge)
        items.append(judge)
    collected = {Path(str(item.path)).resolve() for item in items}
    missing = sorted(p.name for p in UI_TESTS.glob("test_*.py") if p.resolve() not in collected)
    if missing:
        PRESSES.partial = f"{len(missing)} files of tests/ui were not collected ({missing[0]}, …)"
    elif config.option.keyword or config.option.markexpr:
        PRESSES.partial = "tests were chosen with -k or -m"


def pytest_deselected(items: list[pytest.Item]) -> None:
    if items:
        PRESSES.partial = f"{len(items)} tests were deselected"
