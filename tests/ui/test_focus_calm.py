"""What the calm lock screen shows: only what is true now (the journey time while a journey
runs, and nothing once it has closed), and notices that are dim over it; a notice staff know
about is put away for the session with "Noted", under their name in the audit log."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.core.staff import Role
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.staff import StaffStore
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow
from kapdesk.wakefulness import KeepAwake
from tests.ui.conftest import sign_in_account
from tests.ui.test_focus import ALL_ROLES, CTRL, CTRL_SHIFT, PIN, _press, _type, _unlock
from tests.ui.test_wakefulness import Recorded


def _lock(qtbot: QtBot, window: MainWindow) -> None:
    _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.locked
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.calm)


def _close_session(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+E, a reason typed, Enter: as staff close a session early."""
    current = window.current
    assert current is not None
    _press(qtbot, window, Qt.Key.Key_E, CTRL)
    dialog = window.journey_view.close_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    _type(qtbot, window, "Patient asked to stop")
    _press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: current.journey.closed)
    qtbot.waitUntil(window.isActiveWindow)


def test_the_calm_screen_shows_the_journey_time_while_it_runs_and_none_once_closed(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    sign_in_account(window, "Sam Ortiz", PIN, ALL_ROLES)
    window.open_session("P-2230", "im-ketamine", "Sam Ortiz")
    _lock(qtbot, window)
    assert window.calm.time.text() == ""  # before the dose there is no journey time
    _unlock(qtbot, window)

    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    clock.advance(5 * 60 + 48)
    _lock(qtbot, window)
    assert window.calm.time.text() == "05:48"
    clock.advance(60)
    qtbot.waitUntil(lambda: window.calm.time.text() == "06:48")  # it goes on, as the journey
    _unlock(qtbot, window)

    _close_session(qtbot, window)
    _lock(qtbot, window)
    clock.advance(60)
    window.calm.step()
    shown = " ".join(window.calm.visible_text())
    assert window.calm.time.text() == ""
    assert "06:48" not in shown
    assert "07:48" not in shown
    assert ":" not in shown  # no time of any kind: no journey is running


def _lightness(widget: QWidget) -> float:
    """How bright the widget is, on average, as drawn now (0-255)."""
    image = widget.grab().toImage()
    values = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    ]
    return sum(values) / len(values)


