"""The Qt bindings themselves: a window that runs for hours must not wear Python out."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QTableWidget, QTableWidgetItem


def test_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on each call returning nothing;
    after some tens of thousands of label updates Python aborts. pyproject keeps it out."""
    label = QLabel()
    table = QTableWidget(50, 2)
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
        table.setItem(n % 50, 0, QTableWidgetItem("x"))
    assert sys.getrefcount(None) >= before - 50  # small drift from the interpreter is fine
