"""The frozen build against the checkout: start-up to the window shown and memory, and the .deb.

    python -m bench.frozen [--frozen DIR] [--deb FILE] [--runs N]

Both start as a clinic starts them, with no options (their folders found by platformdirs in a
temporary XDG home, the database already there): the frozen ``dist/kapdesk/kapdesk`` and the
checkout's ``python -m kapdesk`` (from compiled bytecode, as an installed kapdesk runs), taking
turns. The frozen build cannot print a line when its window is up, so both are watched the same
way from outside: on a private virtual X server (Xvfb), the time from process start until a
window named kapdesk is mapped (polled with xdotool, about 10 ms apart). The resident memory
(VmRSS) is read once the records are open: when a second start's knock is answered. Then
SIGTERM closes it. Build the frozen folder and the .deb first: ./bootstrap.sh release.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
POLL_S = 0.01


@contextmanager
def virtual_display() -> Iterator[str]:
    """A private Xvfb for the runs; its DISPLAY."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            "1920x1080x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as said:
            number = said.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _window_shown(display: str, pid: int) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "^kapdesk$"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def start_once(argv: list[str], env: dict[str, str], display: str) -> tuple[float, float]:
    """One start: seconds to the window shown, and MB resident once the records are open."""
    began = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not _window_shown(display, child.pid):
            if child.poll() is not None:
                assert child.stderr is not None
                raise RuntimeError(f"{argv} ended early: {child.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - began > 60:
                raise RuntimeError(f"{argv}: no window after 60 s")
            time.sleep(POLL_S)
        shown = time.perf_counter() - began
        # A second start returns once the first answers: its records are open by then.
        knock = subprocess.run(argv, env=env, capture_output=True, timeout=90, check=False)
        if knock.returncode != 0:
            raise RuntimeError(f"the second start failed: {knock.stderr.decode()[-2000:]}")
        rss = _rss_mb(child.pid)
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return shown, rss


def deb_sizes(deb: Path) -> tuple[float, float]:
    """The .deb's file size and its Installed-Size, in MB."""
    field = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Installed-Size"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return deb.stat().st_size / 1e6, int(field) * 1024 / 1e6


def _newest_deb() -> Path | None:
    found = sorted((ROOT / "dist").glob("kapdesk_*.deb"), key=lambda path: path.stat().st_mtime)
    return found[-1] if found else None


def _measure(frozen: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """``runs`` starts of each, taking turns, after one start of each that is not counted."""
    starts = {
        "frozen": [str(frozen / "kapdesk")],
        "checkout": [sys.executable, "-m", "kapdesk"],
    }
    with tempfile.TemporaryDirectory() as home, virtual_display() as display:
        env = {
            **os.environ,
            "DISPLAY": display,
            "SDL_AUDIODRIVER": "dummy",
            "XDG_DATA_HOME": str(Path(home) / "data"),
            "XDG_STATE_HOME": str(Path(home) / "state"),
            "XDG_CONFIG_HOME": str(Path(home) / "config"),
            "PYTHONPATH": str(ROOT),
        }
        for name in ("QT_QPA_PLATFORM", "KAPDESK_DATA_DIR", "PYTHONDONTWRITEBYTECODE"):
            env.pop(name, None)
        for argv in starts.values():  # the database made, bytecode written, files cached
            start_once(argv, env, display)
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in starts}
        for _ in range(runs):
            for name, argv in starts.items():
                results[name].append(start_once(argv, env, display))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "kapdesk")
    parser.add_argument("--deb", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    if not (args.frozen / "kapdesk").is_file():
        print(f"no frozen build in {args.frozen}: build it with ./bootstrap.sh release")
        return 1
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        print(f"bench.frozen needs {' and '.join(missing)} (apt-get install xvfb xdotool)")
        return 1
    results = _measure(args.frozen, args.runs)
    shown = {name: statistics.median(run[0] for run in runs) for name, runs in results.items()}
    rss = {name: statistics.median(run[1] for run in runs) for name, runs in results.items()}
    fastest = {name: min(run[0] for run in runs) for name, runs in results.items()}
    print(f"frozen build against the checkout, median of {args.runs} (min)")
    for name in ("checkout", "frozen"):
        print(
            f"  {name:<9} window shown {shown[name] * 1000:6.0f} ms  ({fastest[name] * 1000:.0f})"
            f"   RSS {rss[name]:5.0f} MB"
        )
    print(f"  ratio frozen/checkout  start-up {shown['frozen'] / shown['checkout']:5.2f}x", end="")
    print(f"   RSS {rss['frozen'] / rss['checkout']:5.2f}x")
    deb = args.deb or _newest_deb()
    if deb is None or not deb.is_file():
        print("  .deb: none found in dist/ (./bootstrap.sh release builds it)")
        return 0
    size, installed = deb_sizes(deb)
    print(f"  {deb.name}: {size:.0f} MB to download, {installed:.0f} MB installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
