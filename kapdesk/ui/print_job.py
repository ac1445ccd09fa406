"""Printing to a PDF from the window: staff pick where, the PDF is made and written on a worker
thread (the window never waits on the disk), and the page says where it went or why not."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from kapdesk.core.safe_files import SafeFileError, write_file
from kapdesk.core.staff import PermissionDeniedError
from kapdesk.storage.errors import StorageError
from kapdesk.ui.widgets import SWITCH_HINT

Make = Callable[[], bytes]
log = logging.getLogger(__name__)


class PrintJob(QObject):
    """One PDF: made and written off the UI thread; ``finished(message, ok)`` on the UI thread."""

    finished = Signal(str, bool)

    def __init__(
        self,
        make: Make,
        path: Path,
        what: str,
        parent: QObject | None = None,
        kept: tuple[Path, ...] = (),
    ) -> None:
        super().__init__(parent)
        self._make = make
        self.path = path
        self._what = what
        self._kept = kept  # kapdesk's own places, never written over

    def start(self) -> None:
        QThreadPool.globalInstance().start(self.run)

    def run(self) -> None:
        try:
            # Staff confirmed replacing an existing file in the save dialog; kapdesk's own
            # files, devices and folders are refused all the same.
            write_file(self.path, self._make(), kept=self._kept, force=True)
        except SafeFileError as exc:
            self.finished.emit(
                f"The {self._what} could not be written to {self.path}: {exc.reason}. "
                "Nothing else was changed.",
                False,
            )
            return
        except (LookupError, StorageError, PermissionDeniedError) as exc:
            self.finished.emit(f"The {self._what} could not be made: {exc}.", False)
            return
        except Exception:
            log.exception("printing the %s failed", self._what)
            self.finished.emit(
                f"The {self._what} could not be made because of an unexpected problem; "
                "it is described in kapdesk's log.",
                False,
            )
            return
        self.finished.emit(f"The {self._what} is saved as {self.path}.", True)


def ask_where(
    parent: QWidget, title: str, suggested: Path, chosen: Callable[[Path], None]
) -> QFileDialog:
    """A save dialog for a PDF (kapdesk's own, dark like the rest); ``chosen`` gets the path."""
    dialog = QFileDialog(parent, title, str(suggested), "PDF (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDefaultSuffix("pdf")
    dialog.fileSelected.connect(lambda name: chosen(Path(name)))
    dialog.open()
    return dialog


def default_folder() -> Path:
    """Where PDFs go unless staff choose otherwise: Documents, or the home folder."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


class PdfSaver(QObject):
    """A page's "save as PDF": asks where, makes the PDF off the UI thread, says how it went."""

    def __init__(self, page: QWidget, what: str, title: str, status: QLabel) -> None:
        super().__init__(page)
        self._page = page
        self._what = what
        self._title = title
        self._status = status
        self._make: Make | None = None
        self.kept: tuple[Path, ...] = ()  # kapdesk's own places (AppPaths.kept_places)
        self.dialog: QFileDialog | None = None
        self.job: PrintJob | None = None
        # Why the member signed in may not print, said before a file is chosen (None: they may).
        self.refusal: Callable[[], str | None] = lambda: None

    def ask(self, file_name: str, make: Make) -> None:
        refused = self.refusal()
        if refused:
            self._say(f"{refused}. {SWITCH_HINT}", False)
            return
        self._make = make
        self.dialog = ask_where(self._page, self._title, default_folder() / file_name, self.save_to)

    def save_to(self, path: Path, make: Make | None = None) -> None:
        make = make or self._make
        if make is None:
            return
        self._say(f"Making the {self._what}…", ok=True)
        job = PrintJob(make, path, self._what, self, self.kept)
        job.finished.connect(self._say)
        self.job = job
        job.start()

    def _say(self, message: str, ok: bool) -> None:
        self._status.setText(message)
        self._status.setProperty("role", "muted" if ok else "error")
        self._status.style().polish(self._status)
        self._status.show()
