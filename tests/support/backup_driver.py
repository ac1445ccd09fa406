"""Backups, one after another, in a process of its own, for a test to kill at any moment.

python tests/support/backup_driver.py DATA_DIR FOLDER KILL_AFTER [--rotate]

Opens the record in DATA_DIR as kapdesk does and backs it up into FOLDER, turn about plain
and with the backup passphrase of ``KAPDESK_BACKUP_PASSPHRASE`` (when set), and with
``--rotate`` keeps only the newest of the day after each (so a kill lands in rotation too).
Says ``ready`` on a line once the record is open, and ``made <name>`` after each backup.
KILL_AFTER seconds after ``ready`` it sends itself SIGKILL, as a power cut or the OOM killer
would end it, wherever the backup then is.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path

from kapdesk.core.backups import Encryption, RotationPolicy
from kapdesk.core.clock import SystemClock
from kapdesk.paths import AppPaths
from kapdesk.storage.backup import make_backup
from kapdesk.storage.db import open_storage
from kapdesk.storage.encryption import BACKUP_PASSPHRASE_ENV


def main(data_dir: str, folder: str, kill_after: float, *, rotate: bool) -> None:
    storage = open_storage(AppPaths.resolve(data_dir), None)
    passphrase = os.environ.get(BACKUP_PASSPHRASE_ENV)
    print("ready", flush=True)
    killer = threading.Timer(kill_after, os.kill, (os.getpid(), signal.SIGKILL))
    killer.daemon = True
    killer.start()
    turn = 0
    while True:
        encrypted = passphrase is not None and turn % 2 == 1
        made, _ = make_backup(
            storage,
            Path(folder),
            room="Room 1",
            clock=SystemClock(),
            passphrase=passphrase if encrypted else None,
            encryption=Encryption.BACKUP_PASSPHRASE if encrypted else Encryption.NONE,
            policy=RotationPolicy(daily=1, weekly=0, monthly=0) if rotate else None,
        )
        print("made", made.name, flush=True)
        turn += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), rotate="--rotate" in sys.argv[4:])
