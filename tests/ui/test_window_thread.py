"""Building the window and showing its first page runs no database statement on the window's
thread: everything the first page needs was read with the records, off it."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from kapdesk.app import window_on
from kapdesk.core.clock import FakeClock
from kapdesk.core.staff import Role, StaffMember
from kapdesk.paths import AppPaths
from kapdesk.records import records_on
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.staff import StaffStore
from kapdesk.ui import theme
from kapdesk.ui.main_window import MainWindow
from tests.support.ops import settle


def _built_watching(
    qtbot: QtBot, storage: Storage, paths: AppPaths, clock: FakeClock
) -> tuple[MainWindow, list[str]]:
    """The window built over records opened first (as the start's worker does), with every
    statement the window's thread ran meanwhile."""
    records = records_on(storage, paths, clock)
    on_window: list[str] = []

    def heard(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if threading.current_thread() is threading.main_thread():
            on_window.append(statement)

    event.listen(storage.engine, "before_cursor_execute", heard)
    try:
        window = window_on(records, clock, None)
        qtbot.addWidget(window)
        window.resize(1024, 600)
        window.show()
        qtbot.waitExposed(window)
        settle(window)
    finally:
        event.remove(storage.engine, "before_cursor_execute", heard)
    return window, on_window


def test_the_first_start_asks_for_the_admin_without_a_query_on_the_window_s_thread(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    theme.apply(qapp)
    window, on_window = _built_watching(qtbot, storage, paths, clock)
    assert window.pages.currentWidget() is window.first_admin_view
    assert on_window == []


def test_a_later_start_asks_for_a_pin_without_a_query_on_the_window_s_thread(
    qtbot: QtBot, qapp: QApplication, storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    theme.apply(qapp)
    StaffStore(storage, clock).create_account(
        "Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None
    )
    window, on_window = _built_watching(qtbot, storage, paths, clock)
    assert window.pages.currentWidget() is window.calm
    assert window.calm.pad.isVisible()
    assert window.calm.who.itemText(0) == "Ana Moreno"  # the names read with the records
    assert on_window == []


def test_staff_accounts_that_cannot_be_read_at_start_are_said_and_the_lock_stays_shut(
    *,
    qtbot: QtBot,
    qapp: QApplication,
    storage: Storage,
    paths: AppPaths,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    theme.apply(qapp)

    def unreadable(_store: StaffStore) -> list[StaffMember]:
        raise StorageError("Staff accounts cannot be read: the database is busy")

    monkeypatch.setattr(StaffStore, "accounts", unreadable)
    window, _on_window = _built_watching(qtbot, storage, paths, clock)
    assert "Staff accounts cannot be read: the database is busy." in window.status_banner.text()
    assert window.locked
    assert window.pages.currentWidget() is window.calm
