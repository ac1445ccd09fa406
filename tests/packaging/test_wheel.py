"""The Python package a clinic installs: the sdist and the wheel build from the checkout, twine
accepts them, the wheel carries kapdesk with all its data and nothing else, and the wheel
installed into a fresh venv, away from the checkout, runs the clinic's commands.

The build runs offline (``--no-isolation``, with this venv's setuptools) and the fresh venv
borrows this venv's dependencies through a path file, so the test needs no network. Only the
``pypi`` variant, in CI, installs the wheel with its dependencies from the package index, the
way ``pipx install`` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest

from tests.support.ci import IN_CI

pytestmark = pytest.mark.subprocess

CHECKOUT = Path(__file__).resolve().parents[2]
PACKAGE = CHECKOUT / "kapdesk"
ASSETS = PACKAGE / "assets"
SIZE_BUDGET = 25_000_000  # bytes: what the bundled sounds were allowed, the whole wheel now
# Never copied into the build's source folder: what a working checkout holds besides the source.
_LOCAL_ONLY = {".git", ".venv", "build", "dist", "out", ".hypothesis"}


@dataclass(frozen=True)
class Built:
    """The sdist and the wheel, built from a copy of the checkout."""

    wheel: Path
    sdist: Path
    version: str


@dataclass(frozen=True)
class Installed:
    """The wheel installed in a fresh venv, where ``kapdesk`` runs its commands."""

    python: Path
    site_packages: Path
    script: Path
    home: Path

    def env(self, data: Path) -> dict[str, str]:
        """The environment of a clinic's user: nothing that points at the checkout."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "KAPDESK_", "VIRTUAL_ENV", "XDG_"))
        }
        env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            KAPDESK_DATA_DIR=str(data),
            QT_QPA_PLATFORM="offscreen",
            SDL_AUDIODRIVER="dummy",
            PYTHONNOUSERSITE="1",
        )
        return env

    def kapdesk(self, data: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
        """Run the installed ``kapdesk`` script from a folder outside the checkout."""
        return run([str(self.script), *arguments], cwd=self.home, env=self.env(data))


def run(
    command: Sequence[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` and insist it succeeded, showing what it said if it did not."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, (
        f"{' '.join(command)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    )
    return done


def _not_source(folder: str, names: list[str]) -> set[str]:
    """What copytree leaves out: local folders at the top, caches and build leftovers (a stale
    egg-info would add its old file list to the sdist) everywhere."""
    left_out = {
        name
        for name in names
        if name == "__pycache__"
        or name.endswith((".egg-info", ".pyc"))
        or (name.startswith(".") and name.endswith("_cache"))
    }
    if Path(folder) == CHECKOUT:
        left_out |= _LOCAL_ONLY & set(names)
    return left_out


def outside_env() -> dict[str, str]:
    """This environment without the checkout on PYTHONPATH."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    source = tmp_path_factory.mktemp("source") / "kapdesk"
    shutil.copytree(CHECKOUT, source, ignore=_not_source, symlinks=True)
    out = tmp_path_factory.mktemp("dist")
    # The sdist first, then the wheel from the sdist: a wheel that the sdist can build.
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)]
    run(command, cwd=out, env=outside_env())
    (wheel,) = out.glob("kapdesk-*.whl")
    (sdist,) = out.glob("kapdesk-*.tar.gz")
    version = wheel.name.split("-")[1]
    assert sdist.name == f"kapdesk-{version}.tar.gz"
    return Built(wheel=wheel, sdist=sdist, version=version)


def dependency_folders() -> list[str]:
    """Where this venv's installed packages live (and any site folder its path files add),
    never the checkout itself."""
    paths = sysconfig.get_paths()
    found = [paths["purelib"], paths["platlib"]]
    found += [entry for entry in sys.path if Path(entry).name == "site-packages"]
    return [folder for folder in dict.fromkeys(found) if Path(folder) != CHECKOUT]


def fresh_venv(place: Path) -> tuple[Path, Path]:
    """A new venv without pip (this venv's pip installs into it): its python and its
    site-packages."""
    run([sys.executable, "-m", "venv", "--without-pip", str(place)], cwd=place.parent)
    python = place / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    asked = [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    site = Path(run(asked, cwd=place, env=outside_env()).stdout.strip())
    return python, site


def pip_install(python: Path, *arguments: str, cwd: Path) -> None:
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", *arguments]
    run(command, cwd=cwd, env=outside_env(), timeout=600)


def installed_kapdesk(python: Path, site: Path, home: Path) -> Installed:
    script = python.with_name("kapdesk.exe" if os.name == "nt" else "kapdesk")
    assert script.is_file(), f"the wheel installed no kapdesk script in {script.parent}"
    home.mkdir()
    return Installed(python=python, site_packages=site, script=script, home=home)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel alone (no dependencies, no index) in a fresh venv, which borrows this venv's
    dependencies through a path file: plain folder lines, so none of their own path files
    (this venv's editable finder of the checkout) is read."""
    place = tmp_path_factory.mktemp("fresh")
    python, site = fresh_venv(place / "venv")
    pip_install(python, "--no-deps", "--no-index", str(built.wheel), cwd=place)
    folders = dependency_folders()
    (site / "zz_test_dependencies.pth").write_text("\n".join(folders) + "\n", encoding="utf-8")
    return installed_kapdesk(python, site, place / "home")


def package_files() -> set[str]:
    """Every file of the kapdesk package in the checkout, as the wheel names it."""
    return {
        path.relative_to(CHECKOUT).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }


def named(folder: Path, pattern: str) -> set[str]:
    return {path.relative_to(CHECKOUT).as_posix() for path in folder.glob(pattern)}


def test_twine_accepts_the_wheel_and_the_sdist(built: Built) -> None:
    command = [sys.executable, "-m", "twine", "check", "--strict", str(built.wheel)]
    checked = run([*command, str(built.sdist)], cwd=built.wheel.parent, env=outside_env())
    assert checked.stdout.count("PASSED") == 2, checked.stdout


def test_the_wheel_holds_kapdesk_with_all_its_data_and_nothing_else(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"kapdesk-{built.version}.dist-info/METADATA").decode()
    bundled = {
        "protocols": named(ASSETS / "protocols", "*.toml"),
        "sounds": named(ASSETS / "sounds", "*.ogg") | named(ASSETS / "sounds", "sounds.toml"),
        "settings and icons": named(ASSETS, "clinic.toml") | named(ASSETS, "*.svg"),
        "migrations": named(PACKAGE / "storage" / "migrations", "**/*.py"),
        "translations": named(PACKAGE / "i18n", "*.qm"),
    }
    assert len(bundled["protocols"]) == 4
    icons = {"kapdesk/assets/kapdesk.svg", "kapdesk/assets/tick.svg"}
    assert icons <= bundled["settings and icons"]
    assert "kapdesk/storage/migrations/env.py" in bundled["migrations"]
    for what, files in bundled.items():
        assert files, what
        assert not files - names, f"{what} missing from the wheel: {sorted(files - names)}"
    assert not package_files() - names, sorted(package_files() - names)
    assert "kapdesk/py.typed" in names

    dist_info = f"kapdesk-{built.version}.dist-info/"
    strays = sorted(name for name in names if not name.startswith(("kapdesk/", dist_info)))
    assert not strays, f"the wheel holds more than kapdesk: {strays}"
    assert not [name for name in names if name.endswith(".pyc") or "__pycache__" in name]
    assert built.wheel.stat().st_size < SIZE_BUDGET
    assert "Description-Content-Type: text/markdown" in metadata
    assert "License-Expression: LicenseRef-Proprietary" in metadata
    assert "Project-URL" not in metadata  # the project points at nothing outside itself


def test_the_sdist_leaves_out_the_screenshots_and_builds_the_same_package(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        members = {member.name: member.size for member in sdist.getmembers()}
    top = f"kapdesk-{built.version}/"
    inside = {name.removeprefix(top) for name in members}
    assert {"pyproject.toml", "PKG-INFO", "README.md", "MANIFEST.in"} <= inside
    assert not package_files() - inside, sorted(package_files() - inside)
    assert not [name for name in inside if name.startswith("docs/screenshots")]
    assert not [name for name in inside if name.endswith(".pyc") or "__pycache__" in name]
    assert max(members.values()) < 2_000_000, "a heavy file in the sdist"
    assert built.sdist.stat().st_size < SIZE_BUDGET


def test_the_installed_kapdesk_is_the_wheels_not_the_checkouts(
    installed: Installed, built: Built, tmp_path: Path
) -> None:
    asked = "import kapdesk, sys; print(kapdesk.__file__); print(*sys.path, sep='\\n')"
    command = [str(installed.python), "-c", asked]
    done = run(command, cwd=installed.home, env=installed.env(tmp_path))
    where, *path = done.stdout.splitlines()
    assert Path(where).is_relative_to(installed.site_packages), where
    assert str(CHECKOUT) not in path

    version = installed.kapdesk(tmp_path / "data", "--version")
    assert version.stdout.strip() == f"kapdesk {built.version}"


def test_the_installed_kapdesk_writes_the_demo_and_exports_it_as_pdf(
    installed: Installed, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    demo = installed.kapdesk(data, "demo")
    session = demo.stdout.strip().splitlines()[-1]
    assert session.isdigit(), demo.stdout
    assert (data / "kapdesk.sqlite3").is_file()  # the migrations ran from the installed package

    record = tmp_path / "out" / "record.pdf"
    record.parent.mkdir()
    installed.kapdesk(data, "export", session, "--format", "pdf", "--output", str(record))
    assert record.read_bytes().startswith(b"%PDF")


def test_the_installed_kapdesk_opens_its_window(installed: Installed, tmp_path: Path) -> None:
    """kapdesk's real start path (the start-up bench's child), run by the installed package:
    the window on screen, its first page, then the records open and the real window there."""
    shows = installed.home / "show_kapdesk.py"
    shutil.copyfile(CHECKOUT / "bench" / "show_kapdesk.py", shows)
    command = [str(installed.python), str(shows)]
    shown = run(command, cwd=installed.home, env=installed.env(tmp_path / "data"), timeout=120)
    assert shown.stdout.split() == ["shown", "first-page", "ready"], shown.stdout + shown.stderr


def test_the_installed_kapdesk_lists_the_four_bundled_protocols(
    installed: Installed, tmp_path: Path
) -> None:
    listed = installed.kapdesk(tmp_path / "data", "protocols", "list").stdout
    for protocol in sorted((ASSETS / "protocols").glob("*.toml")):
        assert any(line.startswith(f"{protocol.stem} ") for line in listed.splitlines()), listed
    assert listed.count("from: bundled") == 4, listed


def test_the_installed_kapdesk_plays_every_bundled_sound(
    installed: Installed, tmp_path: Path
) -> None:
    sounds = sorted((installed.site_packages / "kapdesk" / "assets" / "sounds").glob("*.ogg"))
    assert [sound.name for sound in sounds] == sorted(p.name for p in ASSETS.glob("sounds/*.ogg"))
    checked = installed.kapdesk(tmp_path / "data", "audio", "check", *map(str, sounds))
    assert checked.stdout.strip().splitlines()[-1] == f"{len(sounds)} playable, 0 not"


def test_the_installed_kapdesk_accepts_its_own_clinic_settings(
    installed: Installed, tmp_path: Path
) -> None:
    settings = installed.site_packages / "kapdesk" / "assets" / "clinic.toml"
    installed.kapdesk(tmp_path / "data", "clinic", "check", str(settings))


def test_the_desktop_entry_of_an_installed_kapdesk_starts_the_installed_script(
    installed: Installed, tmp_path: Path
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("install-desktop is for Linux")
    installed.kapdesk(tmp_path / "data", "install-desktop")
    share = installed.home / ".local" / "share"
    entry = (share / "applications" / "kapdesk.desktop").read_text(encoding="utf-8")
    assert f"\nExec={installed.script} --data-dir " in entry, entry
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / "kapdesk.svg"
    assert icon.read_bytes() == (ASSETS / "kapdesk.svg").read_bytes()
    installed.kapdesk(tmp_path / "data", "install-desktop", "--uninstall")
    assert not icon.exists()


def installed_versions() -> list[str]:
    """This venv's packages as ``name==version`` (kapdesk itself left out), each at the
    version that imports first."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        if dist.metadata["Name"]:
            found.setdefault(dist.metadata["Name"], dist.version)
    return [f"{name}=={version}" for name, version in sorted(found.items()) if name != "kapdesk"]


@pytest.mark.pypi
@pytest.mark.skipif(not IN_CI, reason="installs from the index: CI only")
def test_the_wheel_installs_with_its_dependencies_like_pipx_does(
    built: Built, tmp_path: Path
) -> None:
    """What a clinic's ``pipx install kapdesk-<version>-py3-none-any.whl`` does: a venv of its
    own, the dependencies from the package index. They are held to the versions this venv
    has, which the set-up just installed, so pip's cache spares the download."""
    python, site = fresh_venv(tmp_path / "venv")
    pinned = tmp_path / "constraints.txt"
    pinned.write_text("\n".join(installed_versions()) + "\n", encoding="utf-8")
    wheel = str(built.wheel)
    pip_install(python, "--only-binary", ":all:", "--constraint", str(pinned), wheel, cwd=tmp_path)
    installed = installed_kapdesk(python, site, tmp_path / "home")
    run([sys.executable, "-m", "pip", "--python", str(python), "check"], cwd=tmp_path)

    data = tmp_path / "data"
    assert installed.kapdesk(data, "--version").stdout.strip() == f"kapdesk {built.version}"
    session = installed.kapdesk(data, "demo").stdout.strip().splitlines()[-1]
    record = tmp_path / "record.pdf"
    installed.kapdesk(data, "export", session, "--format", "pdf", "--output", str(record))
    assert record.read_bytes().startswith(b"%PDF")
    assert installed.kapdesk(data, "protocols", "list").stdout.count("from: bundled") == 4
