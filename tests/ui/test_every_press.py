"""Every button, action and shortcut on every page is pressed by some test, the way staff press
it: a real click or key event, never a call of the slot behind it.

tests/support/presses.py records, across the whole run, what was on screen and what was pressed
(see its docstring for how things are named). The last test of the run lists whatever was seen
but never pressed. To fix a failure, press the thing named in a test of its page
(``qtbot.mouseClick(button, Qt.MouseButton.LeftButton)`` for ``[click]``,
``qtbot.keyClick(window, key, modifiers)`` for ``[key]``) and check what the press did. A new
button whose text changes while it is shown needs an objectName, so its name stays the same.
"""

from __future__ import annotations

import ast
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

import kapdesk.ui
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.widgets import ActionButton, ElidedLabel
from tests.support.presses import PRESSES, keys_under

# Each page's own buttons and keys the walk must find, at the least (a page added to the
# window must be added here: the test walks every page).
PAGE_KEYS = {
    "SetupView": ("SetupView › Ctrl+Return", "SetupView › Ctrl+K"),
    "JourneyView": (
        "JourneyView › Ctrl+D",
        "JourneyView › Ctrl+N",
        "ObservationPanel › Ctrl+B",
        "PreparationPanel › Ctrl+I",
        "SoundPanel › Ctrl+M",
    ),
    "SummaryView": ("SummaryView › Ctrl+P", "SummaryView › Ctrl+T"),
    "HistoryView": ("HistoryView › Ctrl+O", "HistoryView › Esc"),
    # The playlist's New, Import… and Export…
    "LibraryView": ("LibraryView › Ctrl+N", "LibraryView › Ctrl+I", "LibraryView › Ctrl+E"),
    "TimelineView": ("TimelineView › Ctrl+R", "TimelineView › Esc"),
    "IntegrationView": ("IntegrationView › Ctrl+S", "IntegrationView › Ctrl+P"),
    "CourseView": ("CourseView › Ctrl+G", "CourseView › Esc"),
    "FollowUpsView": ("FollowUpsView › Ctrl+O", "FollowUpsView › Esc"),
    "CalmScreen": ("CalmScreen › pin_digit [click]",),
    "FirstAdminView": ("FirstAdminView › Ctrl+S",),
    "StaffView": ("StaffView › Ctrl+N",),
}

# The window's pages by the name it reads them by (kapdesk.ui.window_pages).
BUILT_WHEN_READ = (
    "setup_view",
    "journey_view",
    "summary_view",
    "history_view",
    "library_view",
    "timeline_view",
    "integration_view",
    "course_view",
    "followups_view",
    "staff_view",
)


def test_the_walk_finds_every_pages_buttons_and_keys(qtbot: QtBot, window: MainWindow) -> None:
    """Every page of the window is walked, so what is on a page no test opens is still owed a
    press; each page's own buttons and keys are found on it."""
    window.show_staff()  # the admin's page, made when first opened (never during a journey)
    assert window.pages.currentWidget() is window.staff_view
    window.open_session("P-0001", "im-ketamine", "Dr Lin")
    for name in BUILT_WHEN_READ:  # the window builds a page the first time it is needed
        getattr(window, name)
    pages = [
        page for n in range(window.pages.count()) if (page := window.pages.widget(n)) is not None
    ]
    assert len(pages) == window.pages.count()
    found = {type(page).__name__: keys_under(page) for page in pages}
    assert sorted(found) == sorted(PAGE_KEYS), "a page not walked, or not listed here"
    for page in pages:
        name = type(page).__name__
        keys = found[name]
        for wanted in PAGE_KEYS[name]:
            ways = (wanted,) if wanted.endswith("]") else (f"{wanted} [click]", f"{wanted} [key]")
            for key in ways:
                assert key in keys, f"{key} not found on {name}: {sorted(keys)}"
        for button in page.findChildren(ActionButton):  # every ActionButton, by its click
            named = button.objectName() or button.sequence.toString(
                QKeySequence.SequenceFormat.PortableText
            )
            assert any(k.endswith(f" › {named} [click]") for k in keys), (name, button.text())
        assert keys <= set(PRESSES.seen)  # owed a press, whether or not a test opens the page
    # A panel's buttons are named by the panel, the lock key by the window that catches it.
    assert "MainWindow › Ctrl+Shift+L [key]" in keys_under(window)
    # Qt's own parts (a table's header, a date box's arrows) are not kapdesk's buttons.
    assert not [key for keys in found.values() for key in keys if key.startswith("Q")]


