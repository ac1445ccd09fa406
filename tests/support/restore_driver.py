"""One restore, in a process of its own, killed (SIGKILL) just before a chosen step.

python tests/support/restore_driver.py DATA_DIR BACKUP STEP

Restores BACKUP (a plain one) into DATA_DIR with ``force``. Every change the restore makes to
the data folder's names and every sync it asks for is a step, counted from 1; just before step
STEP the process kills itself as a power cut or the OOM killer would (no cleanup, no
``finally``). Says ``done`` when the restore finished before that step.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths
from kapdesk.storage import restore

RESTORE_SOURCE = restore.__file__


def _counted(do: Callable[..., Any], kill_at: int, steps: list[int], *, any_caller: bool) -> Any:
    def step(*args: Any, **kwargs: Any) -> Any:
        if any_caller or sys._getframe(1).f_code.co_filename == RESTORE_SOURCE:
            steps[0] += 1
            if steps[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return do(*args, **kwargs)

    return step


def main(data_dir: str, backup: str, kill_at: int) -> None:
    steps = [0]
    for name in ("replace", "link", "unlink", "fsync"):
        setattr(os, name, _counted(getattr(os, name), kill_at, steps, any_caller=False))
    for name in ("sync_folder", "settle", "keep_aside"):
        if hasattr(restore, name):
            setattr(
                restore, name, _counted(getattr(restore, name), kill_at, steps, any_caller=True)
            )
    restore.restore_backup(
        AppPaths.resolve(data_dir), Path(backup), passphrase=None, force=True, clock=SystemClock()
    )
    print("done", steps[0], flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
