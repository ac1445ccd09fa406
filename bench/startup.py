"""Start-up: process start to the main window shown, kapdesk against a bare PySide6 window.

Both run headless (offscreen platform) in fresh processes; the database already exists, as on
every start but the first. Target: kapdesk within 1.5x of the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "w = QWidget()\n"
    "w.showMaximized()\n"
    "QApplication.processEvents()\n"
    "print('shown', flush=True)\n"
)
RUNS = 7


def _time_to_shown(argv: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    began = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - began
    child.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"{argv} did not show its window")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        kapdesk = [sys.executable, "-m", "bench.show_kapdesk", data]
        bare = [sys.executable, "-c", BARE]
        _time_to_shown(kapdesk)  # first start creates the database; not counted
        _time_to_shown(bare)  # warm the file cache for both
        kap = [_time_to_shown(kapdesk) for _ in range(RUNS)]
        base = [_time_to_shown(bare) for _ in range(RUNS)]
    kap_med, base_med = statistics.median(kap), statistics.median(base)
    print(f"start-up to window shown, median of {RUNS} (min)")
    print(f"  bare PySide6 window  {base_med * 1000:7.0f} ms  ({min(base) * 1000:.0f})")
    print(f"  kapdesk              {kap_med * 1000:7.0f} ms  ({min(kap) * 1000:.0f})")
    print(f"  ratio                {kap_med / base_med:7.2f}x   (target <= 1.50x)")


if __name__ == "__main__":
    main()
