"""Waiting for the window's storage work (:class:`kapdesk.ui.storage_ops.StorageOps`).

A page loads off the window's thread now: a test that clicks its way to a page settles the
window's ops before it asserts what the page shows.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtTest import QTest

from kapdesk.ui.storage_ops import StorageOps

SETTLE_S = 10.0  # more than any op's own time limit: a hung op has ended by then


class HasOps(Protocol):
    @property
    def ops(self) -> StorageOps: ...


def settle(window: HasOps, timeout: float = SETTLE_S) -> None:
    """Wait (with the event loop running) until every store call the window or one of its
    pages started has come back, or has been given up on."""
    deadline = time.monotonic() + timeout
    while not window.ops.idle():
        assert time.monotonic() < deadline, f"{window.ops.busy} store calls never came back"
        QTest.qWait(5)