def test_a_press_hands_the_handler_no_arguments(qtbot: QtBot, window: MainWindow) -> None:
    """A click's ``checked`` flag never reaches a handler that takes an optional argument."""
    got: list[object] = []

    def handler(name: object = "asked for") -> None:
        got.append(name)

    page = QWidget()
    qtbot.addWidget(page)
    button = ActionButton("New", "Ctrl+N", handler, page)
    QVBoxLayout(page).addWidget(button)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert got == ["asked for", "asked for"]


def test_a_press_that_does_nothing_is_not_counted(qtbot: QtBot, window: MainWindow) -> None:
    """A test's click on a hidden button, or the key of a hidden or disabled ActionButton, is
    nothing staff could do or nothing that acts: neither counts as a press."""
    seen, pressed = dict(PRESSES.seen), set(PRESSES.pressed)
    got: list[str] = []
    try:
        page = ElidedLabel()  # any of kapdesk's widgets, to own the buttons
        qtbot.addWidget(page)
        layout = QVBoxLayout(page)
        hidden_ones = {"hidden yet keyed": True}
        buttons = {
            name: ActionButton(
                name,
                f"Ctrl+{n}",
                partial(got.append, name),
                page,
                while_hidden=hidden_ones.get(name, False),
            )
            for n, name in enumerate(("shown", "hidden", "off", "hidden yet keyed"), start=1)
        }
        for button in buttons.values():
            layout.addWidget(button)
        page.show()
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        buttons["hidden"].hide()
        buttons["off"].setEnabled(False)
        buttons["hidden yet keyed"].hide()
        for n, button in enumerate(buttons.values(), start=1):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            qtbot.keyClick(page, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        # Qt hands a test's click to a hidden button (nobody could click it there); the key of a
        # hidden or disabled ActionButton is dropped unless it is meant to work hidden.
        assert got == ["shown", "shown", "hidden", "hidden yet keyed", "hidden yet keyed"]
        counted = {key for key in PRESSES.pressed if key.startswith("ElidedLabel › ")}
        assert counted == {
            "ElidedLabel › Ctrl+1 [click]",
            "ElidedLabel › Ctrl+1 [key]",
            "ElidedLabel › Ctrl+4 [key]",
        }
    finally:
        PRESSES.seen, PRESSES.pressed = seen, pressed


# Signals that hand their slot an argument the slot may not expect (a click's ``checked``).
ARGUMENT_SIGNALS = ("clicked", "toggled", "triggered", "idClicked", "buttonClicked")


def _optional_positionals(function: ast.FunctionDef) -> list[str]:
    arguments = function.args
    positional = [a.arg for a in arguments.posonlyargs + arguments.args if a.arg != "self"]
    return positional[len(positional) - len(arguments.defaults) :] if arguments.defaults else []


def test_no_signal_hands_its_argument_to_a_slot_that_takes_another() -> None:
    """Every ``x.clicked.connect(self.method)`` (and the like) in kapdesk/ui reaches a method
    with no optional positional argument: PySide hands a slot as many of the signal's arguments
    as it accepts, so ``checked`` would arrive as the name, path or flag."""
    wrong = []
    for module in sorted((Path(kapdesk.ui.__file__).parent).glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        methods = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ARGUMENT_SIGNALS
                and node.args
                and isinstance(node.args[0], ast.Attribute)
            ):
                continue
            slot = methods.get(node.args[0].attr)
            if slot is not None and _optional_positionals(slot):
                wrong.append(f"{module.name}:{node.lineno} {ast.unparse(node)}")
    assert not wrong, "\n".join(wrong)


def test_every_button_action_and_shortcut_is_pressed() -> None:
    """Runs last (tests/support/presses.py puts it there) and judges the whole run."""
    if PRESSES.partial:
        pytest.skip(f"judges a run of all of tests/ui or the whole suite: {PRESSES.partial}")
    if not PRESSES.seen:
        pytest.skip("nothing was shown in this run")
    missing = PRESSES.unpressed()
    lines = [f"  {key}   ({PRESSES.seen[key]})" for key in missing]
    assert not missing, (
        f"{len(missing)} of {len(PRESSES.seen)} buttons, actions and shortcuts were never "
        "pressed by a real click or key event in any test:\n" + "\n".join(lines)
    )
