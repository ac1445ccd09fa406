"""Child process for the start-up benchmark: kapdesk's real start path, as ``python -m kapdesk``
takes it with no options (command line, paths, window), printing "shown" when the window is on
screen, "first-page" when the first page staff use is (the sign-in shown from the first look
at the record, or else the real window's first page), and "ready" when the records are open and
the real window has taken the start window's place.

With ``KAPDESK_BENCH_MODULES=1`` it also prints the modules loaded by the first page
(``first-modules <name> <name>...``). With ``KAPDESK_BENCH_SQL=1`` (which loads SQLAlchemy
itself, to hear the statements) it prints, after "ready", one line per database statement the
start ran before it (``sql <thread>|<statement>``), to show what the first page asked for and
on which thread, and the modules loaded by then (``modules <name> <name>...``)."""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtWidgets import QApplication

from kapdesk.app import start
from kapdesk.cli import build_parser
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths

statements: list[str] = []
if os.environ.get("KAPDESK_BENCH_SQL") == "1":
    from sqlalchemy import Engine, event

    def _heard(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        words = " ".join(statement.split())
        thread = threading.current_thread()
        name = "the window's thread" if thread is threading.main_thread() else thread.name
        statements.append(f"sql {name}|{words[:90]}")

    event.listen(Engine, "before_cursor_execute", _heard)


def _first_page() -> None:
    print("first-page", flush=True)
    if os.environ.get("KAPDESK_BENCH_MODULES") == "1":
        print("first-modules " + " ".join(sorted(sys.modules)), flush=True)


def _ready() -> None:
    print("ready", flush=True)
    if os.environ.get("KAPDESK_BENCH_SQL") == "1":
        for line in list(statements):
            print(line, flush=True)
        print("modules " + " ".join(sorted(sys.modules)), flush=True)  # those loaded by now
    QApplication.quit()


args = build_parser().parse_args([])
window = start(AppPaths.resolve(args.data_dir), args.db, SystemClock())
assert not isinstance(window, int)
QApplication.processEvents()
print("shown", flush=True)
window.first_page_shown.connect(_first_page)
window.ready.connect(_ready)
window.failed.connect(lambda reason: sys.exit(f"failed: {reason}"))
sys.exit(QApplication.exec())
