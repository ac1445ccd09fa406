"""Loudness is measured off the window's thread, kept batch by batch, one run at a time; a
file that cannot be measured keeps its reason, and measuring that could not happen keeps
nothing."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from kapdesk.audio import loudness_meter, measuring
from kapdesk.core.clock import FakeClock
from kapdesk.core.loudness import Loudness
from kapdesk.storage.db import Storage
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui import library_measure
from kapdesk.ui.library_measure import CHILD_DIED_HERE, Measurer
from tests.audio.sdl_disk import write_sine_wav

LOUD = Loudness(-9.5, -0.4, 6.1)


class FakeMeter:
    """Stands in for the child process: each file's result from ``answers`` (by name), else
    LOUD; it can be held until released, and records what it was asked."""

    def __init__(
        self,
        answers: dict[str, Loudness | str] | None = None,
        after: dict[str, Loudness | str] | None = None,
    ) -> None:
        self.answers = answers or {}
        self.after = after  # the answers from the second call on
        self.asked: list[list[str]] = []
        self.hold = threading.Event()
        self.hold.set()

    def __call__(
        self,
        paths: Sequence[Path],
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> dict[Path, Loudness | str]:
        self.asked.append([p.name for p in paths])
        assert self.hold.wait(10)
        results: dict[Path, Loudness | str] = {}
        for n, path in enumerate(paths, start=1):
            results[path] = self.answers.get(path.name, LOUD)
            progress(n, len(paths))
        if self.after is not None:
            self.answers = self.after
        return results


@pytest.fixture
def library(storage: Storage, clock: FakeClock) -> SoundLibrary:
    return SoundLibrary(storage, clock)


@pytest.fixture
def owner(qtbot: QtBot) -> QObject:
    return QObject()


def _add(library: SoundLibrary, folder: Path, *names: str) -> list[int]:
    scanned = []
    for name in names:
        path = folder / f"{name}.wav"
        path.write_bytes(b"RIFF" + name.encode())
        facts = path.stat()
        scanned.append(
            ScannedTrack(str(path), name, "", 60.0, "wav", None, facts.st_size, facts.st_mtime)
        )
    return library.add(scanned)


def _loudness(library: SoundLibrary) -> dict[str, Loudness | str | None]:
    return {item.title: item.loudness or item.loudness_problem for item in library.items()}


def _run(qtbot: QtBot, measurer: Measurer) -> str:
    with qtbot.waitSignal(measurer.finished, timeout=10_000) as ended:
        measurer.start()
    return str(ended.args[0])


def test_each_track_is_measured_once_and_a_bad_file_keeps_its_reason(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "dawn", "noise")
    meter = FakeMeter({"noise.wav": "not a sound file"})
    measurer = Measurer(library, owner, meter)
    progress: list[tuple[int, int]] = []
    measurer.progressed.connect(lambda done, total: progress.append((done, total)))
    assert _run(qtbot, measurer) == ""
    assert _loudness(library) == {"dawn": LOUD, "noise": "not a sound file"}
    assert progress[-1] == (2, 2)
    assert _run(qtbot, measurer) == ""
    assert meter.asked == [["dawn.wav", "noise.wav"]]  # nothing left the second time


def test_batches_are_kept_as_they_are_measured(
    qtbot: QtBot,
    library: SoundLibrary,
    owner: QObject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(library_measure, "BATCH", 2)
    _add(library, tmp_path, "a", "b", "c")
    measurer = Measurer(library, owner, FakeMeter())
    kept: list[set[int]] = []
    measurer.measured.connect(lambda results: kept.append(set(results)))
    _run(qtbot, measurer)
    assert [len(batch) for batch in kept] == [2, 1]


def test_a_second_start_while_measuring_runs_once_more_after(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "first")
    meter = FakeMeter()
    meter.hold.clear()
    measurer = Measurer(library, owner, meter)
    ended: list[str] = []
    measurer.finished.connect(ended.append)
    measurer.start()
    qtbot.waitUntil(lambda: meter.asked == [["first.wav"]])
    _add(library, tmp_path, "second")  # a scan added it meanwhile
    measurer.start()
    assert measurer.running
    meter.hold.set()
    qtbot.waitUntil(lambda: ended == [""], timeout=10_000)
    assert meter.asked == [["first.wav"], ["second.wav"]]
    assert _loudness(library) == {"first": LOUD, "second": LOUD}


def test_without_a_meter_nothing_is_kept_and_staff_are_told(
    qtbot: QtBot,
    library: SoundLibrary,
    owner: QObject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _add(library, tmp_path, "dawn")
    said = json.dumps({"missing": "libebur128 is not installed"})
    monkeypatch.setattr(
        measuring,
        "measuring_command",
        lambda paths, **_: [sys.executable, "-c", f"print({said!r})"],
    )
    measurer = Measurer(library, owner)  # the real measure_files, with a child that says so
    assert _run(qtbot, measurer) == "libebur128 is not installed."
    assert _loudness(library) == {"dawn": None}
    assert [Path(path).name for _, path in library.to_measure()] == ["dawn.wav"]  # tried again


def test_without_a_meter_what_the_tags_say_is_kept_and_staff_told_once(
    qtbot: QtBot,
    library: SoundLibrary,
    owner: QObject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(library_measure, "BATCH", 1)
    _add(library, tmp_path, "tagged", "plain")
    asked: list[str] = []

    def no_meter(
        paths: Sequence[Path], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[Path, Loudness | str]:
        asked.extend(p.name for p in paths)
        tags = {p: LOUD for p in paths if p.name == "tagged.wav"}
        raise measuring.MeterMissingError(loudness_meter.NO_METER, tags)

    ended = _run(qtbot, Measurer(library, owner, no_meter))
    assert ended == f"{loudness_meter.NO_METER}."  # the sentence once, not prefixed again
    assert asked == ["tagged.wav", "plain.wav"]
    assert _loudness(library) == {"tagged": LOUD, "plain": None}
    assert [Path(path).name for _, path in library.to_measure()] == ["plain.wav"]


def test_the_windows_process_never_loads_the_sound_libraries_to_measure(
    qtbot: QtBot,
    library: SoundLibrary,
    owner: QObject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """libsndfile, libebur128 and their codecs are loaded in the child only."""

    def loaded_here() -> None:
        raise AssertionError("the sound libraries were loaded in the window's process")

    monkeypatch.setattr(loudness_meter, "_libraries", loaded_here)
    path = write_sine_wav(tmp_path / "tone.wav", 1000, 2, amplitude=0.1)
    facts = path.stat()
    library.add(
        [ScannedTrack(str(path), "tone", "", 2.0, "wav", None, facts.st_size, facts.st_mtime)]
    )
    assert _run(qtbot, Measurer(library, owner)) == ""
    (measured,) = library.items()
    assert isinstance(measured.loudness, Loudness)


def test_a_child_that_cannot_start_keeps_nothing(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "dawn", "dusk")
    meter = FakeMeter({"dawn.wav": measuring.CANNOT_START, "dusk.wav": measuring.CANNOT_START})
    measurer = Measurer(library, owner, meter)
    assert "could not start measuring" in _run(qtbot, measurer)
    assert _loudness(library) == {"dawn": None, "dusk": None}


def test_a_later_child_that_cannot_start_ends_the_run_keeping_what_was_measured(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    ids = _add(library, tmp_path, "a", "b")
    measurer = Measurer(library, owner, FakeMeter({"b.wav": measuring.CANNOT_START}))
    kept: list[set[int]] = []
    measurer.measured.connect(lambda results: kept.append(set(results)))
    assert "could not start measuring" in _run(qtbot, measurer)
    assert _loudness(library) == {"a": LOUD, "b": None}
    assert kept == [{ids[0]}]  # the page hears of what was kept


def test_a_child_that_dies_before_it_is_ready_keeps_nothing(
    qtbot: QtBot,
    library: SoundLibrary,
    owner: QObject,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A broken install: every child exits at once, saying nothing; no file is blamed."""
    _add(library, tmp_path, "a", "b", "c", "d", "e")
    started: list[int] = []

    def broken(paths: Sequence[Path], **_: object) -> list[str]:
        started.append(len(paths))
        return [sys.executable, "-c", "raise SystemExit(2)"]

    monkeypatch.setattr(measuring, "measuring_command", broken)
    assert "could not start measuring" in _run(qtbot, Measurer(library, owner))
    assert started == [5]
    assert _loudness(library) == dict.fromkeys("abcde")
    assert len(library.to_measure()) == 5  # tried again later


