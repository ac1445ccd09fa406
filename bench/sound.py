"""Sound: memory and CPU while a session plays the rain bed under a 3-hour playlist.

Everything is measured in fresh child processes (``python -m bench.sound --child MODE FOLDER``)
with SDL's dummy audio driver, which needs no sound card yet pulls the mix through SDL_mixer at
real-time pace (the files are decoded and mixed for real), and Qt's offscreen platform.

The playlist is generated into a temporary folder: four 3-second tones first, so that the music
crosses four track boundaries while it is measured, then 36 five-minute quiet tones (3 h in
all), as OGG Vorbis through numpy and soundfile (the ``sounds`` extra) or, without them, as WAV
through the standard library. Every run checks that the short tracks lasted their length:
``music.busy()`` stayed true while they played and went false when they ended.

1. Peak RSS during a session, target at most 150 MB: kapdesk's Player on the PygameBackend,
   driven by a single-shot QTimer as the sound panel drives it, with a QApplication up (the
   app has one). For context: the same without Qt, a minimal pygame script, and the whole
   kapdesk window (an existing database holding the library and the soundtrack, the real
   SystemClock and pygame backend factory, the session opened as the set-up page opens it).
   The window speaks the PC's session language, as kapdesk does when the clinic sets none:
   ``LANG=es_ES.UTF-8 python -m bench.sound`` measures it with the Spanish catalogues (kapdesk's
   and Qt's) loaded; the row names the language it spoke.
2. CPU while playing, target kapdesk at most 1.3x a minimal pygame script: user+system CPU
   seconds of the whole process (SDL's mixing thread included) from the moment the sound has
   started (bed decoded and looping, first track started) for the same wall time. The minimal
   script polls ``mixer.music.get_busy()`` every 500 ms and starts the next file when one
   ends. Both open the mixer alike (44.1 kHz, 16-bit, stereo, the backend's 1024-frame
   buffer), loop the same bed on a channel and play the same files with kapdesk's volumes and
   fade-ins, so SDL does the same work in both. They take turns; the figures are medians.
   The Qt children start the sound from a running event loop, as the app does (a new loop's
   first turn costs some 40 ms of CPU that is not playing). The last column is the Python
   thread's share: kapdesk's own work and Qt's; the rest is SDL mixing and decoding.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from bench import figures

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from kapdesk.core.soundtrack import Soundtrack
    from kapdesk.storage.journeys import OpenJourney

ROOT = Path(__file__).resolve().parents[1]
BED = ROOT / "kapdesk" / "assets" / "sounds" / "rain.ogg"
FREQUENCY, BUFFER_FRAMES = 44_100, 1024  # the backend's mixer; the kapdesk child checks them
SHORT_TONES = (300, 350, 441, 315)  # Hz; each divides FREQUENCY, so a period is whole samples
SHORT_SECONDS = 3
LONG_TONE, LONG_TRACKS, LONG_SECONDS = 225, 36, 300
LEVEL = 0.05  # quiet: about -29 dBFS
PLAY_SECONDS = 20.0  # wall time each child plays for
CPU_RUNS = 3
RSS_TARGET_MB = 150.0
CPU_TARGET = 1.3
# What kapdesk plays at: the Soundtrack's default volumes under Settings.master_limit, and the
# Settings' fade-ins; the minimal script copies them so that SDL mixes the same.
MUSIC_VOLUME, BED_VOLUME, MASTER = 0.7, 0.4, 0.8
TRACK_FADE_MS, BED_FADE_MS = 2000, 6000
LOOP_WARM_MS = 250  # Qt's event loop runs this long before the sound starts
RESULT = "RESULT "  # a child's figures: this, then one line of JSON
OPTIONAL = ("numpy", "pkg_resources", "alembic")  # heavy modules that may come along, or not


class BenchTrack(NamedTuple):
    path: str
    title: str
    seconds: float


# -- the files (parent) ---------------------------------------------------------------------------
# The parent's own imports stay in its functions, so that the children carry none of them.


def _numpy_soundfile() -> tuple[Any, Any] | None:
    """numpy and soundfile (the ``sounds`` extra), or None when they cannot be had."""
    import importlib  # noqa: PLC0415  (parent only)

    try:
        return importlib.import_module("numpy"), importlib.import_module("soundfile")
    except (ImportError, OSError):  # soundfile raises OSError when libsndfile is missing
        return None


def _write_ogg(tools: tuple[Any, Any], path: Path, freq: int, seconds: int) -> None:
    """A quiet tone as OGG Vorbis."""
    np, sf = tools
    samples = FREQUENCY // freq
    period = (np.sin(2 * np.pi * np.arange(samples) / samples) * LEVEL).astype(np.float32)
    mono = np.tile(period, freq)  # one second
    second = np.stack([mono, mono], axis=1)
    with sf.SoundFile(str(path), "w", FREQUENCY, 2, format="OGG", subtype="VORBIS") as out:
        for _ in range(seconds):
            for at in range(0, FREQUENCY, 8192):  # libsndfile's Vorbis writer crashes on big writes
                out.write(second[at : at + 8192])


def _write_wav(path: Path, freq: int, seconds: int) -> None:
    """A quiet tone as 16-bit stereo WAV, with the standard library alone."""
    import wave  # noqa: PLC0415  (parent only)
    from array import array  # noqa: PLC0415

    samples = FREQUENCY // freq
    period = array("h")
    for n in range(samples):
        value = round(32767 * LEVEL * math.sin(2 * math.pi * n / samples))
        period.extend((value, value))
    if sys.byteorder == "big":
        period.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(FREQUENCY)
        out.writeframes(period.tobytes() * (freq * seconds))


def make_playlist(folder: Path) -> tuple[list[BenchTrack], str]:
    """The 3-hour playlist in ``folder``, short tracks first; and what the files are."""
    import shutil  # noqa: PLC0415  (parent only)

    ogg = _numpy_soundfile()
    suffix = ".ogg" if ogg else ".wav"

    def write(path: Path, freq: int, seconds: int) -> None:
        if ogg:
            _write_ogg(ogg, path, freq, seconds)
        else:
            _write_wav(path, freq, seconds)

    tracks = []
    for n, freq in enumerate(SHORT_TONES, start=1):
        path = folder / f"{n:02d} tone {freq} Hz{suffix}"
        write(path, freq, SHORT_SECONDS)
        tracks.append(BenchTrack(str(path), f"Tone {freq} Hz", SHORT_SECONDS))
    first = len(tracks) + 1
    source = folder / f"{first:02d} tone {LONG_TONE} Hz{suffix}"
    write(source, LONG_TONE, LONG_SECONDS)  # one encoding; the other files are the same sound
    for n in range(first, first + LONG_TRACKS):
        path = folder / f"{n:02d} tone {LONG_TONE} Hz{suffix}"
        if path != source:
            try:
                os.link(source, path)
            except OSError:
                shutil.copyfile(source, path)
        tracks.append(BenchTrack(str(path), f"Long tone {n}", LONG_SECONDS))
    (folder / "tracks.json").write_text(json.dumps(tracks), encoding="utf-8")
    if ogg:
        return tracks, "OGG Vorbis, made with numpy + soundfile"
    return tracks, "WAV (numpy/soundfile, the `sounds` extra, are not installed)"


# -- the children ---------------------------------------------------------------------------------


def _cpu() -> float:
    """User + system CPU seconds of the whole process, SDL's mixing thread included."""
    return time.process_time()


