"""Every door of the command line, knocked on with hostile input: 0 tracebacks, 0 hangs.

The doors are found from the parser itself (:func:`tests.cli.hostile.doors`), so a new
sub-command is covered without a change here. Each is given hostile arguments (huge and
negative numbers, empty and odd text, bad database URLs) and hostile files (FIFOs, /dev/zero,
folders, symlink loops, a 3 GB file, XML and TOML nested 100,000 deep, UTF-16 without a BOM,
NUL bytes, invalid UTF-8, an unknown XML encoding).

Every run is bounded: the Hypothesis runs happen in a child Python under a memory limit
(RLIMIT_AS) and a time limit (the subprocess timeout), each call inside it under its own
alarm; a handful run as a real ``python -m kapdesk`` the same way. A run passes when the exit
code is 0, 1 or 2, nothing on stderr is a traceback, and it ends within its limit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.hostile import BAD_URLS, WINDOWED, doors, make_devices

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and rlimits are POSIX")

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 3 << 30  # address space for a child: far above what a command needs
CALL_SECONDS = 30  # one command inside a child
EXAMPLES = int(os.environ.get("KAPDESK_DOOR_EXAMPLES", "160"))


def _limits() -> None:  # runs in the child, before it starts Python
    import resource  # noqa: PLC0415

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "share"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "run"),
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        KAPDESK_DATA_DIR=str(home / "default-data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    env.pop("KAPDESK_DB_PASSPHRASE", None)
    env.pop("KAPDESK_DB_PASSWORD", None)
    (home / "run").mkdir(mode=0o700, exist_ok=True)
    return env


def _child(code: str, cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a child Python under the memory limit; fail the test if it overruns."""
    try:
        return subprocess.run(
            [sys.executable, "-c", code],
            cwd=cwd,
            env=_environment(cwd),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_limits,
            check=False,
        )
    except subprocess.TimeoutExpired as hung:
        err = hung.stderr.decode() if isinstance(hung.stderr, bytes) else hung.stderr or ""
        pytest.fail(f"a door hung past {timeout} s; last lines:\n{err[-3000:]}")


DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, os, signal, sys, traceback
    from pathlib import Path

    from hypothesis import HealthCheck, given, settings, strategies as st

    from kapdesk.cli import main
    from tests.cli.hostile import (
        BAD_URLS, HUGE_NUMBERS, ODD_TEXT, WINDOWED, doors, global_options, make_devices,
        make_hostile_files,
    )

    class Hang(Exception):
        pass

    def alarm(signum, frame):
        raise Hang()

    signal.signal(signal.SIGALRM, alarm)
    here = Path.cwd()
    make_devices(here)  # what the relative sqlite:/// URLs in BAD_URLS name
    hostile = make_hostile_files(here / "hostile")
    data = here / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    files = [str(p) for p in hostile.paths()]
    data_dirs = [str(data), *files, str(here / "new-data")]
    DOORS = [d for d in doors() if d.words not in WINDOWED]
    seen = set()

    def value():
        return st.one_of(
            st.sampled_from(HUGE_NUMBERS + ODD_TEXT + BAD_URLS),
            st.sampled_from(files),
            st.text(st.characters(blacklist_characters="\\x00"), max_size=20),
        )

    @st.composite
    def command_line(draw, door):
        argv = []
        for option in global_options():
            if not draw(st.booleans()):
                continue
            if option.dest == "data_dir":
                argv += ["--data-dir", draw(st.sampled_from(data_dirs))]
            elif option.dest == "db":
                url = draw(st.one_of(
                    st.sampled_from(BAD_URLS),
                    st.sampled_from(files).map(lambda p: "sqlite:///" + p),
                ))
                argv += ["--db", url]
        if "--data-dir" not in argv:
            argv += ["--data-dir", str(data)]
        argv += door.words
        for action in door.positionals:
            many = {None: (1, 1), "?": (0, 1), "+": (1, 3), "*": (0, 3)}.get(action.nargs, (1, 1))
            for _ in range(draw(st.integers(*many))):
                argv.append(draw(value()))
        for action in door.options:
            if not draw(st.booleans()):
                continue
            flag = action.option_strings[-1]
            if action.nargs == 0:
                argv.append(flag)
            elif action.choices and draw(st.booleans()):
                argv += [flag, draw(st.sampled_from(sorted(action.choices)))]
            else:
                argv += [flag, draw(value())]
        return argv

    def call(argv):
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        err = io.StringIO()
        sys.stdout.flush()
        print(json.dumps(argv), file=sys.__stderr__, flush=True)
        signal.alarm(%(call_seconds)d)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exited:
                    code = exited.code if isinstance(exited.code, int) else 2
        finally:
            signal.alarm(0)
        text = err.getvalue()
        assert code in (0, 1, 2), (argv, code, text)
        assert "Traceback" not in text, (argv, text)

    for door in DOORS:  # each door gets its share of the examples

        @settings(
            max_examples=max(8, %(examples)d // len(DOORS)),
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            derandomize=%(derandomize)s,
        )
        @given(command_line(door))
        def knock(argv):
            call(argv)

        knock()
        seen.add(door.words)
    for url in BAD_URLS:  # every bad URL at least once, on a command that opens the database
        call(["--data-dir", str(data), "--db", url, "sessions", "list"])
    print(json.dumps(sorted(seen)))
    """
)


def test_the_doors_are_found_from_the_parser() -> None:
    words = {door.words for door in doors()}
    for expected in [
        ("protocols", "check"),
        ("clinic", "check"),
        ("sessions", "list"),
        ("audio", "check"),
        ("playlist", "check"),
        ("export",),
        ("handout",),
        ("demo",),
    ]:
        assert expected in words
    assert words >= WINDOWED  # a window command renamed would no longer be left out


def test_every_door_with_hostile_arguments_and_files(tmp_path: Path) -> None:
    """Hypothesis drives every command with hostile values, in a child with limits."""
    code = DRIVER % {
        "call_seconds": CALL_SECONDS,
        "examples": EXAMPLES,
        "derandomize": "True" if os.environ.get("CI") else "False",
    }
    done = _child(code, tmp_path, timeout=900)
    assert "Traceback" not in done.stderr, done.stderr[-6000:]
    assert done.returncode == 0, done.stderr[-6000:]
    covered = {tuple(words) for words in json.loads(done.stdout.strip().splitlines()[-1])}
    assert covered == {door.words for door in doors()} - WINDOWED


FILE_COMMANDS = [
    ("protocols", "check", "{all}"),
    ("audio", "check", "{all}"),
    *[
        ("playlist", "check", name)
        for name in (
            "fifo.m3u",
            "deep.xspf",
            "unknown-encoding.xspf",
            "entities.xspf",
            "huge.m3u",
            "utf16-no-bom.m3u",
            "loop.toml",
            "/dev/zero",
        )
    ],
    *[
        ("clinic", "check", name)
        for name in (
            "fifo.toml",
            "zero.toml",
            "deep.toml",
            "utf16-no-bom.toml",
            "huge.m3u",
            "/dev/zero",
        )
    ],
]


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: "-".join(c).replace("/", ""))
def test_a_real_process_reads_hostile_files(tmp_path: Path, command: tuple[str, ...]) -> None:
    """``python -m kapdesk`` itself, under the time and memory limits, on special files."""
    *words, name = command
    setup = _child(
        "from pathlib import Path\n"
        "from tests.cli.hostile import make_hostile_files\n"
        "print('\\n'.join(map(str, make_hostile_files(Path('hostile')).paths())))\n",
        tmp_path,
        timeout=60,
    )
    assert setup.returncode == 0, setup.stderr
    if name == "{all}":
        targets = setup.stdout.split()
    else:
        targets = [name if name.startswith("/") else str(tmp_path / "hostile" / name)]
    done = _child(
        "import sys\nfrom kapdesk.cli import main\n"
        f"sys.exit(main({['--data-dir', str(tmp_path / 'data'), *words, *targets]!r}))\n",
        tmp_path,
        timeout=120,
    )
    assert done.returncode in (0, 1, 2), done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1  # each of these files is refused, with its reason
    assert done.stdout or done.stderr


def test_a_data_folder_of_special_files_does_not_hang_the_commands(tmp_path: Path) -> None:
    """The database, room.toml, clinic.toml, the quick tags and protocols as FIFOs or /dev/zero."""
    data = tmp_path / "data"
    (data / "protocols").mkdir(parents=True)
    os.mkfifo(data / "room.toml")
    os.mkfifo(data / "quick-tags.txt")
    (data / "clinic.toml").symlink_to("/dev/zero")
    os.mkfifo(data / "protocols" / "fifo.toml")
    (data / "protocols" / "zero.toml").symlink_to("/dev/zero")
    os.mkfifo(data / "kapdesk.sqlite3")  # the database itself
    commands = [
        ["sessions", "list"],
        ["protocols", "list"],
        ["clinic", "check"],
        ["demo"],
        ["handout", "1", "-o", str(tmp_path / "h.pdf")],
        ["connect"],
    ]
    script = "import sys\nfrom kapdesk.cli import main\n" + "".join(
        f"print('exit', main({['--data-dir', str(data), *argv]!r}), flush=True)\n"
        for argv in commands
    )
    done = _child(script, tmp_path, timeout=180)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    codes = [int(line.split()[1]) for line in done.stdout.splitlines() if line.startswith("exit")]
    assert len(codes) == len(commands)
    assert set(codes) <= {0, 1, 2}


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_bad_database_url_changes_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process: a plain message, no device's mode changed, no folder created."""
    from kapdesk.cli import main  # noqa: PLC0415

    monkeypatch.setenv("KAPDESK_DB_PASSWORD", "not-kept-anywhere")  # no keyring asked
    monkeypatch.chdir(tmp_path)  # the URLs' relative paths are in here
    own = make_devices(tmp_path)

    devices = {p: os.stat(p).st_mode for p in own.values()}
    code = main(["--data-dir", str(tmp_path / "data"), "--db", url, "sessions", "list"])
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith("kapdesk: ")
    assert {p: os.stat(p).st_mode for p in devices} == devices
    assert not (tmp_path / "no-such-folder").exists()
    assert {p.name for p in tmp_path.iterdir()} <= {"data", "null-device", "zero-device"}
