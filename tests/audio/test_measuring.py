"""loudness_of() and measure_files(): measured, tags only when the meter cannot read a file;
many files in one child process, with progress, cancelling, and a reason for every file a dead
child did not finish."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mutagen.flac import FLAC
from mutagen.id3 import TXXX
from mutagen.mp3 import MP3

from kapdesk.audio import loudness_meter, measuring
from kapdesk.audio.loudness_meter import MeasureError, measure
from kapdesk.audio.measuring import loudness_of, measure_files, measuring_command
from kapdesk.cli.audio import measure_audio
from kapdesk.core.loudness import Loudness, LoudnessSource
from tests.audio.meter_fakes import without_mp3
from tests.audio.sdl_disk import write_sine_wav

DATA = Path(__file__).parent / "data"


def test_a_lying_tag_loses_to_the_measurement(tmp_path: Path) -> None:
    """A tag written before a remaster says +30 dB (a quiet file); the file is loud."""
    path = Path(shutil.copyfile(DATA / "tone.flac", tmp_path / "tone.flac"))
    measured = measure(path)
    audio = FLAC(path)
    audio["REPLAYGAIN_TRACK_GAIN"] = "+30.00 dB"
    audio.save()

    loudness = loudness_of(path)

    assert loudness.source is LoudnessSource.MEASURED
    assert loudness.integrated == pytest.approx(measured.integrated, abs=0.05)


@pytest.fixture
def no_mp3_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    without_mp3(monkeypatch)


@pytest.mark.usefixtures("no_mp3_decoder")
def test_a_sane_tag_stands_in_when_the_meter_cannot_decode_the_file(tmp_path: Path) -> None:
    path = Path(shutil.copyfile(DATA / "tone.mp3", tmp_path / "tone.mp3"))
    audio = MP3(path)
    tags: Any = audio.tags  # mutagen's ID3 is not typed
    assert tags is not None
    tags.add(TXXX(encoding=3, desc="REPLAYGAIN_TRACK_GAIN", text=["-2.00 dB"]))
    audio.save()

    loudness = loudness_of(path)

    assert loudness.source is LoudnessSource.TAG
    assert loudness.integrated == pytest.approx(-16.0)


@pytest.mark.usefixtures("no_mp3_decoder")
def test_without_a_tag_a_file_the_meter_cannot_decode_has_a_reason(tmp_path: Path) -> None:
    path = Path(shutil.copyfile(DATA / "tone.mp3", tmp_path / "tone.mp3"))

    with pytest.raises(MeasureError):
        loudness_of(path)


def test_a_sane_tag_stands_in_when_the_meter_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = Path(shutil.copyfile(DATA / "tone.flac", tmp_path / "tone.flac"))
    audio = FLAC(path)
    audio["REPLAYGAIN_TRACK_GAIN"] = "-2.00 dB"
    audio.save()
    monkeypatch.setattr(loudness_meter, "_loaded", None)
    monkeypatch.setattr(loudness_meter, "_missing", loudness_meter.NO_METER)

    loudness = loudness_of(path)

    assert loudness.source is LoudnessSource.TAG
    assert loudness.integrated == pytest.approx(-16.0)


def test_without_tags_the_file_is_measured(tmp_path: Path) -> None:
    path = write_sine_wav(tmp_path / "tone.wav", 1000, 2, amplitude=10 ** (-23 / 20))

    loudness = loudness_of(path)

    assert loudness.source is LoudnessSource.MEASURED
    assert loudness.integrated == pytest.approx(-23.0, abs=0.1)


def test_a_file_that_cannot_be_measured_raises(tmp_path: Path) -> None:
    with pytest.raises(MeasureError, match="missing"):
        loudness_of(tmp_path / "gone.flac")


def test_measure_files_in_a_child(tmp_path: Path) -> None:
    quiet = write_sine_wav(tmp_path / "quiet.wav", 1000, 2, amplitude=10 ** (-30 / 20))
    loud = write_sine_wav(tmp_path / "loud.wav", 1000, 2, amplitude=10 ** (-10 / 20))
    text = tmp_path / "notes.wav"
    text.write_text("not sound\n" * 40, encoding="utf-8")
    calls: list[tuple[int, int]] = []

    results = measure_files([quiet, tmp_path / "gone.wav", loud, text, quiet], _into(calls))

    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert list(results) == [quiet, tmp_path / "gone.wav", loud, text]
    quiet_result, loud_result, text_result = results[quiet], results[loud], results[text]
    assert isinstance(quiet_result, Loudness)
    assert quiet_result.integrated == pytest.approx(-30.0, abs=0.1)
    assert isinstance(loud_result, Loudness)
    assert loud_result.integrated == pytest.approx(-10.0, abs=0.1)
    assert results[tmp_path / "gone.wav"] == "the file is missing"
    assert isinstance(text_result, str)
    assert "not a sound file" in text_result


def test_a_long_list_goes_through_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measuring, "LONGEST_COMMAND", 0)
    odd = write_sine_wav(tmp_path / "new\nline -x.wav", 1000, 1, amplitude=0.1)
    plain = write_sine_wav(tmp_path / "plain.wav", 1000, 1, amplitude=0.01)

    results = measure_files([odd, plain], lambda done, total: None)

    odd_result, plain_result = results[odd], results[plain]
    assert isinstance(odd_result, Loudness)
    assert isinstance(plain_result, Loudness)
    assert odd_result.integrated > plain_result.integrated + 15


def test_cancelling_stops_the_child(tmp_path: Path) -> None:
    tracks = [write_sine_wav(tmp_path / f"t{i}.wav", 1000, 3, amplitude=0.1) for i in range(6)]
    calls: list[tuple[int, int]] = []

    results = measure_files(tracks, _into(calls), cancelled=lambda: bool(calls))

    assert calls == [(1, 6)]
    assert isinstance(results[tracks[0]], Loudness)
    assert all(results[t] == measuring.STOPPED for t in tracks[1:])


def test_a_dead_child_leaves_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second, third = tmp_path / "a.wav", tmp_path / "b.wav", tmp_path / "c.wav"
    said = [
        {"ready": True},
        {"index": 0, "begin": True},
        {"index": 0, "path": str(first), "problem": "the file is empty"},
        {"index": 1, "begin": True},
    ]
    lines = "\n".join(json.dumps(entry) for entry in said)
    script = f"print('Traceback: noise'); print({lines!r}, flush=True); import os; os._exit(9)"
    monkeypatch.setattr(
        measuring, "measuring_command", lambda paths, **_: [sys.executable, "-c", script]
    )

    results = measure_files([first, second, third], lambda done, total: None)

    assert results == {
        first: "the file is empty",
        second: measuring.DIED_ON,
        third: measuring.CHILD_FAILED,
    }


def test_a_child_that_dies_before_it_is_ready_blames_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        measuring,
        "measuring_command",
        lambda paths, **_: [sys.executable, "-c", "raise SystemExit(2)"],
    )
    first, second = tmp_path / "a.wav", tmp_path / "b.wav"

    results = measure_files([first, second], lambda done, total: None)

    assert results == {first: measuring.CANNOT_START, second: measuring.CANNOT_START}


def test_a_child_that_cannot_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        measuring, "measuring_command", lambda paths, **_: [str(tmp_path / "no-such-program")]
    )

    results = measure_files([tmp_path / "a.wav"], lambda done, total: None)

    assert results == {tmp_path / "a.wav": measuring.CANNOT_START}


def test_nothing_to_measure_starts_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measuring, "measuring_command", _never)

    assert measure_files([], lambda done, total: None) == {}


def test_the_frozen_build_runs_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)

    command = measuring_command([Path("-odd.wav")])

    assert command == [sys.executable, "audio", "measure", "--json-lines", "--", "-odd.wav"]


def test_from_source_it_runs_the_module() -> None:
    assert measuring_command([Path("a.wav")])[:3] == [sys.executable, "-m", "kapdesk"]


def _into(calls: list[tuple[int, int]]) -> Callable[[int, int], None]:
    return lambda done, total: calls.append((done, total))


def _never(paths: object, **_: object) -> list[str]:
    raise AssertionError("no child should start")


# A child that says each file is fine, but never gets past a file named "hang…" (the first time
# only, for "hang-once…"); as it hangs it leaves a mark beside the file, and from then on each
# look at the test's clock finds it an hour later.
HANGING_CHILD = """
import glob, json, os, signal, sys
print(json.dumps({"ready": True}), flush=True)
for index, path in enumerate(sys.argv[1:]):
    print(json.dumps({"index": index, "begin": True}), flush=True)
    name = os.path.basename(path)
    if name.startswith("hang") and not (name.startswith("hang-once") and glob.glob(path + ".*")):
        open(f"{path}.{os.getpid()}.hung", "w").close()
        signal.pause()  # hung: until the parent kills it
    print(json.dumps({"index": index, "path": path, "problem": "fine"}), flush=True)
