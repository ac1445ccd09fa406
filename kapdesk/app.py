"""Composition root: paths, storage, protocols and the clock come together into the window.

Nothing here is global: every piece is built once and handed to what needs it.

Start-up puts a start window on screen first and opens the records (the database library,
the schema upgrade, the sessions left open) on a worker thread, so the room PC shows kapdesk
at once and never freezes while the database opens. Where a first look at the record can tell
(:mod:`kapdesk.storage.first_look`), the start window shows the first page staff use (the
sign-in, or the first admin's form) before the database library has loaded
(:mod:`kapdesk.ui.early_page`). The real window, and every page that reads or writes the
record, is built only once the database is open and current; it then takes the start window's
place, and that first page with it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from kapdesk.core.clock import Clock, SpeedClock, SystemClock
from kapdesk.core.words import joined
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, AppPaths
from kapdesk.shutdown import ShutdownSignals
from kapdesk.single_instance import InstanceLock, knock
from kapdesk.start_words import (
    ENCRYPTED,
    HELD_MEANWHILE,
    NO_LOCK_FILE,
    PASSWORD_IN_URL,
    TRY_AGAIN,
    UNEXPECTED,
)
from kapdesk.stop_signals import SignalSocket
from kapdesk.storage.errors import StorageError
from kapdesk.ui import theme
from kapdesk.ui.banner import NEWS
from kapdesk.ui.crossing import crossing
from kapdesk.ui.first_words import speak_before_the_first_frame
from kapdesk.ui.start_window import StartWindow
from kapdesk.ui.words import words_of
from kapdesk.wakefulness import KeepAwake, platform_inhibitors

if TYPE_CHECKING:
    from kapdesk.audio.backend import AudioBackend
    from kapdesk.records import Records
    from kapdesk.storage.db import Storage
    from kapdesk.storage.first_look import FirstLook
    from kapdesk.ui.early_page import EarlyPage
    from kapdesk.ui.language import Language
    from kapdesk.ui.main_window import MainWindow
    from kapdesk.ui.sound_panel import BackendFactory

log = logging.getLogger(__name__)

NO_DISPLAY = """kapdesk: no display to open a window on.
kapdesk is a desktop app; start it from the room PC's desktop session. Other ways:
  - on a machine without a screen: sudo apt-get install xvfb, then: xvfb-run -a kapdesk
  - over ssh: ssh -X to this machine, then start kapdesk
