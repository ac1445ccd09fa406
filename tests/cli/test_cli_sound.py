"""``kapdesk audio check`` and ``kapdesk playlist check``: per file, playable or why not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mutagen.flac import FLAC

from kapdesk.audio import loudness_meter
from kapdesk.cli import main
from kapdesk.cli.checks import clinic_target
from kapdesk.core import clinic, loudness
from kapdesk.core.loudness import DEFAULT_TARGET, matching
from kapdesk.core.loudness_words import MINUS, gain_text
from kapdesk.paths import AppPaths
from tests.audio.sdl_disk import write_sine_wav

DATA = Path(__file__).resolve().parents[1] / "audio" / "data"
# What the player plays a track at while it has no loudness: never "as it is"
UNMEASURED_GAIN = gain_text(matching(None, DEFAULT_TARGET))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_audio_check_of_good_files_gives_length_and_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(["audio", "check", str(DATA / "tone.ogg"), str(DATA / "tone.flac")], capsys)
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("ok ")]
    assert "OGG" in lines[0]
    assert "FLAC" in lines[1]
    assert out.splitlines()[-1] == "2 playable, 0 not"


def test_audio_check_names_every_bad_file_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.wav"
    write_sine_wav(good, 440, 1.0)
    (tmp_path / "empty.mp3").write_bytes(b"")
    (tmp_path / "junk.ogg").write_bytes(b"\x00\xffnot sound" * 50)
    cut = tmp_path / "cut.flac"
    cut.write_bytes((DATA / "tone.flac").read_bytes()[:400])
    (tmp_path / "notes.txt").write_text("not audio", encoding="utf-8")
    code, out = run(
        [
            "audio",
            "check",
            str(tmp_path),  # a folder: every sound file in it (the .txt is not one)
            str(tmp_path / "notes.txt"),
            str(tmp_path / "gone.wav"),
        ],
        capsys,
    )
    assert code == 1
    by_file = {line.split(": ")[0].removeprefix("CANNOT   "): line for line in out.splitlines()}
    assert "empty" in by_file[str(tmp_path / "empty.mp3")]
    assert by_file[str(tmp_path / "junk.ogg")].startswith("CANNOT")
    assert by_file[str(tmp_path / "cut.flac")].startswith("CANNOT")
    assert by_file[str(tmp_path / "notes.txt")].startswith("CANNOT")
    assert "missing" in by_file[str(tmp_path / "gone.wav")]
    assert any(line.startswith("ok ") and "good.wav" in line for line in out.splitlines())
    assert out.splitlines()[-1] == "1 playable, 5 not"
    assert "Traceback" not in out


def _loudness_lines(out: str) -> dict[str, str]:
    """Each playable file's loudness line (the indented line under its "ok" line), by name."""
    lines = out.splitlines()
    return {
        Path(line.rsplit("(", 1)[1].rstrip(")")).name: lines[i + 1].strip()
        for i, line in enumerate(lines)
        if line.startswith("ok ")
    }


def test_audio_check_prints_loudness_and_the_gain_at_the_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loud = write_sine_wav(tmp_path / "loud.wav", 1000, 3, amplitude=10 ** (-10 / 20))
    quiet = write_sine_wav(tmp_path / "quiet.wav", 1000, 3, amplitude=10 ** (-40 / 20))

    code, out = run(["audio", "check", str(loud), str(quiet)], capsys)

    said = _loudness_lines(out)
    assert code == 0
    assert said["loud.wav"] == (
        "loudness -10.0 LUFS, range 0.0 LU, true peak -10.0 dBTP; "
        "plays at -16.0 dB for the target of -26 LUFS"
    )
    assert said["quiet.wav"].startswith("loudness -40.0 LUFS")
    assert said["quiet.wav"].endswith(
        "too quiet for the target of -26 LUFS by 14.0 LU: plays as it is "
        "(kapdesk only lowers tracks)"
    )


