"""The window's thread through a whole session while its storage misbehaves: a PostgreSQL server
frozen with SIGSTOP for a minute, the network to it cut, SQLite's write lock held by another
process for 10 s, and big pages loading (tests/support/stall.py). Each scenario runs on the
code before issue 18's change (commit 6c7776d, unpacked into a temporary folder) and on this
tree, in the same run, and the figures are printed side by side.

Targets (this tree): worst lateness under 250 ms, p99 under 50 ms, the timer never standing
still (a second and a half at most between changes), nothing lost, nothing stamped late.

python -m bench.ui_stall [--short] [SCENARIO ...]   (--short: faults of 15 s, for a quick look)
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from tests.support.postgres import server_binaries
from tests.support.stall import ON_POSTGRES, ROOT, SCENARIOS, StallResult, Trouble, run_scenario

BEFORE = "6c7776d"
TARGETS = "targets: worst < 250 ms, p99 < 50 ms, timer still < 1.5 s, none lost, none late"


def unpack(commit: str, folder: Path) -> Path:
    """The tree of ``commit`` in ``folder`` (``git archive``: the repository is left alone)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit],
        check=True,
        capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def row(scenario: str, side: str, result: StallResult) -> str:
    if result.problem is not None:
        return f"  {scenario:<12} {side:<7} did not run: {result.problem.splitlines()[0][:70]}"
    late = f"{len(result.late)} (up to {result.worst_late_s:.0f} s)" if result.late else "0"
    return (
        f"  {scenario:<12} {side:<7} {result.worst_ms:>10.0f} {result.p99_ms:>8.0f}"
        f" {result.timer_still_s:>11.1f} {result.typed:>6} {len(result.lost):>5}   {late}"
    )


def header() -> str:
    return (
        f"  {'scenario':<12} {'code':<7} {'worst ms':>10} {'p99 ms':>8} {'timer still':>11}"
        f" {'typed':>6} {'lost':>5}   stamped late"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ui_stall")
    parser.add_argument("--short", action="store_true", help="faults of 15 s instead of 60/30")
    parser.add_argument("scenarios", nargs="*", help=", ".join(SCENARIOS))
    args = parser.parse_args(argv)
    unknown = sorted(set(args.scenarios) - set(SCENARIOS))
    if unknown:
        parser.error(f"no such scenario: {', '.join(unknown)} (there are {', '.join(SCENARIOS)})")
    chosen = args.scenarios or list(SCENARIOS)
    if server_binaries() is None:
        skipped = [s for s in chosen if s in ON_POSTGRES]
        print(f"no PostgreSQL server here: {', '.join(skipped) or 'nothing'} left out")
        chosen = [s for s in chosen if s not in ON_POSTGRES]
    plan = Trouble(freeze_s=15, cut_s=15) if args.short else Trouble()
    print(
        f"the window's thread through a session, before ({BEFORE}) and after; faults:"
        f" freeze {plan.freeze_s:.0f} s, cut {plan.cut_s:.0f} s, SQLite lock {plan.lock_s:.0f} s"
    )
    print(header())
    with tempfile.TemporaryDirectory(prefix="kapdesk-before-") as folder:
        sides = [("after", ROOT)]
        try:
            sides.insert(0, ("before", unpack(BEFORE, Path(folder))))
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"  the code before ({BEFORE}) cannot be unpacked here ({exc}): after only")
        for scenario in chosen:
            for side, tree in sides:
                print(row(scenario, side, run_scenario(scenario, tree, plan)), flush=True)
    print(f"  {TARGETS}")


if __name__ == "__main__":
    main()
