"""Loudness in the library's words: each track's loudness and the gain it plays at, and a line
that names the tracks too quiet for the clinic's target (kapdesk only lowers, so they play
under it) or held down to keep their peaks under the ceiling."""

from __future__ import annotations

from collections.abc import Sequence

from kapdesk.core.loudness import PEAK_CEILING, Loudness, LoudnessSource, Matching, matching
from kapdesk.core.soundtrack import Soundtrack
from kapdesk.core.wording import counted

MINUS = "\u2212"  # a true minus sign: "−14.2", not a hyphen
NAMED_AT_MOST = 2  # tracks named in the line; the rest are counted
LONGEST_TITLE = 32  # characters of a title named in the line


def signed(value: float, digits: int = 1) -> str:
    """``value`` with a true minus sign; no sign on zero."""
    text = f"{abs(value):.{digits}f}"
    return f"{MINUS}{text}" if round(value, digits) < 0 else text


def loudness_text(loudness: Loudness | None, problem: str | None = None) -> str:
    """``−14.2 LUFS``, the reason it could not be measured, or ``not measured yet``."""
    if loudness is not None:
        return f"{signed(loudness.integrated)} LUFS"
    if problem:
        return problem
    return "not measured yet"


def loudness_hint(loudness: Loudness) -> str:
    """The whole measurement, for a tooltip: where it came from, its range and true peak."""
    where = (
        "From the file's ReplayGain or R128 tags"
        if loudness.source is LoudnessSource.TAG
        else "Measured (EBU R128)"
    )
    spread = "" if loudness.range is None else f", range {loudness.range:.1f} LU"
    return (
        f"{where}: {signed(loudness.integrated)} LUFS{spread}, "
        f"true peak {signed(loudness.true_peak)} dBTP."
    )


def gain_text(match: Matching) -> str:
    """The gain a track plays at, and what holds it: ``−11.8 dB``, ``0 dB, 5.5 LU short``,
    ``−2.0 dB, peak-limited`` (not measured: the gain it plays at meanwhile, which
    :func:`gain_hint` explains)."""
    gain = "0 dB" if match.gain == 0 else f"{signed(match.gain)} dB"
    if match.too_quiet:
        gain += f", {match.short_by:.1f} LU short"
    if match.peak_limited:
        gain += ", peak-limited"
    return gain


def gain_hint(match: Matching, target: float) -> str:
    """What the gain means, for a tooltip."""
    if not match.measured:
        return "Not measured: it plays as the loudest track would, quieter rather than louder."
    if match.too_quiet:
        return (
            f"Quieter than the clinic's target of {signed(target)} LUFS: kapdesk "
            f"never raises a track, so it plays {match.short_by:.1f} LU under the others."
        )
    if match.peak_limited:
        return f"Held down so that its peaks stay under {signed(PEAK_CEILING)} dBTP."
    return f"Lowered to the clinic's target of {signed(target)} LUFS."


def quiet_notice(tracks: Sequence[tuple[str, Loudness | None]], target: float) -> str:
    """A line naming the tracks (title, loudness) too quiet for ``target``, with how far
    short each falls, and those held down by their peaks; "" when there are none."""
    quiet = sorted(
        ((title, m) for title, loudness in tracks if (m := matching(loudness, target)).too_quiet),
        key=lambda pair: -pair[1].short_by,
    )
    limited = [
        title
        for title, loudness in tracks
        if (m := matching(loudness, target)).peak_limited and not m.too_quiet
    ]
    parts = []
    if quiet:
        (title, first), rest = quiet[0], quiet[1:NAMED_AT_MOST]
        named = [f"“{_short(title)}” plays {first.short_by:.1f} LU under it"]
        named += [f"“{_short(title)}” {m.short_by:.1f} LU" for title, m in rest]
        more = len(quiet) - len(named)
        listed = ", ".join(named) + (f" and {more} more" if more else "")
        verb = "is" if len(quiet) == 1 else "are"
        parts.append(
            f"{counted(len(quiet), 'track')} {verb} too quiet for the clinic's target of "
            f"{signed(target)} LUFS: {listed}."
        )
    if limited:
        named_titles = ", ".join(f"“{_short(title)}”" for title in limited[:NAMED_AT_MOST])
        more = len(limited) - min(len(limited), NAMED_AT_MOST)
        parts.append(
            f"Held down to keep peaks under {signed(PEAK_CEILING)} dBTP: {named_titles}"
            + (f" and {more} more." if more else ".")
        )
    return " ".join(parts)


def soundtrack_note(soundtrack: Soundtrack, target: float) -> str:
    """What set-up says of a soundtrack's loudness: its tracks (and bed) not yet measured, which
    play softer (a track kapdesk could not measure is never measured later unless its file
    changes), and those too quiet for ``target``; "" when all is matched."""
    sounds: dict[str, Loudness | None] = {}
    playlists = (soundtrack.settling, soundtrack.default, *soundtrack.phases.values())
    for playlist in playlists:
        for track in playlist.tracks if playlist is not None else ():
            sounds[track.path] = track.loudness
    if soundtrack.bed is not None:
        sounds[soundtrack.bed.path] = soundtrack.bed.loudness
    found = [matching(loudness, target) for loudness in sounds.values()]
    unmeasured = sum(1 for m in found if not m.measured)
    quiet = [m.short_by for m in found if m.measured and m.too_quiet]
    parts = []
    if unmeasured:
        parts.append(
            f"{counted(unmeasured, 'sound')} not measured (played softer, as the loudest "
            "master would be; the library says why)"
        )
    if quiet:
        parts.append(
            f"{counted(len(quiet), 'sound')} under the clinic's loudness "
            f"(up to {max(quiet):.1f} LU)"
        )
    return "; ".join(parts)


def _short(title: str) -> str:
    return title if len(title) <= LONGEST_TITLE else title[: LONGEST_TITLE - 1].rstrip() + "…"
