"""Loudness measured off the window's thread: what the library does not know yet is measured
in a child process (see ``kapdesk.audio.measuring``) and kept in the library, a few files at
a time so that progress is kept as it is made and a closed window loses little.

A file that cannot be measured keeps its reason, shown on its row. Measuring that could not
happen at all (no meter on this PC, a child that could not start, a run stopped) keeps
nothing, so the tracks are measured when it can happen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kapdesk.audio import measuring
from kapdesk.core.loudness import Loudness
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import SoundLibrary, file_facts
from kapdesk.ui.crossing import crossing

MeasureFiles = Callable[
    [Sequence[Path], Callable[[int, int], None], Callable[[], bool]], dict[Path, Loudness | str]
]
# Files handed to one child: each batch is kept as soon as it is measured.
BATCH = 20
# Reasons that say the measuring went wrong, not the file: nothing is kept for these.
NOT_THE_FILE = frozenset(
    {measuring.STOPPED, measuring.CHILD_FAILED, measuring.DIED_ON, measuring.CANNOT_START}
)
CHILD_DIED_HERE = measuring.DIED_ON
# How long a closing window gives the run to kill and reap its child (it notices within
# measuring.POLL_SECONDS); a run stuck on the records is not waited for longer.
STOP_WAIT_S = 1.0
UNEXPECTED = QT_TRANSLATE_NOOP(
    "LibraryMeasure",
    "Loudness could not be measured: something unexpected went wrong (the log says what).",
)
_SENTENCE = Template("LibraryMeasure", "{sentence}.")  # no words of its own
CANNOT_START = QT_TRANSLATE_NOOP(
    "LibraryMeasure", "Loudness could not be measured: kapdesk could not start measuring."
)
STOPPED = QT_TRANSLATE_NOOP(
    "LibraryMeasure", "Loudness could not be measured: kapdesk's measuring stopped unexpectedly."
)

log = logging.getLogger(__name__)


class Measurer(QObject):
    """Measures the library's unmeasured tracks on a thread of its own, one run at a time; its
    signals arrive on the window's thread.

    Not the thread pool: destroying the pool waits for its tasks, and a run that talks to the
    records or stats files on a share could hang there and keep kapdesk from exiting (and
    holding its instance lock). A daemon thread is never waited on."""

    progressed = Signal(int, int)  # tracks done, tracks to measure in this run
    measured = Signal(object)  # {track id: Loudness | reason}, as each batch is kept
    # Why measuring could not go on ("" when it went): an object, so kapdesk's words keep what
    # it takes to say them in the language spoken (a str signal would keep only the English).
    finished = Signal(object)

    def __init__(
        self,
        library: SoundLibrary,
        parent: QObject,
        measure_files: MeasureFiles | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._measure_files = measure_files
        self._running = False
        self._again = False
        self._thread: threading.Thread | None = None
        # Set when the window goes: the child is stopped and nothing more is measured.
        self._stop = threading.Event()
        self.destroyed.connect(self._stop.set)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop.set)
        # What the measuring thread calls: the page may be put away while it measures.
        self._progressed = crossing(self, "progressed")
        self._measured = crossing(self, "measured")
        self._ended = crossing(self, "_end")

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Measure what the library does not know; if a run is going, once more after it."""
        if self._stop.is_set():  # the window is going
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._thread = threading.Thread(target=self._work, name="loudness measuring", daemon=True)
        self._thread.start()

    def stop(self, wait: float = 0.0) -> None:
        """Stop measuring (the run ends at once; what was kept stays). ``wait``: seconds given
        to the run to end, its child killed and reaped, before the caller goes on."""
        self._stop.set()
        thread = self._thread
        if wait > 0 and thread is not None:
            thread.join(wait)

    def _end(self, problem: str) -> None:
        self._running = False
        if self._again and not problem and not self._stop.is_set():
            self._again = False
            self.start()
            return
        self._again = False
        self.finished.emit(problem)

    def _work(self) -> None:
        problem: str = UNEXPECTED
        try:
            problem = self._measure_all()
        except StorageError as exc:
            problem = f"{exc}."
        except Exception as exc:  # a fault must end the run, or no run would start again
            log.error("measuring loudness failed unexpectedly", exc_info=exc)
        finally:
            self._ended(problem)

    def _measure_all(self) -> str:
        due = self._library.to_measure()
        if not due:
            return ""
        total, done = len(due), 0
        # A child's count of what it finished may include files that go round again (a child
        # that died): progress only ever moves on, so no file is counted twice.
        shown = _Progress(self._progressed, total)
        retried: set[int] = set()  # files a child died on once already
        cannot_measure = ""  # this PC's sentence, said once at the end of the run
        while due and not self._stop.is_set():
            batch, due = due[:BATCH], due[BATCH:]
            # Each file's size and st_mtime before it is measured: a file written meanwhile
            # differs from them, so it is measured again.
            facts = {track_id: file_facts(path) or (None, None) for track_id, path in batch}
            try:
                results = (self._measure_files or measuring.measure_files)(
                    [Path(path) for _, path in batch],
                    _offset(shown, done),
                    self._stop.is_set,
                )
            except measuring.MeterMissingError as missing:
                # What the tags say is kept; the rest is measured once the meter is there.
                # The child's sentence already says loudness cannot be measured here.
                sentence = measuring.measure_words(str(missing).rstrip("."))
                cannot_measure = _SENTENCE.format(sentence=sentence)
                results = {
                    Path(p): missing.tagged[Path(p)] for _, p in batch if Path(p) in missing.tagged
                }
                batch = [(track_id, p) for track_id, p in batch if Path(p) in results]
            kept: dict[int, Loudness | str] = {}
            unfinished = []
            for track_id, path in batch:
                result = results.get(Path(path), measuring.CHILD_FAILED)
                if result in NOT_THE_FILE:
                    unfinished.append((track_id, path))
                    continue
                self._library.set_loudness(track_id, result, *facts[track_id])
                kept[track_id] = result
            problem = ""
            if unfinished and not self._stop.is_set():
                problem = self._go_round(unfinished, results, retried, facts, kept)
                due = unfinished + due
            done += len(kept)
            if kept:  # shown even when the run ends here: they are kept
                self._measured(kept)
                shown(done)
            if problem:
                return problem
        return cannot_measure

    def _go_round(
        self,
        unfinished: list[tuple[int, str]],
        results: dict[Path, Loudness | str],
        retried: set[int],
        facts: Mapping[int, tuple[int, float] | tuple[None, None]],
        kept: dict[int, Loudness | str],
    ) -> str:
        """Decide about the files a batch did not finish, which go round again (a file blamed
        for a child's death is taken out of ``unfinished`` into ``kept``). Returns why the run
        cannot go on, or ""."""
        if any(results.get(Path(path)) == measuring.CANNOT_START for _, path in unfinished):
            return CANNOT_START
        # Only the file the child said it had begun may be blamed for its death, and only
        # once it dies there again in a fresh child: it may have died of something else
        # (killed, short of memory).
        died_on = [item for item in unfinished if results.get(Path(item[1])) == CHILD_DIED_HERE]
        if died_on and died_on[0][0] in retried:
            first = died_on[0][0]
            self._library.set_loudness(first, CHILD_DIED_HERE, *facts[first])
            kept[first] = CHILD_DIED_HERE
            unfinished.remove(died_on[0])
        elif died_on:
            retried.add(died_on[0][0])
        elif not kept:  # died between files having measured none: not the files
            return STOPPED
        return ""


class _Progress:
    """The run's progress as shown: it never goes back, nor beyond the run's files."""

    def __init__(self, progressed: Callable[[int, int], None], total: int) -> None:
        self._progressed = progressed
        self._total = total
        self._shown = 0

    def __call__(self, done: int) -> None:
        done = min(done, self._total)
        if done > self._shown:
            self._shown = done
            self._progressed(done, self._total)


def _offset(progress: _Progress, before: int) -> Callable[[int, int], None]:
    """A batch's progress as the run's."""
    return lambda done, _batch: progress(before + done)
