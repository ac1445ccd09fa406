"""Ending kapdesk the orderly way when the OS, the terminal or the desktop session asks it to.

What asks, and how:

- **SIGTERM**: an OS shutdown or a logout (systemd, the session manager), ``kill``.
- **SIGINT**: Ctrl+C in the terminal kapdesk was started from.
- **SIGHUP**: that terminal closed.
- **The desktop session ending**: Qt's ``commitDataRequest`` / ``saveStateRequest`` (X11 session
  management), and ``aboutToQuit`` whatever else ends the event loop.

Python runs a signal's handler only between two bytecodes of the main thread, and none run
while Qt's event loop waits in C: a signal would wait, unheard, until something else woke the
window. So the handler here only notes the signal; :func:`signal.set_wakeup_fd` also writes its
number into one end of a socket pair, and a :class:`QSocketNotifier` on the other end wakes the
event loop, which says :attr:`ShutdownSignals.requested` on the UI thread. Whoever listens (the
window) then closes the orderly way; no handler ever closes anything itself.

SDL would install handlers of its own for SIGINT and SIGTERM when the sound device opens (and
never act on them, so a shutdown ended kapdesk only by SIGKILL):
:mod:`kapdesk.audio.pygame_backend` tells SDL to leave signals alone.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication, QSessionManager

Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def shutdown_signals() -> tuple[signal.Signals, ...]:
    """The signals that end kapdesk the orderly way on this platform."""
    names = ("SIGTERM", "SIGINT", "SIGHUP")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


SESSION_ENDING = "the desktop session ending"


class ShutdownSignals(QObject):
    """Everything that asks kapdesk to end, heard on the UI thread while Qt's event loop runs.

    :meth:`install` (once the QApplication exists) takes SIGTERM, SIGINT and SIGHUP over until
    :meth:`uninstall`, and listens to the desktop session: :attr:`requested` says why each time
    (the signal's name, or :data:`SESSION_ENDING` on ``commitDataRequest``). The session
    manager's ``saveStateRequest`` (which may come without the session ending) says
    :attr:`save_asked`; ``aboutToQuit`` says :attr:`quitting`.
    """

    requested = Signal(str)
    save_asked = Signal()
    quitting = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._previous: dict[signal.Signals, Handler] = {}
        self._previous_fd: int | None = None
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self.heard: list[str] = []  # every signal heard, in order

    @property
    def installed(self) -> bool:
        return self._sockets is not None

    def install(self) -> None:
        """Take SIGTERM, SIGINT and SIGHUP over (from the main thread)."""
        if self._sockets is not None:
            return
        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)
        self._sockets = (reader, writer)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        for number in shutdown_signals():
            self._previous[number] = signal.signal(number, _note)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.connect(self.session_ending)
            app.saveStateRequest.connect(self.save_state)
        if app is not None:
            app.aboutToQuit.connect(self.quitting)

    def session_ending(self, _manager: QSessionManager | None) -> None:
        """Connected to ``commitDataRequest``: the desktop session ends."""
        # No interaction is asked for: nothing may wait for a person while the session ends.
        self.heard.append(SESSION_ENDING)
        self.requested.emit(SESSION_ENDING)

    def save_state(self, _manager: QSessionManager | None) -> None:
        """Connected to ``saveStateRequest``."""
        self.save_asked.emit()

    def uninstall(self) -> None:
        """Give the signals back to whoever had them before."""
        if self._sockets is None:
            return
        for number, previous in self._previous.items():
            signal.signal(number, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd if self._previous_fd is not None else -1)
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            app.commitDataRequest.disconnect(self.session_ending)
            app.saveStateRequest.disconnect(self.save_state)
        if app is not None:
            app.aboutToQuit.disconnect(self.quitting)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        for end in self._sockets:
            end.close()
        self._sockets = None

    def _wake(self) -> None:
        if self._sockets is None:
            return
        received = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._sockets[0].recv(64):
                received += chunk
        for number in received:
            name = signal_name(number)
            self.heard.append(name)
            self.requested.emit(name)


def _note(_number: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the wakeup socket carries the signal, nothing is done here."""


class StoppedError(Exception):
    """A command-line command was asked to stop by a signal (raised from the handler)."""

    def __init__(self, number: int) -> None:
        super().__init__(signal_name(number))
        self.number = number

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 plus the signal's number."""
        return 128 + self.number


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """For a command without an event loop: SIGTERM, SIGINT and SIGHUP raise :class:`StoppedError`
    in the main thread (where the command runs), so it ends through its own ``finally`` blocks
    and the command line says so in a line instead of a traceback."""

    def stop(number: int, _frame: FrameType | None) -> None:
        raise StoppedError(number)

    previous: dict[signal.Signals, Handler] = {}
    for number in shutdown_signals():
        previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def stopped_message(stopped: StoppedError) -> str:
    return f"kapdesk: stopped by {stopped} before the command was done."


__all__ = [
    "SESSION_ENDING",
    "ShutdownSignals",
    "StoppedError",
    "shutdown_signals",
    "signal_name",
    "stop_on_signals",
    "stopped_message",
]