def _background(widget: QWidget) -> QColor:
    """The colour a little inside the widget's left edge, half way down (behind no words)."""
    image = widget.grab().toImage()
    return QColor(image.pixel(4, image.height() // 2))


def test_a_known_notice_is_noted_for_the_session_and_notices_are_dim_on_the_calm_screen(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    theme.apply(qapp)
    awake = KeepAwake([Recorded(refuse="there is no session bus to ask")])
    window = build_window(storage, paths, clock, keep_awake=awake)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    sign_in_account(window, "Sam Ortiz", PIN, ALL_ROLES)
    window.open_session("P-2231", "im-ketamine", "Sam Ortiz")
    wake, damage = window.wake_banner, window.damage_banner
    window.record_damaged.emit("The full check found the record file damaged: call IT.")
    qtbot.waitUntil(damage.isVisible)
    assert wake.isVisible()
    assert wake.noted_button.isVisible()
    assert not damage.noted_button.isVisible()  # a damaged record is never put away
    bright = {id(n): _lightness(n) for n in (wake, damage)}
    assert _background(wake) == QColor(theme.PROBLEM_BG)

    # Over the calm screen: still there, dim, with nothing to press.
    _lock(qtbot, window)
    for notice in (wake, damage):
        assert notice.isVisible()
        assert not notice.noted_button.isVisible()
        assert _lightness(notice) < bright[id(notice)]
        assert _background(notice) == QColor(theme.BACKGROUND)
    _unlock(qtbot, window)
    assert _background(wake) == QColor(theme.PROBLEM_BG)

    # Noted: away, audited under the name of who pressed it, and it stays away.
    qtbot.mouseClick(wake.noted_button, Qt.MouseButton.LeftButton)
    assert not wake.isVisible()
    assert damage.isVisible()
    staff = window.staff
    lines = window.audit_lines
    assert staff is not None
    assert lines is not None
    qtbot.waitUntil(lines.idle)  # written on a thread of its own
    line = staff.audit_log()[-1]
    assert (line.who, line.action, line.subject) == ("Sam Ortiz", "notice_noted", "keep_awake")
    assert "screen blanking" in str(line.detail["words"])
    _lock(qtbot, window)
    assert not wake.isVisible()
    _unlock(qtbot, window)
    assert not wake.isVisible()

    # The session ends; the next one says it again.
    _close_session(qtbot, window)
    assert not wake.isVisible()
    window.open_session("P-2232", "im-ketamine", "Sam Ortiz")
    assert wake.isVisible()


def _back_as(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """On the calm screen: a tap if the pad is not up, the member's tile, the PIN, Enter."""
    calm = window.calm
    if not calm.pad.isVisible():
        qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(calm.pad.isVisible)
    (tile,) = [t for t in calm._tile_group.buttons() if t.text() == name]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(calm.pin, pin)
    qtbot.keyClick(calm.pin, Qt.Key.Key_Return)
    assert not window.locked, calm.message.text()


def test_a_refusals_switch_user_is_not_offered_on_the_calm_screen(
    qtbot: QtBot, window: MainWindow, clock: FakeClock
) -> None:
    """The calm screen offers nothing to press: the refusal's "Switch user" stayed on it."""
    staff = window.staff
    assert staff is not None
    admin = staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), PIN, by=None)
    staff.create_account("Jo Okafor", frozenset({Role.NURSE}), "7391", by=admin)
    member = staff.sign_in("Jo Okafor", "7391").member
    assert member is not None
    window.signed_in(member)
    window.show_setup()
    _press(qtbot, window, Qt.Key.Key_K, CTRL)  # the staff page: an admin's, refused
    assert window.status_banner.text().startswith("Editing staff takes an admin")
    assert window.status_banner.switch.isVisible()

    # The lock key takes the refusal's switch: the calm screen, the banner dim, nothing on it.
    _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    assert window.locked
    assert window.status_banner.isVisible()
    assert not window.status_banner.switch.isVisible()
    _back_as(qtbot, window, "Jo Okafor", "7391")  # still a nurse: refused again, offered again
    assert window.pages.currentWidget() is window.setup_view
    assert window.status_banner.text().startswith("Editing staff takes an admin")
    assert window.status_banner.switch.isVisible()

    # The idle lock over the refusal: off the calm screen, back with it once unlocked.
    clock.advance(window.lock_seconds)
    window.check_idle()
    assert window.locked
    assert not window.status_banner.switch.isVisible()
    _back_as(qtbot, window, "Jo Okafor", "7391")
    assert window.status_banner.isVisible()
    assert window.status_banner.switch.isVisible()
    _press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)  # and it still switches
    assert window.locked
    _back_as(qtbot, window, "Ana Moreno", PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.staff_view)
    assert not window.status_banner.isVisible()


def test_notices_at_an_ordinary_start_are_dim_over_the_sign_in(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    """The start that asks for a PIN (the calm screen is the first page shown): a notice said
    then is dim, as on any calm screen, not bright in a dim room."""
    theme.apply(qapp)
    admin = ALL_ROLES | {Role.ADMIN}
    StaffStore(storage, clock).create_account("Sam Ortiz", admin, PIN, by=None)
    window = build_window(storage, paths, clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.pages.currentWidget() is window.calm
    damage = window.damage_banner
    window.record_damaged.emit("The full check found the record file damaged: call IT.")
    qtbot.waitUntil(damage.isVisible)
    assert _background(damage) == QColor(theme.BACKGROUND)
    assert _background(window.status_banner) == QColor(theme.BACKGROUND)
