"""Staff: who may do what, their PINs, and how wrong PINs are slowed down.

- **Roles** grant actions (:data:`PERMISSIONS`): recording a dose takes a nurse or a
  prescriber; editing protocols, staff and the clinic's settings takes an admin. A member may
  hold several roles. :func:`require` is what the core calls before acting, so a hidden button
  is never the only guard.
- **PINs** (4 to 8 digits) are kept only as scrypt hashes (memory-hard: 32 MB and about 0.15 s
  per try here), each with its own salt, compared in constant time; never stored or logged in
  clear. A PIN is short: the hash slows an attacker who copied the database, and the lock-out
  below stops guessing at the screen.
- **Lock-out**: after :data:`FREE_TRIES` wrong PINs in a row, the member waits
  :data:`FIRST_WAIT_S` seconds, twice as long after each further wrong PIN, at most
  :data:`LONGEST_WAIT_S`. The right PIN clears it. Pure arithmetic on the time given, so the
  clock is the caller's (and a test's).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kapdesk.core.words import QT_TRANSLATE_NOOP, Template


class Role(StrEnum):
    """What a member of staff is, for the room."""

    SITTER = "sitter"
    NURSE = "nurse"
    PRESCRIBER = "prescriber"
    THERAPIST = "therapist"
    ADMIN = "admin"


class Action(StrEnum):
    """What the app lets staff do, as far as roles are concerned."""

    OPEN_SESSION = "open_session"
    PREPARE = "prepare"  # intention, checklist, breathwork
    RECORD_DOSE = "record_dose"
    DECIDE_TO_DOSE = "decide_to_dose"  # dosing after a high baseline
    OBSERVE = "observe"  # notes, ratings, vital signs
    AMEND = "amend"
    DISCHARGE = "discharge"
    CLOSE_SESSION = "close_session"
    CLOSE_EARLY = "close_early"  # before the least time in the room or with checks missing
    INTEGRATE = "integrate"  # the plan, questionnaires
    EXPORT = "export"
    EDIT_PROTOCOLS = "edit_protocols"
    EDIT_STAFF = "edit_staff"
    EDIT_SETTINGS = "edit_settings"
    READ_AUDIT = "read_audit"


_EVERYONE = frozenset(
    {
        Action.OPEN_SESSION,
        Action.PREPARE,
        Action.OBSERVE,
        Action.AMEND,
        Action.CLOSE_SESSION,
        Action.INTEGRATE,
    }
)
_CLINICAL = _EVERYONE | {Action.RECORD_DOSE, Action.DISCHARGE, Action.CLOSE_EARLY, Action.EXPORT}

PERMISSIONS: Mapping[Role, frozenset[Action]] = {
    Role.SITTER: _EVERYONE,
    Role.THERAPIST: _EVERYONE | {Action.DISCHARGE, Action.EXPORT},
    Role.NURSE: _CLINICAL,
    Role.PRESCRIBER: _CLINICAL | {Action.DECIDE_TO_DOSE},
    Role.ADMIN: frozenset(
        {
            Action.EDIT_PROTOCOLS,
            Action.EDIT_STAFF,
            Action.EDIT_SETTINGS,
            Action.READ_AUDIT,
            Action.EXPORT,
        }
    ),
}

# What a refused action is called, and who may do it, in the words staff read.
_WHAT = {
    Action.OPEN_SESSION: QT_TRANSLATE_NOOP("Staff", "Opening a session"),
    Action.PREPARE: QT_TRANSLATE_NOOP("Staff", "Preparation"),
    Action.OBSERVE: QT_TRANSLATE_NOOP("Staff", "Recording in the journey"),
    Action.AMEND: QT_TRANSLATE_NOOP("Staff", "Correcting the record"),
    Action.CLOSE_SESSION: QT_TRANSLATE_NOOP("Staff", "Closing a session"),
    Action.CLOSE_EARLY: QT_TRANSLATE_NOOP("Staff", "Closing a session early"),
    Action.INTEGRATE: QT_TRANSLATE_NOOP("Staff", "The integration plan"),
    Action.RECORD_DOSE: QT_TRANSLATE_NOOP("Staff", "Recording a dose"),
    Action.DECIDE_TO_DOSE: QT_TRANSLATE_NOOP("Staff", "Deciding to dose after a high baseline"),
    Action.DISCHARGE: QT_TRANSLATE_NOOP("Staff", "The discharge check"),
    Action.EXPORT: QT_TRANSLATE_NOOP("Staff", "Printing or exporting a record"),
    Action.EDIT_PROTOCOLS: QT_TRANSLATE_NOOP("Staff", "Editing protocols"),
    Action.EDIT_STAFF: QT_TRANSLATE_NOOP("Staff", "Editing staff"),
    Action.EDIT_SETTINGS: QT_TRANSLATE_NOOP("Staff", "Editing the clinic's settings"),
    Action.READ_AUDIT: QT_TRANSLATE_NOOP("Staff", "Reading the audit trail"),
}


class PermissionDeniedError(Exception):
    """An action the member's roles do not allow; the message says who may."""


