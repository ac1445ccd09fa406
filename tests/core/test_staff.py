"""Staff roles, PINs and the lock-out after wrong PINs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kapdesk.core.staff import (
    FIRST_WAIT_S,
    LONGEST_WAIT_S,
    Action,
    Lockout,
    PermissionDeniedError,
    Role,
    StaffMember,
    admins,
    hash_pin,
    pin_problem,
    require,
    roles_for,
    verify_pin,
)

NOW = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)


def _member(*roles: Role, active: bool = True) -> StaffMember:
    return StaffMember(1, "Sam Ortiz", frozenset(roles), active)


def test_a_dose_takes_a_nurse_or_a_prescriber_and_says_so() -> None:
    assert roles_for(Action.RECORD_DOSE) == [Role.NURSE, Role.PRESCRIBER]
    require(_member(Role.NURSE), Action.RECORD_DOSE)
    require(_member(Role.SITTER, Role.PRESCRIBER), Action.RECORD_DOSE)
    with pytest.raises(PermissionDeniedError) as refused:
        require(_member(Role.SITTER), Action.RECORD_DOSE)
    assert str(refused.value) == (
        "Recording a dose takes a nurse or a prescriber; Sam Ortiz is a sitter"
    )


def test_settings_staff_and_protocols_take_an_admin_and_an_admin_alone_cannot_dose() -> None:
    admin = _member(Role.ADMIN)
    for action in (Action.EDIT_PROTOCOLS, Action.EDIT_STAFF, Action.EDIT_SETTINGS):
        require(admin, action)
        assert roles_for(action) == [Role.ADMIN]
        with pytest.raises(PermissionDeniedError, match="takes an admin"):
            require(_member(Role.NURSE, Role.PRESCRIBER), action)
    with pytest.raises(PermissionDeniedError, match="Sam Ortiz is an admin"):
        require(admin, Action.RECORD_DOSE)
    assert _member(Role.SITTER).may(Action.OBSERVE)
    assert not _member(Role.SITTER).may(Action.DISCHARGE)


def test_someone_no_longer_active_may_do_nothing() -> None:
    gone = _member(Role.NURSE, active=False)
    assert not gone.may(Action.OBSERVE)
    with pytest.raises(PermissionDeniedError, match="no longer active"):
        require(gone, Action.RECORD_DOSE)
    assert admins([gone, _member(Role.ADMIN), _member(Role.ADMIN, active=False)]) == [
        _member(Role.ADMIN)
    ]


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("7391", None),
        ("20481357", None),
        ("739", "A PIN has 4 to 8 digits."),
        ("739182645", "A PIN has 4 to 8 digits."),
        ("73a1", "A PIN is digits only."),
        ("٧٣٩١", "A PIN is digits only."),  # Arabic-Indic digits
        ("0000", "A PIN of one digit repeated is too easy to guess."),
        ("1234", "A PIN of digits in a row (like 1234) is too easy to guess."),
        ("9876", "A PIN of digits in a row (like 1234) is too easy to guess."),
    ],
)
def test_pins_that_are_refused_say_why(pin: str, problem: str | None) -> None:
    assert pin_problem(pin) == problem


def test_a_pin_is_kept_as_a_salted_scrypt_hash_and_checked_in_constant_time() -> None:
    stored = hash_pin("7391")
    assert stored.startswith("scrypt$32768$8$1$")
    assert "7391" not in stored
    assert stored != hash_pin("7391")  # a fresh salt each time
    assert verify_pin("7391", stored)
    assert not verify_pin("7392", stored)
    assert verify_pin("7391", hash_pin("7391", salt=b"0" * 16)) is True
    for broken in ("", "7391", "md5$x", "scrypt$1$2$3$!!$??", stored.replace("scrypt", "bcrypt")):
        assert not verify_pin("7391", broken)


def test_wrong_pins_wait_longer_each_time_and_the_right_one_clears_it() -> None:
    lockout = Lockout()
    for _ in range(2):
        lockout = lockout.after_failure(NOW)
        assert lockout.wait(NOW) == 0  # the first tries are free
    lockout = lockout.after_failure(NOW)
    assert lockout.wait(NOW) == FIRST_WAIT_S
    assert lockout.wait(NOW + timedelta(seconds=10)) == FIRST_WAIT_S - 10
    lockout = lockout.after_failure(NOW)
    assert lockout.wait(NOW) == 2 * FIRST_WAIT_S
    for _ in range(10):
        lockout = lockout.after_failure(NOW)
    assert lockout.wait(NOW) == LONGEST_WAIT_S
    assert lockout.wait(NOW + timedelta(seconds=LONGEST_WAIT_S)) == 0
    assert Lockout.after_success() == Lockout(0, None)