def test_a_file_a_child_died_on_once_is_tried_again_in_a_fresh_child(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    """A child killed for a reason of its own (short of memory, a signal) blames nothing."""
    _add(library, tmp_path, "a", "b", "c")
    died: dict[str, Loudness | str] = {
        "b.wav": measuring.DIED_ON,
        "c.wav": measuring.CHILD_FAILED,
    }
    meter = FakeMeter(died, after={})  # the next child gets past b
    measurer = Measurer(library, owner, meter)
    progress: list[tuple[int, int]] = []
    measurer.progressed.connect(lambda done, total: progress.append((done, total)))
    assert _run(qtbot, measurer) == ""
    assert progress == [(1, 3), (2, 3), (3, 3)]  # b and c counted once, though asked twice
    assert _loudness(library) == {"a": LOUD, "b": LOUD, "c": LOUD}
    assert meter.asked == [["a.wav", "b.wav", "c.wav"], ["b.wav", "c.wav"]]


def test_a_child_that_dies_twice_on_a_file_blames_it_and_goes_on(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "a", "b", "c")
    died_on_b: dict[str, Loudness | str] = {
        "b.wav": measuring.DIED_ON,
        "c.wav": measuring.CHILD_FAILED,
    }
    rounds = [died_on_b, died_on_b, {}]
    asked: list[list[str]] = []

    def dying(
        paths: Sequence[Path], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[Path, Loudness | str]:
        asked.append([p.name for p in paths])
        answers = rounds.pop(0)
        return {path: answers.get(path.name, LOUD) for path in paths}

    assert _run(qtbot, Measurer(library, owner, dying)) == ""
    assert _loudness(library) == {"a": LOUD, "b": CHILD_DIED_HERE, "c": LOUD}
    assert asked == [["a.wav", "b.wav", "c.wav"], ["b.wav", "c.wav"], ["c.wav"]]


def test_a_stopped_run_keeps_what_it_measured_and_no_reason(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "a", "b")
    meter = FakeMeter({"b.wav": measuring.STOPPED})
    meter.hold.clear()
    measurer = Measurer(library, owner, meter)
    with qtbot.waitSignal(measurer.finished, timeout=10_000):
        measurer.start()
        qtbot.waitUntil(lambda: meter.asked != [])
        measurer.stop()
        meter.hold.set()
    assert _loudness(library) == {"a": LOUD, "b": None}
    assert library.to_measure()[0][1].endswith("b.wav")


def test_the_window_going_stops_the_measuring(
    qtbot: QtBot, library: SoundLibrary, tmp_path: Path
) -> None:
    _add(library, tmp_path, "long")
    asked, release, stopped = threading.Event(), threading.Event(), threading.Event()

    def until_stopped(
        paths: Sequence[Path], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[Path, Loudness | str]:
        asked.set()
        assert release.wait(10)
        if cancelled():
            stopped.set()
        return dict.fromkeys(paths, measuring.STOPPED)

    owner = QObject()
    Measurer(library, owner, until_stopped).start()
    qtbot.waitUntil(asked.is_set)
    shiboken6.delete(owner)  # the page (and its measurer) gone
    release.set()
    qtbot.waitUntil(stopped.is_set, timeout=5_000)
    assert _loudness(library) == {"long": None}


def test_a_fault_while_measuring_ends_the_run_and_a_later_start_runs_again(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "dawn")
    calls: list[str] = []

    def faulty(
        paths: Sequence[Path], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[Path, Loudness | str]:
        calls.append("asked")
        if len(calls) == 1:
            raise RuntimeError("a fault in kapdesk")
        return dict.fromkeys(paths, LOUD)

    measurer = Measurer(library, owner, faulty)
    assert "something unexpected went wrong" in _run(qtbot, measurer)
    assert not measurer.running
    assert _loudness(library) == {"dawn": None}  # nothing kept: tried again
    assert _run(qtbot, measurer) == ""
    assert calls == ["asked", "asked"]
    assert _loudness(library) == {"dawn": LOUD}


def test_measuring_runs_on_a_daemon_thread_not_the_pool(
    qtbot: QtBot, library: SoundLibrary, owner: QObject, tmp_path: Path
) -> None:
    _add(library, tmp_path, "dawn")
    threads: list[threading.Thread] = []
    meter = FakeMeter()

    def noting(
        paths: Sequence[Path], progress: Callable[[int, int], None], cancelled: Callable[[], bool]
    ) -> dict[Path, Loudness | str]:
        threads.append(threading.current_thread())
        return meter(paths, progress, cancelled)

    assert _run(qtbot, Measurer(library, owner, noting)) == ""
    (thread,) = threads
    assert thread.daemon
    assert thread.name == "loudness measuring"  # Python's own thread, not one of Qt's pool
