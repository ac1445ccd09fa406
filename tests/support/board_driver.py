"""The clinic board in a child process, as ``kapdesk board`` shows it, saying what it shows.

python -m tests.support.board_driver DATA_DIR   the board of the clinic server DATA_DIR's
                                                room.toml names; after every update it draws,
                                                a line: its status, its cards (room, phase) and
                                                the notes of each room's session, in order
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import EventKind
from kapdesk.paths import AppPaths
from kapdesk.storage.board import board_storage
from kapdesk.ui import theme
from kapdesk.ui.board_window import BoardWindow


def main() -> int:
    paths = AppPaths.resolve(Path(sys.argv[1]))
    app = QApplication(sys.argv[:1])
    theme.apply(app)
    board = BoardWindow(board_storage(paths, None), SystemClock())

    def say() -> None:
        update = board.last_update
        assert update is not None
        notes = {
            session.room: [
                str(e.data.get("text")) for e in session.events if e.kind is EventKind.NOTE
            ]
            for session in update.sessions
        }
        cards = [[view.card.room, view.card.phase] for view in board.views if view.card]
        line = {"status": board.status.text(), "problem": update.problem, "cards": cards}
        print(json.dumps({**line, "notes": notes}), flush=True)

    board.shown_update.connect(say)
    board.show()
    board.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