@dataclass(frozen=True)
class StaffMember:
    """A member of staff as the core knows them."""

    id: int
    name: str
    roles: frozenset[Role]
    active: bool = True

    def may(self, action: Action) -> bool:
        return self.active and any(action in PERMISSIONS[role] for role in self.roles)


def roles_for(action: Action) -> list[Role]:
    """The roles that allow ``action``."""
    return [role for role in Role if action in PERMISSIONS[role]]


def require(member: StaffMember, action: Action) -> None:
    """Raise :class:`PermissionDeniedError` unless ``member`` may do ``action``."""
    if member.may(action):
        return
    what = _WHAT.get(action, action.value.replace("_", " ").capitalize())
    allowed = [_A[role] for role in roles_for(action)]
    who: str = allowed[0]
    for one in allowed[1:-1]:
        who = _AND_ANOTHER.format(first=who, second=one)
    if len(allowed) > 1:
        who = _OR.format(first=who, last=allowed[-1])
    if not member.active:
        raise PermissionDeniedError(_NO_LONGER_ACTIVE.format(name=member.name))
    held: str = _NO_ROLE
    for n, own in enumerate(sorted(member.roles)):
        held = _A[own] if n == 0 else _AND.format(first=held, second=_A[own])
    raise PermissionDeniedError(_TAKES.format(what=what, who=who, name=member.name, held=held))


# A refusal's words: each a template, so a language says it in its own order.
_A = {
    Role.SITTER: QT_TRANSLATE_NOOP("Staff", "a sitter"),
    Role.NURSE: QT_TRANSLATE_NOOP("Staff", "a nurse"),
    Role.PRESCRIBER: QT_TRANSLATE_NOOP("Staff", "a prescriber"),
    Role.THERAPIST: QT_TRANSLATE_NOOP("Staff", "a therapist"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Staff", "an admin"),
}
_AND_ANOTHER = Template("Staff", "{first}, {second}")  # no words of its own
_OR = QT_TRANSLATE_NOOP("Staff", "{first} or {last}")
_AND = QT_TRANSLATE_NOOP("Staff", "{first} and {second}")
_NO_ROLE = QT_TRANSLATE_NOOP("Staff", "no role")
_NO_LONGER_ACTIVE = QT_TRANSLATE_NOOP("Staff", "{name} is no longer active here")
_TAKES = QT_TRANSLATE_NOOP("Staff", "{what} takes {who}; {name} is {held}")


# -- PINs ----------------------------------------------------------------------------------------

PIN_DIGITS = (4, 8)
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_SCRYPT_MEMORY = 64 * 1024 * 1024  # scrypt needs 128*N*r bytes (32 MB); room to spare


def pin_problem(pin: str, *, name: str = "") -> str | None:
    """Why ``pin`` cannot be used, in a sentence; None when it can."""
    low, high = PIN_DIGITS
    if not pin.isascii() or not pin.isdigit():
        return QT_TRANSLATE_NOOP("Staff", "A PIN is digits only.").format()
    if not low <= len(pin) <= high:
        return QT_TRANSLATE_NOOP("Staff", "A PIN has {low} to {high} digits.").format(
            low=low, high=high
        )
    if len(set(pin)) == 1:
        return QT_TRANSLATE_NOOP("Staff", "A PIN of one digit repeated is too easy to guess.")
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {-1}):
        return QT_TRANSLATE_NOOP(
            "Staff", "A PIN of digits in a row (like 1234) is too easy to guess."
        )
    if name and pin in "".join(ch for ch in name if ch.isdigit()):
        return QT_TRANSLATE_NOOP("Staff", "A PIN must not be part of the name.")
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The PIN as kapdesk keeps it: ``scrypt$N$r$p$salt$hash``, base64 parts."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=_SCRYPT_MEMORY,
        dklen=32,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` is the one ``stored`` was made from; False for anything malformed."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=base64.b64decode(salt, validate=True),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=_SCRYPT_MEMORY,
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# -- lock-out ------------------------------------------------------------------------------------

FREE_TRIES = 3
FIRST_WAIT_S = 30.0
LONGEST_WAIT_S = 15 * 60.0


@dataclass(frozen=True)
class Lockout:
    """Wrong PINs in a row, and until when the next try must wait."""

    failures: int = 0
    until: datetime | None = None

    def wait(self, now: datetime) -> float:
        """Seconds before the next try is accepted; 0 when it may be tried now."""
        if self.until is None:
            return 0.0
        return max((self.until - now).total_seconds(), 0.0)

    def after_failure(self, now: datetime) -> Lockout:
        failures = self.failures + 1
        if failures < FREE_TRIES:
            return Lockout(failures, None)
        wait = min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), LONGEST_WAIT_S)
        return Lockout(failures, now + timedelta(seconds=wait))

    @staticmethod
    def after_success() -> Lockout:
        return Lockout()


def admins(members: Iterable[StaffMember]) -> list[StaffMember]:
    """The active admins: the first start creates one, and the last one cannot be removed."""
    return [m for m in members if m.active and Role.ADMIN in m.roles]
