"""Drives the real kapdesk start path in a child process, for tests that kill and restart it.

python -m tests.support.app_driver journey DATA_DIR [DB_URL]  open a session, dose, move a phase,
                                                      print what was saved, then run on
python -m tests.support.app_driver note DATA_DIR      open a session, save a note, print what
                                                      the screen said, then run on
python -m tests.support.app_driver inspect DATA_DIR   start as kapdesk does, wait for the
                                                      records, print what the screen shows,
                                                      and exit
python -m tests.support.app_driver diskfull DATA_DIR  on a small filesystem: fill it while the
                                                      journey runs, type notes, free it, and
                                                      print what the screen and the disk showed
python -m tests.support.app_driver smallwal DATA_DIR  on a 2 MB filesystem: type 600 notes one
                                                      after the other, then print how many
                                                      wait and what the database holds
python -m tests.support.app_driver instance DATA_DIR  start, say so, and say each time a later
                                                      start hands over to this one
python -m tests.support.app_driver wake DATA_DIR      open a session, say so, wait for a line on
                                                      standard input, close it, say so, exit
python -m tests.support.app_driver room DATA_DIR      a room on a clinic server (DATA_DIR's
                                                      room.toml names both): open a dosed
                                                      session, then take commands on standard
                                                      input: "note TEXT" types a note and says
                                                      what the screen showed; "delivered" says
                                                      so once nothing waits for the server;
                                                      "quit" ends
python -m tests.support.app_driver crash DATA_DIR     open (or pick up) a dosed session and
                                                      record notes back to back, printing each
                                                      one once it is on disk, until killed
python -m tests.support.app_driver shutdown DATA_DIR  open a dosed session with a bed playing,
                                                      say so, then type notes back to back,
                                                      printing each one the screen calls
                                                      saved, until a signal (or the desktop
                                                      session) ends kapdesk; exits with the
                                                      event loop's code, as kapdesk does

Every mode runs with kapdesk's own handling of SIGTERM, SIGINT, SIGHUP and the desktop session
ending (kapdesk.app.end_orderly), as ``kapdesk`` itself does.

Every mode signs in as staff do: the first start creates the admin account on its form, later
starts type the PIN on the calm screen.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.app import end_orderly, start
from kapdesk.core.clock import SystemClock
from kapdesk.core.journey import Dose, EventKind, JourneyEvent
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.storage.models import SessionEvent
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.start_window import StartWindow
from tests.support.ops import settle

STAFF_NAME, STAFF_PIN = "Robin Hale", "4862"


def _say(payload: dict[str, object]) -> None:
    print(json.dumps(payload), flush=True)


def sign_in(window: MainWindow) -> None:
    """Through the first-admin form or the calm screen's PIN pad, as a nurse would."""
    if window.pages.currentWidget() is window.first_admin_view:
        form = window.first_admin_view.form
        form.name.setText(STAFF_NAME)
        form.pin.setText(STAFF_PIN)
        form.again.setText(STAFF_PIN)
        window.first_admin_view.submit()
    else:
        window.calm.choose(STAFF_NAME)
        window.calm.pin.setText(STAFF_PIN)
        window.calm.pin.returnPressed.emit()
    assert window.member is not None, "signing in failed"


def journey(window: MainWindow) -> None:
    settle(window)  # set-up's soundtracks have come: the default one is chosen with the session
    window.setup_view.patient.setCurrentText("P-KILL")
    window.setup_view.sitter.setCurrentText("Robin")
    protocols = window.setup_view.protocols
    rows = [protocols.item(r).data(Qt.ItemDataRole.UserRole) for r in range(protocols.count())]
    protocols.setCurrentRow(rows.index("im-ketamine"))
    window.setup_view.submit()
    # Set-up opens the session once the patient's courses have been looked up off the window.
    assert _until(lambda: window.journey_view.current is not None), "the session did not open"
    current = window.journey_view.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", lot_number="LK-1", weight_kg=70))
    current.journey.advance_phase()
    assert current.recorder.flush(timeout=30)
    # The dose's own time (a soundtrack chosen at set-up is recorded before it).
    dosed = next(e.wall for e in current.journey.events if e.kind is EventKind.DOSE)
    _say(
        {
            "session_id": current.session_id,
            "dosed_wall": dosed.isoformat(),
            "events": len(current.journey.events),
        }
    )
    QApplication.exec()


