"""Which kapdesk last opened a data folder, and what the first start after an upgrade says.

A clinic upgrades kapdesk by installing a newer package over the old one; the data folder is
never touched by the package. The first time the newer kapdesk opens the records (the database
upgraded by then), staff are told which version it came from and that the sessions are all
still there, and the audit trail says so too. The version that last opened the folder is kept
in a small file beside the database.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from kapdesk import __version__
from kapdesk.core.safe_files import SafeFileError, read_file, write_atomically
from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage
from kapdesk.storage.models import JourneySession

log = logging.getLogger(__name__)

VERSION_FILE = "kapdesk-version"  # in the data folder: the version that last opened it
EARLIER = "an earlier version"  # before 0.2.0 nothing noted the version
# Before 0.2.0 the version was not noted; the schema a database was at tells this much.
RELEASED_WITH_SCHEMA = {"0010": "0.1.0"}


@dataclass(frozen=True)
class Upgrade:
    """kapdesk opened records last opened by another version (``previous``, or
    :data:`EARLIER` when that version did not say), holding ``sessions`` sessions."""

    previous: str
    current: str
    sessions: int

    @property
    def downgrade(self) -> bool:
        return self.previous != EARLIER and _order(self.previous) > _order(self.current)

    def notice(self) -> str:
        """What staff read at the first start after it."""
        kept = (
            "The record holds 1 session."
            if self.sessions == 1
            else f"The record holds {self.sessions} sessions."
        )
        if self.downgrade:
            return (
                f"This is kapdesk {self.current}; these records were last opened by kapdesk "
                f"{self.previous}, a newer version. {kept} Ask IT before recording here."
            )
        came_from = (
            f"from {self.previous}" if self.previous != EARLIER else f"from {EARLIER} of kapdesk"
        )
        return f"kapdesk was updated {came_from} to {self.current}. {kept} Nothing was lost."


def _order(version: str) -> tuple[int, ...]:
    """A version's numbers, for telling which is newer ("0.10.0" after "0.9.1")."""
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def note_version(storage: Storage, paths: AppPaths, current: str = __version__) -> Upgrade | None:
    """Note ``current`` as the version that opened ``paths``' records; the upgrade (or
    downgrade) when another version opened them last, None when it is the same one or the
    records are new. The database is open and upgraded already. A file that cannot be read or
    written is logged, never a reason not to start."""
    place = paths.data_dir / VERSION_FILE
    try:
        previous: str | None = read_file(place, limit=256).decode("utf-8").strip() or None
    except SafeFileError:
        previous = None
    except UnicodeDecodeError:
        log.warning("the version file %s is not text; it is written again", place)
        previous = None
    if previous is None:
        previous = RELEASED_WITH_SCHEMA.get(storage.schema_before or "")
    if previous == current:
        return None
    with storage.factory() as session:
        sessions = session.scalar(select(func.count()).select_from(JourneySession)) or 0
    try:
        write_atomically(place, f"{current}\n".encode())
    except (SafeFileError, OSError) as exc:
        log.warning("could not note kapdesk's version in %s: %s", place, exc)
    if previous is None and sessions == 0:
        return None  # a new installation: there is nothing to tell
    upgrade = Upgrade(previous or EARLIER, current, sessions)
    log.info(
        "kapdesk %s opens records last opened by %s (%s sessions)",
        current,
        upgrade.previous,
        sessions,
    )
    return upgrade
