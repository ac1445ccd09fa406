"""Soak: a three-hour esketamine session in the whole kapdesk window, run in a few minutes on a
fake clock; memory, objects and CPU over time.

python -m bench.soak [--fake-audio] [--minutes N] [--drop-vitals-forms]

The whole window (offscreen Qt, SDL's dummy audio driver) is built in a fresh child process over
a new database that holds a 3-hour playlist as a soundtrack (bench.sound makes the files and the
library). The bench signs in through the first-admin form, opens an intranasal esketamine session
on the set-up page with that soundtrack, takes the baseline vital signs and gives the dose, all
with key presses and clicks on the real widgets. Then a :class:`FakeClock` runs three simulated
hours in 1-second steps; each step the journey and the sound card tick and Qt's event loop
turns. On the schedule: a note every minute, vital signs every 10 minutes, Quiet (and back up)
and Skip on the sound card a few times, the timeline opened and closed every 30 minutes; the
protocol moves the phases on. Every 5 simulated minutes, once the recorder has written
everything, the bench samples RSS, Python objects (after a full collection) and Qt objects.

Sound: the real pygame backend by default. Under the fake clock its music still plays in real
time (the dummy driver pulls it at real pace), so tracks end by the wall clock, not the
simulated one; the bed is decoded and mixed as in the room. ``--fake-audio`` uses kapdesk's
silent FakeBackend instead (whose call history grows by design).

Then the idle figure: the clock runs on at real pace, nobody touches anything, and the bench
reads the CPU the window uses while the journey screen only ticks; then the events that pass
through the app-wide event filters, counted by one more filter of the bench's own; then the same
window locked behind the calm screen.

``--drop-vitals-forms`` deletes each vital signs form once it has closed, which kapdesk does not
do: the difference between the two runs is what that would save. ``--minutes`` shortens the
simulated session. :func:`main` returns the figures with their targets for ``python -m bench``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.soak_measure import SAMPLE_HEAD, Sample, figures_of, memory_mb, sample, show

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject

    from bench.soak_session import Room

ROOT = Path(__file__).resolve().parents[1]
SIMULATED_S = 3 * 3600
SAMPLE_EVERY_S = 300
BASELINE_S = 600  # the figures compare the end with minute 10
NOTE_EVERY_S, VITALS_EVERY_S, TIMELINE_EVERY_S = 60, 600, 1800
QUIET_AT_S = (25 * 60, 27 * 60, 95 * 60, 98 * 60, 150 * 60, 152 * 60)  # on, back up: in pairs
SKIP_AT_S = (45 * 60, 110 * 60, 165 * 60)
IDLE_WARM_S, IDLE_S, COUNT_S, CALM_S = 3.0, 30.0, 10.0, 10.0
RSS_GROWTH_TARGET_MB, PEAK_TARGET_MB, IDLE_TARGET_PCT = 5.0, 150.0, 2.0
OBJECTS_SLACK = 0.005  # Python objects: caches that fill up (SQLAlchemy's, re's), half a percent
RESULT = "RESULT "


# -- the child: the simulated session -------------------------------------------------------------


def _window(folder: Path, fake_audio: bool, drop_forms: bool) -> tuple[Room, str]:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication([])
    from bench.soak_session import Room, SoakClock  # noqa: PLC0415
    from kapdesk.app import build_window  # noqa: PLC0415
    from kapdesk.audio.backend import AudioBackend  # noqa: PLC0415
    from kapdesk.paths import AppPaths  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.ui import theme  # noqa: PLC0415

    theme.apply(app)
    clock = SoakClock()

    def sound() -> AudioBackend:
        if fake_audio:
            from kapdesk.audio.fake import FakeBackend  # noqa: PLC0415

            return FakeBackend(clock, check_files=True)
        from kapdesk.audio.pygame_backend import PygameBackend  # noqa: PLC0415

        return PygameBackend(clock=clock)  # its track positions on the bench's clock

    paths = AppPaths.resolve(folder / "data")
    window = build_window(open_storage(paths, None), paths, clock, audio=sound)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    backend = (
        "kapdesk's FakeBackend (silent; --fake-audio)"
        if fake_audio
        else "the pygame backend, SDL dummy driver (music at real pace)"
    )
    if drop_forms:
        backend += "; each vital signs form deleted once closed (--drop-vitals-forms)"
    return Room(window, clock, drop_forms=drop_forms), backend


def _begin(room: Room) -> None:
    room.sign_in()
    room.open_session()
    room.vitals(126)  # the baseline the protocol asks for before dosing
    room.settle()
    room.give_dose()


def _act(room: Room, second: int) -> None:
    """What staff do at ``second`` after dosing."""
    if second % VITALS_EVERY_S == 30:
        room.vitals(118 + (second // VITALS_EVERY_S) % 20)
    if second % NOTE_EVERY_S == 0:
        room.note(f"Settled, breathing slow and even ({second // 60} min)")
    if second in QUIET_AT_S:
        room.quiet()
    if second in SKIP_AT_S:
        room.skip()
    # First at minute 5: the timeline page is built the first time it opens, once, which is
    # not growth; the figures compare with minute 10, after it.
    if second % TIMELINE_EVERY_S == 300:
        room.timeline()


def simulate(room: Room, simulated_s: int) -> tuple[Sample, Sample, float, float]:
    """The simulated session; the sample at minute 10 and the last one, the real seconds it
    took, and the peak RSS before the first sample (before the bench's counting adds to it).
    Only the samples the figures need are kept: the bench's own objects must not grow."""
    peak_before = memory_mb()[1]
    base = previous = sample(room, 0)
    print(SAMPLE_HEAD)
    show(previous, None)
    began = time.monotonic()
    for second in range(1, simulated_s + 1):
        room.step()
        _act(room, second)
        if second % SAMPLE_EVERY_S == 0:
            now = sample(room, second)
            show(now, previous)
            previous = now
            if second == BASELINE_S:
                base = now
    return base, previous, time.monotonic() - began, peak_before


class EventCounter:
    """One more app-wide event filter: counts what passes through the filters (it is called
    before kapdesk's, which were installed earlier), by the event's kind and receiver."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject  # noqa: PLC0415

        counter = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                counter.kinds[f"{event.type().name} to {watched.metaObject().className()}"] += 1
                return False

        self.kinds: Counter[str] = Counter()
        self.filter = Filter()


def _run_loop(seconds: float) -> tuple[float, float]:
    """Run the event loop for ``seconds`` of real time; CPU seconds of the process and of this
    (the window's) thread meanwhile."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: PLC0415

    loop = QEventLoop()
    stop = QTimer()
    stop.setTimerType(Qt.TimerType.PreciseTimer)
    stop.setSingleShot(True)
    stop.timeout.connect(loop.quit)
    stop.start(round(seconds * 1000))
    cpu, thread = time.process_time(), time.thread_time()
    loop.exec()
    return time.process_time() - cpu, time.thread_time() - thread


def idle(room: Room) -> dict[str, Any]:
    """The journey screen at real pace with nobody at it, then locked: CPU as % of one core."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    room.settle()
    room.clock.run_real()
    room.step(0.0)
    _run_loop(IDLE_WARM_S)
    if not room.on_journey():
        raise RuntimeError("bench.soak: the journey screen is not on screen for the idle figure")
    process, thread = _run_loop(IDLE_S)
    counter = EventCounter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(counter.filter)
    counted_process, _ = _run_loop(COUNT_S)
    app.removeEventFilter(counter.filter)
    on_journey = room.on_journey()
    room.window.lock()  # the calm screen over the running session
    _run_loop(IDLE_WARM_S)
    calm_process, calm_thread = _run_loop(CALM_S)
    return {
        "process_pct": 100 * process / IDLE_S,
        "thread_pct": 100 * thread / IDLE_S,
        "events_per_s": sum(counter.kinds.values()) / COUNT_S,
        "events_most": [f"{kind} {n / COUNT_S:.1f}/s" for kind, n in counter.kinds.most_common(6)],
        "counted_process_pct": 100 * counted_process / COUNT_S,
        "stayed_on_journey": float(on_journey),
        "calm_process_pct": 100 * calm_process / CALM_S,
        "calm_thread_pct": 100 * calm_thread / CALM_S,
    }


def child(args: argparse.Namespace) -> None:
    room, backend = _window(args.child, args.fake_audio, args.drop_vitals_forms)
    simulated_s = args.minutes * 60
    _begin(room)
    print(
        f"soak: {backend}; one step = 1 simulated second; sample every"
        f" {SAMPLE_EVERY_S // 60} simulated minutes",
        flush=True,
    )
    base, end, took, peak_before = simulate(room, simulated_s)
    counts = {
        "notes": room.notes,
        "vitals": room.vitals_taken,
        "timelines": room.timelines,
        "quiets": room.quiets,
        "skips": room.skips,
        "phases": room.phases_seen(),
    }
    figures = figures_of(base, end, peak_before)
    idle_figures = idle(room)
    result = {
        "backend": backend,
        "simulated_s": simulated_s,
        "took_s": took,
        "counts": counts,
        "phase": room.phase(),
        **figures,
        "idle": idle_figures,
    }
    print(RESULT + json.dumps(result), flush=True)


# -- the parent -----------------------------------------------------------------------------------


def _run_child(folder: Path, options: list[str]) -> dict[str, Any]:
    """The soak in a fresh process; its lines are passed on as they come."""
    env = {
        **os.environ,
        "SDL_AUDIODRIVER": "dummy",
        "QT_QPA_PLATFORM": "offscreen",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    argv = [sys.executable, "-m", "bench.soak", "--child", str(folder)]
    argv += options
    result: dict[str, Any] | None = None
    with subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        for line in proc.stdout:
            if line.startswith(RESULT):
                result = json.loads(line[len(RESULT) :])
            else:
                print(line, end="", flush=True)
        errors = proc.stderr.read()
    if proc.returncode != 0 or result is None:
        raise RuntimeError(
            f"bench.soak: the child failed (exit {proc.returncode}):\n{errors[-3000:]}"
        )
    return result


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _figure(value: float, target: float, unit: str, *, below: bool = False) -> dict[str, Any]:
    """A figure against its target: at most ``target``, or less than it (``below``)."""
    met = value < target if below else value <= target
    return {"value": round(value, 3), "target": target, "unit": unit, "met": met}


def _simulated(seconds: int) -> str:
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def _memory_report(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    unexplained = result["objects_unexplained"]
    slack = round(OBJECTS_SLACK * result["objects_base"])
    qt_base, qt_end = result["qt_base"], result["qt_end"]
    growth = _figure(result["rss_growth_mb"], RSS_GROWTH_TARGET_MB, "MB", below=True)
    peak = _figure(result["peak_mb"], PEAK_TARGET_MB, "MB")
    objects = _figure(unexplained, slack, "objects")
    qt = _figure(qt_end[0] - qt_base[0], 0, "objects")
    widgets = _figure(qt_end[1] - qt_base[1], 0, "widgets")
    print(
        f"  RSS minute 10 -> end: {result['rss_base_mb']:.1f} -> {result['rss_end_mb']:.1f} MB,"
        f" {growth['value']:+.1f} MB   (target < {RSS_GROWTH_TARGET_MB:.0f}:"
        f" {_verdict(growth['met'])})"
    )
    print(
        f"  peak RSS of the whole window {peak['value']:.1f} MB; before the bench's first object"
        f" count {result['peak_before_counting_mb']:.1f}   (target <= {PEAK_TARGET_MB:.0f}:"
        f" {_verdict(peak['met'])})"
    )
    kept, events = result["kept_growth"], result["events_end"] - result["events_base"]
    print(
        f"  Python objects (gc) minute 10 -> end: {result['objects_base']:,d} ->"
        f" {result['objects_end']:,d} while the events went {result['events_base']} ->"
        f" {result['events_end']}: {result['objects_per_event']:.1f} per event recorded"
    )
    print(
        f"    held by design: the journey's events {kept['events']:+,d}"
        f" ({kept['events'] / max(1, events):.1f} per event), the timeline page's entries"
        f" {kept['timeline']:+,d}, dead weak references {kept['dead weakrefs']:+,d}"
        " (sqlite3 prunes them every 200 cursors)"
    )
    print(
        f"    growth beyond those {unexplained:+,d}   (target <= {slack:,d},"
        f" {OBJECTS_SLACK:.1%} for caches that fill: {_verdict(objects['met'])})"
    )
    print(f"    grew most: {', '.join(result['objects_grew']) or 'nothing'}")
    print(
        f"  Qt objects minute 10 -> end: the window's children {qt_base[0]} -> {qt_end[0]},"
        f" all widgets {qt_base[1]} -> {qt_end[1]}, top-level widgets {qt_base[2]} -> {qt_end[2]}"
    )
    print(
        f"    (target: no growth: {_verdict(qt['met'] and widgets['met'])});"
        f" grew most: {', '.join(result['qt_grew']) or 'nothing'}"
    )
    print(f"    top-level widgets that grew: {', '.join(result['top_grew']) or 'none'}")
    print(f"  the recorder's pending entries at the last sample: {result['pending_end']}")
    return {
        "rss_growth_mb": growth,
        "peak_mb": peak,
        "python_objects_beyond_design": objects,
        "qt_objects_growth": qt,
        "widgets_growth": widgets,
    }


def _idle_report(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    thread = _figure(figures["thread_pct"], IDLE_TARGET_PCT, "%", below=True)
    process = _figure(figures["process_pct"], IDLE_TARGET_PCT, "%", below=True)
    print(f"  idle: the journey screen at real pace, nobody at it, {IDLE_S:.0f} s; % of one core")
    print(
        f"    the window's thread {thread['value']:.2f} %   (target < {IDLE_TARGET_PCT:.0f}:"
        f" {_verdict(thread['met'])}); the whole process {process['value']:.2f} %"
        " (all its threads: SDL mixes on one)"
    )
    print(
        f"    events through the app-wide event filters {figures['events_per_s']:.1f}/s"
        f" (counted by one more filter, the process at {figures['counted_process_pct']:.2f} %"
        " meanwhile):"
    )
    print(f"      {', '.join(figures['events_most'])}")
    if not figures["stayed_on_journey"]:
        print("    (the journey screen did not stay on screen while they were counted)")
    print(
        f"    locked behind the calm screen, {CALM_S:.0f} s: the window's thread"
        f" {figures['calm_thread_pct']:.2f} %,"
        f" the whole process {figures['calm_process_pct']:.2f} %"
    )
    return {"idle_window_thread_pct": thread, "idle_process_pct": process}


def report(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Print the pass/fail figures; the same figures, for a caller."""
    counts = result["counts"]
    print(
        f"  {_simulated(result['simulated_s'])} simulated in {result['took_s']:.0f} s:"
        f" {counts['notes']} notes, {counts['vitals']} vital signs, {counts['phases']} phase"
        f" changes (ends in {result['phase']!r}), Quiet {counts['quiets']}x,"
        f" Skip {counts['skips']}x, the timeline {counts['timelines']}x"
    )
    figures = _memory_report(result)
    figures.update(_idle_report(result["idle"]))
    print(
        "  The machine is shared (2 cores, a CI run and other work): the CPU and time figures"
        " are noisy; memory and object counts much less so."
    )
    return figures


def main(argv: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """Run the soak (``argv``: this module's options) and print it; returns its figures, each
    name with its value, target, unit and whether it was met."""
    from bench import sound  # noqa: PLC0415

    args = _arguments(argv)
    with tempfile.TemporaryDirectory(prefix="kapdesk-soak-") as name:
        folder = Path(name)
        tracks, files = sound.make_playlist(folder)
        sound.run_child("library", folder)
        hours = sum(track.seconds for track in tracks) / 3600
        print(f"soak: a {hours:.1f} h playlist of {len(tracks)} files ({files}), the rain bed")
        options = ["--minutes", str(args.minutes)]
        options += ["--fake-audio"] if args.fake_audio else []
        options += ["--drop-vitals-forms"] if args.drop_vitals_forms else []
        result = _run_child(folder, options)
    return report(result)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--fake-audio", action="store_true", help="kapdesk's silent FakeBackend")
    parser.add_argument(
        "--minutes", type=int, default=SIMULATED_S // 60, help="simulated minutes (180)"
    )
    parser.add_argument(
        "--drop-vitals-forms",
        action="store_true",
        help="delete each vital signs form once closed: what that would save",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.minutes * 60 < BASELINE_S + SAMPLE_EVERY_S:
        parser.error(f"--minutes: at least {(BASELINE_S + SAMPLE_EVERY_S) // 60}")
    return args


if __name__ == "__main__":
    arguments = _arguments(sys.argv[1:])
    if arguments.child is not None:
        child(arguments)
    else:
        main(sys.argv[1:])
