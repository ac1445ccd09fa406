"""The room PC's package: the frozen build and its .deb, built by packaging/build_release.py,
installed with dpkg on this machine, run as a clinic runs it (``/usr/bin/kapdesk``: the version,
the demo session, the protocols, the window offscreen), then removed: the program goes, the
clinic's data folder and its records stay.

It installs into /opt and /usr, so it needs root (or passwordless sudo) and Debian's dpkg.
In CI (``CI=true``) it always runs and fails if it cannot; elsewhere it is skipped with the
reason. The build takes a few minutes and is made once per test session.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import NoReturn

import pytest

import kapdesk
from tests.audio.sdl_disk import wait_until
from tests.support.ci import IN_CI

pytestmark = [pytest.mark.release, pytest.mark.subprocess]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build_release.py"
KAPDESK = Path("/usr/bin/kapdesk")
INSTALLED = Path("/opt/kapdesk")
HOW_TO_RUN = (
    "run it as root (or with passwordless sudo) on Debian/Ubuntu, in an environment with the "
    "release extra: ./bootstrap.sh test tests/packaging"
)
BUILD_TIMEOUT_S = 900


def _refuse(why: str) -> NoReturn:
    """Not runnable here: a failure in CI, where it must run; elsewhere a skip saying why."""
    if IN_CI:
        pytest.fail(f"the package test cannot run in CI: {why}")
    pytest.skip(f"{why}; {HOW_TO_RUN}")


def _as_root() -> list[str]:
    """The prefix that runs a command as root: none for root, else passwordless sudo."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], check=False).returncode == 0:
        return ["sudo", "-n"]
    _refuse("installing a .deb needs root, and this is neither root nor passwordless sudo")


def _dpkg_knows_kapdesk() -> bool:
    shown = subprocess.run(
        ["dpkg-query", "-W", "-f=${db:Status-Abbrev}", "kapdesk"],
        capture_output=True,
        text=True,
        check=False,
    )
    return shown.stdout.strip() not in ("", "un")


@pytest.fixture(scope="session")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The .deb, built once per test session (deleted with its scratch at the end: a
    hundred megabytes a session)."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        _refuse("the .deb is built and installed on Debian/Ubuntu only (no dpkg-deb here)")
    if find_spec("PyInstaller") is None:
        _refuse("PyInstaller is not installed (pip install -e '.[release]')")
    where = tmp_path_factory.mktemp("release")
    built = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(where / "dist"), "--work", str(where)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    said = built.stdout + built.stderr
    if built.returncode != 0:
        pytest.fail(f"build_release.py failed (exit {built.returncode}):\n{said[-6000:]}")
    found = sorted((where / "dist").glob("kapdesk_*.deb"))
    assert len(found) == 1, said
    shutil.rmtree(where / "dist" / "kapdesk")  # the .deb holds it; keep the disk free
    yield found[0]
    shutil.rmtree(where)


@pytest.fixture
def installed(deb: Path) -> Iterator[list[str]]:
    """The package installed with dpkg -i (removed afterwards, whatever happened)."""
    root = _as_root()
    if _dpkg_knows_kapdesk() and not IN_CI:
        pytest.skip("kapdesk is already installed on this machine; the test would replace it")
    done = subprocess.run(
        [*root, "dpkg", "-i", str(deb)], capture_output=True, text=True, check=False
    )
    try:
        assert done.returncode == 0, f"dpkg -i failed:\n{done.stdout}{done.stderr}"
        yield root
    finally:
        if _dpkg_knows_kapdesk():
            subprocess.run([*root, "dpkg", "--purge", "kapdesk"], capture_output=True, check=False)


def _kapdesk(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(KAPDESK), *argv], capture_output=True, text=True, timeout=120, check=False
    )


