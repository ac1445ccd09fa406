"""kapdesk on the room PC's desktop: the icon, the menu entry that desktop-file-validate
accepts, the autostart entry, and taking them away again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.desktop_entry import start_command


def test_install_desktop_writes_a_valid_entry_an_icon_and_the_autostart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    room = tmp_path / "room data"
    assert main(["--data-dir", str(room), "--kiosk", "install-desktop", "--autostart"]) == 0
    menu = tmp_path / "share" / "applications" / "kapdesk.desktop"
    autostart = tmp_path / "config" / "autostart" / "kapdesk.desktop"
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "kapdesk.svg"
    assert f"wrote {menu}" in capsys.readouterr().out
    for path in (menu, autostart, icon):
        assert path.exists()
    entry = menu.read_text(encoding="utf-8")
    assert f'--data-dir "{room}" --kiosk' in entry  # the folder with a space, quoted
    assert "Icon=kapdesk" in entry
    assert "X-GNOME-Autostart-enabled=true" in autostart.read_text(encoding="utf-8")
    assert icon.read_text(encoding="utf-8").startswith("<svg")

    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.fail("desktop-file-validate is missing (the README's test command installs it)")
    for path in (menu, autostart):
        checked = subprocess.run([validate, str(path)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.strip() == ""  # not even a hint

    assert main(["install-desktop"]) == 0  # again, without autostart: it is taken away
    assert not autostart.exists()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not menu.exists()
    assert not icon.exists()


def test_a_password_in_the_database_url_is_never_written_to_the_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    url = "postgresql+psycopg://kapdesk:s3cret@db.clinic/kapdesk"
    assert main(["--db", url, "install-desktop"]) == 2
    assert "holds a password" in capsys.readouterr().err
    assert not (tmp_path / "share" / "applications").exists()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://[::1/kapdesk",
        "postgresql://h:99999999/db",
        "nosuchdb://h/db",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:/srv/kapdesk.sqlite3?uri=true",
    ],
)
def test_a_database_url_that_cannot_work_is_never_written_to_the_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["--db", url, "install-desktop"]) == 2
    said = capsys.readouterr().err
    assert said.startswith("kapdesk: ")
    assert said.count("\n") == 1
    assert not (tmp_path / "share" / "applications").exists()


def test_the_entry_starts_the_kapdesk_that_wrote_it_not_the_first_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "kapdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    (other / "kapdesk").chmod(0o755)
    monkeypatch.setenv("PATH", f"{other}{os.pathsep}{os.environ.get('PATH', '')}")
    menu = tmp_path / "share" / "applications" / "kapdesk.desktop"

    script = tmp_path / "venv" / "bin" / "kapdesk"  # started as an installed script
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(sys, "argv", [str(script), "install-desktop"])
    assert main(["install-desktop"]) == 0
    assert f"Exec={script}\n" in menu.read_text(encoding="utf-8")

    monkeypatch.setattr(sys, "argv", [str(tmp_path / "kapdesk" / "__main__.py")])  # python -m
    assert main(["install-desktop"]) == 0
    assert f"Exec={sys.executable} -m kapdesk\n" in menu.read_text(encoding="utf-8")
    assert str(other) not in menu.read_text(encoding="utf-8")


def test_the_entry_of_the_frozen_build_starts_its_own_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    program = tmp_path / "opt" / "kapdesk" / "kapdesk"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(sys, "argv", ["kapdesk"])  # as typed in a shell: no folder
    assert main(["install-desktop"]) == 0
    entry = (tmp_path / "share" / "applications" / "kapdesk.desktop").read_text(encoding="utf-8")
    assert f"\nExec={program}\n" in entry


def test_the_frozen_build_starts_itself_from_the_desktop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = tmp_path / "kapdesk room" / "kapdesk"
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(frozen))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no kapdesk script to be found
    assert start_command(["--kiosk"]) == f'"{frozen}" --kiosk'
