"""The heartbeat file: what kapdesk knew about time, written beside its records while sessions are
open, so that a restart can check the wall clock against it (:mod:`kapdesk.core.downtime`).

It is not a record: a small JSON file in the data folder, written whole (a temporary file, then a
rename) every few seconds and at every moment that matters (dose, restart, close). A missing,
torn or foreign file is no heartbeat: the restart then rests on the wall clock alone and says so.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
from pathlib import Path

from kapdesk.core.downtime import Heartbeat, HeartbeatError

log = logging.getLogger(__name__)

HEARTBEAT_NAME = "heartbeat.json"
MAX_BYTES = 64 * 1024  # a heartbeat of a few sessions is a few hundred bytes


class HeartbeatFile:
    """Reads and writes the heartbeat at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> Heartbeat | None:
        """The last heartbeat written, or None when there is none that can be read."""
        try:
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("heartbeat cannot be read: %s", exc)
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                log.warning("heartbeat is not a regular file: not used")
                return None
            with os.fdopen(fd, "rb", closefd=False) as stream:
                raw = stream.read(MAX_BYTES + 1)
        except OSError as exc:
            log.warning("heartbeat cannot be read: %s", exc)
            return None
        finally:
            os.close(fd)
        if len(raw) > MAX_BYTES:
            log.warning("heartbeat is too large to be one: not used")
            return None
        try:
            return Heartbeat.from_json(json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, HeartbeatError) as exc:
            log.warning("heartbeat not used: %s", exc)
            return None

    def write(self, beat: Heartbeat) -> None:
        """Write ``beat`` whole, in place of the last one; OSError if the disk says no."""
        text = json.dumps(beat.to_json()).encode("utf-8")
        # The data folder (on a clinic server it holds only this and the outbox).
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, text)
            # No fsync (this runs on the window's thread every 15 s): a kill leaves the page
            # cache, which the next start reads; a power cut is a new boot, for which uptime
            # vouches for nothing and only the record's own last entry bounds the gap, so a beat
            # lost with it costs nothing. The rename keeps a torn beat from ever being read.
        finally:
            os.close(fd)
        try:
            os.replace(temporary, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