def test_audio_check_names_a_track_it_cannot_measure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    silent = write_sine_wav(tmp_path / "silent.wav", 1000, 2, amplitude=0.0)

    code, out = run(["audio", "check", str(silent)], capsys)

    assert code == 0  # it plays; it is only not measured
    assert _loudness_lines(out)["silent.wav"] == (
        f"loudness not measured: the track is silent; plays at {UNMEASURED_GAIN}, "
        "as the loudest track would, quieter rather than louder"
    )


def test_audio_check_reads_replaygain_tags_when_it_cannot_measure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged = Path(shutil.copyfile(DATA / "tone.flac", tmp_path / "tagged.flac"))
    audio = FLAC(tagged)
    audio["REPLAYGAIN_TRACK_GAIN"] = "-4.00 dB"
    audio["REPLAYGAIN_TRACK_PEAK"] = "0.5"
    audio.save()
    monkeypatch.setattr(loudness_meter, "_loaded", None)
    monkeypatch.setattr(loudness_meter, "_missing", loudness_meter.NO_METER)

    code, out = run(["audio", "check", str(tagged)], capsys)

    assert code == 0
    assert _loudness_lines(out)["tagged.flac"] == (
        "loudness -14.0 LUFS (from its ReplayGain or R128 tags); "
        "plays at -12.0 dB for the target of -26 LUFS"
    )


def test_audio_check_without_the_meter_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loudness_meter, "_loaded", None)
    monkeypatch.setattr(loudness_meter, "_missing", None)
    monkeypatch.setattr(loudness_meter, "_load", lambda soname, name: None)
    tone = write_sine_wav(tmp_path / "tone.wav", 1000, 2, amplitude=0.1)

    code, out = run(["audio", "check", str(tone)], capsys)

    assert code == 0
    assert _loudness_lines(out)["tone.wav"] == (
        f"loudness not measured: {loudness_meter.NO_METER}; plays at {UNMEASURED_GAIN}, "
        "as the loudest track would, quieter rather than louder"
    )


def test_the_gain_printed_for_an_unmeasured_track_is_the_players(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever loudness an unmeasured track is taken for, the line says the player's gain."""
    monkeypatch.setattr(loudness, "UNMEASURED_LOUDNESS", -5.0)
    silent = write_sine_wav(tmp_path / "silent.wav", 1000, 2, amplitude=0.0)

    _, out = run(["audio", "check", str(silent)], capsys)

    assert f"plays at {MINUS}21.0 dB," in _loudness_lines(out)["silent.wav"]


def test_audio_check_uses_the_clinics_target(monkeypatch: pytest.MonkeyPatch) -> None:
    class Settings:
        target_loudness = -20.0

    monkeypatch.setattr(clinic, "load_clinic", lambda bundled, path: (Settings(), []))

    assert clinic_target(AppPaths.resolve(None)) == -20.0


def test_audio_check_falls_back_to_the_default_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(bundled: Path, path: Path | None) -> None:
        raise OSError("unreadable")

    monkeypatch.setattr(clinic, "load_clinic", broken)

    assert clinic_target(AppPaths.resolve(tmp_path)) == DEFAULT_TARGET


def test_playlist_check_lists_found_and_missing_entries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(DATA / "tone.ogg", tmp_path / "here.ogg")
    playlist = tmp_path / "evening.m3u"
    playlist.write_bytes(
        b"#EXTM3U\r\n#EXTINF:2,Someone - Here\r\nhere.ogg\r\n"
        b"C:\\Music\\gone.mp3\r\nhttp://radio.example/stream\r\n\x01\x02garbage\r\n"
    )
    code, out = run(["playlist", "check", str(playlist)], capsys)
    assert code == 1
    assert "4 entries" in out or "3 entries" in out
    assert "ok " in out
    assert "Windows path" in out
    assert "stream URL" in out
    assert out.splitlines()[-1].startswith("1 found")


def test_playlist_check_of_something_that_is_no_playlist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["playlist", "check", str(tmp_path / "nowhere.m3u8")], capsys)
    assert code == 1
    assert "nowhere.m3u8" in out
    (tmp_path / "empty.pls").write_bytes(b"")
    code, out = run(["playlist", "check", str(tmp_path / "empty.pls")], capsys)
    assert code == 1
    assert "empty" in out