def _memory() -> dict[str, float]:
    """Peak RSS (ru_maxrss; VmHWM) and RSS now (VmRSS), in MB."""
    import resource  # noqa: PLC0415  (Unix only)

    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = {"maxrss": maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)}
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return found
    for line in status.splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            found[name] = int(value.split()[0]) / 1024  # kB
    return found


def _tracks(folder: Path) -> list[BenchTrack]:
    return [BenchTrack(*item) for item in json.loads((folder / "tracks.json").read_text("utf-8"))]


class _Meter:
    """A child's figures: RSS at named stages, the CPU and wall time from the moment the sound
    has started, when each track started, whether the music was busy once it had started."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.stages: list[tuple[str, float]] = []
        self.cpu_start = 0.0
        self.began = 0.0
        self.busy_at_start = False
        self.cpu_end = self.wall_end = self.main_start = self.main_end = 0.0
        self.language = "en"  # the language the window spoke (its catalogues loaded)
        self.stage("python")

    def stage(self, name: str) -> None:
        memory = _memory()
        self.stages.append((name, memory.get("VmRSS", memory["maxrss"])))

    def playing(self, busy: bool) -> float:
        """The sound has started (``busy``: the music layer says it plays): what the CPU used
        so far was start-up. Returns the monotonic time to stop at."""
        self.stage("sound playing")
        self.busy_at_start = busy
        self.cpu_start, self.main_start = _cpu(), time.thread_time()
        self.began = time.monotonic()
        return self.began + PLAY_SECONDS

    def stopped(self) -> None:
        """The playing time is over."""
        self.cpu_end, self.main_end, self.wall_end = _cpu(), time.thread_time(), time.monotonic()

    def report(self, starts: list[float]) -> None:
        cpu, wall = self.cpu_end - self.cpu_start, self.wall_end - self.began
        result = {
            "mode": self.mode,
            "cpu_start": self.cpu_start,
            "cpu_play": cpu,
            "cpu_main": self.main_end - self.main_start,  # the Python thread: kapdesk, Qt
            "wall": wall,
            "busy_at_start": self.busy_at_start,
            "starts": [start - starts[0] for start in starts],
            "stages": self.stages,
            "loaded": [name for name in OPTIONAL if sys.modules.get(name) is not None],
            "language": self.language,
            **_memory(),
        }
        print(RESULT + json.dumps(result), flush=True)


def child_pygame(folder: Path) -> None:
    """The minimal pygame way: the bed looped on a channel, the files one after another, a
    poll every 500 ms."""
    meter = _Meter("pygame")
    import pygame  # noqa: PLC0415

    tracks = _tracks(folder)
    pygame.mixer.init(
        frequency=FREQUENCY, size=-16, channels=2, buffer=BUFFER_FRAMES, allowedchanges=0
    )
    meter.stage("mixer open")
    bed = pygame.mixer.Sound(str(BED))
    bed.set_volume(BED_VOLUME * MASTER)
    pygame.mixer.music.set_volume(MUSIC_VOLUME * MASTER)
    pygame.mixer.music.load(tracks[0].path)
    pygame.mixer.Channel(0).play(bed, loops=-1, fade_ms=BED_FADE_MS)
    pygame.mixer.music.play(fade_ms=TRACK_FADE_MS)
    starts, index = [time.monotonic()], 0
    end = meter.playing(pygame.mixer.music.get_busy())
    while (now := time.monotonic()) < end:
        time.sleep(min(0.5, end - now))
        if not pygame.mixer.music.get_busy() and index + 1 < len(tracks):
            index += 1
            pygame.mixer.music.load(tracks[index].path)
            pygame.mixer.music.play(fade_ms=TRACK_FADE_MS)
            starts.append(time.monotonic())
    meter.stopped()
    meter.report(starts)
    pygame.mixer.quit()


def _soundtrack(tracks: list[BenchTrack]) -> Soundtrack:
    from kapdesk.core.soundtrack import Bed, Playlist, Soundtrack, Track  # noqa: PLC0415

    playlist = Playlist(
        "Three hours", tuple(Track(t.path, t.title, "kapdesk bench", t.seconds) for t in tracks)
    )
    return Soundtrack(
        name="Bench",
        bed=Bed(str(BED), "Soft rain"),
        settling=playlist,
        default=playlist,
        music_volume=MUSIC_VOLUME,
        bed_volume=BED_VOLUME,
    )


def _play_in_loop(
    app: QCoreApplication, meter: _Meter, begin: Callable[[], float], then: Callable[[], object]
) -> None:
    """Run Qt's event loop; once it is going, ``begin`` the sound (it returns the monotonic time
    to stop at), call ``then``, and quit the loop at that time.

    In the app a session's sound starts from an event loop that has long been running; the
    first turn of a new loop costs some 40 ms of CPU, which must not count as playing.
    """
    from PySide6.QtCore import Qt, QTimer  # noqa: PLC0415

    stop = QTimer()
    stop.setTimerType(Qt.TimerType.PreciseTimer)  # a default timer may fire 5% off: 1 s in 20
    stop.setSingleShot(True)

    def finish() -> None:
        meter.stopped()
        app.quit()

    stop.timeout.connect(finish)

    failed: list[BaseException] = []

    def start() -> None:
        try:
            stop.start(max(0, round((begin() - time.monotonic()) * 1000)))
            then()
        except BaseException as error:  # raised again below, out of Qt's hands
            failed.append(error)
            app.quit()

    QTimer.singleShot(LOOP_WARM_MS, start)
    app.exec()
    if failed:
        raise failed[0]


def child_player(folder: Path, qt: bool) -> None:
    """kapdesk's Player on the PygameBackend; with ``qt``, a QApplication up and a single-shot
    QTimer driving the player as the sound panel does; without, a plain sleep loop."""
    meter = _Meter("kapdesk" if qt else "kapdesk-no-qt")
    if qt:
        from PySide6.QtCore import QTimer  # noqa: PLC0415
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        app = QApplication([])
        meter.stage("QApplication")
    from kapdesk.audio import pygame_backend  # noqa: PLC0415
    from kapdesk.audio.player import Player, Settings  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.core.journey import EventKind  # noqa: PLC0415

    mixer = (pygame_backend.FREQUENCY, pygame_backend.BUFFER_FRAMES)
    settings = Settings()
    fades = (round(settings.track_fade_seconds * 1000), round(settings.bed_fade_seconds * 1000))
    if mixer != (FREQUENCY, BUFFER_FRAMES) or settings.master_limit != MASTER:
        raise RuntimeError(f"the backend's mixer is now {mixer}: update bench/sound.py")
    if fades != (TRACK_FADE_MS, BED_FADE_MS):
        raise RuntimeError(f"the player's fades are now {fades} ms: update bench/sound.py")
    soundtrack = _soundtrack(_tracks(folder))
    starts: list[float] = []

    def on_event(kind: EventKind, _data: object) -> None:
        if kind is EventKind.TRACK:
            starts.append(time.monotonic())

    backend = pygame_backend.PygameBackend()
    meter.stage("mixer open")
    player = Player(backend, SystemClock(), settings, on_event=on_event)

    def begin() -> float:
        player.start(soundtrack, None)
        return meter.playing(backend.music.busy())

    if qt:
        timer = QTimer()
        timer.setSingleShot(True)

        def tick() -> None:  # SoundPanel._tick, less the labels
            timer.start(max(20, round(player.tick() * 1000)))

        timer.timeout.connect(tick)
        _play_in_loop(app, meter, begin, tick)
    else:
        end = begin()
        while (now := time.monotonic()) < end:
            time.sleep(min(max(0.02, player.tick()), end - now))
        meter.stopped()
    meter.report(starts)
    backend.close()


def child_library(folder: Path) -> None:
    """Before the window: the clinic's database, with the files scanned into the library as
    the library page scans them, a playlist of them, and the soundtrack "Bench" (the rain
    bed; the playlist from settling on)."""
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.core.soundtrack import Bed, bed_json  # noqa: PLC0415
    from kapdesk.paths import AppPaths  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.library import SoundLibrary  # noqa: PLC0415
    from kapdesk.ui.library_view import scan  # noqa: PLC0415

    storage = open_storage(AppPaths.resolve(folder / "data"), None)
    library = SoundLibrary(storage, SystemClock())
    scanned = scan([Path(t.path) for t in _tracks(folder)], lambda _done, _total: None)
    problems = [f"{s.path}: {s.problem}" for s in scanned if s.problem]
    if problems:
        raise RuntimeError(f"kapdesk cannot play the generated files: {problems}")
    playlist = library.create_playlist("Three hours", library.add(scanned))
    plan = {"bed": bed_json(Bed(str(BED), "Soft rain")), "settling": playlist, "default": playlist}
    library.save_soundtrack("Bench", plan)
    storage.engine.dispose()
    print(RESULT + json.dumps({"mode": "library"}), flush=True)


def child_window(folder: Path) -> None:
    """The whole kapdesk window on the database :func:`child_library` made (as on every start
    but the first), with the real SystemClock and the app's pygame backend factory; the
    session opened as the set-up page asks for it, with the soundtrack "Bench"."""
    meter = _Meter("window")
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication([])
    meter.stage("QApplication")
    from kapdesk.app import build_window, pygame_sound  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.core.journey import EventKind  # noqa: PLC0415
    from kapdesk.core.staff import Role, StaffMember  # noqa: PLC0415
    from kapdesk.paths import AppPaths  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.ui import theme  # noqa: PLC0415

    theme.apply(app)
    meter.stage("kapdesk + SQLAlchemy imported")
    paths = AppPaths.resolve(folder / "data")
    storage = open_storage(paths, None)
    window = build_window(storage, paths, SystemClock(), audio=pygame_sound)
    window.signed_in(StaffMember(0, "Bench Nurse", frozenset({Role.NURSE})))  # as after a PIN
    meter.stage("records open, pages built")
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    meter.stage("window shown")
    from kapdesk.ui.language import spoken  # noqa: PLC0415

    meter.language = spoken()
    # The set-up page reads the saved soundtracks off the window's thread: wait for them.
    loaded_by = time.monotonic() + 30
    while "Bench" not in [s.name for s in window.soundtracks] and time.monotonic() < loaded_by:
        QApplication.processEvents()
        time.sleep(0.01)
    names = [soundtrack.name for soundtrack in window.soundtracks]
    opened: list[OpenJourney] = []

    def begin() -> float:  # what the set-up page's "Open" does
        window.open_session("BENCH-1", "im-ketamine", "", names.index("Bench"))
        backend, player = window.sound_panel._backend, window.sound_panel.player
        if window.current is None or player is None or player.now_playing is None:
            raise RuntimeError("the session did not open with its music playing")
        opened.append(window.current)
        return meter.playing(backend is not None and backend.music.busy())

    _play_in_loop(app, meter, begin, lambda: None)
    walls = [e.wall for e in opened[0].journey.events if e.kind is EventKind.TRACK]
    meter.report([wall.timestamp() for wall in walls])
    window.close()
    storage.engine.dispose()


CHILDREN: dict[str, Callable[[Path], None]] = {
    "pygame": child_pygame,
    "kapdesk": lambda folder: child_player(folder, qt=True),
    "kapdesk-no-qt": lambda folder: child_player(folder, qt=False),
    "library": child_library,
    "window": child_window,
}


# -- the parent -----------------------------------------------------------------------------------


def run_child(mode: str, folder: Path) -> dict[str, Any]:
    import subprocess  # noqa: PLC0415  (parent only)

    env = {
        **os.environ,
        "SDL_AUDIODRIVER": "dummy",
        "QT_QPA_PLATFORM": "offscreen",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    argv = [sys.executable, "-m", "bench.sound", "--child", mode, str(folder)]
    done = subprocess.run(
        argv,
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=PLAY_SECONDS + 120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(
            f"bench.sound: the {mode!r} child failed (exit {done.returncode}):\n"
            f"{done.stderr[-3000:]}"
        )
    result: dict[str, Any] = json.loads(lines[-1][len(RESULT) :])
    if "starts" in result:
        _check_pace(result)
    return result


def _check_pace(result: dict[str, Any]) -> None:
    """The music was busy once started, and each short track lasted about its length: SDL's
    dummy driver consumed it at real-time pace, and busy() went false when it ended."""
    starts: list[float] = result["starts"]
    mode = result["mode"]
    if not result["busy_at_start"]:
        raise RuntimeError(f"{mode}: the music was not busy right after it started")
    if len(starts) <= len(SHORT_TONES):
        raise RuntimeError(
            f"{mode}: {len(starts)} track(s) started in {PLAY_SECONDS:.0f} s; the music did"
            f" not get through the {len(SHORT_TONES)} short tracks"
        )
    gaps = [b - a for a, b in itertools.pairwise(starts[: len(SHORT_TONES) + 1])]
    if not all(SHORT_SECONDS - 0.2 <= gap <= SHORT_SECONDS + 1.0 for gap in gaps):
        raise RuntimeError(
            f"{mode}: the {SHORT_SECONDS} s tracks lasted {', '.join(f'{g:.2f}' for g in gaps)} s;"
            " the audio did not play in real time"
        )
    result["gaps"] = gaps


def _peak(result: dict[str, Any]) -> float:
    return float(result.get("VmHWM", result["maxrss"]))


def _stages(result: dict[str, Any]) -> str:
    parts, before = [], 0.0
    for name, rss in result["stages"]:
        parts.append(f"{name} {'+' if before else ''}{rss - before:.0f}")
        before = rss
    return " · ".join(parts)


def main() -> None:
    import importlib.util  # noqa: PLC0415  (parent only)
    import tempfile  # noqa: PLC0415

    wanted = ("pygame", "PySide6", "sqlalchemy", "mutagen")
    missing = [name for name in wanted if importlib.util.find_spec(name) is None]
    if missing:
        raise SystemExit(f"bench.sound needs {', '.join(missing)}: pip install -e .")
    if not BED.is_file():
        raise SystemExit(f"bench.sound needs the bundled bed {BED}")
    with tempfile.TemporaryDirectory(prefix="kapdesk-sound-bench-") as name:
        folder = Path(name)
        tracks, files = make_playlist(folder)
        runs: dict[str, list[dict[str, Any]]] = {"pygame": [], "kapdesk": []}
        for _ in range(CPU_RUNS):  # taking turns, so the machine's moods fall on both
            for mode, results in runs.items():
                results.append(run_child(mode, folder))
        no_qt = run_child("kapdesk-no-qt", folder)
        try:  # the whole window is context: its failure must not cost the figures above
            run_child("library", folder)
            window: dict[str, Any] | str = run_child("window", folder)
        except RuntimeError as error:
            window = str(error).strip().splitlines()[-1]

    _print(tracks, files, runs, no_qt, window)


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _print(
    tracks: list[BenchTrack],
    files: str,
    runs: dict[str, list[dict[str, Any]]],
    no_qt: dict[str, Any],
    window: dict[str, Any] | str,
) -> None:
    import statistics  # noqa: PLC0415  (parent only)

    hours = sum(t.seconds for t in tracks) / 3600
    print(
        f"sound: the rain bed + a {hours:.1f} h playlist of {len(tracks)} files ({files});"
        f" {PLAY_SECONDS:.0f} s of playing per run, SDL dummy audio driver"
    )
    print(f"  RSS during the session, MB (highest of the runs)   {'peak':>8} {'at the end':>11}")
    rows = [
        ("minimal pygame script", runs["pygame"]),
        ("kapdesk player, no Qt", [no_qt]),
        ("kapdesk player + QApplication", runs["kapdesk"]),
    ]
    if isinstance(window, dict):
        rows.append((f"kapdesk whole window, session open ({window['language']})", [window]))
    for label, results in rows:
        peak = max(_peak(r) for r in results)
        end = max(r.get("VmRSS", 0.0) for r in results)
        target = ""
        if label.startswith("kapdesk") and "no Qt" not in label:
            target = f"   (target <= {RSS_TARGET_MB:.0f}: {_verdict(peak <= RSS_TARGET_MB)})"
        print(f"    {label:46} {peak:7.1f} {end:11.1f}{target}")
    if isinstance(window, dict):
        peak = _peak(window)
        figures.record(
            "whole window, session open: peak RSS",
            f"{peak:.0f} MB",
            f"<= {RSS_TARGET_MB:.0f} MB",
            f"minimal pygame script {max(_peak(r) for r in runs['pygame']):.0f} MB",
            peak <= RSS_TARGET_MB,
        )
    print(f"    where it goes, player + QApplication: {_stages(runs['kapdesk'][0])}")
    if isinstance(window, dict):
        print(f"    where it goes, whole window: {_stages(window)}")
    else:
        print(f"    kapdesk whole window: NOT MEASURED, it failed: {window}")
    loaded = ", ".join(runs["kapdesk"][0]["loaded"]) or "nothing"
    print(f"    heavy modules that came along: {loaded}")

    base = [r["cpu_play"] for r in runs["pygame"]]
    kap = [r["cpu_play"] for r in runs["kapdesk"]]
    base_med, kap_med = statistics.median(base), statistics.median(kap)
    ratio = kap_med / base_med
    print(
        f"  CPU while playing: user+sys s in {PLAY_SECONDS:.0f} s from the first sound,"
        f" median of {CPU_RUNS} (min-max); of it, the Python thread"
    )

    def cpu_row(label: str, results: list[dict[str, Any]]) -> None:
        cpu = [r["cpu_play"] for r in results]
        main = statistics.median(r["cpu_main"] for r in results)
        spread = f"({min(cpu):.3f}-{max(cpu):.3f})" if len(cpu) > 1 else "(one run)"
        print(f"    {label:46} {statistics.median(cpu):7.3f} {spread:15} {main:6.3f}")

    cpu_row("minimal pygame script, polls every 500 ms", runs["pygame"])
    cpu_row("kapdesk player + Qt timer", runs["kapdesk"])
    print(
        f"    {'ratio':46} {ratio:7.2f}x"
        f"  (target <= {CPU_TARGET:.2f}x: {_verdict(ratio <= CPU_TARGET)})"
    )
    figures.record(
        "sound: CPU while playing",
        f"{kap_med:.3f} s = {ratio:.2f}x",
        f"<= {CPU_TARGET:.1f}x minimal pygame",
        f"minimal pygame script {base_med:.3f} s",
        ratio <= CPU_TARGET,
    )
    cpu_row("kapdesk player, no Qt", [no_qt])
    if isinstance(window, dict):
        cpu_row("kapdesk whole window, session open", [window])
    whole = [window] if isinstance(window, dict) else []
    ours = [g for r in [*runs["kapdesk"], no_qt, *whole] for g in r["gaps"]]
    theirs = [g for r in runs["pygame"] for g in r["gaps"]]
    print(
        f"  the {SHORT_SECONDS} s tracks lasted {min(ours):.2f}-{max(ours):.2f} s in kapdesk,"
        f" {min(theirs):.2f}-{max(theirs):.2f} s in the minimal script (its poll):"
        " the dummy driver plays in real time"
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        CHILDREN[sys.argv[2]](Path(sys.argv[3]))
    else:
        main()