The command-line tools work without a display: kapdesk --help"""

# How long after the first page is on screen the socket for a second start opens (a second
# start knocks for up to kapdesk.single_instance.OPENING_S).
LISTEN_AFTER_READY_MS = 250
# How long the records wait for the first page to be drawn before they load the database
# library (both are Python, and would share one core's worth of it).
EARLY_PAGE_WAIT_S = 2.0


def display_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window can be shown here, or None when one can."""
    if not platform.startswith("linux"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY") or environ.get("QT_QPA_PLATFORM"):
        return None
    return NO_DISPLAY


def setup_logging(paths: AppPaths) -> None:
    """Rotating log in the log folder. Log lines name actions and ids, never patient details."""
    from logging.handlers import RotatingFileHandler  # noqa: PLC0415  (off the first frame)

    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = RotatingFileHandler(
            paths.log_dir / "kapdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name("kapdesk")
    root = logging.getLogger("kapdesk")
    root.setLevel(logging.INFO)
    for previous in [h for h in root.handlers if h.get_name() == "kapdesk"]:
        root.removeHandler(previous)  # started again in this process (tests): one log at a time
        previous.close()
    root.addHandler(handler)


def pygame_sound() -> AudioBackend:
    """The room's sound device, opened when the first session needs it."""
    from kapdesk.audio.pygame_backend import PygameBackend  # noqa: PLC0415  (pygame loads late)

    return PygameBackend()


def window_on(
    records: Records,
    clock: Clock,
    audio: BackendFactory | None,
    *,
    keep_awake: KeepAwake | None = None,
    practice: SpeedClock | None = None,
    early: EarlyPage | None = None,
    language: Language | None = None,
) -> MainWindow:
    """The real window over open ``records`` (not shown yet), told of damage the record
    file's check finds later, of what staff should know, and publishing the room's presence;
    it takes over ``early``, the first page the start window showed. kapdesk speaks the
    clinic's language from here (``language``: what the start spoke, if not English)."""
    from kapdesk.ui.language import Language, language_of  # noqa: PLC0415
    from kapdesk.ui.main_window import MainWindow  # noqa: PLC0415  (after the first frame)

    language = language or Language(QApplication.instance())
    language.speak(language_of(records.clinic.language))

    window = MainWindow(
        records, clock=clock, audio=audio, keep_awake=keep_awake, practice=practice, early=early
    )

    # The full check's thread says so; the window hears it on its own thread.
    records.storage.damage.listen(crossing(window, "record_damaged"))
    if records.notices:
        window.show_notice(joined(records.notices, " "))
    if records.news:  # until the first session opens
        window.status_banner.say(NEWS, joined(records.news, " "))
    window.language = language
    if records.presence is not None:
        window.presence = records.presence
        records.presence.waiting = window.entries_waiting
        records.presence.start()
    return window


def build_window(
    storage: Storage,
    paths: AppPaths,
    clock: Clock,
    audio: BackendFactory | None = None,
    keep_awake: KeepAwake | None = None,
) -> MainWindow:
    """The main window on an open database, with any session left open back on screen."""
    from kapdesk.records import records_on  # noqa: PLC0415  (the database layer loads late)

    practice = SpeedClock(clock) if paths.practice else None
    records = records_on(storage, paths, practice or clock)
    return window_on(records, clock, audio, keep_awake=keep_awake, practice=practice)


class RecordsOpener(QObject):
    """Opens the records on a worker thread; on the UI thread, the real window is built over
    them and takes the start window's place (or the start window says why it cannot be)."""

    _glimpsed = Signal(object)  # the first look at the record: its first page can show
    _opened = Signal(object)
    _failed = Signal(object)  # why: kapdesk's words (a Signal(str) would keep only the English)
    _locked = Signal(object)  # the database is encrypted: why a passphrase is asked
    _handed = Signal(str)  # another kapdesk writes to this database and brought its window up

    def __init__(
        self,
        shell: StartWindow,
        paths: AppPaths,
        db_url: str | None,
        clock: Clock,
        build: Callable[[Records, EarlyPage | None], MainWindow],
    ) -> None:
        """``clock``: the records' (practice's runs at the trainer's speed); ``build``: the
        real window over the open records, not shown yet, taking over the first page shown
        before they were open, if one was."""
        super().__init__(shell)
        self._shell = shell
        self._build = build
        self._paths = paths
        self._db_url = db_url
        self._clock = clock
        # Queued to the UI thread: these signals are emitted from the worker.
        self._glimpsed.connect(self._show_early)
        self._opened.connect(self._open_window)
        self._failed.connect(self._fail)
        self._locked.connect(self._ask_passphrase)
        self._handed.connect(self._step_aside)
        # What the worker calls: each crosses to the window's thread, if the opener is there.
        names = ("_glimpsed", "_opened", "_failed", "_locked", "_handed")
        self._back = {name: crossing(self, name) for name in names}
        self._passphrase: str | None = None
        self._drawn = threading.Event()  # the first page is on screen (or will not be)
        # Asked before each try on the UI thread: why the records cannot be opened now.
        self.gate: Callable[[], str | None] = lambda: None
        shell.start_view.passphrase_given.connect(self._try_passphrase)
        shell.start_view.retry_requested.connect(self._retry)

    def start(self) -> None:
        problem = self.gate()
        if problem == HELD:
            problem = HELD_MEANWHILE.format(folder=self._paths.data_dir)
        if problem:
            self._fail(problem)
            return
        QThreadPool.globalInstance().start(self._work)

    def _retry(self) -> None:
        self._shell.start_problem = None
        self.start()

    def _try_passphrase(self, passphrase: str) -> None:
        self._passphrase = passphrase
        self.start()

    def _ask_passphrase(self, why: str) -> None:
        self._shell.start_view.ask_passphrase(why)

    def _work(self) -> None:
        from kapdesk.storage.encryption import (  # noqa: PLC0415  (a small module)
            PassphraseNeededError,
            WrongPassphraseError,
        )
        from kapdesk.storage.writer_lock import (  # noqa: PLC0415
            DatabaseInUseError,
            take_writer_lock,
        )

        setup_logging(self._paths)
        passphrase, self._passphrase = self._passphrase, None  # not kept once used
        try:
            # The file's lock first: no other kapdesk writes what the first look reads.
            writer = take_writer_lock(self._paths, self._db_url, self._window_name)
            try:
                if passphrase is None:
                    self._look_first()
                from kapdesk.records import open_records  # noqa: PLC0415  (the slow import)
            except BaseException:
                if writer is not None:
                    writer.release()
                raise

            records = open_records(
                self._paths, self._db_url, self._clock, passphrase, self._window_name, writer=writer
            )
        except DatabaseInUseError as exc:
            log.warning("the database is in use by another kapdesk")
            holder = exc.holder
            if holder is not None and holder.window and knock(holder.window):
                self._report(
                    "_handed",
                    f"kapdesk is already running on this record ({holder.describe()}): its "
                    "window was brought forward.",
                )
                return
            self._report("_failed", words_of(exc))
            return
        except PassphraseNeededError:
            log.info("the database is encrypted: asking for its passphrase")
            self._report("_locked", ENCRYPTED)
            return
        except WrongPassphraseError as exc:
            log.warning("a passphrase did not open the database")
            self._report("_locked", TRY_AGAIN.format(reason=words_of(exc)))  # said capitalized
            return
        except StorageError as exc:
            log.error("cannot open the records: %s", exc)
            self._report("_failed", self._place_problem() or words_of(exc))
            return
        except Exception as exc:  # the last guard: say so on screen, log it all
            log.exception("opening the records failed")
            self._report("_failed", UNEXPECTED.format(name=exc.__class__.__name__))
            return
        self._report("_opened", records)

    def _report(self, signal: str, value: object) -> None:
        self._back[signal](value)

    def _look_first(self) -> None:
        """On the worker: the first page's facts, read before the database library loads; the
        worker then waits (up to EARLY_PAGE_WAIT_S) for that page to have had its turn to be
        drawn on the window's thread before it imports the library."""
        try:
            from kapdesk.storage.first_look import first_look  # noqa: PLC0415

            look = first_look(self._paths, self._db_url)
        except Exception:  # the look is a shortcut: never the reason a start fails
            log.exception("the first look at the record failed; opening it the whole way")
            return
        if look is None:
            return
        self._drawn.clear()
        self._report("_glimpsed", look)
        self._drawn.wait(EARLY_PAGE_WAIT_S)

    def _show_early(self, look: FirstLook) -> None:
        """On the window's thread: the first page, on the start window until the records are
        open (nothing typed on it is acted on before then)."""
        if not self._shell.waiting:
            self._drawn.set()
            return
        from kapdesk.ui.early_page import EarlyPage  # noqa: PLC0415

        try:
            page = EarlyPage(look, self._clock, self._shell)
            self._shell.show_early(page)
        except Exception:  # the page can wait for the records: never the start for the page
            log.exception("the first page could not be shown early")
            self._shell.drop_early_page()
            self._drawn.set()
            return
        QTimer.singleShot(0, self, lambda: self._early_drawn(page))

    def _early_drawn(self, page: EarlyPage) -> None:
        if self._shell.early_page is page:  # still there (not failed, closed or taken over)
            self._shell.first_page_on_screen()  # said before the worker goes on
        self._drawn.set()

    def _place_problem(self) -> str | None:
        """The records did not open: why, when it is the folder of their file (read-only, full,
        not to be entered) rather than the file itself."""
        from kapdesk.folder_check import folder_problem  # noqa: PLC0415  (only on failure)
        from kapdesk.storage.writer_lock import sqlite_file  # noqa: PLC0415

        try:
            database = sqlite_file(self._paths, self._db_url)
        except OSError:
            database = self._paths.database
        return folder_problem(database.parent) if database is not None else None

    @property
    def _window_name(self) -> str:
        lock = self._shell.instance_lock
        return lock.name if isinstance(lock, InstanceLock) else ""

    def _step_aside(self, said: str) -> None:
        """Another kapdesk writes to this record and brought its window forward: close."""
        print(said, file=sys.stderr)
        self._shell.handed_over.emit()
        self._shell.close()

    def _open_window(self, records: Records) -> None:
        if not self._shell.waiting:  # closed meanwhile (staff left kiosk mode, a shutdown)
            log.info("the window closed before the records were open")
            from kapdesk.records import let_go_of  # noqa: PLC0415  (loaded with the records)

            let_go_of(records)
            return
        try:
            window = self._build(records, self._shell.lend_early_page())
        except Exception as exc:  # the last guard: a window stuck on "Opening…" helps no one
            log.exception("showing the records failed")
            from kapdesk.records import let_go_of  # noqa: PLC0415  (loaded with the records)

            let_go_of(records)  # Try again opens them afresh: this kapdesk holds nothing
            self._fail(UNEXPECTED.format(name=exc.__class__.__name__))
            return
        self._shell.hand_over_to(window)

    def _fail(self, reason: str) -> None:
        print(f"kapdesk: {reason}", file=sys.stderr)
        self._shell.cannot_start(reason, str(self._paths.log_dir))


def start(
    paths: AppPaths,
    db_url: str | None,
    clock: Clock,
    audio: BackendFactory | None = pygame_sound,
    *,
    kiosk: bool = False,
) -> StartWindow | int:
    """Everything ``kapdesk`` does before the event loop: the start window, shown, its records
    on the way (``ready`` follows once the real window took its place, its ``main_window``,
    or ``failed``); or an exit code."""
    problem = display_problem(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kapdesk")
    # Practice's folder is its own: its own lock (a real kapdesk runs beside it, and a second
    # practice start hands over to the first), its own record and writer lock.
    lock = InstanceLock(paths.data_dir)
    folder = take_folder(lock, paths)
    if folder == HELD:
        return hand_over(lock)
    theme.apply(app)
    language = speak_before_the_first_frame(app)
    shell = StartWindow()
    # Practice's record runs at the trainer's speed; the window keeps ``clock`` for what must
    # stay in real time: the sound and its fades, the breathing pace, the idle lock.
    practice = SpeedClock(clock) if paths.practice else None
    if practice is not None:
        from kapdesk.core.practice import WINDOW_TITLE  # noqa: PLC0415

        shell.setWindowTitle(WINDOW_TITLE)
    if kiosk:
        shell.enter_kiosk()
    else:
        shell.showMaximized()
    shell.destroyed.connect(lambda _obj=None: lock.release())
    shell.instance_lock = lock
    # The socket a second start knocks on opens once the records are open and their first
    # page is drawn, or once they cannot be (QtNetwork loads then, not before the first page);
    # a second start keeps knocking until it answers.
    shell.ready.connect(
        lambda: QTimer.singleShot(LISTEN_AFTER_READY_MS, lambda: _listen(lock, shell))
    )
    shell.failed.connect(lambda _reason: _listen(lock, shell))
    keep_awake = KeepAwake(platform_inhibitors())
    arguments = start_arguments(paths, db_url, kiosk=kiosk)

    def build(records: Records, early: EarlyPage | None) -> MainWindow:
        window = window_on(
            records,
            clock,
            audio,
            keep_awake=keep_awake,
            practice=practice,
            early=early,
            language=language,
        )
        window.start_arguments = arguments
        if db_url and _has_password(db_url):
            window.start_problem_for_autostart = PASSWORD_IN_URL
        return window

    opener = RecordsOpener(shell, paths, db_url, practice or clock, build)
    # A folder kapdesk cannot use is said in the window, which offers to try again.
    opener.gate = lambda: None if lock.held else take_folder(lock, paths)
    opener.start()
    return shell


HELD = "another kapdesk holds the data folder"


def take_folder(lock: InstanceLock, paths: AppPaths) -> str | None:
    """Take the data folder's lock: None once taken, :data:`HELD` when another kapdesk has it,
    or why the folder cannot be used (it cannot be entered, written to, or its disk is full)."""
    try:
        if paths.practice:  # the clinic's data folder made too, as private as kapdesk makes it
            paths.ensure_private()
        return None if lock.acquire() else HELD
    except OSError as exc:
        from kapdesk.folder_check import folder_problem  # noqa: PLC0415  (only on failure)

        log.warning("the data folder cannot be used: %s", exc)
        return folder_problem(paths.data_dir) or NO_LOCK_FILE.format(folder=paths.data_dir)


def start_arguments(paths: AppPaths, db_url: str | None, *, kiosk: bool) -> list[str]:
    """The command-line arguments this start had, for an autostart entry to repeat (never a
    database password, which would be written in plain text)."""
    arguments = ["--data-dir", str(paths.data_dir)] if paths.config_dir is None else []
    if db_url and not _has_password(db_url):
        arguments += ["--db", db_url]
    if kiosk:
        arguments.append("--kiosk")
    return arguments


def _has_password(db_url: str) -> bool:
    from kapdesk.storage.db_url import url_has_password  # noqa: PLC0415  (off the first frame)

    return url_has_password(db_url)


def _listen(lock: InstanceLock, shell: StartWindow) -> None:
    if not lock.held:
        return  # closed already: the socket's name may be another kapdesk's by now
    problem = lock.listen(shell.bring_forward)
    if problem:
        log.warning("single instance: %s", problem)


def hand_over(lock: InstanceLock) -> int:
    """Another kapdesk runs on this data folder: bring its window forward, and step aside."""
    if lock.hand_over():
        print("kapdesk is already running here: its window was brought forward.", file=sys.stderr)
        return 0
    pid = lock.holder()
    print(
        f"kapdesk: another kapdesk{f' (process {pid})' if pid else ''} holds the data folder "
        f"{lock.data_dir} but does not answer. Close it (or end that process) and start again.",
        file=sys.stderr,
    )
    return 1


def end_orderly(
    window: MainWindow | StartWindow, noted: SignalSocket | None = None
) -> ShutdownSignals:
    """SIGTERM, SIGINT, SIGHUP (those ``noted`` already too) and the desktop session ending
    close ``window`` the orderly way (:meth:`MainWindow.shut_down`; the start window's is
    the real window's once it is there, see :meth:`StartWindow.shut_down`); the session
    manager's request to save writes what waits; an event loop that ends with the window open
    closes it first. Until ``uninstall``."""
    signals = ShutdownSignals(noted, parent=window)
    signals.requested.connect(window.shut_down)
    signals.save_asked.connect(window.save_pending)
    signals.quitting.connect(window.shut_down_now)
    signals.install()
    return signals


def run_gui(
    paths: AppPaths, db_url: str | None, *, kiosk: bool = False, noted: SignalSocket | None = None
) -> int:
    """Open the window and run until it closes (or the OS, the terminal or the desktop session
    ends it, see :func:`end_orderly`; ``noted``: the signals kept since the process began);
    returns the process exit code."""
    started = start(paths, db_url, SystemClock(), kiosk=kiosk)
    if isinstance(started, int):
        return started
    end_orderly(started, noted)  # the window's, until it goes (cli.main gives them back)
    code = QApplication.exec()
    return 1 if started.start_problem else code


def run_board(
    paths: AppPaths,
    db_url: str | None,
    *,
    show_patients: bool | None,
    full_screen: bool,
    noted: SignalSocket | None = None,
) -> int:
    """``kapdesk board``: the clinic board alone, until it is closed (SIGTERM, SIGINT, SIGHUP
    and the desktop session ending close it too; ``noted``: the signals kept so far)."""
    from kapdesk.core.clinic import load_clinic  # noqa: PLC0415
    from kapdesk.core.room import load_room_settings  # noqa: PLC0415
    from kapdesk.storage.board import board_storage  # noqa: PLC0415
    from kapdesk.ui.board_window import BoardWindow  # noqa: PLC0415
    from kapdesk.ui.formats import use_region  # noqa: PLC0415

    problem = display_problem(os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    try:
        storage = board_storage(paths, db_url)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return 1
    if show_patients is None:
        show_patients = load_room_settings(paths.room_settings)[0].board_shows_patients
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("kapdesk")
    theme.apply(app)
    # Its clock and times as the clinic's region writes them (a problem in clinic.toml is the
    # window's to say: the board shows kapdesk's own settings' way then).
    use_region(load_clinic(BUNDLED_CLINIC_SETTINGS, paths.clinic_settings)[0].region)
    board = BoardWindow(storage, SystemClock(), show_patients=show_patients)
    if full_screen:
        board.showFullScreen()
    else:
        board.showMaximized()
    board.start()
    signals = ShutdownSignals(noted)  # until the process ends (cli.main gives them back)
    signals.requested.connect(lambda _why: board.close())
    signals.install()
    code = QApplication.exec()
    storage.engine.dispose()
    return code
