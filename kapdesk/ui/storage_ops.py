"""Storage work for the pages, off the window's thread.

A page asks :class:`StorageOps` to run a store call (``work``: plain Python, no Qt in it) on a
worker thread; its result comes back to ``done`` on the window's thread, its failure to
``failed`` (or to the window's one banner) in plain words. The window's thread never waits on
the disk or the network, so the journey's timer never stands still while a page loads.

Every op has a time limit of its own: past it the page is told it could not load (the records
are not answering) and a result that comes later is dropped. A later op for the same page
supersedes an earlier one, so a nurse who clicks twice sees what the last click asked for.

A write (``write=True``) is never dropped: past its limit it may still commit, so the page is
told it is not confirmed yet (never that nothing was saved, which would have staff enter it
again), and its outcome, however late, still comes to the page, which says it plainly.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from kapdesk.core.words import QT_TRANSLATE_NOOP, Said, Template
from kapdesk.storage.errors import StorageError, the_database
from kapdesk.ui.crossing import Crossing, crossing
from kapdesk.ui.words import words_of

log = logging.getLogger(__name__)

T = TypeVar("T")

OP_LIMIT_S = 8.0  # a store call not back by then: the page says the records are not answering
LOADING_AFTER_MS = 300  # a quick load never flashes "Loading…"; a slow one says it calmly
WORKERS = 4  # store calls at once; a hung server holds some, the rest queue behind them
PAGE = "page"  # the banner's place for a page that could not load

# What the pages say of their records. ``{what}`` is the page's own name for what it reads or
# writes ("Past sessions"), itself marked for translation under "StorageOps".
NOT_LOADED = QT_TRANSLATE_NOOP("StorageOps", "{what} could not be loaded: {why}.")
NOT_SAVED = QT_TRANSLATE_NOOP("StorageOps", "{what} could not be saved: {why}.")
NOT_ANSWERING = QT_TRANSLATE_NOOP(
    "StorageOps", "{what} could not be loaded: the records are not answering."
)
NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "StorageOps",
    "{what}: not confirmed yet: the records are not answering; kapdesk is still trying.",
)
NOT_SHOWN = QT_TRANSLATE_NOOP("StorageOps", "{what} could not be shown (the log says why).")
SAID_SO = QT_TRANSLATE_NOOP("StorageOps", "{reason}.")
UNREADABLE = QT_TRANSLATE_NOOP("StorageOps", "the records could not be read")
UNEXPECTED = QT_TRANSLATE_NOOP("StorageOps", "something unexpected went wrong (the log says what)")
THE_PAGE = QT_TRANSLATE_NOOP("StorageOps", "The page")

Say = Callable[[str, str | None], None]


@dataclass
class _Op:
    """One store call in flight, as the window's thread sees it."""

    ticket: int
    key: str
    what: str
    done: Callable[[Any], None]
    failed: Callable[[str], None] | None
    loading: Callable[[bool], None] | None
    write: bool = False
    unsure: Callable[[str], None] | None = None
    started: float = field(default_factory=time.monotonic)
    timers: list[QTimer] = field(default_factory=list)


class _Work:
    """Runs one store call on a daemon thread of its own and hands back what came of it.

    Not a QThreadPool: destroying a pool waits for its running tasks, so a store call stuck on
    a frozen server would keep kapdesk from ever exiting (and holding its instance lock). A
    daemon thread is never waited on; at most ``WORKERS`` of them talk to the records at once.
    """

    def __init__(
        self, ticket: int, work: Callable[[], Any], back: Crossing, gate: threading.Semaphore
    ) -> None:
        self.ticket = ticket
        self.work = work
        self.back = back
        self.gate = gate

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.run, name=f"storage op {self.ticket}", daemon=True)
        thread.start()
        return thread

    def run(self) -> None:
        # The call is let go of before the outcome is handed over: whatever it holds (a page,
        # the window) is then never let go of last on this thread.
        work, self.work = self.work, _spent
        with self.gate:
            try:
                result: object = work()
            except BaseException as exc:  # every failure goes back to the window, said plainly
                if not _expected(exc):
                    log.error("a store call failed unexpectedly", exc_info=exc)
                outcome: tuple[bool, object] = (False, exc.with_traceback(None))
            else:
                outcome = (True, result)
            finally:
                del work
        self.back(self.ticket, outcome[0], outcome[1])


