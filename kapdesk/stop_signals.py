"""The signals that ask kapdesk to end, and how a command-line command ends on them.

SIGTERM (an OS shutdown, a logout, ``kill``), SIGINT (Ctrl+C) and SIGHUP (the terminal closed)
end every face of kapdesk cleanly. The window and the board hear them through their event loop
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
from typing import Any

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
