"""A whole session in the real kapdesk window, watched by the UI-stall probe, in a process of its
own: sign in, open a session, dose, then type a note or a vital signs reading every second with
real key presses on the real widgets, until told to finish.

python tests/support/stall_driver.py SCENARIO DATA_DIR [DB_URL]

Run it as a file (not ``-m``) with PYTHONPATH naming the kapdesk tree to drive: so the same
driver drives the code of today and the code of an older commit (the probe is loaded from this
tree by its path). It speaks in lines of JSON: ``{"typing": ...}`` once the journey runs;
``{"steps_done": ...}`` once the scenario's own steps are done (scenario ``loads``: past
sessions of a 5,000-session database and the timeline of a 2,000-event session, seeded before
the window opens); and, after ``finish`` on standard input, once everything typed is delivered
(or two minutes have passed), the figures: the probe's, how long the timer on screen stood
still, and each entry with the moment it was typed.

Entries are typed on a schedule, one a second: an entry due while the window's thread was stuck
is typed when the thread comes back, as keys pressed on a frozen window are, and its moment is
the moment it was due: that is when the person pressed the keys.

Every lookup of the window's parts is in :class:`Seams`, the one place to change if they move.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from PySide6.QtCore import QEventLoop, QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.paths import AppPaths

PROBE_FILE = Path(__file__).resolve().parents[2] / "kapdesk" / "ui" / "stall_probe.py"
STAFF_NAME, STAFF_PIN = "Robin Hale", "4862"
PROTOCOL = "im-ketamine"
BIG_SESSION_EVENTS = 2000
PAST_SESSIONS = 5000
DELIVERY_LIMIT_S = 120.0


def say(payload: dict[str, Any]) -> None:
    print(json.dumps(payload), flush=True)


def load_probe() -> Any:
    """The probe class, from this tree's file (an older kapdesk has none of its own)."""
    spec = importlib.util.spec_from_file_location("stall_probe_under_test", PROBE_FILE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module.StallProbe


class Seams:
    """Where the driver finds the window's parts: the only code that knows their names."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.journey_view = window.journey_view
        self.history_view = window.history_view
        self.summary_view = window.summary_view
        self.timeline_view = window.timeline_view

    def page(self) -> QWidget:
        return self.window.pages.currentWidget()  # type: ignore[no-any-return]

    def current(self) -> Any:
        return self.journey_view.current

    def timer_text(self) -> str:
        return str(self.journey_view.timer_label.text())

    def panel(self) -> Any:
        return self.journey_view.observations

    def waiting(self) -> int:
        """Entries not yet delivered to the database."""
        current = self.current()
        return int(current.recorder.pending) if current is not None else 0

    def open_session(self, patient_code: str) -> None:
        self.window.open_session(patient_code, PROTOCOL, STAFF_NAME)

    def history_rows(self) -> int:
        table = self.history_view.table  # a table widget before, a view over a model now
        rows = table.rowCount if hasattr(table, "rowCount") else table.model().rowCount
        return int(rows())

    def timeline_session(self) -> int | None:
        shown = self.timeline_view.current
        return int(shown.session_id) if shown is not None else None

    def timeline_back(self) -> QWidget:
        back = self.timeline_view.findChildren(QWidget)
        button: QWidget = next(w for w in back if str(getattr(w, "text", str)()).startswith("Back"))
        return button


def open_window(data_dir: Path, db_url: str | None) -> Any:
    """kapdesk's own start path; the window once its records are open (or an exit code, or
    the window saying why they cannot be: its ``start_problem``).

    Both seams of the code measured: a start window the real window takes the place of (its
    ``main_window``, once open), or, before that, one window with its records ``attached``."""
    from kapdesk.app import start  # noqa: PLC0415

    started = start(AppPaths.resolve(data_dir), db_url, SystemClock())
    if isinstance(started, int):
        return started
    if not _opened(started) and getattr(started, "start_problem", None) is None:
        waiting = QEventLoop()
        started.ready.connect(waiting.quit)
        started.failed.connect(waiting.quit)
        waiting.exec()
    main_window = getattr(started, "main_window", None)
    if main_window is not None:
        _keep_alive.append(started)  # the start window, which holds the data folder's lock
        return main_window
    return started


_keep_alive: list[Any] = []


def _opened(started: Any) -> bool:
    """Whether the records are open in ``started``'s window, on either seam."""
    if hasattr(started, "main_window"):
        return started.main_window is not None
    return bool(getattr(started, "attached", True))


def sign_in(window: Any) -> None:
    """Through the first-admin form or the calm screen's PIN pad, typed as a nurse would."""
    if window.pages.currentWidget() is window.first_admin_view:
        form = window.first_admin_view.form
        QTest.keyClicks(form.name, STAFF_NAME)
        QTest.keyClicks(form.pin, STAFF_PIN)
        QTest.keyClicks(form.again, STAFF_PIN)
        QTest.keyClick(form.again, Qt.Key.Key_Return)
    else:
        window.calm.choose(STAFF_NAME)
        QTest.keyClicks(window.calm.pin, STAFF_PIN)
        QTest.keyClick(window.calm.pin, Qt.Key.Key_Return)
    assert window.member is not None, "signing in failed"


