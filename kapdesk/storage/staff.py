"""Staff accounts and the audit log in the database.

An account is a staff row with a PIN hash. The first account must be an admin (the first start
creates it); after that, only an admin adds or changes accounts. Signing in counts wrong PINs on
the row and applies :class:`kapdesk.core.staff.Lockout`; every sign-in, refused or not, is
written to the audit log in the same transaction as the change it makes.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kapdesk.core.clock import Clock
from kapdesk.core.staff import (
    Action,
    Lockout,
    PermissionDeniedError,
    Role,
    StaffMember,
    admins,
    hash_pin,
    pin_problem,
    require,
    verify_pin,
)
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.chain import audit_link, lock_audit_chain
from kapdesk.storage.db import Storage
from kapdesk.storage.errors import StorageError
from kapdesk.storage.failures import plainly
from kapdesk.storage.models import AuditEntry, SessionEvent, Staff
from kapdesk.storage.outbox import Outbox, OutboxError

# What the staff page and the first admin's form are told, in the language they speak.
_NO_ACCOUNT_HERE = QT_TRANSLATE_NOOP("Staff", "{name} has no account here")
_NEEDS_NAME = QT_TRANSLATE_NOOP("Staff", "An account needs the person's name.")
_NEEDS_ROLE = QT_TRANSLATE_NOOP("Staff", "An account needs at least one role.")
_FIRST_IS_ADMIN = QT_TRANSLATE_NOOP("Staff", "The first account is the clinic's admin.")
_ADDING_TAKES_ADMIN = QT_TRANSLATE_NOOP("Staff", "Adding staff takes an admin")
_HAS_ACCOUNT = QT_TRANSLATE_NOOP("Staff", "{name} has an account already.")
_NO_ACCOUNT = QT_TRANSLATE_NOOP("Staff", "{name} has no account.")
_KEEP_AN_ADMIN = QT_TRANSLATE_NOOP(
    "Staff", "The clinic must keep an active admin: make someone else admin first."
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignIn:
    """The outcome of a PIN typed at the screen."""

    member: StaffMember | None
    wait_seconds: float = 0.0
    message: str = ""


@dataclass(frozen=True)
class AuditLine:
    """One line of the audit log."""

    at: datetime
    who: str
    action: str
    subject: str
    detail: dict[str, Any]


def audit(
    session: Session, at: datetime, who: str, action: str, subject: str = "", **detail: Any
) -> None:
    """Append to the audit log in the caller's unit of work (so it commits with the change),
    chained onto the line before it (see :mod:`kapdesk.storage.chain`)."""
    line = {"at": at, "who": who, "action": action, "subject": subject, "detail": dict(detail)}
    previous = lock_audit_chain(session)  # the lines this unit added before are flushed
    session.add(AuditEntry(**line, chain=audit_link(previous, line)))
    session.flush()


NO_MATCH = QT_TRANSLATE_NOOP("SignIn", "That name and PIN do not match an account.")
NO_MATCH_WAIT = QT_TRANSLATE_NOOP(
    "SignIn", "That name and PIN do not match an account. Try again in {seconds} s."
)
TOO_MANY = QT_TRANSLATE_NOOP("SignIn", "Too many wrong PINs: try again in {seconds} s.")


def _no_match(wait: float) -> str:
    """Never which part was wrong; how long to wait, when a wait has begun."""
    return NO_MATCH_WAIT.format(seconds=f"{wait:.0f}") if wait > 0 else NO_MATCH.format()


def no_admin_among(members: Iterable[StaffMember]) -> bool:
    """True when none of ``members`` (accounts with a PIN) is an active admin: the first start
    makes one."""
    return not any(Role.ADMIN in m.roles and m.active for m in members)


def _member(row: Staff) -> StaffMember:
    roles = frozenset(Role(r) for r in row.role.split(",") if r in Role.__members__.values())
    return StaffMember(row.id, row.name, roles, row.active)


def _as_stored(session: Session, member: StaffMember, action: Action) -> StaffMember:
    """``member`` as the database has them now (not as they were at sign-in), checked for
    ``action``: an admin who gave up the role, or an inactive account, may no longer."""
    row = session.get(Staff, member.id)
    if row is None or row.pin_hash is None or row.name != member.name:
        raise PermissionDeniedError(_NO_ACCOUNT_HERE.format(name=member.name))
    stored = _member(row)
    require(stored, action)
    return stored


def _known(row: Staff) -> tuple[StaffMember, str, Lockout]:
    """An account as kept for signing in while the server is away."""
    return _member(row), row.pin_hash or "", Lockout(row.failed_pins, row.locked_until)


class StaffStore:
    """Accounts, sign-in and the audit log; each call is one unit of work."""

    def __init__(self, storage: Storage, clock: Clock, outbox: Outbox | None = None) -> None:
        self._factory = storage.factory
        self._clock = clock
        # On a clinic server, the accounts as last read, so staff can still sign in while the
        # server is away; what the audit log should say meanwhile waits here, in order.
        self._on_server = storage.engine.dialect.name != "sqlite"
        self._away = storage.away
        self._known: dict[str, tuple[StaffMember, str, Lockout]] = {}
        self._offline_lockouts: dict[str, Lockout] = {}
        # Lines waiting for the server, each with its place in the outbox (None: memory only);
        # those an earlier run kept come first.
        self._outbox = outbox
        self._unsent: list[tuple[int | None, AuditLine]] = []
        if outbox is not None:
            try:
                kept = outbox.audit_waiting()
            except OutboxError as exc:
                log.error("audit lines kept on this PC cannot be read: %s", exc)
                kept = []
            self._unsent = [
                (place, AuditLine(at, who, action, subject, detail))
                for place, at, who, action, subject, detail in kept
            ]

    def needs_first_admin(self) -> bool:
        """True until an active admin account exists: the first start creates one."""
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Staff accounts cannot be read")),
            self._factory() as session,
        ):
            rows = session.scalars(select(Staff).where(Staff.pin_hash.is_not(None))).all()
        return no_admin_among(map(_member, rows))

    def accounts(self) -> list[StaffMember]:
        """Every account; on a clinic server that cannot be reached, the accounts as last read."""
        as_read = sorted((known[0] for known in self._known.values()), key=lambda m: m.name)
        if not self._ask_server():
            return as_read
        try:
            with (
                plainly(QT_TRANSLATE_NOOP("Storage", "Staff accounts cannot be read")),
                self._factory() as session,
            ):
                rows = session.scalars(
                    select(Staff).where(Staff.pin_hash.is_not(None)).order_by(Staff.name)
                ).all()
        except StorageError:
            if not (self._on_server and self._known):
                raise
            self._away.failed()
            return as_read
        self._away.answered()
        self._known = {row.name.lower(): _known(row) for row in rows if row.pin_hash}
        return [_member(row) for row in rows]

    @property
    def unsent(self) -> int:
        """Audit lines kept while the server was away, not yet in the log."""
        return len(self._unsent)

    def create_account(
        self, name: str, roles: frozenset[Role], pin: str, *, by: StaffMember | None
    ) -> StaffMember:
        """Give a member of staff an account (a name typed at set-up keeps its history).

        ``by`` must be an admin, except for the first account, which must be one.
        Raises ValueError for a bad name, role set or PIN, PermissionDeniedError otherwise.
        """
        clean = " ".join(name.split())
        if not clean:
            raise ValueError(_NEEDS_NAME)
        if not roles:
            raise ValueError(_NEEDS_ROLE)
        problem = pin_problem(pin, name=clean)
        if problem:
            raise ValueError(problem)
        first = self.needs_first_admin()
        if first and Role.ADMIN not in roles:
            raise PermissionDeniedError(_FIRST_IS_ADMIN)
        if not first:
            if by is None:
                raise PermissionDeniedError(_ADDING_TAKES_ADMIN)
            require(by, Action.EDIT_STAFF)
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The account could not be saved")),
            self._factory.begin() as session,
        ):
            if not first and by is not None:
                _as_stored(session, by, Action.EDIT_STAFF)
            # Names sign in whatever their case, so two may not differ by case alone.
            row = session.scalar(select(Staff).where(func.lower(Staff.name) == clean.lower()))
            if row is not None and row.pin_hash is not None:
                raise ValueError(_HAS_ACCOUNT.format(name=row.name))
            if row is not None:
                clean = row.name  # the name typed at set-up, with its history
            if row is None:
                row = Staff(name=clean, created_at=now)
                session.add(row)
            row.role = ",".join(sorted(r.value for r in roles))
            row.pin_hash = hash_pin(pin)
            row.failed_pins = 0
            row.locked_until = None
            row.active = True
            session.flush()
            audit(
                session,
                now,
                by.name if by else clean,
                "account_created",
                clean,
                roles=sorted(r.value for r in roles),
            )
            return _member(row)

    def change_account(
        self,
        name: str,
        *,
        by: StaffMember,
        roles: frozenset[Role] | None = None,
        pin: str | None = None,
        active: bool | None = None,
    ) -> StaffMember:
        """An admin changes a member's roles, sets a new PIN (which also ends a lock-out), or
        makes the account inactive or active again. The clinic always keeps an active admin.

        Raises ValueError for a bad role set or PIN, PermissionDeniedError otherwise.
        """
        require(by, Action.EDIT_STAFF)
        if roles is not None and not roles:
            raise ValueError(_NEEDS_ROLE)
        if pin is not None and (problem := pin_problem(pin, name=name)):
            raise ValueError(problem)
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The account could not be saved")),
            self._factory.begin() as session,
        ):
            by = _as_stored(session, by, Action.EDIT_STAFF)
            row = session.scalar(
                select(Staff).where(Staff.name == name, Staff.pin_hash.is_not(None))
            )
            if row is None:
                raise ValueError(_NO_ACCOUNT.format(name=name))
            before = _member(row)
            after = StaffMember(
                row.id,
                row.name,
                roles if roles is not None else before.roles,
                active if active is not None else before.active,
            )
            others = [
                _member(other)
                for other in session.scalars(
                    select(Staff).where(Staff.pin_hash.is_not(None), Staff.id != row.id)
                )
            ]
            if not admins([*others, after]):
                raise PermissionDeniedError(_KEEP_AN_ADMIN)
            detail: dict[str, Any] = {}
            if roles is not None and roles != before.roles:
                row.role = ",".join(sorted(r.value for r in roles))
                detail["roles"] = sorted(r.value for r in roles)
            if active is not None and active != before.active:
                row.active = active
                detail["active"] = active
            if pin is not None:
                row.pin_hash = hash_pin(pin)
                row.failed_pins, row.locked_until = 0, None
                detail["pin"] = "set"  # that it changed; never the PIN
            if detail:
                audit(session, now, by.name, "account_changed", row.name, **detail)
            session.flush()
            return _member(row)

    def sign_in(self, name: str, pin: str) -> SignIn:
        """Check a PIN; a wrong one counts towards the lock-out. Never says which part was wrong.

        On a clinic server that cannot be reached, the PIN is checked against the accounts as
        last read (a session in the room must not be locked away from its staff), and the audit
        lines wait until the server is back.
        """
        if not self._ask_server():
            return self._sign_in_offline(name, pin)
        sending = len(self._unsent)
        try:
            signed = self._sign_in(name, pin)
        except StorageError:
            if not (self._on_server and self._known):
                raise
            self._away.failed()
            return self._sign_in_offline(name, pin)
        self._away.answered()
        self._let_go(sending)  # committed with the sign-in
        return signed

    def _ask_server(self) -> bool:
        """False while the clinic server is away: the accounts as last read answer, at once,
        instead of a connection that times out on the window's thread. A background thread
        (the room's presence, the recorder's delivery) finds out when it is back."""
        if not (self._on_server and self._known and self._outbox is not None):
            return True
        return not self._away.is_away

    def _sign_in_offline(self, name: str, pin: str) -> SignIn:
        now = self._clock.now()
        key = " ".join(name.split()).lower()
        known = self._known.get(key)
        if known is None or not known[0].active:
            self._keep(now, name.strip(), "sign_in_refused", reason="unknown", offline=True)
            return SignIn(None, 0.0, _no_match(0.0))
        member, pin_hash, as_read = known
        # The server's own count of wrong PINs, as last read, carries on here.
        lockout = self._offline_lockouts.get(key, as_read)
        wait = lockout.wait(now)
        if wait > 0:
            return SignIn(None, wait, TOO_MANY.format(seconds=f"{wait:.0f}"))
        if not verify_pin(pin, pin_hash):
            lockout = lockout.after_failure(now)
            self._offline_lockouts[key] = lockout
            self._keep(now, member.name, "sign_in_refused", reason="wrong PIN", offline=True)
            wait = lockout.wait(now)
            return SignIn(None, wait, _no_match(wait))
        self._offline_lockouts.pop(key, None)
        self._keep(now, member.name, "signed_in", offline=True)
        return SignIn(member)

    def _keep(self, at: datetime, who: str, action: str, subject: str = "", **detail: Any) -> None:
        """Keep an audit line the server cannot take now: in the outbox (on this PC's disk),
        or in memory when that cannot be written either."""
        detail["kept_id"] = uuid.uuid4().hex  # known again if its first send did land
        place = None
        if self._outbox is not None:
            try:
                place = self._outbox.put_audit(at, who, action, subject, dict(detail))
            except OutboxError as exc:
                log.error("audit line kept in memory only: %s", exc)
        self._unsent.append((place, AuditLine(at, who, action, subject, dict(detail))))

    def _send_unsent(self, session: Session) -> None:
        """Add what waited to the caller's unit of work, oldest first (the caller lets go of
        them once it has committed)."""
        if not self._unsent:
            return
        # A send whose commit reached the server but whose answer was lost: not twice.
        moments = {line.at for _place, line in self._unsent}
        there = {
            entry.detail.get("kept_id")
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.at.in_(moments)))
        }
        for _place, line in self._unsent:
            if line.detail.get("kept_id") not in there:
                audit(session, line.at, line.who, line.action, line.subject, **line.detail)

    def _let_go(self, sent: int) -> None:
        """The first ``sent`` waiting lines are in the log now."""
        places = [place for place, _line in self._unsent[:sent] if place is not None]
        del self._unsent[:sent]
        if places and self._outbox is not None:
            self._outbox.audit_delivered(places)

    def _sign_in(self, name: str, pin: str) -> SignIn:
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "Signing in is not possible right now")),
            self._factory.begin() as session,
        ):
            self._send_unsent(session)
            row = session.scalar(
                select(Staff).where(
                    func.lower(Staff.name) == " ".join(name.split()).lower(),
                    Staff.pin_hash.is_not(None),
                )
            )
            if row is None or not row.active or row.pin_hash is None:
                audit(session, now, name.strip(), "sign_in_refused", reason="unknown")
                return SignIn(None, 0.0, _no_match(0.0))
            lockout = Lockout(row.failed_pins, row.locked_until)
            wait = lockout.wait(now)
            if wait > 0:
                audit(session, now, row.name, "sign_in_refused", reason="waiting")
                return SignIn(None, wait, TOO_MANY.format(seconds=f"{wait:.0f}"))
            if not verify_pin(pin, row.pin_hash):
                lockout = lockout.after_failure(now)
                row.failed_pins, row.locked_until = lockout.failures, lockout.until
                audit(session, now, row.name, "sign_in_refused", reason="wrong PIN")
                wait = lockout.wait(now)
                return SignIn(None, wait, _no_match(wait))
            row.failed_pins, row.locked_until = 0, None
            audit(session, now, row.name, "signed_in")
            self._known[row.name.lower()] = _known(row)
            return SignIn(_member(row))

    def note_settings(self, fingerprints: dict[str, str]) -> list[str]:
        """Log each of the clinic's own settings files (clinic.toml, protocols) that is new,
        changed or gone since kapdesk last looked; they are edited outside kapdesk, by whoever
        holds the data folder, so the log says when a change was first seen. Returns the
        files logged. ``fingerprints``: file name -> SHA-256 of its bytes."""
        now = self._clock.now()
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The audit log could not be written")),
            self._factory.begin() as session,
        ):
            seen: dict[str, str] = {}
            for entry in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == "settings_changed")
                .order_by(AuditEntry.id)  # the order written, whatever the wall clock did
            ):
                seen[entry.subject] = str(entry.detail.get("sha256", ""))
            changed = []
            for name in sorted(set(seen) | set(fingerprints)):
                now_print = fingerprints.get(name, "")
                if seen.get(name, "") != now_print:
                    state = "gone" if not now_print else ("new" if name not in seen else "changed")
                    audit(session, now, "", "settings_changed", name, sha256=now_print, file=state)
                    changed.append(name)
            return changed

    def record(self, who: str, action: str, subject: str = "", **detail: Any) -> None:
        """Append an action that has no record of its own (a lock, an export) to the log.

        On a clinic server that cannot be reached, the line waits for the next write."""
        self.record_at(self._clock.now(), who, action, subject, **detail)

    def record_at(
        self, now: datetime, who: str, action: str, subject: str = "", **detail: Any
    ) -> None:
        """:meth:`record`, stamped ``now``: the moment it happened, written later."""
        keeps = self._on_server and self._outbox is not None  # a room PC's own store
        if keeps and self._away.is_away:
            self._keep(now, who, action, subject, offline=True, **detail)
            return
        sending = len(self._unsent)
        try:
            with (
                plainly(QT_TRANSLATE_NOOP("Storage", "The audit log could not be written")),
                self._factory.begin() as session,
            ):
                self._send_unsent(session)
                audit(session, now, who, action, subject, **detail)
        except StorageError:
            if not keeps:
                raise  # no outbox to keep it in: the caller says it could not be logged
            self._away.failed()
            self._keep(now, who, action, subject, offline=True, **detail)
            return
        self._away.answered()
        self._let_go(sending)

    def audit_trail(
        self, since: datetime | None = None, reader: StaffMember | None = None
    ) -> list[AuditLine]:
        """The audit log and every session record created or corrected (each carries its
        author), in time order: the whole of who did what and when.

        At the screen, ``reader`` is the member asking: it takes an admin, and the reading
        itself goes into the log. (The command line is the data folder owner's, no reader.)
        """
        if reader is not None:
            require(reader, Action.READ_AUDIT)
            with (
                plainly(QT_TRANSLATE_NOOP("Storage", "The audit trail cannot be read")),
                self._factory.begin() as session,
            ):
                _as_stored(session, reader, Action.READ_AUDIT)
                audit(session, self._clock.now(), reader.name, "audit_read")
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The audit trail cannot be read")),
            self._factory() as session,
        ):
            query = select(SessionEvent).order_by(SessionEvent.wall_at, SessionEvent.id)
            if since is not None:
                query = query.where(SessionEvent.wall_at >= since)
            records = [
                AuditLine(
                    event.wall_at,
                    str((event.data or {}).get("by") or (event.data or {}).get("given_by") or ""),
                    "record_corrected" if event.kind == "amendment" else "record_created",
                    f"session {event.session_id} #{event.seq}",
                    {"kind": event.kind},
                )
                for event in session.scalars(query)
            ]
        merged = [*self.audit_log(since), *records]
        merged.sort(key=lambda line: line.at)
        return merged

    def audit_log(self, since: datetime | None = None) -> list[AuditLine]:
        with (
            plainly(QT_TRANSLATE_NOOP("Storage", "The audit log cannot be read")),
            self._factory() as session,
        ):
            query = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
            if since is not None:
                query = query.where(AuditEntry.at >= since)
            return [
                AuditLine(e.at, e.who, e.action, e.subject, dict(e.detail))
                for e in session.scalars(query)
            ]