def note(window: MainWindow) -> None:
    """Open a session, save a note as a sitter would, say what the screen said, run on."""
    window.setup_view.patient.setCurrentText("P-NOTE")
    window.setup_view.submit()
    assert _until(lambda: window.journey_view.current is not None), "the session did not open"
    panel = window.journey_view.observations
    assert panel is not None
    panel.note.setText("Crying softly, settled with a hand on the shoulder")
    panel.note.returnPressed.emit()
    current = window.journey_view.current
    assert current is not None
    _until(lambda: _settled(window))
    _say({"session_id": current.session_id, "status": panel.status.text()})
    QApplication.exec()


def crash(window: MainWindow) -> None:
    """Say what the restart found, then record notes back to back; each line is a promise that
    the note is on disk (the recorder commits before anyone hears of an event)."""
    current = window.current
    if current is None:
        window.open_session("P-CRASH", "im-ketamine", STAFF_NAME)
        current = window.current
        assert current is not None
        current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    journey = current.journey
    dosed = next(e.wall for e in journey.events if e.kind is EventKind.DOSE)
    _say(
        {
            "session_id": current.session_id,
            "elapsed": journey.elapsed(),
            "wall": datetime.now(UTC).isoformat(),
            "dosed_wall": dosed.isoformat(),
            "events": len(journey.events),
        }
    )
    count = 0

    def committed(event: JourneyEvent) -> None:  # the recorder's thread: in the record now
        events = journey.events
        seq = next(n for n in range(len(events) - 1, -1, -1) if events[n] is event)
        _say({"seq": seq, "text": event.data["text"]})

    current.recorder.on_saved(committed)

    def record() -> None:
        nonlocal count
        count += 1
        journey.record_observation(
            EventKind.NOTE, note_data(f"note {current.session_id}-{count}", [], "")
        )

    timer = QTimer()
    timer.setInterval(0)  # back to back, with the event loop turning between notes
    timer.timeout.connect(record)
    timer.start()
    QApplication.exec()


def shutdown(window: MainWindow) -> int:
    """A session with the sound playing and notes being typed when kapdesk is asked to end."""
    settle(window)  # set-up's soundtracks have come
    bed = next(i for i, s in enumerate(window.soundtracks) if s.bed is not None)
    window.open_session("P-END", "im-ketamine", STAFF_NAME, soundtrack=bed)
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    panel = window.journey_view.observations
    assert panel is not None
    dosed = next(e.wall for e in current.journey.events if e.kind is EventKind.DOSE)
    player = window.sound_panel.player
    soundtrack = player.soundtrack if player is not None else None
    _say(
        {
            "session_id": current.session_id,
            "phase": window.journey_view.phase_name.text(),
            "dosed_wall": dosed.isoformat(),
            "bed": soundtrack.bed.title if soundtrack and soundtrack.bed else None,
        }
    )
    count = 0
    typed: list[str] = []

    def type_note() -> None:
        nonlocal count
        status = panel.status.text()
        if status.startswith("Saving…"):
            return  # its saved mark is on its way from the recorder's thread
        if typed and status.startswith("Saved"):
            _say({"saved": typed.pop(), "status": status})
        count += 1
        text = f"Settled, breathing slow, note {count}"
        typed[:] = [text]
        panel.note.setText(text)
        panel.note.returnPressed.emit()

    timer = QTimer()
    timer.setInterval(0)  # back to back, with the event loop turning between notes
    timer.timeout.connect(type_note)
    timer.start()
    return QApplication.exec()