def _spent() -> None:
    """What a worker holds once its call has run."""


def plain_failure(what: str, exc: BaseException, *, write: bool = False) -> str:
    """What could not be read or written and why, in a few plain words (never a traceback).

    A StorageError says both already ("Past sessions cannot be read: the database is
    locked"); anything else is said as ``what`` could not be loaded (or, for a ``write``,
    saved), and why."""
    if isinstance(exc, StorageError) and str(exc).strip():
        return SAID_SO.format(reason=_as_said(exc, str(exc).strip().rstrip(".")))
    return (NOT_SAVED if write else NOT_LOADED).format(what=what, why=_reason(exc))


def not_confirmed(what: str) -> str:
    """What a page says of a write past its time limit: it may yet be saved."""
    return NOT_CONFIRMED.format(what=what)


def _as_said(exc: BaseException, english: str) -> str:
    """``english``, what ``exc`` says trimmed; the core's own words (which a language can say
    again) when trimming left them as they were."""
    said = words_of(exc)
    return said if isinstance(said, Said | Template) and str(said) == english else english


def _reason(exc: BaseException) -> str:
    if isinstance(exc, StorageError | LookupError | PermissionError | ValueError):
        trimmed = str(exc).strip().strip("'").rstrip(".")
        return _as_said(exc, trimmed) if trimmed else UNREADABLE
    from kapdesk.storage.db import failure_reason  # noqa: PLC0415  (after the first frame)

    if _expected(exc):
        reason = failure_reason(exc) or "could not be read"
        return the_database(reason)
    return UNEXPECTED


def _expected(exc: BaseException) -> bool:
    """A failure of the records themselves (said plainly), not a fault in kapdesk (logged
    with its traceback where it happened)."""
    from sqlalchemy.exc import SQLAlchemyError  # noqa: PLC0415  (after the first frame)

    return isinstance(
        exc,
        StorageError
        | LookupError
        | PermissionError
        | ValueError
        | SQLAlchemyError
        | sqlite3.Error
        | OSError,
    )


