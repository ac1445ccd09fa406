"""Start-up: process start to the main window shown, kapdesk against a bare PySide6 window.

Both run headless (offscreen platform) in fresh processes, taking turns, from compiled bytecode
as an installed kapdesk does (the warm-up run writes it); kapdesk starts with no
options, its folders found by platformdirs (in a temporary XDG home); the database already
exists, as on every start but the first. Target: kapdesk within 1.5x of the bare window.
kapdesk shows its window before its records are open; the second figure is process start to
the first real page (set-up, or the journey left open), with the database open and current.
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
RUNS = 11


def _time_to(argv: list[str], home: str, *moments: str) -> list[float]:
    """Seconds from process start to each line in ``moments``, printed in that order.

    ``home`` stands in for the user's XDG folders, so kapdesk finds its data where it would
    with no options (platformdirs), as the README's start command runs it.
    """
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(Path(home) / "data"),
        "XDG_STATE_HOME": str(Path(home) / "state"),
    }
    env.pop("KAPDESK_DATA_DIR", None)
    # An installed kapdesk runs from compiled bytecode; a shell that forbids writing it
    # (PYTHONDONTWRITEBYTECODE) would make every start compile the sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    times = []
    for moment in moments:
        line = child.stdout.readline()
        times.append(time.perf_counter() - began)
        if line.strip() != moment:
            raise RuntimeError(f"{argv} printed {line!r}, not {moment!r}")
    child.wait(timeout=60)
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        kapdesk = [sys.executable, "-m", "bench.show_kapdesk"]
        bare = [sys.executable, "-c", BARE]
        _time_to(kapdesk, data, "shown", "ready")  # first start creates the database; not counted
        _time_to(bare, data, "shown")  # warm the file cache for both
        kap, base = [], []
        for _ in range(RUNS):  # taking turns, so the machine's moods fall on both
            kap.append(_time_to(kapdesk, data, "shown", "ready"))
            base.append(_time_to(bare, data, "shown")[0])
    shown = [run[0] for run in kap]
    ready = [run[1] for run in kap]
    base_med, shown_med = statistics.median(base), statistics.median(shown)
    ready_med = statistics.median(ready)
    print(f"start-up, median of {RUNS} (min)")
    print(f"  bare PySide6 window shown    {base_med * 1000:7.0f} ms  ({min(base) * 1000:.0f})")
    print(f"  kapdesk window shown         {shown_med * 1000:7.0f} ms  ({min(shown) * 1000:.0f})")
    print(f"  ratio                        {shown_med / base_med:7.2f}x   (target <= 1.50x)")
    print(f"  ratio of the fastest runs    {min(shown) / min(base):7.2f}x")
    print(f"  kapdesk records on screen    {ready_med * 1000:7.0f} ms  ({min(ready) * 1000:.0f})")


if __name__ == "__main__":
    main()
