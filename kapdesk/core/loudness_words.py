"""Loudness in the library's words: each track's loudness and the gain it plays at, and a line
that names the tracks too quiet for the clinic's target (kapdesk only lowers, so they play
under it) or held down to keep their peaks under the ceiling."""

from __future__ import annotations

from collections.abc import Sequence

from kapdesk.core.loudness import PEAK_CEILING, Loudness, LoudnessSource, Matching, matching
from kapdesk.core.soundtrack import Soundtrack
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template, joined

MINUS = "\u2212"  # a true minus sign: "−14.2", not a hyphen
NAMED_AT_MOST = 2  # tracks named in the line; the rest are counted
LONGEST_TITLE = 32  # characters of a title named in the line


def signed(value: float, digits: int = 1) -> str:
    """``value`` with a true minus sign; no sign on zero."""
    text = f"{abs(value):.{digits}f}"
    return f"{MINUS}{text}" if round(value, digits) < 0 else text


NOT_MEASURED_YET = QT_TRANSLATE_NOOP("LoudnessWords", "not measured yet")
# The whole measurement, one template per case: from tags or measured, with a range or not.
_HINTS: dict[tuple[bool, bool], Template] = {
    (True, False): QT_TRANSLATE_NOOP(
        "LoudnessWords",
        "From the file's ReplayGain or R128 tags: {loudness} LUFS, true peak {peak} dBTP.",
    ),
    (True, True): QT_TRANSLATE_NOOP(
        "LoudnessWords",
        "From the file's ReplayGain or R128 tags: {loudness} LUFS, range {range} LU, "
        "true peak {peak} dBTP.",
    ),
    (False, False): QT_TRANSLATE_NOOP(
        "LoudnessWords", "Measured (EBU R128): {loudness} LUFS, true peak {peak} dBTP."
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "LoudnessWords",
        "Measured (EBU R128): {loudness} LUFS, range {range} LU, true peak {peak} dBTP.",
    ),
}
# What holds a track's gain: too quiet, its peaks, or both.
GAIN_SHORT = QT_TRANSLATE_NOOP("LoudnessWords", "{gain}, {short} LU short")
GAIN_LIMITED = QT_TRANSLATE_NOOP("LoudnessWords", "{gain}, peak-limited")
GAIN_SHORT_LIMITED = QT_TRANSLATE_NOOP("LoudnessWords", "{gain}, {short} LU short, peak-limited")
NOT_MEASURED_HINT = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "Not measured: it plays as the loudest track would, quieter rather than louder.",
)
TOO_QUIET_HINT = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "Quieter than the clinic's target of {target} LUFS: kapdesk never raises a track, so it "
    "plays {short} LU under the others.",
)
LIMITED_HINT = QT_TRANSLATE_NOOP(
    "LoudnessWords", "Held down so that its peaks stay under {ceiling} dBTP."
)
LOWERED_HINT = QT_TRANSLATE_NOOP(
    "LoudnessWords", "Lowered to the clinic's target of {target} LUFS."
)
# The tracks too quiet: one, two named, or two named and the rest counted (counted words: French
# says "et 1 autre", "et 2 autres").
QUIET_ONE = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "1 track is too quiet for the clinic's target of {target} LUFS: "
    "“{first}” plays {first_short} LU under it.",
)
QUIET_TWO = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” "
    "plays {first_short} LU under it, “{second}” {second_short} LU.",
)
QUIET_MORE = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” "
    "plays {first_short} LU under it, “{second}” {second_short} LU and %n more.|"
    "{tracks} tracks are too quiet for the clinic's target of {target} LUFS: “{first}” "
    "plays {first_short} LU under it, “{second}” {second_short} LU and %n more.",
)
# The tracks held down by their peaks, likewise.
LIMITED_ONE = QT_TRANSLATE_NOOP(
    "LoudnessWords", "Held down to keep peaks under {ceiling} dBTP: “{first}”."
)
LIMITED_TWO = QT_TRANSLATE_NOOP(
    "LoudnessWords", "Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}”."
)
LIMITED_MORE = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.|"
    "Held down to keep peaks under {ceiling} dBTP: “{first}”, “{second}” and %n more.",
)


def loudness_text(loudness: Loudness | None, problem: str | None = None) -> str:
    """``−14.2 LUFS``, the reason it could not be measured, or ``not measured yet``."""
    if loudness is not None:
        return f"{signed(loudness.integrated)} LUFS"
    if problem:
        return problem
    return NOT_MEASURED_YET


