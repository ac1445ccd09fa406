"""Printing from the window, to a printer or to a PDF file: staff choose the printer in Qt's
print dialog, or where to save in a save dialog that starts in the clinic's documents folder.
The pages are made and painted or written on a worker thread (the window never waits on the
disk or the printer), and the page says where they went or why not."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QWidget

from kapdesk.core.safe_files import CANNOT_WRITE, SafeFileError, refuse_reason, write_file
from kapdesk.core.staff import PermissionDeniedError
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.reports.pages import Printed
from kapdesk.reports.pdf import pdf_bytes
from kapdesk.storage.errors import StorageError
from kapdesk.ui.crossing import crossing
from kapdesk.ui.widgets import SWITCH_HINT, in_place_of
from kapdesk.ui.words import say, translated, words_of

Make = Callable[[], Printed]
PrintDialogMaker = Callable[[QPrinter, QWidget], QDialog]
log = logging.getLogger(__name__)

# ``{what}`` is the document's name ("handout"), marked by the page that prints it; the
# Spanish and French put it in the sentence with its article.
NOT_WRITTEN = QT_TRANSLATE_NOOP(
    "PrintJob", "The {what} could not be written to {path}: {reason}. Nothing else was changed."
)
NOT_MADE = QT_TRANSLATE_NOOP("PrintJob", "The {what} could not be made: {error}.")
NOT_PRINTED = QT_TRANSLATE_NOOP("PrintJob", "The {what} could not be printed: {error}.")
UNEXPECTED = QT_TRANSLATE_NOOP(
    "PrintJob",
    "The {what} could not be made because of an unexpected problem; it is described in "
    "kapdesk's log.",
)
SAVED_AS = QT_TRANSLATE_NOOP("PrintJob", "The {what} is saved as {path}.")
WENT_TO = QT_TRANSLATE_NOOP(
    "PrintJob",
    "The {what} went to {where}: %n page.|The {what} went to {where}: %n pages.",
)
THE_PRINTER = QT_TRANSLATE_NOOP("PrintJob", "the printer")
PRINTER_PROBLEM = QT_TRANSLATE_NOOP(
    "PrintJob",
    "the printer reported a problem, so it may not have printed; check the printer and print "
    "it again",
)
PRINT_TITLE = QT_TRANSLATE_NOOP("PrintJob", "Print the {what}")
MAKING = QT_TRANSLATE_NOOP("PrintJob", "Making the {what}…")
PRINTING = QT_TRANSLATE_NOOP("PrintJob", "Printing the {what}…")
REFUSED = QT_TRANSLATE_NOOP("PrintJob", "{refusal}. {hint}")


class PrintJob(QObject):
    """One document, to a file or a printer: made off the UI thread; ``finished(message, ok)``
    on the UI thread."""

    finished = Signal(object, bool)  # the message (kapdesk's words, said again in a language)

    def __init__(
        self,
        make: Make,
        path: Path | None,
        what: str,
        parent: QObject | None = None,
        *,
        kept: tuple[Path, ...] = (),
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self._make = make
        self.path = path
        self.printer = printer
        self._what = what
        self._kept = kept  # kapdesk's own places, never written over
        self._finished = crossing(self, "finished")  # what the pool's thread calls

    def start(self) -> None:
        QThreadPool.globalInstance().start(self.run)

    def run(self) -> None:
        try:
            done = self._print() if self.printer is not None else self._save()
        except SafeFileError as exc:
            self._finished(
                NOT_WRITTEN.format(what=self._what, path=str(self.path), reason=exc.reason),
                False,
            )
            return
        except (LookupError, StorageError, PermissionDeniedError) as exc:
            self._finished(NOT_MADE.format(what=self._what, error=_words(exc)), False)
            return
        except OSError as exc:  # the printer refused to start or to take a page
            self._finished(NOT_PRINTED.format(what=self._what, error=_words(exc)), False)
            return
        except Exception:
            log.exception("printing the %s failed", self._what)
            self._finished(UNEXPECTED.format(what=self._what), False)
            return
        self._finished(done, True)

    def _save(self) -> str:
        assert self.path is not None
        # Staff confirmed replacing an existing file in the save dialog; kapdesk's own
        # files, devices and folders are refused all the same.
        write_file(self.path, pdf_bytes(self._make()), kept=self._kept, force=True)
        return SAVED_AS.format(what=self._what, path=str(self.path))

    def _print(self) -> str:
        assert self.printer is not None
        self._refuse_own_file(self.printer)
        pages = self._make().paint(self.printer)
        if self.printer.printerState() == QPrinter.PrinterState.Error:
            raise OSError(PRINTER_PROBLEM)
        where = self.printer.printerName() or self.printer.outputFileName() or THE_PRINTER
        return WENT_TO.format(what=self._what, where=where, count=pages)

    def _refuse_own_file(self, printer: QPrinter) -> None:
        """The print dialog's "Print to File (PDF)" is held to what "Save PDF…" is: never
        over kapdesk's own files, a device or a folder (SafeFileError, as a save says it)."""
        name = printer.outputFileName()
        if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
            return
        self.path = Path(name)
        refused = refuse_reason(self.path, self._kept, force=True)
        if refused is not None:
            raise SafeFileError(CANNOT_WRITE.format(path=self.path, reason=refused), refused)


