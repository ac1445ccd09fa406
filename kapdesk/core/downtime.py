"""How long kapdesk was closed, and who vouches for it.

While kapdesk runs, the journey time comes from the monotonic clock. Across a restart that clock
is gone, and the wall clock is the obvious witness; but it can lie: a PC that boots an hour fast
before its time syncs would make an hour of journey that never was, with the phase changes the
protocol makes by time written into the record at times that never were.

So while a session is open kapdesk writes a small heartbeat (:class:`Heartbeat`) beside its
records: the wall time, which boot of the machine this is and the seconds since that boot (which
count suspended time too), and each open session's journey time. At a restart
:func:`judge_downtime` weighs it:

- the same boot: the time since the heartbeat is exactly the difference in time since boot;
  the journey time is *vouched*, and any disagreement of the wall clock is the clock's move,
  told to staff;
- another boot (a power cut, a restart) or no heartbeat: only the wall clock says how long it
  was; it is taken, bounded below by what is certain (the last entry, the time since the PC
  started), and the journey time is *not vouched*: the journey holds its changes of phase by
  time until staff confirm the time, and follows the wall clock if it is set right meanwhile.

Nothing here reads a file or a clock of its own: the caller gives the heartbeat and the clock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from kapdesk.core.clock import Clock
from kapdesk.core.words import QT_TRANSLATE_NOOP, joined

CLOCK_MOVE_S = 5.0  # a disagreement of the wall clock below this is not worth a word
DRIFT = 0.001  # and a clock may drift this much of the time besides (NTP slews ~0.05 %)
HEARTBEAT_VERSION = 1


class HeartbeatError(ValueError):
    """A heartbeat file that cannot be read as one (torn by a power cut, edited, foreign)."""


@dataclass(frozen=True)
class SessionBeat:
    """One open session in a heartbeat: which session, and its journey time then."""

    session_id: int
    opened: datetime  # the session's opening wall time: tells it from another database's
    elapsed: float | None  # journey seconds at the heartbeat; None before dosing


@dataclass(frozen=True)
class Heartbeat:
    """What kapdesk knew about time at a moment while sessions were open."""

    wall: datetime
    boot_id: str | None
    since_boot: float | None
    sessions: tuple[SessionBeat, ...] = ()

    def session(self, session_id: int, opened: datetime) -> SessionBeat | None:
        """The beat of this session (the same id and opening time), if it was open then."""
        for beat in self.sessions:
            if beat.session_id == session_id and _same_instant(beat.opened, opened):
                return beat
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": HEARTBEAT_VERSION,
            "wall": self.wall.isoformat(),
            "boot_id": self.boot_id,
            "since_boot": self.since_boot,
            "sessions": [
                {"id": s.session_id, "opened": s.opened.isoformat(), "elapsed": s.elapsed}
                for s in self.sessions
            ],
        }

    @classmethod
    def from_json(cls, data: object) -> Heartbeat:
        """The heartbeat ``data`` holds; :class:`HeartbeatError` if it is not one."""
        try:
            if not isinstance(data, Mapping) or data.get("version") != HEARTBEAT_VERSION:
                raise HeartbeatError("not a heartbeat kapdesk writes")
            sessions = data.get("sessions")
            if not isinstance(sessions, list):
                raise HeartbeatError("no list of sessions")
            return cls(
                _aware(data["wall"]),
                _text_or_none(data.get("boot_id")),
                _seconds_or_none(data.get("since_boot")),
                tuple(
                    SessionBeat(
                        _session_id(s["id"]),
                        _aware(s["opened"]),
                        _seconds_or_none(s.get("elapsed")),
                    )
                    for s in sessions
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, HeartbeatError):
                raise
            raise HeartbeatError(f"not a heartbeat: {type(exc).__name__}") from None


class Witness(StrEnum):
    """What the time kapdesk was closed rests on."""

    UPTIME = "uptime"  # the same boot: the machine's time since boot measured it
    WALL_CLOCK = "wall_clock"  # only the wall clock says, and nothing can check it
    NOTHING = "nothing"  # the wall clock went back: only a lower bound is known


@dataclass(frozen=True)
class Downtime:
    """How long kapdesk was closed, as far as it can tell, and on whose word."""

    witness: Witness
    seconds: float  # the time kapdesk goes by, since the reference moment
    wall_says: float  # what the wall clock says passed since that moment
    clock_moved: float | None  # + forward, - back; for NOTHING the least it went back
    rebooted: bool | None  # None: cannot tell
    at_least: float  # certain lower bound of ``seconds``
    reference_wall: datetime  # the last moment kapdesk knew of (wall time as written then)
    reference_elapsed: float | None  # the journey time at that moment; None before dosing
    followed: float = 0.0  # wall-clock steps since the restart the journey time followed
    judged_mono: float | None = None  # the monotonic clock when this was judged

    @property
    def vouched(self) -> bool:
        return self.witness is Witness.UPTIME

    @property
    def elapsed(self) -> float | None:
        """The journey time at the restart; None before dosing."""
        if self.reference_elapsed is None:
            return None
        return self.reference_elapsed + self.seconds

    def noticeable_move(self) -> bool:
        """The wall clock moved more than drift and rounding explain."""
        if self.clock_moved is None:
            return False
        return abs(self.clock_moved) > CLOCK_MOVE_S + DRIFT * max(0.0, self.seconds)

    def follow(self, step: float) -> Downtime:
        """The same restart judged again once the wall clock has been stepped by ``step``
        seconds in all since (set right, or set wrong): the journey time follows the clock."""
        if self.vouched:
            return self
        judged = _from_wall(
            self.wall_says + step - self.followed,
            self.at_least,
            self.rebooted,
            self.reference_wall,
            self.reference_elapsed,
        )
        return replace(judged, followed=step, judged_mono=self.judged_mono)

    def to_json(self) -> dict[str, Any]:
        """For the record of the restart."""
        return {
            "witness": self.witness.value,
            "seconds": round(self.seconds, 3),
            "wall_says": round(self.wall_says, 3),
            "clock_moved": None if self.clock_moved is None else round(self.clock_moved, 3),
            "rebooted": self.rebooted,
            "at_least": round(self.at_least, 3),
        }

    def text(self) -> str | None:
        """What staff should know about the restart, in plain words; None: nothing."""
        if self.vouched:
            if not self.noticeable_move():
                return None
            assert self.clock_moved is not None
            moved = MOVED_FORWARD if self.clock_moved > 0 else MOVED_BACK
            return moved.format(
                span=span_text(abs(self.clock_moved)), closed=span_text(self.seconds)
            )
        text: str
        if self.witness is Witness.NOTHING:
            back = span_text(abs(self.clock_moved or 0))
            if self.at_least >= 1:
                text = SET_BACK_AT_LEAST.format(span=back, least=span_text(self.at_least))
            else:
                text = SET_BACK.format(span=back)
        elif self.rebooted:
            text = RESTARTED.format(span=span_text(self.seconds))
        else:
            text = UNCHECKED.format(span=span_text(self.seconds))
        if abs(self.followed) > CLOCK_MOVE_S:
            then = THEN_FORWARD if self.followed > 0 else THEN_BACK
            text = joined([text, then.format(span=span_text(abs(self.followed)))], " ", "Downtime")
        return text


# What staff are told of a restart: a sentence each (a length of time is a field).
MOVED_FORWARD = QT_TRANSLATE_NOOP(
    "Downtime",
    "The PC's clock moved {span} forward while kapdesk was closed; the journey time is kept "
    "from the PC's uptime (closed {closed}).",
)
MOVED_BACK = QT_TRANSLATE_NOOP(
    "Downtime",
    "The PC's clock moved {span} back while kapdesk was closed; the journey time is kept "
    "from the PC's uptime (closed {closed}).",
)
SET_BACK = QT_TRANSLATE_NOOP(
    "Downtime",
    "The PC's clock was set back: it reads {span} before kapdesk's last entry. How long "
    "kapdesk was closed is unknown; the time goes on from the last entry.",
)
SET_BACK_AT_LEAST = QT_TRANSLATE_NOOP(
    "Downtime",
    "The PC's clock was set back: it reads {span} before kapdesk's last entry. How long "
    "kapdesk was closed is unknown (at least {least}); the time goes on from the last entry.",
)
RESTARTED = QT_TRANSLATE_NOOP(
    "Downtime",
    "The PC restarted while kapdesk was closed; its clock says {span} passed, which nothing "
    "can check.",
)
UNCHECKED = QT_TRANSLATE_NOOP(
    "Downtime", "Nothing can check the PC's clock, which says kapdesk was closed {span}."
)
THEN_FORWARD = QT_TRANSLATE_NOOP(
    "Downtime", "Its clock was then set forward {span}; the journey time followed it."
)
THEN_BACK = QT_TRANSLATE_NOOP(
    "Downtime", "Its clock was then set back {span}; the journey time followed it."
)


def judge_downtime(
    last_wall: datetime,
    last_elapsed: float | None,
    beat: Heartbeat | None,
    session: SessionBeat | None,
    clock: Clock,
) -> Downtime:
    """How long kapdesk was closed, judged from the session's last entry (``last_wall``,
    ``last_elapsed``), the last heartbeat and the session's beat in it (either may be None),
    and the clock now."""
    boot = clock.boot_id()
    # Read together: the journey time goes on from this very moment.
    up, now, mono = clock.since_boot(), clock.now(), clock.monotonic()
    same_boot = (
        beat is not None
        and boot is not None
        and beat.boot_id == boot
        and beat.since_boot is not None
        and up is not None
        and up >= beat.since_boot
    )
    # A beat from before the dose cannot carry the journey time on: the last entry must.
    usable = session is not None and (session.elapsed is not None or last_elapsed is None)
    if same_boot and usable and session is not None and beat is not None:
        assert up is not None
        assert beat.since_boot is not None
        measured = up - beat.since_boot
        wall_says = (now - beat.wall).total_seconds()
        reference_wall, reference_elapsed = beat.wall, session.elapsed
        if last_elapsed is not None and session.elapsed is not None:
            # An entry after the heartbeat is a later moment kapdesk knew of.
            later = last_elapsed - session.elapsed
            if later > 0:
                measured = max(0.0, measured - later)
                wall_says -= later
                reference_wall, reference_elapsed = last_wall, last_elapsed
        return Downtime(
            Witness.UPTIME,
            measured,
            wall_says,
            wall_says - measured,
            False,
            measured,
            reference_wall,
            reference_elapsed,
            judged_mono=mono,
        )
    rebooted = (
        None
        if beat is None or beat.boot_id is None or boot is None
        else beat.boot_id != boot
        or (beat.since_boot is not None and up is not None and up < beat.since_boot)
    )
    reference_wall, reference_elapsed = last_wall, last_elapsed
    later_beat = (
        beat is not None
        and session is not None
        and session.elapsed is not None
        and last_elapsed is not None
        and session.elapsed > last_elapsed
    )
    if later_beat and beat is not None and session is not None:
        reference_wall, reference_elapsed = beat.wall, session.elapsed
    # Since the PC started again it has been up this long, and kapdesk was closed all of it.
    at_least = up if rebooted and up is not None else 0.0
    wall_says = (now - reference_wall).total_seconds()
    judged = _from_wall(wall_says, at_least, rebooted, reference_wall, reference_elapsed)
    return replace(judged, judged_mono=mono)


def _from_wall(
    wall_says: float,
    at_least: float,
    rebooted: bool | None,
    reference_wall: datetime,
    reference_elapsed: float | None,
) -> Downtime:
    if wall_says < at_least - CLOCK_MOVE_S:
        # The clock certainly lied: it says less time passed than is certain.
        return Downtime(
            Witness.NOTHING,
            at_least,
            wall_says,
            wall_says - at_least,
            rebooted,
            at_least,
            reference_wall,
            reference_elapsed,
        )
    return Downtime(
        Witness.WALL_CLOCK,
        max(wall_says, at_least),
        wall_says,
        None,
        rebooted,
        at_least,
        reference_wall,
        reference_elapsed,
    )


def span_text(seconds: float) -> str:
    """A length of time for staff: ``9 s``, ``4 min 05 s``, ``1 h 00 min``."""
    total = max(0, round(seconds)) if math.isfinite(seconds) else 0
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


# The record's line for a restart: its clauses, each a template.
RESUMED_AFTER_GAP = QT_TRANSLATE_NOOP(
    "Downtime", "kapdesk restarted and picked the session up again ({span} after the last event)"
)
RESUMED = QT_TRANSLATE_NOOP("Downtime", "kapdesk restarted and picked the session up again")
RESUMED_BY_UPTIME = QT_TRANSLATE_NOOP(
    "Downtime",
    "kapdesk restarted and picked the session up again after {closed} closed (by the PC's uptime)",
)
RESUMED_BY_CLOCK = QT_TRANSLATE_NOOP(
    "Downtime",
    "kapdesk restarted and picked the session up again after {closed} closed, by the PC's "
    "clock, which nothing could check",
)
HAD_MOVED_FORWARD = QT_TRANSLATE_NOOP("Downtime", "the PC's clock had moved {span} forward")
HAD_MOVED_BACK = QT_TRANSLATE_NOOP("Downtime", "the PC's clock had moved {span} back")
HAD_BEEN_SET_BACK = QT_TRANSLATE_NOOP(
    "Downtime",
    "the PC's clock had been set back, so how long it was closed is unknown (at least {closed})",
)
HAD_BEEN_SET_BACK_BY = QT_TRANSLATE_NOOP(
    "Downtime",
    "the PC's clock had been set back {span} or more, so how long it was closed is unknown "
    "(at least {closed})",
)
NOT_VOUCHED = QT_TRANSLATE_NOOP("Downtime", "journey time not vouched")


def resumed_text(data: Mapping[str, Any]) -> str:
    """The record's line for a restart (the data of a ``session_resumed`` event)."""
    witness = data.get("witness")
    moved = data.get("clock_moved")
    if witness is None:  # recorded before kapdesk judged its downtime
        gap = _float(data.get("seconds_since_last_event"))
        return RESUMED_AFTER_GAP.format(span=span_text(gap))
    closed = span_text(_float(data.get("seconds")))
    parts: list[str]
    if witness == Witness.UPTIME.value:
        parts = [RESUMED_BY_UPTIME.format(closed=closed)]
        limit = CLOCK_MOVE_S + DRIFT * _float(data.get("seconds"))
        if isinstance(moved, int | float) and abs(moved) > limit:
            had = HAD_MOVED_FORWARD if moved > 0 else HAD_MOVED_BACK
            parts.append(had.format(span=span_text(abs(moved))))
    elif witness == Witness.NOTHING.value:
        parts = [RESUMED]
        if isinstance(moved, int | float):
            parts.append(HAD_BEEN_SET_BACK_BY.format(span=span_text(abs(moved)), closed=closed))
        else:
            parts.append(HAD_BEEN_SET_BACK.format(closed=closed))
    else:
        parts = [RESUMED_BY_CLOCK.format(closed=closed)]
    if data.get("journey_time_vouched") is False:
        parts.append(NOT_VOUCHED)
    return joined(parts, "; ", "Downtime")


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else 0.0


def _same_instant(one: datetime, other: datetime) -> bool:
    return abs((one - other).total_seconds()) < 0.001


def _aware(value: object) -> datetime:
    if not isinstance(value, str):
        raise HeartbeatError("a time that is not text")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise HeartbeatError("a time without its zone")
    return moment


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 200:
        raise HeartbeatError("a boot id that is not one")
    return value


def _seconds_or_none(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise HeartbeatError("seconds that are not a number")
    if not 0 <= value < 1e10:
        raise HeartbeatError("seconds out of range")
    return float(value)


def _session_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise HeartbeatError("a session id that is not one")
    return value