"""


def _hanging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[list[str]], Callable[[], float]]:
    """The names each child was given, and a clock that runs only while the newest child
    hangs."""
    started: list[list[str]] = []

    def command(paths: list[Path], **_: object) -> list[str]:
        started.append([p.name for p in paths])
        return [sys.executable, "-c", HANGING_CHILD, *(str(p) for p in paths)]

    now = [0.0]

    def clock() -> float:
        if len(list(tmp_path.glob("*.hung"))) >= len(started):  # the newest child hangs
            now[0] += 3600.0
        return now[0]

    monkeypatch.setattr(measuring, "measuring_command", command)
    return started, clock


def test_a_file_that_hangs_twice_is_blamed_and_the_rest_go_on_in_a_new_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, stuck, last = tmp_path / "a.wav", tmp_path / "hang.wav", tmp_path / "c.wav"
    started, clock = _hanging(tmp_path, monkeypatch)
    asked: list[Path] = []
    calls: list[tuple[int, int]] = []

    def time_limit(path: Path) -> float:
        asked.append(path)
        return 60.0

    results = measure_files([first, stuck, last], _into(calls), time_limit=time_limit, clock=clock)

    assert results == {first: "fine", stuck: measuring.TOO_LONG, last: "fine"}
    assert started == [["a.wav", "hang.wav", "c.wav"], ["hang.wav", "c.wav"], ["c.wav"]]
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert asked.count(stuck) == 2  # once as each child began it, never while waiting


def test_a_file_that_hangs_once_is_measured_in_a_fresh_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    once, last = tmp_path / "hang-once.wav", tmp_path / "c.wav"
    started, clock = _hanging(tmp_path, monkeypatch)

    results = measure_files([once, last], lambda done, total: None, clock=clock)

    assert results == {once: "fine", last: "fine"}
    assert started == [["hang-once.wav", "c.wav"], ["hang-once.wav", "c.wav"]]


def test_a_files_time_limit_grows_with_its_length_or_size(tmp_path: Path) -> None:
    small, large = tmp_path / "small.mp3", tmp_path / "large.mp3"
    small.write_bytes(b"\0" * 1000)
    large.write_bytes(b"\0" * 10_000_000)  # 20 minutes at 64 kbit/s: 2 minutes at 10x

    assert measuring.file_time_limit(small) == measuring.SHORTEST_LIMIT_S
    assert measuring.file_time_limit(large) == pytest.approx(250.0)
    assert measuring.file_time_limit(tmp_path / "gone.mp3") == measuring.SHORTEST_LIMIT_S
    assert measuring.file_time_limit(small, 3600.0) == pytest.approx(1800.0)
    assert measuring.file_time_limit(large, 30.0) == measuring.SHORTEST_LIMIT_S


def test_a_child_without_a_meter_says_so_and_measures_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loudness_meter, "meter_missing", lambda: "libebur128 is not installed")
    out = io.StringIO()

    assert measure_audio([tmp_path / "a.wav"], out) == 0

    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"missing": "libebur128 is not installed"},
        {"ready": True},
    ]


# A real child whose meter's libraries cannot be loaded.
NO_METER_CHILD = """
import sys
from pathlib import Path
from kapdesk.audio import loudness_meter
from kapdesk.cli.audio import measure_audio
loudness_meter._loaded, loudness_meter._missing = None, loudness_meter.NO_METER
sys.exit(measure_audio([Path(p) for p in sys.argv[1:]], sys.stdout))
"""


def test_without_a_meter_the_child_gives_what_the_tags_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tagged = Path(shutil.copyfile(DATA / "tone.flac", tmp_path / "tagged.flac"))
    audio = FLAC(tagged)
    audio["REPLAYGAIN_TRACK_GAIN"] = "-2.00 dB"
    audio.save()
    plain = Path(shutil.copyfile(DATA / "tone.flac", tmp_path / "plain.flac"))
    monkeypatch.setattr(
        measuring,
        "measuring_command",
        lambda paths, **_: [sys.executable, "-c", NO_METER_CHILD, *(str(p) for p in paths)],
    )

    with pytest.raises(measuring.MeterMissingError) as raised:
        measure_files([plain, tagged], lambda done, total: None)

    assert str(raised.value) == loudness_meter.NO_METER
    assert list(raised.value.tagged) == [tagged]
    assert raised.value.tagged[tagged].source is LoudnessSource.TAG
    assert raised.value.tagged[tagged].integrated == pytest.approx(-16.0)


def test_measure_files_raises_when_the_child_has_no_meter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = json.dumps({"missing": "libebur128 is not installed"})
    monkeypatch.setattr(
        measuring,
        "measuring_command",
        lambda paths, **_: [sys.executable, "-c", f"print({said!r})"],
    )

    with pytest.raises(measuring.MeterMissingError, match="libebur128 is not installed"):
        measure_files([tmp_path / "a.wav"], lambda done, total: None)


# The real child, but its list of names comes from a reader that says so, then waits.
WAITING_CHILD = """
import sys
from kapdesk.cli.audio import measure_audio

class Names:
    def read(self):
        print("waiting", flush=True)
        return sys.stdin.buffer.read()

sys.exit(measure_audio([], sys.stdout, from_stdin=True, names=Names()))
"""


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="Linux's idle scheduling class")
def test_the_child_runs_in_the_idle_scheduling_class() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", WAITING_CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == b"waiting\n"
        policy = os.sched_getscheduler(child.pid)
    finally:
        child.stdin.close()
        child.stdout.close()
        child.wait(30)

    assert policy == os.SCHED_IDLE
