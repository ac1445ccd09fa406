"""Faults for real, not simulated: the disk under the database fills up while a journey runs.

The data folder is a 3 MB filesystem of its own (tmpfs, mounted in a private mount namespace
by ``unshare``, which needs no privileges where user namespaces are allowed).
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.crash import ROOT, child_env, driver


def _small_filesystem_command(data_dir: Path, mode: str, size: str = "3m") -> list[str] | None:
    """The driver in ``mode`` with ``data_dir`` a small filesystem (``size``, 3 MB unless
    said); None where that cannot be."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    inner = f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(data_dir))} && " + " ".join(
        shlex.quote(part) for part in driver(mode, data_dir)
    )
    for flags in (["--user", "--map-root-user", "--mount"], ["--mount"]):
        probe = subprocess.run(
            [unshare, *flags, "sh", "-c", f"mount -t tmpfs tmpfs {shlex.quote(str(data_dir))}"],
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            return [unshare, *flags, "sh", "-c", inner]
    return None


@pytest.mark.subprocess
def test_a_full_disk_mid_journey_loses_nothing_and_says_so(tmp_path: Path) -> None:
    data_dir = tmp_path / "room"
    data_dir.mkdir()
    command = _small_filesystem_command(data_dir, "diskfull")
    if command is None:
        pytest.skip("no way to mount a small filesystem here (unshare is missing or refused)")
    done = subprocess.run(
        command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    said = json.loads(done.stdout.strip().splitlines()[-1])
    full = said["full"]
    assert full["window_up"]
    assert full["banner_shown"]
    assert full["banner"] == (
        f"Not saved yet: the disk is full and {full['pending']} entries wait to be saved. "
        f"Free space on the disk holding {data_dir / 'kapdesk.sqlite3'}; kapdesk tries again "
        "every second. Until then they are held in memory only, not on disk: keep kapdesk open."
    )
    assert full["panel"].startswith("Asked for water: Not saved yet: the disk is full")
    assert full["pending"] >= 3  # the note that met the full disk, and the two after it
    assert said["pending_after"] == 0
    assert not said["banner_after"]
    assert said["saved"] == said["typed"]  # every note, once, in the order typed


@pytest.mark.subprocess
def test_a_disk_too_small_for_sqlites_checkpoint_still_takes_every_note(tmp_path: Path) -> None:
    """On 2 MB the WAL fills the disk before SQLite would checkpoint it (at about 4 MB): kapdesk
    checkpoints it itself when a write meets the full disk, and the note is written."""
    data_dir = tmp_path / "room"
    data_dir.mkdir()
    command = _small_filesystem_command(data_dir, "smallwal", size="2m")
    if command is None:
        pytest.skip("no way to mount a small filesystem here (unshare is missing or refused)")
    done = subprocess.run(
        command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said["pending"] == 0, said["banner"]
    assert said["all_saved"]  # every note, once, in the order typed
    assert said["banner"] == ""
    assert said["panel"].startswith("Saved ")
