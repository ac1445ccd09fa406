"""Backups in the clinic's words: names, facts, rotation, the admin's notice, the daily one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from kapdesk.core.backups import (
    BackupFacts,
    Encryption,
    RecordCounts,
    RotationPolicy,
    backup_due,
    backup_name,
    backup_notice,
    parse_backup_name,
    room_slug,
    to_keep,
)

MOMENT = datetime(2026, 3, 14, 9, 26, 53, tzinfo=UTC)


def facts() -> BackupFacts:
    return BackupFacts(
        name=backup_name("Room 1", MOMENT),
        made_at=MOMENT,
        room="Room 1",
        kapdesk_version="0.2.0",
        schema="0011",
        encryption=Encryption.BACKUP_PASSPHRASE,
        size=4096,
        sha256="ab" * 32,
        counts=RecordCounts(sessions=3, events=120, doses=4, audit=17),
        newest_record_at=MOMENT - timedelta(minutes=5),
        verified_at=MOMENT + timedelta(seconds=2),
    )


def test_a_backup_is_named_after_its_room_and_utc_moment() -> None:
    at = datetime(2026, 3, 14, 10, 26, 53, tzinfo=timezone(timedelta(hours=1)))
    name = backup_name("Room 1 — Garden side", at)
    assert name == "kapdesk-room-1-garden-side-20260314-092653.kapdesk-backup"
    assert parse_backup_name(name) == ("room-1-garden-side", MOMENT)


@pytest.mark.parametrize(
    ("room", "slug"), [("", "room"), ("———", "room"), ("Ward/../B", "ward-b"), ("x" * 90, "x" * 40)]
)
def test_a_room_name_becomes_a_safe_slug(room: str, slug: str) -> None:
    assert room_slug(room) == slug


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        backup_name("a", datetime(2026, 1, 1))


@pytest.mark.parametrize(
    "name",
    [
        "kapdesk-room-20260314-092653.kapdesk-backup.json",
        ".kapdesk-room-20260314-092653.kapdesk-backup.partial",
        "kapdesk-room-20261314-092653.kapdesk-backup",
        "kapdesk-Room-20260314-092653.kapdesk-backup",
        "notes.txt",
    ],
)
def test_other_names_are_not_backups(name: str) -> None:
    assert parse_backup_name(name) is None


def test_facts_make_a_round_trip_through_json() -> None:
    kept = facts()
    assert BackupFacts.from_json(kept.to_json()) == kept
    unverified = replace(kept, verified_at=None, newest_record_at=None)
    assert BackupFacts.from_json(unverified.to_json()) == unverified


def test_facts_hold_counts_and_no_patient_data() -> None:
    data = json.loads(facts().to_json())
    assert data["counts"] == {"sessions": 3, "events": 120, "doses": 4, "audit": 17}
    assert set(data) == {
        "format", "name", "made_at", "room", "kapdesk_version", "schema", "encryption",
        "size", "sha256", "counts", "newest_record_at", "verified_at", "source",
    }  # fmt: skip


def test_facts_written_before_they_named_their_source_still_read() -> None:
    data = json.loads(replace(facts(), source="0123456789abcdef").to_json())
    assert BackupFacts.from_json(json.dumps(data)).source == "0123456789abcdef"
    del data["source"]
    assert BackupFacts.from_json(json.dumps(data)).source == ""


def _spoilt(**changes: object) -> str:
    data = json.loads(facts().to_json())
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not JSON"),
        ("[]", "not a JSON object"),
        (_spoilt(format=2), "unknown format"),
        (_spoilt(encryption="rot13"), "encryption"),
        (_spoilt(made_at="yesterday"), "made_at is not a time"),
        (_spoilt(made_at="2026-03-14T09:26:53"), "no time zone"),
        (_spoilt(made_at=None), "no made_at"),
        (_spoilt(size=-1), "size is not a count"),
        (_spoilt(size=True), "size is not a count"),
        (_spoilt(sha256="abc"), "sha256"),
        (_spoilt(counts={"sessions": 1}), "events is not a count"),
        (_spoilt(counts=[]), "no counts"),
        (_spoilt(name=7), "no name"),
    ],
)
def test_bad_facts_are_refused_plainly(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        BackupFacts.from_json(text)


def _days(*offsets: float) -> list[datetime]:
    return [MOMENT - timedelta(days=offset) for offset in offsets]


def test_rotation_keeps_the_newest_of_each_day_week_and_month() -> None:
    # Two backups a day (09:26 and 03:26) for 400 days.
    made = [MOMENT - timedelta(days=day, hours=hours) for day in range(400) for hours in (0, 6)]
    kept = to_keep(made, RotationPolicy())
    days = sorted({at.date() for at in kept}, reverse=True)
    assert max(kept) == MOMENT
    # The last 7 days: one each, the newest of the day.
    for day in range(7):
        assert MOMENT - timedelta(days=day) in kept
    assert MOMENT - timedelta(hours=6) not in kept  # the day's older one
    # 4 weeks and 12 months, never more than 7 + 4 + 12 files.
    weeks = {at.isocalendar()[:2] for at in kept}
    months = {(at.year, at.month) for at in kept}
    assert len(weeks) >= 4
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12
    assert days[-1] > (MOMENT - timedelta(days=366)).date()


def test_rotation_of_nothing_keeps_nothing_and_the_newest_is_always_kept() -> None:
    assert to_keep([], RotationPolicy()) == set()
    assert to_keep(_days(0, 1, 2), RotationPolicy(0, 0, 0)) == {MOMENT}


def test_rotation_keeps_fewer_than_it_may_when_there_are_few() -> None:
    made = _days(0, 1, 2)
    assert to_keep(made, RotationPolicy()) == set(made)


def test_a_negative_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        RotationPolicy(daily=-1)


def test_the_notice_is_quiet_while_backups_are_fresh() -> None:
    assert backup_notice(MOMENT - timedelta(days=1), None, MOMENT) is None
    assert backup_notice(MOMENT - timedelta(days=2), None, MOMENT) is None


def test_the_notice_names_an_old_backup_a_missing_one_or_the_folder() -> None:
    old = backup_notice(MOMENT - timedelta(days=3, hours=2), None, MOMENT)
    assert old is not None
    assert "3 days old" in old
    none = backup_notice(None, None, MOMENT)
    assert none is not None
    assert "No backup" in none
    folder = "The backup folder /media/usb is not there (drive unplugged or share not mounted)."
    assert backup_notice(MOMENT, folder, MOMENT) == folder


def test_the_daily_backup_is_due_after_a_day() -> None:
    assert backup_due(None, MOMENT)
    assert not backup_due(MOMENT - timedelta(hours=23), MOMENT)
    assert backup_due(MOMENT - timedelta(days=1), MOMENT)
