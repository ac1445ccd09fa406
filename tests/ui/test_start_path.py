"""What the first usable page needs, and nothing more: building the window over open records
(the sign-in or the first admin's page on screen) loads none of the modules moved off the
start-up path. A guard on imports, not on time (bench/startup.py measures the time)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.startup import MOVED_OFF

ROOT = Path(__file__).resolve().parents[2]

# Where each now loads, instead of before the first page:
#   alembic                         only when the schema is not current (storage.db.upgrade)
#   pygame                          the first session's sound (app.pygame_sound)
#   keyring, cryptography           the backups' look, seconds after the window is shown
#   mutagen, kapdesk.ui.library_view  the library page, when first shown
#   PySide6.QtPrintSupport, kapdesk.reports.pdf, kapdesk.ui.summary_view  printing, summary
#   PySide6.QtNetwork               the second-start socket, after the first page
#   sqlalchemy.dialects.postgresql  a room on a clinic server
ALSO_OFF = (
    "kapdesk.ui.board_window",
    "kapdesk.core.board",
    "kapdesk.storage.board",
    "kapdesk.reports.chart",
    "kapdesk.ui.history_view",
    "kapdesk.ui.timeline_view",
    "kapdesk.ui.course_view",
    "kapdesk.ui.followups_view",
    "kapdesk.ui.staff_view",
    "kapdesk.ui.integration_view",
)

CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication
    from kapdesk.app import window_on
    from kapdesk.core.clock import SystemClock
    from kapdesk.paths import AppPaths
    from kapdesk.records import open_records
    from kapdesk.ui import theme

    app = QApplication([])
    theme.apply(app)
    paths = AppPaths.resolve(Path(sys.argv[1]))
    records = open_records(paths, None, SystemClock())
    window = window_on(records, SystemClock(), None)
    window.show()
    QThreadPool.globalInstance().waitForDone(30_000)  # what it started on threads, done
    page = type(window.pages.currentWidget()).__name__
    print(json.dumps({"page": page, "modules": sorted(sys.modules)}))
    """
)


CREATE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kapdesk.core.clock import SystemClock
    from kapdesk.paths import AppPaths
    from kapdesk.records import open_records

    records = open_records(AppPaths.resolve(Path(sys.argv[1])), None, SystemClock())
    records.store.close_all()
    if records.writer is not None:
        records.writer.release()
    """
)


def _child(script: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, str(data)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(data.parent)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.subprocess
def test_the_first_page_loads_none_of_the_modules_moved_off_its_path(tmp_path: Path) -> None:
    # The database exists and is current, as on every start but the first (which upgrades it).
    made = _child(CREATE, tmp_path / "data")
    assert made.returncode == 0, made.stderr
    done = _child(CHILD, tmp_path / "data")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["page"] == "FirstAdminView"  # a fresh database: the first admin is asked for
    loaded = set(seen["modules"])
    assert "kapdesk.ui.calm_screen" in loaded  # the probe itself sees what the page needs
    assert sorted(set(MOVED_OFF + ALSO_OFF) & loaded) == []


EARLY = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from kapdesk.app import start
    from kapdesk.core.clock import SystemClock
    from kapdesk.paths import AppPaths

    app = QApplication([])
    shell = start(AppPaths.resolve(Path(sys.argv[1])), None, SystemClock())
    seen = {}

    def first_page():
        seen["page"] = type(shell.centralWidget()).__name__
        seen["modules"] = sorted(sys.modules)

    shell.first_page_shown.connect(first_page)
    shell.ready.connect(app.quit)
    app.exec()
    print(json.dumps(seen))
    """
)

ADMIN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from kapdesk.core.clock import SystemClock
    from kapdesk.core.staff import Role
    from kapdesk.paths import AppPaths
    from kapdesk.storage.db import open_storage
    from kapdesk.storage.staff import StaffStore

    storage = open_storage(AppPaths.resolve(Path(sys.argv[1])), None)
    roles = frozenset({Role.ADMIN, Role.NURSE})
    StaffStore(storage, SystemClock()).create_account("Robin Hale", roles, "4862", by=None)
    storage.engine.dispose()
    """
)


@pytest.mark.subprocess
def test_the_sign_in_shows_before_the_database_library_loads(tmp_path: Path) -> None:
    """Every start but the clinic's first: the sign-in is on screen from the first look at
    the record, before SQLAlchemy (or anything moved off the path) is imported."""
    made = _child(ADMIN, tmp_path / "data")
    assert made.returncode == 0, made.stderr
    done = _child(EARLY, tmp_path / "data")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["page"] == "CalmScreen"  # the sign-in, on the start window
    loaded = set(seen["modules"])
    assert "kapdesk.storage.first_look" in loaded  # the probe sees the look that was taken
    assert sorted(m for m in loaded if m == "sqlalchemy" or m.startswith("sqlalchemy.")) == []
    assert sorted(set(MOVED_OFF + ALSO_OFF) & loaded) == []
