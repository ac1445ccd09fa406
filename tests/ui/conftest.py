"""UI fixtures: the real main window on a temporary database and a fake clock, with a member of
staff signed in (tests of signing in itself start from :func:`window_at_start`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import build_window
from kapdesk.core.clock import FakeClock
from kapdesk.core.staff import Role, StaffMember
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.ui import theme
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle

# Holds every role, so a test of one page is not a test of permissions (tests/ui/test_staff.py
# is); the name is the sitter most tests type at set-up.
STAFF = StaffMember(0, "Sam Ortiz", frozenset({Role.PRESCRIBER, Role.THERAPIST, Role.ADMIN}))


def sign_in_account(window: MainWindow, name: str, pin: str, roles: frozenset[Role]) -> StaffMember:
    """Make the clinic's first account (an admin, with ``roles``) and sign it in with its PIN."""
    staff = window.staff
    assert staff is not None
    staff.create_account(name, roles | {Role.ADMIN}, pin, by=None)
    member = staff.sign_in(name, pin).member
    assert member is not None
    window.signed_in(member)
    settle(window)  # the page behind sign-in has loaded, as staff see it
    return member


def sign_in(window: MainWindow) -> MainWindow:
    """``window`` with :data:`STAFF` signed in, as the sign-in screen leaves it."""
    window.signed_in(STAFF)
    settle(window)  # the page behind sign-in has loaded, as staff see it
    return window


@pytest.fixture
def window(window_at_start: MainWindow) -> MainWindow:
    return sign_in(window_at_start)


@pytest.fixture
def window_at_start(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> MainWindow:
    """The window as it opens: asking for the first admin, or for a PIN."""
    theme.apply(qapp)
    built = build_window(storage, paths, clock)
    qtbot.addWidget(built)
    built.resize(1280, 800)
    built.show()
    built.activateWindow()
    qtbot.waitUntil(built.isActiveWindow)
    return built


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Language]:
    """kapdesk's translators, to speak Spanish or French in a test; English again after it."""
    spoken = Language(qapp)
    yield spoken
    spoken.speak("en")