def loudness_hint(loudness: Loudness) -> str:
    """The whole measurement, for a tooltip: where it came from, its range and true peak."""
    hint = _HINTS[loudness.source is LoudnessSource.TAG, loudness.range is not None]
    return hint.format(
        loudness=signed(loudness.integrated),
        range="" if loudness.range is None else f"{loudness.range:.1f}",
        peak=signed(loudness.true_peak),
    )


def gain_text(match: Matching) -> str:
    """The gain a track plays at, and what holds it: ``−11.8 dB``, ``0 dB, 5.5 LU short``,
    ``−2.0 dB, peak-limited`` (not measured: the gain it plays at meanwhile, which
    :func:`gain_hint` explains)."""
    gain = "0 dB" if match.gain == 0 else f"{signed(match.gain)} dB"
    short = f"{match.short_by:.1f}"
    if match.too_quiet and match.peak_limited:
        return GAIN_SHORT_LIMITED.format(gain=gain, short=short)
    if match.too_quiet:
        return GAIN_SHORT.format(gain=gain, short=short)
    if match.peak_limited:
        return GAIN_LIMITED.format(gain=gain)
    return gain


def gain_hint(match: Matching, target: float) -> str:
    """What the gain means, for a tooltip."""
    if not match.measured:
        return NOT_MEASURED_HINT
    if match.too_quiet:
        return TOO_QUIET_HINT.format(target=signed(target), short=f"{match.short_by:.1f}")
    if match.peak_limited:
        return LIMITED_HINT.format(ceiling=signed(PEAK_CEILING))
    return LOWERED_HINT.format(target=signed(target))


def quiet_notice(tracks: Sequence[tuple[str, Loudness | None]], target: float) -> str:
    """A line naming the tracks (title, loudness) too quiet for ``target``, with how far
    short each falls, and those held down by their peaks; "" when there are none."""
    return " ".join(quiet_notices(tracks, target))


def quiet_notices(tracks: Sequence[tuple[str, Loudness | None]], target: float) -> list[str]:
    """:func:`quiet_notice`'s sentences, each whole (the tracks too quiet, those held down by
    their peaks), so that each can be said in another language; [] when there are none."""
    quiet = sorted(
        ((title, m) for title, loudness in tracks if (m := matching(loudness, target)).too_quiet),
        key=lambda pair: -pair[1].short_by,
    )
    limited = [
        title
        for title, loudness in tracks
        if (m := matching(loudness, target)).peak_limited and not m.too_quiet
    ]
    said: list[str] = []
    if quiet:
        first_title, first = quiet[0]
        values: dict[str, object] = {
            "tracks": len(quiet),
            "target": signed(target),
            "first": _short(first_title),
            "first_short": f"{first.short_by:.1f}",
        }
        if len(quiet) == 1:
            said.append(QUIET_ONE.format(**values))
        else:
            second_title, second = quiet[1]
            values |= {"second": _short(second_title), "second_short": f"{second.short_by:.1f}"}
            more = len(quiet) - NAMED_AT_MOST
            if more:
                said.append(QUIET_MORE.format(count=more, **values))
            else:
                said.append(QUIET_TWO.format(**values))
    if limited:
        named = [_short(title) for title in limited[:NAMED_AT_MOST]]
        more = len(limited) - len(named)
        ceiling = signed(PEAK_CEILING)
        if len(named) == 1:
            said.append(LIMITED_ONE.format(ceiling=ceiling, first=named[0]))
        else:
            two = {"ceiling": ceiling, "first": named[0], "second": named[1]}
            if more:
                said.append(LIMITED_MORE.format(count=more, **two))
            else:
                said.append(LIMITED_TWO.format(**two))
    return said


# What set-up says of a soundtrack's sounds not measured, or too quiet (one template per number).
UNMEASURED = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "%n sound not measured (played softer, as the loudest master would be; the library says why)|"
    "%n sounds not measured (played softer, as the loudest master would be; the library says why)",
)
UNDER = QT_TRANSLATE_NOOP(
    "LoudnessWords",
    "%n sound under the clinic's loudness (up to {most} LU)|"
    "%n sounds under the clinic's loudness (up to {most} LU)",
)


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
    parts: list[str] = []
    if unmeasured:
        parts.append(UNMEASURED.format(count=unmeasured))
    if quiet:
        parts.append(UNDER.format(count=len(quiet), most=f"{max(quiet):.1f}"))
    return joined(parts, "; ", "LoudnessWords")


def _short(title: str) -> str:
    return title if len(title) <= LONGEST_TITLE else title[: LONGEST_TITLE - 1].rstrip() + "…"