def room(window: MainWindow) -> None:
    """A room PC on the clinic server, told what to type line by line (see the module doc)."""
    from PySide6.QtCore import QSocketNotifier  # noqa: PLC0415

    window.open_session(f"P-{window.store.room}", "im-ketamine", STAFF_NAME)
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    panel = window.journey_view.observations
    assert panel is not None
    _say({"session_id": current.session_id, "room": window.store.room})
    poll = QTimer()
    poll.setInterval(50)

    def delivered() -> None:
        if current.recorder.pending == 0 and window.status_banner.isHidden():
            poll.stop()
            _say({"delivered": True, "banner": window.status_banner.isVisible()})

    poll.timeout.connect(delivered)

    def command() -> None:
        line = sys.stdin.readline().strip()
        if not line or line == "quit":
            reader.setEnabled(False)
            QApplication.quit()
            return
        if line == "delivered":
            poll.start()
            return
        text = line.removeprefix("note ")
        panel.note.setText(text)
        panel.note.returnPressed.emit()
        _until(
            lambda: (
                _settled(window) and window.status_banner.isVisible() == current.recorder.offline
            )
        )
        _say(
            {
                "noted": text,
                "status": panel.status.text(),
                "pending": current.recorder.pending,
                "banner": window.status_banner.text() if window.status_banner.isVisible() else "",
            }
        )

    reader = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    reader.activated.connect(command)
    QApplication.exec()


def diskfull(window: MainWindow) -> None:
    """The disk fills up mid-journey (DATA_DIR is a small filesystem of its own): notes typed
    meanwhile are kept and shown as not saved, under a banner; once room is made, the
    once-a-second retry writes them, in order, and the banner goes."""
    data_dir = Path(sys.argv[2])
    window.open_session("P-FULL", "im-ketamine", STAFF_NAME)
    current = window.current
    assert current is not None
    current.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    panel = window.journey_view.observations
    assert panel is not None
    filler = data_dir / "filler"
    with filler.open("wb") as out:  # everything the filesystem has left
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    typed: list[str] = []
    # The database's own files may hold a little free room: type until the disk says no.
    while current.recorder.problem is None and len(typed) < 5000:
        typed.append(f"Breathing slow, note {len(typed) + 1}")
        panel.note.setText(typed[-1])
        panel.note.returnPressed.emit()
        _until(lambda: _settled(window))
    for more in ("Hand on shoulder, settled", "Asked for water"):
        typed.append(more)
        panel.note.setText(more)
        panel.note.returnPressed.emit()
    # The writer thread tries again, and its word (with how many wait) reaches the window.
    _until(
        lambda: (
            _settled(window)
            and f"{current.recorder.pending} entries wait" in window.status_banner.text()
        )
    )
    full = {
        "banner_shown": window.status_banner.isVisible(),
        "banner": window.status_banner.text(),
        "panel": panel.status.text(),
        "pending": current.recorder.pending,
        "window_up": window.isVisible(),
    }
    filler.unlink()
    # The writer thread's own retry, and its word back on the window's thread.
    _until(lambda: current.recorder.pending == 0 and window.status_banner.isHidden())
    notes = _saved_notes(data_dir)
    _say(
        {
            "full": full,
            "pending_after": current.recorder.pending,
            "banner_after": window.status_banner.isVisible(),
            "typed": typed,
            "saved": notes,
        }
    )


def _until(condition: Callable[[], bool], timeout: float = 60.0) -> bool:
    """Turn the event loop until ``condition`` holds (the recorder's thread has written, and
    its word has come back to the window's thread); whether it did in time."""
    deadline = datetime.now(UTC).timestamp() + timeout
    pause = threading.Event()
    while not condition():
        if datetime.now(UTC).timestamp() > deadline:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        pause.wait(0.005)
    return True


def _settled(window: MainWindow) -> bool:
    """The last entry the observation panel recorded is saved, kept, or said not to be."""
    panel = window.journey_view.observations
    return panel is None or not panel.status.text().startswith("Saving…")


