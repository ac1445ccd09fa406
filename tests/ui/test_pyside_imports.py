"""PySide6's import hook is kept from holding every imported module's source in memory, and
still gives modules that use PySide6's ``__feature__`` switches what they ask for."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, linecache, sys
    import PySide6.QtWidgets
    import kapdesk.ui
    import sqlalchemy.orm
    import kapdesk.records
    import snake_module
    kept = [name for name in linecache.cache if name.endswith(".py")]
    print(json.dumps({"kept": kept, "snake": snake_module.wider()}))
    """
)

SNAKE = textwrap.dedent(
    """
    from __feature__ import snake_case
    from PySide6.QtCore import QSize

    def wider() -> int:
        return QSize(3, 4).expanded_to(QSize(5, 1)).width()
    """
)


def test_the_window_s_imports_leave_no_source_text_behind(tmp_path: Path) -> None:
    (tmp_path / "snake_module.py").write_text(SNAKE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env={"PYTHONPATH": f"{ROOT}:{tmp_path}", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    # Without the fix, the sources of SQLAlchemy and kapdesk (some 500 files) stay in memory.
    heavy = [name for name in seen["kept"] if "sqlalchemy" in name or "kapdesk/storage" in name]
    assert heavy == []
    assert len(seen["kept"]) < 10, seen["kept"]
    assert seen["snake"] == 5  # a module using snake_case still gets it
