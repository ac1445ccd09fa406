"""Backups of the room's record, in the clinic's words: what a backup file is called, the facts
kept beside it, which ones rotation keeps, and when the admin is told one is missing.

Pure Python: the making, checking and rotating of files is
:mod:`kapdesk.storage.backup`'s. A backup is named
``kapdesk-<room>-<YYYYMMDD>-<HHMMSS>.kapdesk-backup`` after the room and the UTC moment of its
snapshot; its facts (counts only, never patient data) sit beside it in ``<name>.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from kapdesk.core.words import QT_TRANSLATE_NOOP

BACKUP_SUFFIX = ".kapdesk-backup"
FACTS_SUFFIX = ".json"
STALE_AFTER = timedelta(days=2)  # the admin's notice
DUE_EVERY = timedelta(days=1)  # the daily backup
FACTS_FORMAT = 1

_NAME = re.compile(
    r"^kapdesk-(?P<room>[a-z0-9-]+)-(?P<day>\d{8})-(?P<time>\d{6})" + re.escape(BACKUP_SUFFIX) + "$"
)
_LONGEST_SLUG = 40


class Encryption(StrEnum):
    """How a backup is encrypted."""

    DATABASE_KEY = "database-key"  # the database's own SQLCipher key
    BACKUP_PASSPHRASE = "backup-passphrase"  # the admin's backup passphrase (a plain database)
    NONE = "none"  # only when the admin chose it


@dataclass(frozen=True)
class RecordCounts:
    """How many records of each kind a database holds."""

    sessions: int
    events: int
    doses: int
    audit: int


@dataclass(frozen=True)
class BackupFacts:
    """What is known of one backup file: kept beside it as JSON, with no patient data."""

    name: str  # the backup file's name
    made_at: datetime  # aware UTC: the snapshot's moment
    room: str
    kapdesk_version: str
    schema: str  # the schema revision, e.g. "0011"
    encryption: Encryption
    size: int  # bytes
    sha256: str  # of the backup file
    counts: RecordCounts
    newest_record_at: datetime | None  # latest event or audit time in it
    verified_at: datetime | None
    # Which PC's record it was made of (a digest of the PC's name and the record's path, no
    # patient data): rotation in a folder several room PCs share removes only its own.
    # Empty when not known (a backup found without its facts).
    source: str = ""

    def to_json(self) -> str:
        data = {
            "format": FACTS_FORMAT,
            "name": self.name,
            "made_at": _time_text(self.made_at),
            "room": self.room,
            "kapdesk_version": self.kapdesk_version,
            "schema": self.schema,
            "encryption": self.encryption.value,
            "size": self.size,
            "sha256": self.sha256,
            "counts": {
                "sessions": self.counts.sessions,
                "events": self.counts.events,
                "doses": self.counts.doses,
                "audit": self.counts.audit,
            },
            "newest_record_at": _time_text(self.newest_record_at),
            "verified_at": _time_text(self.verified_at),
            "source": self.source,
        }
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BackupFacts:
        """The facts written by :meth:`to_json`; ValueError saying what is wrong otherwise."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ValueError(f"the backup's facts are not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise ValueError("the backup's facts are not a JSON object")
        if data.get("format") != FACTS_FORMAT:
            raise ValueError(
                f"the backup's facts are of an unknown format ({data.get('format')!r})"
            )
        counts = data.get("counts")
        if not isinstance(counts, dict):
            raise ValueError("the backup's facts have no counts")
        try:
            encryption = Encryption(_field(data, "encryption", str))
        except ValueError:
            raise ValueError(
                f"the backup's encryption {data.get('encryption')!r} is unknown"
            ) from None
        made_at = _parse_time(data, "made_at")
        if made_at is None:
            raise ValueError("the backup's facts have no made_at")
        sha256 = _field(data, "sha256", str)
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise ValueError("the backup's sha256 is not a SHA-256 in hex")
        return cls(
            name=_field(data, "name", str),
            made_at=made_at,
            room=_field(data, "room", str),
            kapdesk_version=_field(data, "kapdesk_version", str),
            schema=_field(data, "schema", str),
            encryption=encryption,
            size=_count(data, "size"),
            sha256=sha256,
            counts=RecordCounts(
                sessions=_count(counts, "sessions"),
                events=_count(counts, "events"),
                doses=_count(counts, "doses"),
                audit=_count(counts, "audit"),
            ),
            newest_record_at=_parse_time(data, "newest_record_at"),
            verified_at=_parse_time(data, "verified_at"),
            source=data["source"] if isinstance(data.get("source"), str) else "",
        )


