"""What the first start after an upgrade says: which version kapdesk came from, and that the
records came through whole.

A clinic upgrades kapdesk by installing a newer package over the old one; the package never
touches the data folder. The records note each version that opens them (a line in the audit
trail, :mod:`kapdesk.storage.versions`), and a database upgrade that would leave fewer rows in
any table is refused whole (:func:`kapdesk.storage.db.upgrade`). The first time the newer
kapdesk opens the records, staff are told calmly which version it came from; an older kapdesk
over records a newer one opened says so as a problem, every start, until the newer one is back.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from kapdesk import __version__
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined
from kapdesk.storage.db import Storage
from kapdesk.storage.versions import noted_version, session_count

log = logging.getLogger(__name__)

HOLDS = QT_TRANSLATE_NOOP("Upgrades", "The record holds %n session.|The record holds %n sessions.")
DOWNGRADED = QT_TRANSLATE_NOOP(
    "Upgrades",
    "This is kapdesk {current}; these records were last opened by kapdesk {previous}, a newer "
    "version.",
)
ASK_IT = QT_TRANSLATE_NOOP("Upgrades", "Ask IT before recording here.")
UPDATED = QT_TRANSLATE_NOOP("Upgrades", "kapdesk was updated from {previous} to {current}.")
UPDATED_FROM_EARLIER = QT_TRANSLATE_NOOP(
    "Upgrades", "kapdesk was updated from an earlier version of kapdesk to {current}."
)
NOTHING_LOST = QT_TRANSLATE_NOOP("Upgrades", "Nothing was lost.")

EARLIER = "an earlier version"  # before 0.2.0 the records noted no version
# Records with no version noted are from before 0.2.0; the schema they were at tells this much.
RELEASED_WITH_SCHEMA = {"0010": "0.1.0"}


@dataclass(frozen=True)
class Upgrade:
    """kapdesk ``current`` opens records last opened by ``previous`` (:data:`EARLIER` when
    that version did not say), holding ``sessions`` sessions."""

    previous: str
    current: str
    sessions: int

    @property
    def downgrade(self) -> bool:
        return self.previous != EARLIER and _order(self.previous) > _order(self.current)

    def notice(self) -> str:
        """What staff read at the first start after it."""
        kept = HOLDS.format(count=self.sessions)
        if self.downgrade:
            return joined(
                [DOWNGRADED.format(current=self.current, previous=self.previous), kept, ASK_IT],
                " ",
                "Upgrades",
            )
        if self.previous != EARLIER:
            updated = UPDATED.format(previous=self.previous, current=self.current)
        else:
            updated = UPDATED_FROM_EARLIER.format(current=self.current)
        return joined([updated, kept, NOTHING_LOST], " ", "Upgrades")


def _order(version: str) -> tuple[int, ...]:
    """A version's numbers, for telling which is newer ("0.10.0" after "0.9.1")."""
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def since_last_version(storage: Storage, current: str = __version__) -> Upgrade | None:
    """The upgrade (or downgrade) when the records were last opened by another version than
    ``current``; None when by this one. The database is open and upgraded already; a new one
    noted this version when it was made."""
    with storage.factory() as session:
        previous = noted_version(session)
        if previous == current:
            return None  # the everyday start: nothing more is read
        sessions = session_count(session)
    if previous is None:  # records from before versions were noted
        previous = RELEASED_WITH_SCHEMA.get(storage.schema_before or "", EARLIER)
    upgrade = Upgrade(previous, current, sessions)
    log.info(
        "kapdesk %s opens records last opened by %s (%s sessions)", current, previous, sessions
    )
    return upgrade
