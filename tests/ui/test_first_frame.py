"""The first frame builds only what it shows: the start window in Fusion without PySide
building QStyle's class (nor the tables' or a button key's), and the command line and the
window's modules without a socket module. Guards on structure, not on time (bench/startup.py
measures the time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FIRST_FRAME = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    import PySide6.QtWidgets as widgets
    from PySide6.QtWidgets import QApplication
    from kapdesk.app import start
    from kapdesk.core.clock import SystemClock
    from kapdesk.paths import AppPaths

    shell = start(AppPaths.resolve(Path(sys.argv[1])), None, SystemClock(), audio=None)
    QApplication.processEvents()
    built = sorted(name for name in ("QStyle", "QAbstractItemView", "QKeySequence")
                   if name in widgets.__dict__ or name in sys.modules["PySide6.QtGui"].__dict__)
    variable = os.environ.get("QT_STYLE_OVERRIDE")
    app = QApplication.instance()
    app.setStyleSheet("")  # the style beneath the style sheet
    print(json.dumps({"built": built, "variable": variable, "style": app.style().name()}))
    os._exit(0)  # the records' worker is not waited for
    """
)

MADE_BEFORE = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from kapdesk.ui import theme
    theme.apply(app)
    app.setStyleSheet("")
    print(app.style().name())
    """
)


def _child(script: str, *args: str, style: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("QT_STYLE_OVERRIDE", None)
    if style is not None:
        env["QT_STYLE_OVERRIDE"] = style
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.subprocess
@pytest.mark.parametrize("style", [None, "Windows"])
def test_the_start_window_is_in_fusion_without_building_qstyle(
    tmp_path: Path, style: str | None
) -> None:
    done = _child(FIRST_FRAME, str(tmp_path / "data"), style=style)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["built"] == []
    assert seen["variable"] == style  # as it was: what kapdesk opens keeps its own style
    assert seen["style"] == "fusion"


@pytest.mark.subprocess
def test_an_application_made_before_the_theme_is_styled_fusion_too() -> None:
    done = _child(MADE_BEFORE, style="Windows")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "fusion"


def test_the_command_line_and_the_window_load_no_socket_module() -> None:
    """``socket`` (some 3 ms with its enums) loads when a window installs the socket pair
    that keeps the stop signals (``kapdesk``'s command line does, before Qt loads), not when
    the modules are imported: the commands, and the window started in-process (the
    start-up bench, the tests), do without it."""
    probe = "import sys\nimport kapdesk.cli, kapdesk.app\nprint('socket' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
