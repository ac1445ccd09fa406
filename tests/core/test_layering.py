"""core/ stays pure Python: it imports neither Qt, pygame nor SQLAlchemy, nor our upper layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kapdesk.core

CORE = Path(kapdesk.core.__file__).parent
FORBIDDEN = (
    "PySide6",
    "pygame",
    "sqlalchemy",
    "alembic",
    "kapdesk.storage",
    "kapdesk.ui",
    "kapdesk.audio",
    "kapdesk.reports",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_import_nothing_from_above() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert offenders == set()


def test_importing_core_loads_no_forbidden_module() -> None:
    modules = [f"kapdesk.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert len(modules) >= 4


def test_the_check_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QTimer\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlalchemy.orm"} <= _imports(bad)


def test_reports_and_storage_stay_siblings() -> None:
    """reports/ reads what the stores return and imports no storage module when it runs, and
    storage/ imports no reports: kapdesk.records and kapdesk.printing bring them together."""
    import kapdesk.reports  # noqa: PLC0415
    import kapdesk.storage  # noqa: PLC0415

    code = (
        "import sys\n"
        "import kapdesk.reports.exports, kapdesk.reports.printed, kapdesk.reports.pdf\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('kapdesk.storage'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    storage = Path(kapdesk.storage.__file__).parent
    offenders = {
        f"{path.name}: {name}"
        for path in storage.rglob("*.py")
        for name in _imports(path)
        if name.startswith("kapdesk.reports")
    }
    assert offenders == set()
    assert Path(kapdesk.reports.__file__).parent.is_dir()
