"""How journey times read on screen and in print."""

from __future__ import annotations

import math


def clock_text(seconds: float) -> str:
    """``42:07`` below an hour, ``1:05:09`` from an hour on; whole seconds, rounded down."""
    total = max(0, math.floor(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def seconds_between(start: float, end: float) -> float:
    """Whole seconds from ``start`` to ``end`` as the journey clock shows them: each time is
    rounded down to its second first, so the phase time and the big timer turn over together
    (``clock_text(end) - clock_text(start)``, never a second apart)."""
    return float(max(0, math.floor(end) - math.floor(start)))


def minutes_text(minutes: float) -> str:
    """``40 min``, ``2 h``, ``1 h 30 min``; a fraction of a minute shows as seconds."""
    whole = int(minutes)
    if whole != minutes and minutes < 1:
        return f"{round(minutes * 60)} s"
    hours, mins = divmod(round(minutes), 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    return f"{hours} h" if hours else f"{mins} min"