def _words(exc: BaseException) -> str:
    """What ``exc`` says, as kapdesk's words (its English as ``str(exc)`` says it)."""
    said = words_of(exc)
    return said if said == str(exc) else str(exc)


def documents_folder(setting: str) -> Path:
    """The clinic's documents folder (``documents`` in clinic.toml), or the user's
    Documents/kapdesk, made if it is not there yet; the home folder if it cannot be made."""
    if setting.strip():
        folder = Path(setting.strip()).expanduser()
    else:
        import platformdirs  # noqa: PLC0415  (only when a save dialog opens)

        folder = Path(platformdirs.user_documents_dir()) / "kapdesk"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.warning("the documents folder %s cannot be made", folder)
        return Path.home()
    return folder


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


def print_dialog(printer: QPrinter, parent: QWidget) -> QDialog:
    """Qt's print dialog for ``printer``: the printer, the pages, the copies."""
    return QPrintDialog(printer, parent)


def a_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # kapdesk keeps its own margins
    return printer


class PdfSaver(QObject):
    """A page's "Print…" and "Save PDF…": asks which printer or where, makes the pages off the
    UI thread, says how it went."""

    # A job's ``(message, ok)`` once the page says it: a signal of the saver, which is there
    # before any job starts, so nothing waiting on it can miss a job that finished quickly.
    finished = Signal(object, bool)

    def __init__(self, page: QWidget, what: str, title: str, status: QLabel) -> None:
        super().__init__(page)
        self._page = page
        self._what = what
        self._title = title
        self._status = status
        self._make: Make | None = None
        self.kept: tuple[Path, ...] = ()  # kapdesk's own places (AppPaths.kept_places)
        self.clinic_folder = ""  # the clinic's documents setting (ClinicSettings.documents)
        self.file_prefix = ""  # before every suggested name ("practice-" in practice)
        self.dialog: QFileDialog | None = None
        self.printing: QDialog | None = None  # the print dialog while it is open
        self.job: PrintJob | None = None
        # Why the member signed in may not print, said before a file is chosen (None: they may).
        self.refusal: Callable[[], str | None] = lambda: None
        # Where a printer and its dialog come from: tests print to a PDF file through them.
        self.new_printer: Callable[[], QPrinter] = a_printer
        self.print_dialog: PrintDialogMaker = print_dialog

    def _refused(self) -> bool:
        refused = self.refusal()
        if refused:
            self._say(REFUSED.format(refusal=refused, hint=SWITCH_HINT), False)
        return bool(refused)

    def ask(self, file_name: str, make: Make) -> None:
        """ "Save PDF…": ask where (from the clinic's documents folder), then save there."""
        if self._refused():
            return
        self._make = make
        folder = documents_folder(self.clinic_folder)
        suggested = folder / f"{self.file_prefix}{file_name}"
        self.dialog = in_place_of(
            self.dialog, ask_where(self._page, translated(self._title), suggested, self.save_to)
        )

    def ask_printer(self, make: Make) -> None:
        """ "Print…": Qt's print dialog, then the pages to the printer chosen."""
        if self._refused():
            return
        printer = self.new_printer()
        dialog = self.print_dialog(printer, self._page)
        say(dialog, PRINT_TITLE.format(what=self._what), "setWindowTitle")
        dialog.accepted.connect(lambda: self.print_on(printer, make))
        dialog.finished.connect(lambda _result: setattr(self, "printing", None))
        dialog.finished.connect(dialog.deleteLater)  # nothing reads it once it has closed
        self.printing = dialog
        QDialog.open(dialog)  # window-modal, never a nested event loop

    def save_to(self, path: Path, make: Make | None = None) -> None:
        make = make or self._make
        if make is None:
            return
        self._say(MAKING.format(what=self._what), ok=True)
        job = PrintJob(make, path, self._what, self, kept=self.kept)
        self._run(job)

    def print_on(self, printer: QPrinter, make: Make) -> None:
        self._say(PRINTING.format(what=self._what), ok=True)
        self._run(PrintJob(make, None, self._what, self, kept=self.kept, printer=printer))

    def _run(self, job: PrintJob) -> None:
        job.finished.connect(self._done)
        self.job = job
        job.start()

    def _done(self, message: str, ok: bool) -> None:  # kapdesk's words, through the signal
        self._say(message, ok)
        self.finished.emit(message, ok)

    def _say(self, message: str, ok: bool) -> None:
        say(self._status, message)
        self._status.setProperty("role", "muted" if ok else "error")
        self._status.style().polish(self._status)
        self._status.show()
