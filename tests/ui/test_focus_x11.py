"""The keyboard on a real X server with no window manager, as on a room PC in kiosk mode
(docs/room-pc.md): a real kapdesk (the xcb platform, not offscreen) on an Xvfb server of the
test's own, and every key a real X key event (``xdotool``, through the XTEST extension) sent
to whatever holds the X input focus.

After every form on the journey screen closes, a typed note and each journey shortcut must
work, with nobody tapping the screen in between; and nothing typed may land in a box that is
not on screen. What the keys did is read back from the database.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from kapdesk.storage.models import SessionEvent
from tests.audio.sdl_disk import wait_until
from tests.support.app_driver import STAFF_PIN
from tests.support.crash import ROOT

WAIT_S = 20.0  # a form or the keyboard coming back takes milliseconds; a slow shared machine


pytestmark = [
    pytest.mark.subprocess,
    pytest.mark.skipif(
        shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
        reason="needs the Xvfb X server and xdotool (apt-get install xvfb xdotool; "
        "./bootstrap.sh test installs them)",
    ),
]


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    """An X server with no window manager, on a display number it picks free itself."""
    read, write = os.pipe()
    with (tmp_path / "xvfb.txt").open("w") as said_by_server:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=said_by_server,
        )
    os.close(write)
    try:
        with os.fdopen(read) as said:
            number = said.readline().strip()  # written once the server takes connections
        assert number, (tmp_path / "xvfb.txt").read_text()
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


class Kapdesk:
    """kapdesk on the test's X server, a session open, answering ``state`` lines."""

    def __init__(self, display: str, data_dir: Path, size: str, errors: Path) -> None:
        self.display = display
        self.data_dir = data_dir
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        with errors.open("a") as said:
            self.child = subprocess.Popen(
                [sys.executable, "-m", "tests.support.focus_driver", str(data_dir), size],
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=said,
                text=True,
            )
        assert json.loads(self._line()) == {"ready": True}

    def _line(self) -> str:
        assert self.child.stdout is not None
        line = self.child.stdout.readline()
        assert line, "kapdesk ended"
        return line

    def ask(self, command: str) -> dict[str, Any]:
        assert self.child.stdin is not None
        self.child.stdin.write(command + "\n")
        self.child.stdin.flush()
        answer: dict[str, Any] = json.loads(self._line())
        return answer

    def state(self) -> dict[str, Any]:
        return self.ask("state")

    def until(self, what: str, condition: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """Wait for the window to show ``condition``; fail saying ``what`` and what it showed."""
        seen: list[dict[str, Any]] = []

        def holds() -> bool:
            seen.append(self.state())
            return condition(seen[-1])

        try:
            wait_until(holds, timeout=WAIT_S, interval=0.02)
        except AssertionError:
            raise AssertionError(f"{what}: the window shows {seen[-1]}") from None
        return seen[-1]

    def key(self, *keys: str) -> None:
        """Real key presses, to whatever holds the X input focus."""
        subprocess.run(["xdotool", "key", "--delay", "40", *keys], env=self.env, check=True)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "40", text], env=self.env, check=True)

    def keyboard_in_note(self) -> dict[str, Any]:
        return self.until(
            "the keyboard back in the note box",
            lambda s: s["forms"] == [] and s["active"] == "MainWindow" and s["focus"] == "note",
        )

    def form_opens(self, key: str) -> str:
        self.key(key)
        shown = self.until(
            f"a form open on {key}, with the keyboard",
            lambda s: len(s["forms"]) == 1 and s["active"] == s["forms"][0],
        )
        return str(shown["forms"][0])

    def events(self, kind: str) -> list[dict[str, Any]]:
        engine = create_engine(f"sqlite:///{self.data_dir / 'kapdesk.sqlite3'}")
        try:
            with Session(engine) as session:
                query = select(SessionEvent).where(SessionEvent.kind == kind)
                return [dict(e.data) for e in session.scalars(query.order_by(SessionEvent.seq))]
        finally:
            engine.dispose()

    def quit(self) -> int:
        if self.child.poll() is None:
            assert self.child.stdin is not None
            self.child.stdin.write("quit\n")
            self.child.stdin.flush()
            try:
                self.child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait(timeout=30)
        for pipe in (self.child.stdin, self.child.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()
        return self.child.returncode


@pytest.fixture
def start(display: str, tmp_path: Path) -> Iterator[Callable[[str], Kapdesk]]:
    started: list[Kapdesk] = []

    def starting(size: str) -> Kapdesk:
        started.append(Kapdesk(display, tmp_path / "room", size, tmp_path / "stderr.txt"))
        return started[-1]

    yield starting
    for kapdesk in started:
        kapdesk.quit()
    said = (tmp_path / "stderr.txt").read_text() if (tmp_path / "stderr.txt").exists() else ""
    assert "Traceback" not in said, said


def test_after_every_form_a_typed_note_and_each_journey_key_work_without_a_window_manager(
    start: Callable[[str], Kapdesk],
) -> None:
    kapdesk = start("1280x800")
    kapdesk.keyboard_in_note()  # from the start: the window made itself active

    # Before the dose: breathwork, vital signs, the dose form and closing, each put away.
    forms = []
    for key in ("ctrl+g", "ctrl+b", "ctrl+d", "ctrl+e"):
        forms.append(kapdesk.form_opens(key))
        kapdesk.key("Escape")
        kapdesk.keyboard_in_note()
        kapdesk.type("a")
    assert forms == ["BreathingDialog", "VitalsDialog", "DoseDialog", "CloseDialog"]
    assert kapdesk.state()["note"] == "aaaa"
    kapdesk.key("ctrl+a", "BackSpace")
    kapdesk.type("Calm before the dose")
    kapdesk.key("Return")
    kapdesk.until("the note saved", lambda s: s["note"] == "")
    assert [n["text"] for n in kapdesk.events("note")] == ["Calm before the dose"]

    # The dose, through its form, all by keys.
    kapdesk.form_opens("ctrl+d")
    kapdesk.type("0.75")
    kapdesk.key("Tab")
    kapdesk.type("70")
    kapdesk.key("Return")
    if kapdesk.state()["forms"]:  # the checklist left undone is named: Enter again records
        kapdesk.key("Return")
    kapdesk.keyboard_in_note()
    assert len(kapdesk.events("dose")) == 1
    kapdesk.until("the journey running", lambda s: s["state"] == "running")

    # Each journey key, each form put away again, a note between them.
    phases = len(kapdesk.events("phase_started"))
    kapdesk.key("ctrl+n")
    if kapdesk.until("Next phase answered", lambda s: True)["asks_again"]:
        kapdesk.key("ctrl+n")  # a dosing phase ended early asks for a second press
    wait_until(lambda: len(kapdesk.events("phase_started")) == phases + 1, timeout=WAIT_S)
    for key in ("ctrl+b", "ctrl+r", "ctrl+d", "ctrl+e"):
        kapdesk.form_opens(key)
        kapdesk.key("Escape")
        kapdesk.keyboard_in_note()
    kapdesk.key("ctrl+t")
    kapdesk.until("the timeline", lambda s: s["page"] == "TimelineView")
    kapdesk.key("Escape")
    kapdesk.until("back on the journey", lambda s: s["page"] == "JourneyView")
    kapdesk.keyboard_in_note()
    kapdesk.type("Settled, eyes closed")
    kapdesk.key("Return")
    wait_until(lambda: len(kapdesk.events("note")) == 2, timeout=WAIT_S)
    assert kapdesk.events("note")[-1]["text"] == "Settled, eyes closed"

    # The lock key, over the journey; a key and the PIN bring the note box back.
    kapdesk.key("ctrl+shift+l")
    kapdesk.until("locked, the calm screen with the keyboard", lambda s: s["focus"] == "calm")
    kapdesk.key("space")
    kapdesk.until("the PIN pad", lambda s: s["focus"] == "calm.pin")
    kapdesk.type(STAFF_PIN)
    kapdesk.key("Return")
    kapdesk.until("unlocked", lambda s: not s["locked"])
    kapdesk.keyboard_in_note()
    assert kapdesk.quit() == 0


def test_on_a_small_screen_preparation_keeps_what_is_typed_where_it_is_meant(
    start: Callable[[str], Kapdesk],
) -> None:
    """At 1024x600 in preparation the note box is in view with the keyboard in it; vital signs
    typed after Ctrl+B are a reading in the vitals form, never a note (typed where no box could
    be seen, they once became a note nobody saw)."""
    kapdesk = start("1024x600")
    shown = kapdesk.keyboard_in_note()
    assert shown["focus_visible"] is True
    assert shown["state"] == "opened"  # in preparation: not dosed yet
    assert kapdesk.form_opens("ctrl+b") == "VitalsDialog"  # one Ctrl+B, one form
    kapdesk.type("120")
    kapdesk.key("Tab")
    kapdesk.type("80")
    kapdesk.key("Tab")
    kapdesk.type("72")
    kapdesk.key("Return")
    wait_until(lambda: bool(kapdesk.events("vitals")), timeout=WAIT_S)
    shown = kapdesk.keyboard_in_note()
    assert shown["note"] == ""
    (reading,) = kapdesk.events("vitals")
    assert reading["values"] == {"systolic": 120.0, "diastolic": 80.0, "heart_rate": 72.0}
    assert kapdesk.events("note") == []

    # The lock key from the intention box, and the keyboard back in it after the PIN.
    where = kapdesk.ask("where intention")
    subprocess.run(
        ["xdotool", "mousemove", str(where["x"]), str(where["y"]), "click", "1"],
        env=kapdesk.env,
        check=True,
    )
    kapdesk.until("the intention box with the keyboard", lambda s: s["focus"] == "intention")
    kapdesk.type("To rest")
    kapdesk.key("ctrl+shift+l")
    kapdesk.until("locked, the calm screen with the keyboard", lambda s: s["focus"] == "calm")
    kapdesk.key("space")
    kapdesk.until("the PIN pad", lambda s: s["focus"] == "calm.pin")
    kapdesk.type(STAFF_PIN)
    kapdesk.key("Return")
    kapdesk.until("unlocked, back in the intention box", lambda s: s["focus"] == "intention")
    kapdesk.type(" and let go")
    kapdesk.key("ctrl+i")
    wait_until(lambda: bool(kapdesk.events("intention")), timeout=WAIT_S)
    assert [i["text"] for i in kapdesk.events("intention")] == ["To rest and let go"]
    assert kapdesk.quit() == 0