def _time_text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _field(data: dict[str, Any], key: str, kind: type[str]) -> str:
    value = data.get(key)
    if not isinstance(value, kind):
        raise ValueError(f"the backup's facts have no {key}")
    return value


def _count(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"the backup's {key} is not a count")
    return value


def _parse_time(data: dict[str, Any], key: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"the backup's {key} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"the backup's {key} is not a time ({value[:40]!r})") from None
    if moment.tzinfo is None:
        raise ValueError(f"the backup's {key} has no time zone")
    return moment.astimezone(UTC)


def room_slug(room: str) -> str:
    """``room`` as it goes in a file name: lower-case letters, digits and dashes; "room" when
    nothing of it is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", room.lower()).strip("-")[:_LONGEST_SLUG].strip("-")
    return slug or "room"


def backup_name(room: str, at: datetime) -> str:
    """The file name of the backup of ``room`` whose snapshot was taken ``at`` (aware)."""
    if at.tzinfo is None:
        raise ValueError("a backup's time must be timezone-aware")
    stamp = at.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    return f"kapdesk-{room_slug(room)}-{stamp}{BACKUP_SUFFIX}"


def parse_backup_name(name: str) -> tuple[str, datetime] | None:
    """(room slug, made_at) of a backup's file name; None for any other name."""
    found = _NAME.match(name)
    if found is None:
        return None
    try:
        made = datetime.strptime(found["day"] + found["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return found["room"], made.replace(tzinfo=UTC)


def facts_name(backup: str) -> str:
    """The name of the facts file kept beside the backup named ``backup``."""
    return backup + FACTS_SUFFIX


@dataclass(frozen=True)
class RotationPolicy:
    """How many of the newest daily, weekly and monthly backups are kept."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        if min(self.daily, self.weekly, self.monthly) < 0:
            raise ValueError("a rotation keeps zero or more backups of each kind")


def to_keep(made: Sequence[datetime], policy: RotationPolicy) -> set[datetime]:
    """Which of the backups made at ``made`` rotation keeps: the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have a backup (UTC), and
    always the newest of all."""
    newest_first = sorted(set(made), reverse=True)
    kept: set[datetime] = set(newest_first[:1])
    periods = (
        (policy.daily, lambda at: at.date().isoformat()),
        (policy.weekly, lambda at: "{}-W{:02d}".format(*at.isocalendar()[:2])),
        (policy.monthly, lambda at: f"{at.year}-{at.month:02d}"),
    )
    for count, period_of in periods:
        seen: set[str] = set()
        for at in newest_first:
            period = period_of(at.astimezone(UTC))
            if period in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(period)
            kept.add(at)
    return kept


def backup_notice(
    last_good: datetime | None, folder_problem: str | None, now: datetime
) -> str | None:
    """A calm sentence for the admin when backups need a look, or None when all is well."""
    if folder_problem:
        return folder_problem
    if last_good is None:
        return QT_TRANSLATE_NOOP("Backups", "No backup of this PC's records has been made yet.")
    age = now - last_good
    if age <= STALE_AFTER:
        return None
    days = age // timedelta(days=1)
    return QT_TRANSLATE_NOOP(
        "Backups",
        "The last good backup is {days} days old: check the backup folder is there and has room.",
    ).format(days=days)


def backup_due(last_good: datetime | None, now: datetime) -> bool:
    """Whether the daily backup is due: none yet, or the last good one a day old or more."""
    return last_good is None or now - last_good >= DUE_EVERY
