"""The one way a background thread reaches the window: a call carried to the window's thread.

The recorder's writer, the page loads, the start-up worker, printing, the library scan and the
record file's check all run on threads of their own. None of them may emit a signal of a page
or of the window itself: the window's thread may be destroying that very object at the same
moment (a page put away, the window closed), and Qt does not survive an emit that races a
destructor. They are handed a :class:`Crossing` instead. Calling it from any thread posts the
call to one relay made once for the application, which lives as long as the application does;
on the window's thread the call reaches its object only if that object still exists.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, SignalInstance

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the window's thread for the application's life; carries calls to it."""

    carry = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.carry.connect(self._run)

    @staticmethod
    def _run(call: Callable[[], None]) -> None:
        call()


_lock = threading.Lock()
_relay: _Relay | None = None


def _ended(*_: object) -> None:
    """The application quits or its relay goes: calls that come later are not carried."""
    global _relay  # noqa: PLW0603  (one relay for the process)
    with _lock:
        _relay = None


def _the_relay() -> _Relay:
    """The application's relay, made on first use (on the window's thread)."""
    global _relay  # noqa: PLW0603  (one relay for the process)
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("a crossing is made on the window's thread, with the app running")
    with _lock:
        if _relay is None:
            _relay = _Relay(app)
            app.aboutToQuit.connect(_ended)
            _relay.destroyed.connect(_ended)
        return _relay


class Crossing:
    """A callable any thread may call: ``owner``'s ``name`` (a signal, which is emitted, or a
    method, which is called) receives the arguments later, on the window's thread, if
    ``owner`` is still there then. It keeps no strong hold on ``owner``, so a background
    thread never holds the last reference to a window or a page."""

    def __init__(self, owner: QObject, name: str) -> None:
        if not callable(getattr(owner, name, None)) and not isinstance(
            getattr(owner, name, None), SignalInstance
        ):
            raise AttributeError(f"{type(owner).__name__} has no signal or method {name!r}")
        _the_relay()
        self._owner = weakref.ref(owner)
        self._name = name
        self._what = f"{type(owner).__name__}.{name}"

    def __call__(self, *args: Any) -> None:
        owner, name, what = self._owner, self._name, self._what

        def arrive() -> None:
            target = owner()
            if target is None or not shiboken6.isValid(target):
                log.debug("%s: its object is gone; the call is dropped", what)
                return
            member = getattr(target, name)
            if isinstance(member, SignalInstance):
                member.emit(*args)
            else:
                member(*args)

        with _lock:  # held across the post, so the relay cannot go in the middle of it
            if _relay is None:
                log.debug("%s: the application has ended; the call is dropped", what)
                return
            _relay.carry.emit(arrive)

    def __repr__(self) -> str:
        return f"Crossing({self._what})"


def crossing(owner: QObject, name: str) -> Crossing:
    """The :class:`Crossing` to ``owner``'s signal or method ``name``; make it on the window's
    thread, hand it to the thread that will call it."""
    return Crossing(owner, name)