def _protocol_library() -> Any:
    """The tree's ProtocolLibrary, wherever the tree keeps it (it moved with this change)."""
    try:
        from kapdesk.core import protocol_files  # noqa: PLC0415
    except ImportError:
        from kapdesk.core import protocols as protocol_files  # type: ignore[no-redef]  # noqa: PLC0415
    return protocol_files.ProtocolLibrary


def seed(data_dir: Path, db_url: str | None) -> int:
    """A closed 2,000-event session and 5,000 past sessions in all, written before the window
    opens, through the tree's own stores (and one SQL statement for the copies)."""
    from sqlalchemy import text  # noqa: PLC0415

    from kapdesk.core.observations import note_data  # noqa: PLC0415
    from kapdesk.paths import BUNDLED_PROTOCOLS_DIR  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.journeys import JourneyStore  # noqa: PLC0415
    from kapdesk.storage.models import JourneySession  # noqa: PLC0415

    storage = open_storage(AppPaths.resolve(data_dir), db_url)
    protocol = _protocol_library()(BUNDLED_PROTOCOLS_DIR, None).get(PROTOCOL)
    assert protocol is not None
    store = JourneyStore(storage, SystemClock())
    old = store.open_session("P-OLD", protocol, "")
    old.journey.close("")
    settle(old.recorder)
    columns = ", ".join(c.name for c in JourneySession.__table__.columns if c.name != "id")
    copy = text(f"INSERT INTO sessions ({columns}) SELECT {columns} FROM sessions WHERE id = :id")
    with storage.engine.begin() as connection:
        connection.execute(copy, [{"id": old.session_id}] * (PAST_SESSIONS - 2))
    # The big one last: the newest, so in the first page of past sessions.
    big = store.open_session("P-BIG", protocol, "")
    big.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    while len(big.journey.events) < BIG_SESSION_EVENTS - 1:
        count = len(big.journey.events)
        big.journey.record_observation(EventKind.NOTE, note_data(f"Seeded note {count}", [], ""))
    big.journey.close("Seeded for the stall scenario")
    settle(big.recorder)
    storage.engine.dispose()
    return int(big.session_id)


def settle(recorder: Any, limit_s: float = 60.0) -> None:
    """Until the recorder has delivered everything (at once where it writes as it records)."""
    ends = time.monotonic() + limit_s
    while getattr(recorder, "pending", 0) and time.monotonic() < ends:
        time.sleep(0.05)


class TimerWatch:
    """Samples the journey timer on screen every 100 ms on the window's thread: the longest
    span it showed the same time (a thread that stands still cannot sample, so the span
    covers the stall)."""

    def __init__(self, read: Callable[[], str]) -> None:
        self.read = read
        self.shown = read()
        self.changed = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.sample)
        self.timer.start()

    def sample(self) -> None:
        now = time.monotonic()
        shown = self.read()
        if shown != self.shown:
            self.longest = max(self.longest, now - self.changed)
            self.shown, self.changed = shown, now

    def stood_still(self) -> float:
        return max(self.longest, time.monotonic() - self.changed)


