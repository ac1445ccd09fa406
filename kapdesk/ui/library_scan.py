"""Sound files scanned off the window's thread: title, artist and length read from their tags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from kapdesk.audio.probe import SUPPORTED_SUFFIXES, probe
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import ScannedTrack, SoundLibrary
from kapdesk.ui.crossing import crossing
from kapdesk.ui.words import words_of

NOT_READ = QT_TRANSLATE_NOOP("LibraryScan", "The files could not be read: {reason}")


def scan(paths: Sequence[Path], progress: Callable[[int, int], None]) -> list[ScannedTrack]:
    """Probe every sound file in ``paths`` (folders searched), reporting (done, total)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
            )
        else:
            files.append(path)
    found = []
    for done, path in enumerate(files, start=1):
        facts = file_facts(path)  # before reading: a file written meanwhile is measured again
        result = probe(path)
        found.append(
            ScannedTrack(
                str(path.resolve()),
                result.title or path.stem,
                result.artist or "",
                result.duration,
                result.format,
                None if result.playable else result.reason,
                *facts,
            )
        )
        progress(done, len(files))
    return found


def file_facts(path: Path) -> tuple[int | None, float | None]:
    """The file's size and st_mtime, which tell later whether its loudness still holds."""
    try:
        stat = path.stat()
    except OSError:
        return None, None
    return stat.st_size, stat.st_mtime


class Scanner(QObject):
    """Runs a scan on the thread pool; its signals arrive on the UI thread."""

    progressed = Signal(int, int)
    # ids added, problem ("" when none): an object, so kapdesk's words keep what it takes to say
    # them in the language spoken (a str signal would keep only the English).
    finished = Signal(object, object)

    def __init__(self, library: SoundLibrary, parent: QObject) -> None:
        super().__init__(parent)
        self._library = library
        # What the pool's thread calls: the view may be put away while a scan runs.
        self._progressed = crossing(self, "progressed")
        self._finished = crossing(self, "finished")

    def start(self, paths: list[Path]) -> None:
        QThreadPool.globalInstance().start(lambda: self._work(paths))

    def _work(self, paths: list[Path]) -> None:
        try:
            found = scan(paths, self._progressed)
            ids = self._library.add(found)
        except StorageError as exc:
            self._finished([], words_of(exc))
            return
        except OSError as exc:
            self._finished([], NOT_READ.format(reason=exc.strerror or str(exc)))
            return
        self._finished(ids, "")
