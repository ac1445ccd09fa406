"""``kapdesk audio check`` and ``kapdesk playlist check``: per file, playable or why not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kapdesk.cli import main
from tests.audio.sdl_disk import write_sine_wav

DATA = Path(__file__).resolve().parents[1] / "audio" / "data"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_audio_check_of_good_files_gives_length_and_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = run(["audio", "check", str(DATA / "tone.ogg"), str(DATA / "tone.flac")], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("ok ")
    assert "OGG" in lines[0]
    assert "FLAC" in lines[1]
    assert lines[-1] == "2 playable, 0 not"


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
