"""The library's loudness words: figures with true minus signs, and the tracks too quiet for
the target named with how far short they fall."""

from __future__ import annotations

from kapdesk.core.loudness import Loudness, LoudnessSource, matching
from kapdesk.core.loudness_words import (
    gain_hint,
    gain_text,
    loudness_hint,
    loudness_text,
    quiet_notice,
    soundtrack_note,
)
from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Track

TARGET = -26.0


def test_a_track_reads_as_its_loudness_its_reason_or_not_yet() -> None:
    assert loudness_text(Loudness(-14.24, -1.0)) == "\u221214.2 LUFS"
    tagged = Loudness(-20.0, -3.0, None, LoudnessSource.TAG)
    assert loudness_text(tagged) == "\u221220.0 LUFS"
    assert loudness_hint(tagged) == (
        "From the file's ReplayGain or R128 tags: \u221220.0 LUFS, true peak \u22123.0 dBTP."
    )
    assert loudness_hint(Loudness(-14.24, -1.0, 6.0)) == (
        "Measured (EBU R128): \u221214.2 LUFS, range 6.0 LU, true peak \u22121.0 dBTP."
    )
    assert loudness_text(None, "silent") == "silent"
    assert loudness_text(None) == "not measured yet"


def test_the_gain_says_what_holds_it() -> None:
    assert gain_text(matching(Loudness(-14.2, -1.0), TARGET)) == "\u221211.8 dB"
    assert gain_text(matching(Loudness(-31.5, -9.0), TARGET)) == "0 dB, 5.5 LU short"
    assert gain_text(matching(Loudness(-26.5, -9.0), TARGET)) == "0 dB"  # under 1 LU: not named
    assert gain_text(matching(Loudness(-25.5, 0.0), TARGET)) == "\u22121.0 dB, peak-limited"
    both = matching(Loudness(-27.0, 2.0), TARGET)
    assert gain_text(both) == "\u22123.0 dB, 4.0 LU short, peak-limited"
    assert gain_text(matching(None, TARGET)) == "\u221221.0 dB"
    assert gain_hint(matching(None, TARGET), TARGET).startswith("Not measured")
    assert "never raises" in gain_hint(matching(Loudness(-31.5, -9.0), TARGET), TARGET)


def test_the_notice_names_the_quietest_first_and_counts_the_rest() -> None:
    tracks = [
        ("Loud", Loudness(-9.0, -0.5)),
        ("Hiss", Loudness(-28.0, -10.0)),
        ("Old tape", Loudness(-31.5, -12.0)),
        ("A", Loudness(-29.0, -12.0)),
        ("B", Loudness(-30.0, -12.0)),
        ("Unknown", None),
    ]
    assert quiet_notice(tracks, TARGET) == (
        "4 tracks are too quiet for the clinic's target of \u221226.0 LUFS: "
        "“Old tape” plays 5.5 LU under it, “B” 4.0 LU and 2 more."
    )
    assert quiet_notice([("Hot", Loudness(-25.5, 0.0))], TARGET) == (
        "Held down to keep peaks under \u22121.0 dBTP: “Hot”."
    )
    assert quiet_notice([("Loud", Loudness(-9.0, -0.5)), ("New", None)], TARGET) == ""
    one = quiet_notice([("Hiss " * 20, Loudness(-28.0, -10.0))], -26.0)
    assert one.startswith("1 track is too quiet")
    assert "“Hiss Hiss Hiss Hiss Hiss Hiss H…” plays 2.0 LU under it." in one


def test_set_up_says_which_sounds_are_not_measured_or_too_quiet() -> None:
    quiet = Track("/m/old.flac", "Old tape", loudness=Loudness(-31.5, -12.0))
    loud = Track("/m/new.flac", "New", loudness=Loudness(-9.0, -0.5))
    bare = Track("/m/bare.mp3", "Bare")
    calm = Playlist("Calm", (quiet, loud, bare))
    soundtrack = Soundtrack("Evening", bed=Bed("/s/rain.ogg", "Rain"), settling=calm, default=calm)
    assert soundtrack_note(soundtrack, -26.0) == (
        "2 sounds not measured (played softer, as the loudest master would be; the library "
        "says why); "
        "1 sound under the clinic's loudness (up to 5.5 LU)"
    )
    matched = Soundtrack("Matched", default=Playlist("Loud", (loud,)))
    assert soundtrack_note(matched, -26.0) == ""
