"""A data folder kapdesk cannot use at start (one it may not enter, on a read-only or full disk,
or a file where the folder should be): the window opens and says what is wrong and what IT must
fix, with Try again; never a bare exit with "…: None", never a traceback. The command line says
the same in a line."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.app import start
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.ui.start_window import StartWindow
from tests.support.crash import ROOT, child_env, driver

PYTHON = shlex.quote(str(Path(driver("inspect", Path("x"))[0])))


def _without_root_powers() -> list[str] | None:
    """A prefix that makes permission bits hold for this test's children (root passes them by);
    None where that cannot be."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _in_own_mounts(script: str) -> list[str] | None:
    """``script`` run by sh in a private mount namespace (to mount a small or read-only disk);
    None where that cannot be."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for flags in (["--user", "--map-root-user", "--mount"], ["--mount"]):
        probe = subprocess.run(
            [unshare, *flags, "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            return [unshare, *flags, "sh", "-c", script]
    return None


def _inspect(command: list[str]) -> tuple[dict[str, str], str]:
    done = subprocess.run(
        command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=180, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert ": None" not in done.stderr
    assert done.returncode == 1, done.stderr[-3000:]  # the window said why, then closed
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.mark.subprocess
def test_a_data_folder_this_account_may_not_enter_is_said_in_the_window(tmp_path: Path) -> None:
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: permission bits cannot hold")
    data_dir = tmp_path / "room"
    data_dir.mkdir()
    data_dir.chmod(0)
    try:
        shown, said = _inspect([*prefix, *driver("inspect", data_dir)])
        assert shown["page"] == "StartView"
        assert shown["problem"].startswith(f"The data folder {data_dir} cannot be opened: this ")
        assert "IT support: give" in shown["problem"]
        assert shown["problem"] in said  # and on stderr, for whoever started it from a terminal

        python = driver("inspect", data_dir)[0]
        command = [*prefix, python, "-m", "kapdesk", "--data-dir", str(data_dir), "sessions"]
        listed = subprocess.run(
            [*command, "list"],
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert listed.returncode == 1
        assert "Traceback" not in listed.stderr
        assert listed.stderr.startswith(f"kapdesk: The data folder {data_dir} cannot be opened")
    finally:
        data_dir.chmod(0o700)


@pytest.mark.subprocess
@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_a_read_only_or_full_disk_at_start_is_said_in_the_window(
    tmp_path: Path, fault: str
) -> None:
    data_dir = tmp_path / "room"
    data_dir.mkdir()
    folder = shlex.quote(str(data_dir))
    kapdesk = f"{PYTHON} -m kapdesk --data-dir {folder}"
    # A record made first (a demo session), then the disk goes read-only or fills up.
    then = (
        f"mount -o remount,ro {folder}"
        if fault == "read-only"
        else f"(dd if=/dev/zero of={folder}/filler bs=64k 2>/dev/null; true)"
    )
    inspect = " ".join(shlex.quote(part) for part in driver("inspect", data_dir))
    command = _in_own_mounts(
        f"mount -t tmpfs -o size=4m tmpfs {folder} && {kapdesk} demo >/dev/null && {then} && "
        f"{inspect}"
    )
    if command is None:
        pytest.skip("no way to mount a small filesystem here (unshare is missing or refused)")
    shown, _said = _inspect(command)
    assert shown["page"] == "StartView"
    words = "is read-only" if fault == "read-only" else "is full"
    assert shown["problem"].startswith(f"The disk holding kapdesk's data folder {data_dir} {words}")
    assert "press Try again" in shown["problem"]


def test_a_folder_put_right_opens_on_try_again(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    data_dir = tmp_path / "room"
    data_dir.write_text("not a folder")  # a file where the data folder should be
    shell = start(AppPaths.resolve(data_dir), None, clock, audio=None)
    assert isinstance(shell, StartWindow)  # a window, not an exit code
    qtbot.addWidget(shell)
    view = shell.start_view
    assert view.reason is not None
    assert view.reason.isVisible()
    assert view.reason.text().startswith(f"The data folder {data_dir} is not a folder")
    assert view.retry_button is not None
    data_dir.unlink()  # IT put it right
    with qtbot.waitSignal(shell.ready, timeout=30_000):
        qtbot.mouseClick(view.retry_button, Qt.MouseButton.LeftButton)
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert not shell.isVisible()
    assert window.pages.currentWidget() is window.first_admin_view
    assert (data_dir / "kapdesk.sqlite3").is_file()
