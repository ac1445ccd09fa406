"""The signals that ask kapdesk to end, and how a command-line command ends on them.

SIGTERM (an OS shutdown, a logout, ``kill``), SIGINT (Ctrl+C) and SIGHUP (the terminal closed)
end every face of kapdesk cleanly. The window and the board take them from their first moment
into a :class:`SignalSocket` (noted, never acted on in the handler: an exception raised while Qt
or its bindings load would abort the process), and hear them once their event loop runs
(:mod:`kapdesk.shutdown`). A command without an event loop runs under :func:`stop_on_signals`:
the signal raises :class:`StoppedError` where the command is, its ``finally`` blocks and
atomic writes tidy up, and the command line says so in a line, with the shell's exit code
(128 plus the signal's number), never a traceback. A step that must be whole or not at all (the
demo session, encrypting the database) runs under :func:`signals_held`: a signal waits until
the step is done. Pure Python: no Qt, so the commands start as fast as before.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import socket

Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


def shutdown_signals() -> tuple[signal.Signals, ...]:
    """The signals that end kapdesk on this platform (no SIGHUP on Windows)."""
    names = ("SIGTERM", "SIGINT", "SIGHUP")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class StoppedError(BaseException):
    """A command was asked to stop by a signal (raised from the handler, in the main thread).

    A BaseException, as KeyboardInterrupt is: no ``except Exception`` on the way swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(signal_name(number))
        self.number = number

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 plus the signal's number."""
        return 128 + self.number

    @property
    def message(self) -> str:
        """What the command line says, on standard error."""
        return f"kapdesk: stopped by {self}."


def _take(handler: Handler) -> dict[signal.Signals, Handler]:
    """Give the stop signals to ``handler``; what each had before (nothing is taken outside
    the main thread, where Python runs no handler: kapdesk called from a script's thread)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {number: signal.signal(number, handler) for number in shutdown_signals()}


def _give_back(previous: dict[signal.Signals, Handler]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler if handler is not None else signal.SIG_DFL)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGTERM, SIGINT and SIGHUP raise :class:`StoppedError` (main thread only)."""

    def stop(number: int, _frame: FrameType | None) -> None:
        raise StoppedError(number)

    previous = _take(stop)
    try:
        yield
    finally:
        _give_back(previous)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Within: a stop signal waits; once the block is done, the first one heard raises
    :class:`StoppedError` (main thread only)."""
    heard: list[int] = []

    def note(number: int, _frame: FrameType | None) -> None:
        heard.append(number)

    previous = _take(note)
    try:
        yield
    finally:
        _give_back(previous)
    if heard:
        raise StoppedError(heard[0])


class SignalSocket:
    """SIGTERM, SIGINT and SIGHUP noted, one byte each, in a socket pair
    (:func:`signal.set_wakeup_fd`); the handler does nothing else. Whoever watches
    :attr:`reader` (an event loop) acts on them, however early they came. Main thread only.
    """

    def __init__(self) -> None:
        self._previous: dict[signal.Signals, Handler] = {}
        self._previous_fd = -1
        self._sockets: tuple[socket.socket, socket.socket] | None = None

    @property
    def installed(self) -> bool:
        return self._sockets is not None

    @property
    def reader(self) -> socket.socket:
        """The end the signals' numbers arrive at (installed only)."""
        assert self._sockets is not None
        return self._sockets[0]

    def install(self) -> None:
        if self._sockets is not None:
            return
        import socket  # noqa: PLC0415  (only a window or the board installs one)

        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)
        self._sockets = (reader, writer)
        self._previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._previous = _take(_note)

    def uninstall(self) -> None:
        """Give the signals back to whoever had them before."""
        if self._sockets is None:
            return
        _give_back(self._previous)
        self._previous = {}
        signal.set_wakeup_fd(self._previous_fd)
        for end in self._sockets:
            end.close()
        self._sockets = None

    def received(self) -> list[int]:
        """The signals noted since the last call, in order."""
        if self._sockets is None:
            return []
        received = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._sockets[0].recv(64):
                received += chunk
        return list(received)


def _note(_number: int, _frame: FrameType | None) -> None:
    """The handler of a :class:`SignalSocket`: the socket carries the signal, nothing is done."""