class StorageOps(QObject):
    """Runs the pages' store calls on worker threads; results come back on the window's thread.

    ``say`` is the window's one banner: ``say("page", text)`` shows that a page could not load,
    ``say("page", None)`` puts that away again: an op that succeeds clears its own page's
    failure only, and the banner then shows the latest failure still true, or none.
    """

    all_done = Signal()  # nothing is in flight any more (tests wait on it)

    def __init__(
        self,
        say: Say,
        parent: QObject | None = None,
        *,
        limit: float = OP_LIMIT_S,
    ) -> None:
        super().__init__(parent)
        self._say = say
        self._gate = threading.Semaphore(WORKERS)
        self._threads: list[threading.Thread] = []
        self.limit = limit
        self._back = crossing(self, "_finished")  # what a worker calls with its outcome
        self._ops: dict[int, _Op] = {}
        self._latest: dict[str, int] = {}  # the page's key -> the ticket it waits for
        self._next = 0
        self.dropped = 0  # results that came after their op was superseded or given up on
        # The page's key -> what the banner says of it; the banner shows the latest one.
        self._failures: dict[str, str] = {}

    @property
    def busy(self) -> int:
        """How many ops the window still waits for."""
        return len(self._ops)

    def idle(self) -> bool:
        return not self._ops

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        *,
        failed: Callable[[str], None] | None = None,
        loading: Callable[[bool], None] | None = None,
        what: str = THE_PAGE,
        key: str | None = None,
        limit: float | None = None,
        write: bool = False,
        unsure: Callable[[str], None] | None = None,
    ) -> int:
        """Run ``work()`` on a worker thread; ``done(result)`` on the window's thread.

        ``what`` names what is read or written ("Past sessions") for the message; ``key`` (by
        default ``what``) is the page: a later op with the same key drops this one's result.
        ``failed(text)`` hears a failure (by default the banner does); ``loading(True)`` is
        called when the op takes long enough to say so, ``loading(False)`` once it is over.
        A ``write`` is never superseded nor given up on: past its limit ``unsure(text)`` (and
        the banner) hear it is not confirmed yet, and ``done`` or ``failed`` hear how it ended.
        Returns the op's ticket.
        """
        self._next += 1
        ticket = self._next
        page = key or what
        earlier = None if write else self._latest.get(page)
        if earlier is not None:
            self._drop(earlier)
        op = _Op(ticket, page, what, done, failed, loading, write, unsure)
        self._ops[ticket] = op
        if not write:
            self._latest[page] = ticket
        seconds = self.limit if limit is None else limit
        op.timers.append(self._timer(round(seconds * 1000), lambda: self._timed_out(ticket)))
        if loading is not None:
            op.timers.append(self._timer(LOADING_AFTER_MS, lambda: self._loading(ticket)))
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(_Work(ticket, work, self._back, self._gate).start())
        return ticket

    def join_workers(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for every worker thread to end (for tests and
        benches; the window never does). True once none is left running."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads = [t for t in self._threads if t.is_alive()]
        return not self._threads

    def _timer(self, ms: int, then: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(then)
        timer.start(ms)
        return timer

    def _loading(self, ticket: int) -> None:
        op = self._ops.get(ticket)
        if op is not None and op.loading is not None:
            op.loading(True)

    def _drop(self, ticket: int) -> None:
        """This op's result (if it ever comes) is no longer wanted."""
        op = self._ops.pop(ticket, None)
        if op is None:
            return
        for timer in op.timers:
            timer.stop()
            timer.deleteLater()
        if self._latest.get(op.key) == ticket:
            del self._latest[op.key]

    def _end(self, ticket: int) -> _Op | None:
        op = self._ops.get(ticket)
        if op is None:
            return None
        self._drop(ticket)
        if op.loading is not None:
            op.loading(False)
        return op

    def _finished(self, ticket: int, ok: bool, outcome: object) -> None:
        op = self._end(ticket)
        if op is None:  # superseded, or past its time limit: dropped
            self.dropped += 1
            failure = "" if ok else f" (it failed: {type(outcome).__name__})"
            log.info("a store call came back too late and was dropped%s", failure)
            self._settled()
            return
        if ok:
            self._cleared(op.key)
            self._report(op, lambda: op.done(outcome))
        else:
            assert isinstance(outcome, BaseException)
            log.warning("%s: a store call failed: %s", op.what, type(outcome).__name__)
            self._fail(op, plain_failure(op.what, outcome, write=op.write))
        self._settled()

    def _timed_out(self, ticket: int) -> None:
        if (write := self._ops.get(ticket)) is not None and write.write:
            self._unconfirmed(write)
            return
        op = self._end(ticket)
        if op is None:
            return
        log.warning("%s: no answer from the records within %.1f s", op.what, self.limit)
        self._fail(op, NOT_ANSWERING.format(what=op.what))
        self._settled()

    def _unconfirmed(self, op: _Op) -> None:
        """A write past its limit: it stays in flight, and may yet commit."""
        log.warning("%s: a write not confirmed within its limit; still waiting", op.what)
        text = not_confirmed(op.what)
        if op.unsure is not None:
            unsure = op.unsure
            self._report(op, lambda: unsure(text))
        self._failed(op.key, text)

    def _fail(self, op: _Op, text: str) -> None:
        # The page hears first: where it goes next (set-up opens the session anyway) turns a
        # page, which takes back what the banner said of the last one; this failure stands.
        if op.failed is not None:
            failed = op.failed
            self._report(op, lambda: failed(text))
        self._failed(op.key, text)

    def _failed(self, key: str, text: str) -> None:
        self._failures.pop(key, None)
        self._failures[key] = text  # the latest failure, last
        self._say(PAGE, text)

    def _cleared(self, key: str) -> None:
        """``key``'s op succeeded: its failure no longer holds; another page's still does."""
        if self._failures.pop(key, None) is None:
            return
        latest = next(reversed(self._failures.values()), None)
        self._say(PAGE, latest)

    def _report(self, op: _Op, call: Callable[[], None]) -> None:
        """Hand the outcome to the page; a page that trips over it is logged, never raised
        into the event loop (which would end kapdesk)."""
        try:
            call()
        except Exception:
            log.exception("%s: the page could not show what came back", op.what)
            self._failed(op.key, NOT_SHOWN.format(what=op.what))

    def _settled(self) -> None:
        if not self._ops:
            self.all_done.emit()
