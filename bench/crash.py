"""Crash safety at scale: kapdesk killed with SIGKILL 500 times at random moments while it
records, started again each time (the suite's crash test does it 50 times).

Target: every event a run acknowledged is on disk after its kill, and every restart shows the
journey time within 1 s of the truth.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.support.crash import kill_and_restart

KILLS = 500


def main(kills: int = KILLS) -> None:
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kapdesk-crash-") as folder:
        found = kill_and_restart(Path(folder) / "room", kills, seed=int(time.time()))
    took = time.perf_counter() - began
    errors = found.time_errors()
    print(f"crash safety: {kills} SIGKILLs in {took / 60:.1f} min")
    print(f"  restarts that picked the session up   {len(found.restarts)}")
    print(f"  events acknowledged before a kill      {len(found.promised)}")
    print(f"  of those, missing after the restarts   {len(found.missing)}   (target 0)")
    print(f"  doses in the record                    {found.doses}   (one session, dosed once)")
    if errors:
        print(
            f"  journey time after restart vs truth    worst {max(errors) * 1000:.1f} ms, "
            f"median {sorted(errors)[len(errors) // 2] * 1000:.1f} ms   (target < 1000 ms)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else KILLS)