class Typist:
    """Types an entry every second on schedule: three notes, then a vital signs reading."""

    def __init__(self, seams: Seams, window: QWidget, typing_allowed: Callable[[], bool]) -> None:
        self.seams = seams
        self.window = window
        self.allowed = typing_allowed
        self.started = time.monotonic()
        self.started_wall = datetime.now(UTC)
        self.number = 0  # entries due so far
        self.typed: list[dict[str, Any]] = []
        self.skipped = 0
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self.catch_up)
        self.timer.start()

    def catch_up(self) -> None:
        """Type every entry due by now (several at once after the thread was stuck)."""
        while self.started + (self.number + 1) <= time.monotonic():
            self.number += 1
            due = self.started_wall + timedelta(seconds=self.number)
            if not self.allowed():
                self.skipped += 1  # away from the journey: nobody types a note there
                continue
            if self.number % 4 == 0:
                key = self.vitals(100 + self.number // 4)  # a usual reading, its own
            else:
                key = self.note(f"Settled, breathing slow, note {self.number}")
            self.typed.append({"key": key, "typed_at": due.isoformat()})

    def note(self, text: str) -> str:
        panel = self.seams.panel()
        QTest.keyClicks(panel.note, text)
        QTest.keyClick(panel.note, Qt.Key.Key_Return)
        return text

    def vitals(self, systolic: int) -> str:
        panel = self.seams.panel()
        panel.vitals_dialog = None
        QTest.mouseClick(panel.vitals_button, Qt.MouseButton.LeftButton)
        dialog = panel.vitals_dialog
        assert dialog is not None, "the vital signs form did not open"
        for name, value in (
            ("systolic", str(systolic)),
            ("diastolic", "76"),
            ("heart_rate", "72"),
            ("spo2", "98"),
        ):
            QTest.keyClicks(dialog.fields[name], value)
        QTest.keyClick(dialog.fields["spo2"], Qt.Key.Key_Return)
        return f"vitals {systolic}"


class Navigator:
    """Scenario ``loads``: past sessions (5,000), the 2,000-event session's record and its
    timeline, and back to the journey; each press once the page before has shown its rows."""

    def __init__(self, seams: Seams, big_session: int) -> None:
        self.seams = seams
        self.big = big_session
        self.steps: list[tuple[Callable[[], bool], Callable[[], None]]] = [
            (self.on_journey, lambda: self.click(seams.journey_view.history_button)),
            (self.history_loaded, self.find_big_session),
            (self.summary_loaded, lambda: self.click(seams.summary_view.timeline_button)),
            (self.timeline_loaded, lambda: self.click(seams.timeline_back())),
            (self.summary_loaded, lambda: self.click(seams.summary_view.new_button)),
            (self.on_journey, lambda: None),
        ]
        self.done = False
        self.started = time.monotonic()
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.step)

    def start(self, after_ms: int) -> None:
        QTimer.singleShot(after_ms, self.timer.start)

    def step(self) -> None:
        if time.monotonic() - self.started > DELIVERY_LIMIT_S:
            page = type(self.seams.page()).__name__
            self.finish(f"stuck before step {7 - len(self.steps)} on {page}")
            return
        ready, press = self.steps[0]
        if not ready():
            return
        self.steps.pop(0)
        press()
        if not self.steps:
            self.finish(None)

    def finish(self, problem: str | None) -> None:
        self.timer.stop()
        self.steps = []
        self.done = True
        say({"steps_done": True, "problem": problem})

    @staticmethod
    def click(button: QWidget) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def on_journey(self) -> bool:
        return self.seams.page() is self.seams.journey_view

    def summary_loaded(self) -> bool:
        """The record is on screen with its buttons (they show once it has loaded)."""
        shown = bool(self.seams.summary_view.timeline_button.isVisible())
        return shown and self.seams.page() is self.seams.summary_view

    def history_loaded(self) -> bool:
        shown = self.seams.page() is self.seams.history_view
        return shown and self.seams.history_rows() > 0

    def find_big_session(self) -> None:
        search = self.seams.history_view.search
        QTest.keyClicks(search, "P-BIG")
        QTest.keyClick(search, Qt.Key.Key_Return)

    def timeline_loaded(self) -> bool:
        shown = self.seams.page() is self.seams.timeline_view
        return shown and self.seams.timeline_session() == self.big


def begin(seams: Seams) -> None:
    """Open the session and give the dose, as set-up and the dose form leave it."""
    seams.open_session("P-STALL")
    current = seams.current()
    assert current is not None, "the session did not open"
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="LK-1", weight_kg=70))
    current.journey.advance_phase()


def report(probe: Any, watch: TimerWatch, typist: Typist, seams: Seams) -> None:
    figures = probe.figures()
    say(
        {
            "session_id": int(seams.current().session_id),
            "worst_ms": figures.worst_ms,
            "p50_ms": figures.p50_ms,
            "p99_ms": figures.p99_ms,
            "ticks": figures.ticks,
            "timer_still_s": watch.stood_still(),
            "typed": typist.typed,
            "waiting": seams.waiting(),
        }
    )


def run(window: Any, scenario: str, big_session: int | None) -> None:
    seams = Seams(window)
    begin(seams)
    probe = load_probe()(interval_ms=10)
    probe.start()
    watch = TimerWatch(seams.timer_text)
    typist = Typist(seams, window, lambda: seams.page() is seams.journey_view)
    navigator = Navigator(seams, big_session) if big_session is not None else None
    say({"typing": True, "session_id": int(seams.current().session_id)})
    if navigator is not None:
        navigator.start(after_ms=4500)
    else:
        say({"steps_done": True, "problem": None})
    finishing = QTimer()
    finishing.setInterval(100)
    finish_by = [0.0]

    def delivered() -> None:
        if seams.waiting() == 0 or time.monotonic() > finish_by[0]:
            finishing.stop()
            typist.timer.stop()
            report(probe, watch, typist, seams)
            QApplication.quit()

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "finish" or not line:
            reader.setEnabled(False)
            typist.timer.stop()
            finish_by[0] = time.monotonic() + DELIVERY_LIMIT_S
            finishing.start()

    finishing.timeout.connect(delivered)
    reader = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    reader.activated.connect(command)
    QApplication.exec()


def main() -> int:
    scenario, data_dir = sys.argv[1], Path(sys.argv[2])
    db_url = sys.argv[3] if len(sys.argv) > 3 else None
    big_session = seed(data_dir, db_url) if scenario == "loads" else None
    window = open_window(data_dir, db_url)
    if isinstance(window, int):
        return window
    if getattr(window, "start_problem", None) is not None:
        say({"problem": window.start_problem})
        return 1
    window.activateWindow()
    sign_in(window)
    run(window, scenario, big_session)
    return 0


if __name__ == "__main__":
    sys.exit(main())
