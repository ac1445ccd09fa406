"""Loudness for the library: measured from the file itself (its tags only when this PC cannot
measure it), and many files measured in child processes so the window neither waits nor grows.

:func:`measure_files` runs ``kapdesk audio measure --json-lines PATH...`` (the frozen build's
own executable, or this Python with ``-m kapdesk``), which says when it is ready, names each
file as it begins it and prints one JSON line per file as it finishes (see
:func:`result_line`). A file that takes too long is tried once more in a fresh child, and the
rest go on in a new one, so one call may start several children. A child that dies, or is
stopped because the caller cancelled, leaves a plain reason for every file it did not finish.
No Qt here: the library's worker thread and scripts call it alike.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Final

from kapdesk.audio import loudness_meter as meter
from kapdesk.audio.loudness_meter import MeasureError, UnreadableError, measure
from kapdesk.audio.loudness_tags import tagged_loudness
from kapdesk.core.loudness import Loudness, loudness_from_json
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template

STOPPED: Final = QT_TRANSLATE_NOOP("Measuring", "measuring was stopped before this file")
CHILD_FAILED: Final = QT_TRANSLATE_NOOP(
    "Measuring", "measuring stopped unexpectedly before this file"
)
DIED_ON: Final = QT_TRANSLATE_NOOP("Measuring", "measuring stopped unexpectedly on this file")
CANNOT_START: Final = QT_TRANSLATE_NOOP("Measuring", "kapdesk could not start measuring")
UNEXPECTED: Final = QT_TRANSLATE_NOOP("Measuring", "the file could not be measured")

POLL_SECONDS: Final = 0.1  # how often a waiting caller asks whether it was cancelled
# Beyond this many bytes of names the list goes through the child's stdin, not its command
# line (the system's limit on a command line is larger, but not by much on some systems).
LONGEST_COMMAND: Final = 64 * 1024


def loudness_of(path: Path) -> Loudness:
    """The loudness of one file, measured; its ReplayGain or R128 tags (when sane) only when
    this PC cannot measure it. Raises :class:`MeasureError` with a plain reason.

    A tag is never preferred to a measurement: one written before the file was remastered or
    re-encoded states the old loudness, and a loud file taken for a quiet one plays loud."""
    try:
        return measure(path)
    except UnreadableError:
        tagged = tagged_loudness(path)
        if tagged is None:
            raise
        return tagged


def result_line(index: int, path: Path) -> str:
    """The child's JSON line for the ``index``-th file: its loudness, or the reason it has
    none. Never raises for a bad file."""
    entry: dict[str, Any] = {"index": index, "path": str(path)}
    try:
        entry["loudness"] = loudness_of(path).to_json()
    except MeasureError as error:
        entry["problem"] = str(error)
    except Exception:  # a decoder's surprise must cost one file, not the whole run
        entry["problem"] = UNEXPECTED
    return json.dumps(entry)


def measuring_command(paths: Sequence[Path], *, from_stdin: bool = False) -> list[str]:
    """The command line of the child that measures ``paths`` (or, ``from_stdin``, that reads
    their names from its stdin, each ending in a NUL byte)."""
    frozen = getattr(sys, "frozen", False)
    start = [sys.executable] if frozen else [sys.executable, "-m", "kapdesk"]
    command = [*start, "audio", "measure", "--json-lines"]
    if from_stdin:
        return [*command, "--paths-from-stdin"]
    return [*command, "--", *(str(p) for p in paths)]


def measure_files(
    paths: Sequence[Path],
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool] = lambda: False,
    *,
    time_limit: Callable[[Path], float] | None = None,
    durations: Mapping[Path, float] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> dict[Path, Loudness | str]:
    """Each file's loudness, or the plain reason it has none, measured in a child process.

    ``progress(done, total)`` is called as each file finishes; ``cancelled()`` is asked while
    waiting, and when it says yes the child is killed and every unfinished file gets a
    reason. A child that dies on a file it said it had begun leaves :data:`DIED_ON` for that
    file; one that dies before it said it was ready, or before it began any file, leaves
    :data:`CANNOT_START` for all (nothing about them is the files' fault). A file the child
    spends longer on than ``time_limit(path)`` seconds (by default :func:`file_time_limit`,
    from ``durations``, each file's length in seconds where known), counted on ``clock`` from
    when the child began it, is tried once more in a new child with twice the time, and then
    blamed (:data:`TOO_LONG`); the rest go on in a new child.
    Raises :class:`MeterMissingError` when the child says this PC cannot measure at all; it
    holds the files whose sane tags say how loud they are (the others are left out)."""
    wanted = list(dict.fromkeys(paths))
    known = durations or {}
    run = _Run(
        results={},
        told=lambda: progress(len(run.results), len(wanted)),
        cancelled=cancelled,
        limit=time_limit or (lambda path: file_time_limit(path, known.get(path))),
        clock=clock,
    )
    left = wanted
    while left:
        try:
            ended = _one_child(left, run)
        except MeterMissingError as missing:
            missing.tagged = {p: r for p, r in run.results.items() if isinstance(r, Loudness)}
            raise
        if ended is not None:
            reason, died_on = ended
            return {
                path: run.results.get(path, DIED_ON if path == died_on else reason)
                for path in wanted
            }
        left = [path for path in wanted if path not in run.results]
    return {path: run.results[path] for path in wanted}


TOO_LONG: Final = QT_TRANSLATE_NOOP(
    "Measuring", "measuring this file took far too long (it may be damaged)"
)
_FIXED: Final[dict[str, Template]] = {
    str(reason): reason
    for reason in (
        *(STOPPED, CHILD_FAILED, DIED_ON, CANNOT_START, UNEXPECTED, TOO_LONG),
        *(meter.NOT_MEASURABLE, meter.CUT_SHORT, meter.CANNOT_DECODE, meter.SILENT),
        *(meter.TOO_SHORT, meter.NO_METER, meter.TOO_OLD),
    )
}
_FILLED: Final = (
    (
        meter.CANNOT_READ,
        re.compile(r"this PC's sound library cannot read (?P<format>.+) files to measure them"),
    ),
    (
        meter.NO_LIBRARY,
        re.compile(
            r"kapdesk cannot measure loudness on this computer: the sound library "
            r"(?P<library>\S+) is not installed"
        ),
    ),
)


def measure_words(problem: str) -> str:
    """Why a file's loudness was not measured, as kapdesk's words where it is one of its own
    (the reason comes from the measuring child, and from the library, as plain text): to be
    said in any language."""
    if problem in _FIXED:
        return _FIXED[problem]
    for template, pattern in _FILLED:
        if found := pattern.fullmatch(problem):
            return template.format(**found.groupdict())
    return problem


# A file's time limit: never under a minute, else half its length (so measuring at twice real
# time), or when its length is unknown twice what a low-bitrate file of its size (64 kbit/s,
# 8000 bytes a second) would take measured at ten times real time.
SHORTEST_LIMIT_S: Final = 60.0
SHARE_OF_LENGTH: Final = 0.5
BYTES_A_SECOND_LIMIT: Final = 8000 * 10 / 2


class MeterMissingError(MeasureError):
    """The child could not measure at all on this PC (its sound libraries are missing); the
    message says why in a sentence. ``tagged``: the files whose sane ReplayGain or R128 tags
    say how loud they are."""

    def __init__(self, sentence: str, tagged: dict[Path, Loudness] | None = None) -> None:
        super().__init__(sentence)
        self.tagged: dict[Path, Loudness] = tagged or {}


class _TooLongError(Exception):
    """No line came from the child within its time limit."""


@dataclass
class _Run:
    """One measure_files call, across the children it starts."""

    results: dict[Path, Loudness | str]
    told: Callable[[], None]
    cancelled: Callable[[], bool]
    limit: Callable[[Path], float]
    clock: Callable[[], float]
    slow: set[Path] = field(default_factory=set)  # files a child ran out of time on once


def file_time_limit(path: Path, duration: float | None = None) -> float:
    """How long the child may spend on ``path`` (``duration`` seconds long, when known)
    before it is killed and the file tried again or blamed."""
    if duration is not None and duration > 0:
        return max(SHORTEST_LIMIT_S, duration * SHARE_OF_LENGTH)
    try:
        size = path.stat().st_size
    except OSError:
        return SHORTEST_LIMIT_S
    return max(SHORTEST_LIMIT_S, size / BYTES_A_SECOND_LIMIT)


def _one_child(batch: Sequence[Path], run: _Run) -> tuple[str, Path | None] | None:
    """Measure ``batch`` in one child, into ``run.results``. Returns None when the child was
    killed over a file that took too long (the rest, or that file again, still to do), else
    the reason for every file it did not finish and the file it died on, if it had begun one."""
    names = b"".join(bytes(p) + b"\0" for p in batch)
    long_list = len(names) > LONGEST_COMMAND
    try:
        child = subprocess.Popen(
            measuring_command(batch, from_stdin=long_list),
            stdin=subprocess.PIPE if long_list else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # the decoders complain there of every damaged frame
            # Windows has no nice: the child starts in the idle class instead.
            creationflags=getattr(subprocess, "IDLE_PRIORITY_CLASS", 0),
        )
    except OSError:
        return CANNOT_START, None
    assert child.stdout is not None
    if long_list:
        _hand_over(child, names)
    ready, missing = False, None  # missing: the child's sentence when it cannot measure here
    begun: Path | None = None  # the file the child last said it began, until it finishes
    # Between files (and while it starts) the child gets the shortest limit; each file, its
    # own, worked out once as it begins: never a stat() while waiting, which a hung share
    # would block, so that cancelling went unnoticed.
    deadline = [run.clock() + SHORTEST_LIMIT_S]
    try:
        for line in _lines(child.stdout, run.cancelled, deadline, run.clock):
            entry = _entry(line)
            index = entry.get("index")
            deadline[0] = run.clock() + SHORTEST_LIMIT_S
            if isinstance(entry.get("missing"), str):
                missing = entry["missing"]
            elif entry.get("ready") is True:
                ready = True
            elif entry.get("begin") is True and isinstance(index, int) and 0 <= index < len(batch):
                begun = batch[index]
                deadline[0] = run.clock() + run.limit(begun) * (2 if begun in run.slow else 1)
            elif (found := _parse(entry, batch)) is not None and found[0] not in run.results:
                run.results[found[0]] = found[1]
                begun = None
                run.told()
    except _TooLongError:
        if begun is not None:
            if begun in run.slow:
                run.results[begun] = TOO_LONG
                run.told()
            run.slow.add(begun)
            return None
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    if missing is not None:
        raise MeterMissingError(missing)
    if run.cancelled():
        return STOPPED, None
    if not ready or (begun is None and not any(path in run.results for path in batch)):
        return CANNOT_START, None  # it never measured: a broken install, not the files
    return CHILD_FAILED, begun


def _entry(line: bytes) -> dict[str, Any]:
    """One line the child printed, as a JSON object (empty when it is anything else)."""
    try:
        entry = json.loads(line)
    except ValueError:
        return {}
    return entry if isinstance(entry, dict) else {}


def _hand_over(child: subprocess.Popen[bytes], names: bytes) -> None:
    """Give the child the names on its stdin (it reads them all before it prints anything)."""
    assert child.stdin is not None
    try:
        child.stdin.write(names)
        child.stdin.close()
    except OSError:  # the child is already gone: its files get the reason it died
        pass


def _lines(
    stream: IO[bytes],
    cancelled: Callable[[], bool],
    deadline: list[float],
    clock: Callable[[], float],
) -> Iterator[bytes]:
    """The child's lines as they come; stops at its end, or as soon as ``cancelled()``.
    Raises :class:`_TooLongError` when ``clock()`` passes ``deadline[0]`` (which the caller
    moves as the child goes on) waiting for one."""
    lines: queue.Queue[bytes | None] = queue.Queue()

    def read() -> None:
        try:
            for line in stream:
                lines.put(line)
        except (OSError, ValueError):  # the pipe closed under the reader
            pass
        finally:
            stream.close()
            lines.put(None)

    threading.Thread(target=read, name="measuring output", daemon=True).start()
    while not cancelled():
        try:
            line = lines.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if clock() > deadline[0]:
                raise _TooLongError from None
            continue
        if line is None:
            return
        yield line


def _parse(entry: dict[str, Any], wanted: Sequence[Path]) -> tuple[Path, Loudness | str] | None:
    """One result line as (file, loudness or reason); None for anything else the child said."""
    index = entry.get("index")
    if not isinstance(index, int) or not 0 <= index < len(wanted):
        return None
    problem = entry.get("problem")
    if isinstance(problem, str):
        return wanted[index], problem
    loudness = loudness_from_json(entry.get("loudness"))
    return wanted[index], UNEXPECTED if loudness is None else loudness
