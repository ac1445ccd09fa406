"""Waiting, as staff do, for the recorder's thread to save what was recorded on the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from kapdesk.ui.main_window import MainWindow

SAVING = "Saving…"


def settle(qtbot: QtBot, window: MainWindow, timeout_ms: int = 10_000) -> None:
    """Until the session on screen has nothing waiting to be written and its panels no longer
    say "Saving…" (the saved mark came back to the window's thread)."""

    def settled() -> bool:
        current = window.current
        if current is not None and current.recorder.pending:
            return False
        view = window.journey_view
        panel = view.observations
        if panel is not None and panel.status.text().startswith(SAVING):
            return False
        preparation = view.preparation
        return preparation is None or preparation.intention_state.text() != SAVING

    qtbot.waitUntil(settled, timeout=timeout_ms)