def _saved_notes(data_dir: Path) -> list[str]:
    """The notes the record holds, in order, read back through a connection of its own."""
    engine = create_engine(f"sqlite:///{data_dir / 'kapdesk.sqlite3'}")
    with Session(engine) as session:
        notes = [
            e.data["text"]
            for e in session.scalars(
                select(SessionEvent).where(SessionEvent.kind == "note").order_by(SessionEvent.seq)
            )
        ]
    engine.dispose()
    return notes


def smallwal(window: MainWindow) -> None:
    """A disk too small for SQLite's own checkpoint (DATA_DIR is a 2 MB filesystem): the WAL
    fills it, and without a checkpoint of kapdesk's own every note after stays unsaved."""
    data_dir = Path(sys.argv[2])
    window.open_session("P-WAL", "im-ketamine", STAFF_NAME)
    current = window.current
    assert current is not None
    panel = window.journey_view.observations
    assert panel is not None
    typed = [f"Calm, breathing slow and even, note {n + 1} " + "." * 200 for n in range(600)]
    for text in typed:
        panel.note.setText(text)
        panel.note.returnPressed.emit()
    _until(lambda: current.recorder.pending == 0 and _settled(window))
    notes = _saved_notes(data_dir)
    _say(
        {
            "pending": current.recorder.pending,
            "banner": window.status_banner.text() if window.status_banner.isVisible() else "",
            "panel": panel.status.text(),
            "all_saved": notes == typed,
            "saved": len(notes),
        }
    )


def instance(window: MainWindow) -> None:
    window.brought_forward.connect(lambda: _say({"brought_forward": True}))
    _say({"started": os.getpid()})
    QApplication.exec()


def wake(window: MainWindow) -> None:
    """Open a session and close it (cancelled before dosing) as staff do, around a pause."""
    window.open_session("P-WAKE", "im-ketamine", STAFF_NAME)
    _say({"opened": True, "wake_banner": window.wake_text.text()})
    sys.stdin.readline()
    view = window.journey_view
    view.request_close()
    dialog = view.close_dialog
    assert dialog is not None
    dialog.reason.setText("Patient unwell today")
    dialog.accept()
    _say({"closed": window.current.journey.closed if window.current else None})


def inspect(window: MainWindow) -> None:
    view = window.journey_view
    current = view.current
    elapsed = current.journey.elapsed() if current else None
    _say(
        {
            "page": type(window.pages.currentWidget()).__name__,
            "phase": view.phase_name.text(),
            "timer": view.timer_label.text(),
            "elapsed": elapsed,
            "wall": datetime.now(UTC).isoformat(),
            "events": len(current.journey.events) if current else 0,
            "session_id": current.session_id if current else None,
            "protocol_notice": view.protocol_notice.text()
            if view.protocol_notice.isVisibleTo(window)
            else "",
        }
    )


def main() -> int:
    mode, data_dir = sys.argv[1], Path(sys.argv[2])
    db_url = sys.argv[3] if len(sys.argv) > 3 else None  # as kapdesk --db URL
    started = start(AppPaths.resolve(data_dir), db_url, SystemClock())
    if isinstance(started, int):
        return started
    signals = end_orderly(started)
    try:
        return _run(mode, started)
    finally:
        signals.uninstall()


def _run(mode: str, started: StartWindow) -> int:
    handed_over: list[bool] = []
    started.handed_over.connect(lambda: handed_over.append(True))
    if started.main_window is None and started.start_problem is None:
        waiting = QEventLoop()
        started.ready.connect(waiting.quit)
        started.failed.connect(waiting.quit)
        started.handed_over.connect(waiting.quit)
        waiting.exec()
    if handed_over:
        return 0  # another kapdesk writes to this database and brought its window forward
    window = started.main_window
    if window is None:
        _say({"page": "StartView", "problem": started.start_problem})
        return 1
    sign_in(window)
    modes: dict[str, Callable[[MainWindow], int | None]] = {
        "journey": journey,
        "note": note,
        "inspect": inspect,
        "crash": crash,
        "diskfull": diskfull,
        "smallwal": smallwal,
        "instance": instance,
        "wake": wake,
        "room": room,
        "shutdown": shutdown,
    }
    code = modes[mode](window)
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
