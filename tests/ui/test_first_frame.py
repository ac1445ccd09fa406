"""The first frame builds only what it shows: the command line and the window's modules
without a socket module. Guards on structure, not on time (bench/startup.py measures the
time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