def _opens_its_window_and_closes_on_sigterm(data: Path) -> None:
    """The window comes up offscreen (a second start finds it, its records open, and brings
    it forward), and SIGTERM closes it the orderly way."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SDL_AUDIODRIVER": "dummy"}
    errors = data.parent / "window-stderr.txt"
    with errors.open("w") as stderr:
        window = subprocess.Popen(
            [str(KAPDESK), "--data-dir", str(data)], env=env, stdout=stderr, stderr=stderr
        )
    try:
        wait_until((data / "kapdesk.lock").exists, timeout=60, interval=0.05)
        second = subprocess.run(
            [str(KAPDESK), "--data-dir", str(data)],
            env=env,
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "its window was brought forward" in second.stderr
        assert window.poll() is None, errors.read_text()
        window.send_signal(signal.SIGTERM)
        code = window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    said = errors.read_text()
    assert code == 0, said
    assert "Traceback" not in said


def _written_in_the_install(root: list[str]) -> set[str]:
    """Files under /opt/kapdesk that the package did not bring (written at run time)."""
    listed = subprocess.run(
        [*root, "dpkg", "-L", "kapdesk"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    present = {str(path) for path in INSTALLED.rglob("*")}
    return present - set(listed)


def _sessions(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        (count,) = db.execute("SELECT count(*) FROM sessions").fetchone()
    return int(count)


def test_the_deb_installs_runs_and_leaves_the_data_when_removed(
    installed: list[str], tmp_path: Path
) -> None:
    assert KAPDESK.resolve() == INSTALLED / "kapdesk"
    assert Path("/usr/share/applications/kapdesk.desktop").is_file()
    assert Path("/usr/share/icons/hicolor/scalable/apps/kapdesk.svg").is_file()

    said = _kapdesk("--version")
    assert said.returncode == 0, said.stderr
    assert said.stdout.strip() == f"kapdesk {kapdesk.__version__}"

    data = tmp_path / "clinic"
    demo = _kapdesk("--data-dir", str(data), "demo")
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Demo session written: patient DEMO-001")
    protocols = _kapdesk("--data-dir", str(data), "protocols", "list")
    assert protocols.returncode == 0, protocols.stderr
    assert "iv-ketamine" in protocols.stdout
    assert "from: bundled" in protocols.stdout
    sounds = sorted((INSTALLED / "_internal" / "kapdesk" / "assets" / "sounds").glob("*.ogg"))
    assert sounds
    heard = _kapdesk("audio", "check", *map(str, sounds))
    assert heard.returncode == 0, heard.stdout + heard.stderr
    assert heard.stdout.count("OGG Vorbis") == len(sounds)
    record = tmp_path / "record.pdf"
    printed = _kapdesk("--data-dir", str(data), "export", "1", "--format", "pdf", "-o", str(record))
    assert printed.returncode == 0, printed.stderr
    assert record.read_bytes().startswith(b"%PDF")

    _opens_its_window_and_closes_on_sigterm(data)
    assert _written_in_the_install(installed) == set()
    # A new installation's first window after `demo` claims no upgrade.
    with sqlite3.connect(f"file:{data / 'kapdesk.sqlite3'}?mode=ro", uri=True) as db:
        claimed = db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'kapdesk_upgraded'"
        ).fetchone()
        noted = db.execute("SELECT version, previous FROM kapdesk_versions").fetchall()
    assert claimed == (0,)
    assert noted == [(kapdesk.__version__, "")]

    removed = subprocess.run(
        [*installed, "dpkg", "-r", "kapdesk"], capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0, removed.stderr
    assert not INSTALLED.exists()
    assert not KAPDESK.exists()
    assert not KAPDESK.is_symlink()
    assert (data / "kapdesk.sqlite3").is_file()
    assert _sessions(data / "kapdesk.sqlite3") == 1  # the demo session, untouched


def test_the_package_runs_no_script_of_its_own_at_install_or_removal(deb: Path) -> None:
    """Removing kapdesk can only take what dpkg put there: the package has no maintainer
    scripts that could reach the clinic's data folder."""
    control = subprocess.run(
        ["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: kapdesk" in control
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert script not in control, control
