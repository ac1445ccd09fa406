"""Staff accounts in the database: the first admin, accounts made by admins only, sign-in with
the lock-out, and the audit log of every try."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kapdesk.core.clock import FakeClock
from kapdesk.core.protocols import Protocol
from kapdesk.core.staff import FIRST_WAIT_S, PermissionDeniedError, Role
from kapdesk.paths import AppPaths
from kapdesk.records import records_on
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.models import Staff
from kapdesk.storage.staff import StaffStore

ADMIN = frozenset({Role.ADMIN})
NURSE = frozenset({Role.NURSE})


def test_the_first_account_is_the_admin_and_then_only_an_admin_adds_staff(
    storage: Storage, clock: FakeClock
) -> None:
    staff = StaffStore(storage, clock)
    assert staff.needs_first_admin()
    with pytest.raises(PermissionDeniedError, match="first account is the clinic's admin"):
        staff.create_account("Jo Okafor", NURSE, "7391", by=None)
    admin = staff.create_account("Ana Moreno", ADMIN, "5820", by=None)
    assert not staff.needs_first_admin()
    with pytest.raises(PermissionDeniedError, match="takes an admin"):
        staff.create_account("Jo Okafor", NURSE, "7391", by=None)
    nurse = staff.create_account("Jo Okafor", NURSE, "7391", by=admin)
    with pytest.raises(PermissionDeniedError, match="Editing staff takes an admin; Jo Okafor"):
        staff.create_account("Sam Ortiz", NURSE, "4826", by=nurse)
    with pytest.raises(ValueError, match="digits in a row"):
        staff.create_account("Sam Ortiz", NURSE, "1234", by=admin)
    with pytest.raises(ValueError, match="has an account already"):
        staff.create_account("Jo  Okafor", NURSE, "8462", by=admin)
    assert [m.name for m in staff.accounts()] == ["Ana Moreno", "Jo Okafor"]


def test_a_name_typed_at_set_up_becomes_an_account_and_keeps_its_history(
    storage: Storage, store: JourneyStore, clock: FakeClock, protocol: Protocol
) -> None:
    store.open_session("P-0042", protocol, "Sam Ortiz")
    staff = StaffStore(storage, clock)
    admin = staff.create_account("Ana Moreno", ADMIN, "5820", by=None)
    sam = staff.create_account("Sam Ortiz", frozenset({Role.SITTER}), "4826", by=admin)
    with Session(storage.engine) as session:
        rows = session.scalars(select(Staff).where(Staff.name == "Sam Ortiz")).all()
        assert len(rows) == 1
        assert rows[0].id == sam.id
        assert rows[0].pin_hash is not None
        assert "4826" not in rows[0].pin_hash


def test_sign_in_counts_wrong_pins_locks_out_and_logs_every_try(
    storage: Storage, clock: FakeClock
) -> None:
    staff = StaffStore(storage, clock)
    staff.create_account("Ana Moreno", ADMIN, "5820", by=None)
    signed = staff.sign_in("ana moreno", "5820")
    assert signed.member is not None
    assert signed.member.roles == ADMIN
    for _ in range(2):
        refused = staff.sign_in("Ana Moreno", "0000")
        assert refused.member is None
        assert refused.wait_seconds == 0
    third = staff.sign_in("Ana Moreno", "1111")
    assert third.wait_seconds == FIRST_WAIT_S
    assert third.message == "That name and PIN do not match an account. Try again in 30 s."
    waiting = staff.sign_in("Ana Moreno", "5820")  # the right PIN, too soon
    assert waiting.member is None
    assert waiting.message == "Too many wrong PINs: try again in 30 s."
    clock.advance(FIRST_WAIT_S)
    assert staff.sign_in("Ana Moreno", "5820").member is not None
    assert staff.sign_in("Ana Moreno", "0000").wait_seconds == 0  # the count starts again
    unknown = staff.sign_in("Nobody", "5820")
    assert unknown.message == "That name and PIN do not match an account."

    log = staff.audit_log()
    assert [(line.who, line.action) for line in log] == [
        ("Ana Moreno", "account_created"),
        ("Ana Moreno", "signed_in"),
        ("Ana Moreno", "sign_in_refused"),
        ("Ana Moreno", "sign_in_refused"),
        ("Ana Moreno", "sign_in_refused"),
        ("Ana Moreno", "sign_in_refused"),
        ("Ana Moreno", "signed_in"),
        ("Ana Moreno", "sign_in_refused"),
        ("Nobody", "sign_in_refused"),
    ]
    assert log[5].detail == {"reason": "waiting"}
    assert all("5820" not in str(line) for line in log)
    staff.record("Ana Moreno", "screen_locked")
    assert staff.audit_log(since=clock.now())[-1].action == "screen_locked"


def test_a_settings_file_changed_outside_kapdesk_is_logged_when_first_seen(
    storage: Storage, paths: AppPaths, clock: FakeClock
) -> None:
    store = StaffStore(storage, clock)
    records_on(storage, paths, clock)
    assert [line.action for line in store.audit_log()] == []  # nothing of the clinic's own yet

    paths.clinic_settings.parent.mkdir(parents=True, exist_ok=True)
    paths.clinic_settings.write_text('[clinic]\nname = "Harbour Clinic"\n', "utf-8")
    records_on(storage, paths, clock)
    records_on(storage, paths, clock)  # unchanged: not logged again
    paths.clinic_settings.write_text(
        '[clinic]\nname = "Harbour Clinic"\nlock_minutes = 3\n', "utf-8"
    )
    clock.advance(60)
    records_on(storage, paths, clock)
    paths.clinic_settings.unlink()
    records_on(storage, paths, clock)
    logged = [(line.action, line.subject, line.detail["file"]) for line in store.audit_log()]
    assert logged == [
        ("settings_changed", "clinic.toml", "new"),
        ("settings_changed", "clinic.toml", "changed"),
        ("settings_changed", "clinic.toml", "gone"),
    ]
