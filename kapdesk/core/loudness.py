"""Loudness: how loud a track is (EBU R128 / ITU-R BS.1770) and the gain that brings it to the
clinic's target, so that no track startles a patient under eyeshades.

Every track and bed is measured once (integrated loudness in LUFS, loudness range in LU, true
peak in dBTP), or read from the ReplayGain or R128 tags already in the file. The player then
plays it at ``target − integrated`` dB, but only ever *down*: pygame's volume cannot go above
1.0 and streamed music cannot be scaled sample by sample, so kapdesk matches loudness by
lowering the loud tracks to a calm target rather than raising the quiet ones. A track quieter
than the target plays as it is and is named with how far short it falls; a track whose true
peak would pass the ceiling gets less gain (which, as kapdesk only lowers, cannot happen unless
the peak is already above it) and is named too.

Pure arithmetic: the measuring is in ``kapdesk.audio.loudness_meter``, the tags in
``kapdesk.audio.loudness_tags``, the playing in ``kapdesk.audio.player``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

DEFAULT_TARGET = -26.0  # LUFS: calm for headphones in a quiet room (docs/sound.md says why)
LOWEST_TARGET = -30.0
HIGHEST_TARGET = -18.0
PEAK_CEILING = -1.0  # dBTP: no track's true peak is played above this
# A track not yet measured plays as if it were the loudest of modern masters (they reach about
# -5 LUFS): too quiet rather than too loud, until it is measured.
UNMEASURED_LOUDNESS = -5.0
SANE_LOUDNESS = (-70.0, 0.0)  # LUFS: a tag outside this is not believed
MIXER_STEPS = 128  # SDL_mixer's volume is a whole number of 128ths
SHORT_ENOUGH_TO_SAY = 1.0  # LU: a track this far under the target or more is named


class LoudnessSource(StrEnum):
    """Where a track's loudness came from."""

    MEASURED = "measured"
    TAG = "tag"  # ReplayGain or R128 tags in the file


@dataclass(frozen=True)
class Loudness:
    """A track's loudness: integrated (LUFS), range (LU, None when not known) and true peak
    (dBTP; from a tag it is the sample peak, which is never above the true peak)."""

    integrated: float
    true_peak: float
    range: float | None = None
    source: LoudnessSource = LoudnessSource.MEASURED

    def to_json(self) -> dict[str, Any]:
        """The loudness as records and plans keep it (:func:`loudness_from_json` reads it)."""
        return {
            "lufs": round(self.integrated, 2),
            "true_peak": round(self.true_peak, 2),
            "range": None if self.range is None else round(self.range, 2),
            "source": self.source.value,
        }


def loudness_from_json(data: Any) -> Loudness | None:
    """A loudness from :meth:`Loudness.to_json`; None when absent or unreadable."""
    if not isinstance(data, Mapping):
        return None
    integrated, peak, lra = data.get("lufs"), data.get("true_peak"), data.get("range")
    if not (isinstance(integrated, int | float) and isinstance(peak, int | float)):
        return None
    if not (_finite(integrated) and _finite(peak)):
        return None
    try:
        source = LoudnessSource(data.get("source", LoudnessSource.MEASURED.value))
    except ValueError:
        source = LoudnessSource.MEASURED
    spread = float(lra) if isinstance(lra, int | float) and _finite(lra) else None
    return Loudness(float(integrated), float(peak), spread, source)


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def sane(loudness: Loudness) -> bool:
    """Whether a loudness is believable: a tag written by a broken tool is measured instead."""
    low, high = SANE_LOUDNESS
    return (
        math.isfinite(loudness.integrated)
        and low < loudness.integrated < high
        and math.isfinite(loudness.true_peak)
        and -120.0 < loudness.true_peak < 20.0
    )


@dataclass(frozen=True)
class Matching:
    """How a track is brought to the target: the gain it plays at, and what it falls short by."""

    gain: float  # dB, never above 0
    short_by: float  # LU under the target it still plays at (0: on target)
    peak_limited: bool  # the gain was held back by the true-peak ceiling
    measured: bool  # False: not yet measured, played as the loudest master would be

    @property
    def too_quiet(self) -> bool:
        """Far enough under the target to name in the library."""
        return self.short_by >= SHORT_ENOUGH_TO_SAY


def matching(
    loudness: Loudness | None, target: float = DEFAULT_TARGET, ceiling: float = PEAK_CEILING
) -> Matching:
    """The gain for a track of ``loudness`` at ``target`` LUFS, its peak kept under ``ceiling``.

    Only attenuation: ``min(0, target − integrated, ceiling − true peak)``."""
    if loudness is None:
        return Matching(min(0.0, target - UNMEASURED_LOUDNESS), 0.0, False, False)
    wanted = target - loudness.integrated
    allowed = ceiling - loudness.true_peak
    gain = min(0.0, wanted, allowed)
    return Matching(
        gain=round(gain, 2),
        short_by=round(max(0.0, wanted - gain), 2),
        peak_limited=allowed < min(0.0, wanted),
        measured=True,
    )


def track_gain(loudness: Loudness | None, target: float = DEFAULT_TARGET) -> float:
    """The gain in dB (never above 0) a track plays at; see :func:`matching`."""
    return matching(loudness, target).gain


def gain_factor(gain_db: float) -> float:
    """A gain in dB as the factor a volume is multiplied by."""
    return float(10.0 ** (min(0.0, gain_db) / 20.0))


def clamp_target(target: float) -> float:
    return min(HIGHEST_TARGET, max(LOWEST_TARGET, target))


def mixer_volume(volume: float, limit: float = 1.0) -> float:
    """``volume`` (0.0–1.0) as the mixer will play it: the nearest whole 128th, never above
    ``limit`` (the room's volume limit).

    SDL_mixer truncates to 128ths, which halves a quiet layer's accuracy and turns anything
    under 1/128 into silence; rounding first, and never rounding a sounding layer to nothing,
    keeps a heavily lowered track audible and within half a step of its gain. Near the limit
    the step is taken down, not up."""
    if not volume > 0.0:
        return 0.0
    highest = max(1, math.floor(min(1.0, limit) * MIXER_STEPS + 1e-9))
    steps = min(highest, max(1, round(volume * MIXER_STEPS)))
    return steps / MIXER_STEPS


# -- tags ---------------------------------------------------------------------------------------

REPLAYGAIN_REFERENCE = -18.0  # LUFS: ReplayGain 2.0's reference loudness
R128_REFERENCE = -23.0  # LUFS: what the R128_TRACK_GAIN of an Opus file brings a track to


def loudness_from_replaygain(gain_db: float, peak: float | None) -> Loudness | None:
    """The loudness a ReplayGain track gain (and linear sample peak, 1.0 = full scale) says;
    None when the tag is not believable."""
    if not math.isfinite(gain_db):
        return None
    if peak is None or not math.isfinite(peak) or peak <= 0:
        peak_db = 0.0  # no peak given: assume full scale, so the ceiling is kept
    else:
        peak_db = 20.0 * math.log10(peak)
    found = Loudness(REPLAYGAIN_REFERENCE - gain_db, peak_db, None, LoudnessSource.TAG)
    return found if sane(found) else None


def loudness_from_r128(q78: int) -> Loudness | None:
    """The loudness an Opus ``R128_TRACK_GAIN`` (dB × 256) says; the peak is not known, so it is
    taken as full scale. None when not believable."""
    found = Loudness(R128_REFERENCE - q78 / 256.0, 0.0, None, LoudnessSource.TAG)
    return found if sane(found) else None
