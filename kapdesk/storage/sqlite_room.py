"""Room on the disk for a SQLite database: knowing a write met a full disk."""

from __future__ import annotations

import errno
import logging

log = logging.getLogger(__name__)


def is_disk_full(exc: BaseException) -> bool:
    """Whether a failed write met a full disk."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    message = str(getattr(exc, "orig", exc)).lower()
    return "full" in message or "no space" in message
