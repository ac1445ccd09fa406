"""Build kapdesk's frozen room-PC folder (PyInstaller, one folder) and, on Debian/Ubuntu, its .deb.

    python packaging/build_release.py                  dist/kapdesk/ and dist/kapdesk_<v>_<arch>.deb
    python packaging/build_release.py --frozen-only    dist/kapdesk/ only (Windows: always)
    python packaging/build_release.py --dist D --work W

Run it with the Python of an environment that has kapdesk and its ``release`` extra installed
(``pip install -e ".[encryption,postgresql,release]"``; ``./bootstrap.sh release`` does all of
it). The frozen folder is built from packaging/kapdesk.spec on any system; the .deb step is
Linux only (it needs dpkg-deb; elsewhere the script says so and stops after the folder).
Nothing here imports a Linux-only module.

The .deb puts the frozen folder under /opt/kapdesk, ``/usr/bin/kapdesk`` (a link to it), the menu
entry and the icon; its ``Depends:`` are the system libraries the frozen Qt, SDL and the
loudness meter load, the list bootstrap.sh keeps (SYSTEM_PACKAGES). It has no maintainer
scripts: installing writes no data, and removing it never touches the clinic's data folder
(the user's platformdirs folder).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kapdesk.spec"
INSTALL_DIR = "opt/kapdesk"
MAINTAINER = "kapdesk maintainers <kapdesk@localhost>"
DESCRIPTION = """\
in-room companion for ketamine-assisted psychotherapy
 kapdesk runs on the dedicated PC of a treatment room: a calm journey timer,
 the protocol's phases, sound, observations and discharge checks, and a
 record of every session that is never lost.
 .
 This package holds a self-contained build (its own Python, Qt and SDL)
 under /opt/kapdesk. The clinic's data lives in each user's data folder
 and is left alone when the package is removed."""
# gzip is quick on two cores and every dpkg reads it (xz takes minutes for this size).
COMPRESSION = ["-Zgzip", "-z6"]
TAIL_LINES = 60


class BuildError(Exception):
    """A step failed; the message says which and shows the end of its output."""


def run_logged(command: list[str], log: Path, what: str) -> None:
    """Run ``command`` with its output in ``log``; on failure, raise with the log's tail."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8", errors="replace") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, check=False)
    if done.returncode != 0:
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = "\n".join(lines[-TAIL_LINES:])
        raise BuildError(
            f"{what} failed (exit {done.returncode}); the last lines of {log}:\n{tail}"
        )


def compile_catalogues(work: Path, python: str = sys.executable) -> None:
    """The ``.qm`` catalogues compiled afresh from their ``.ts`` sources (pyside6-lrelease), so
    the build ships the words the sources hold (the suite checks the ``.qm`` in the tree are)."""
    command = [python, str(ROOT / "packaging" / "catalogues.py"), "release"]
    run_logged(command, work / "catalogues.log", "compiling the catalogues")


def build_frozen(dist: Path, work: Path, python: str = sys.executable) -> Path:
    """PyInstaller's one-folder build from the spec; the folder (``dist/kapdesk``)."""
    compile_catalogues(work, python)
    command = [
        python,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        str(SPEC),
    ]
    run_logged(command, work / "pyinstaller.log", "PyInstaller")
    folder = dist / "kapdesk"
    if not executable_in(folder).is_file():
        raise BuildError(f"PyInstaller left no {executable_in(folder)}")
    return folder


def executable_in(folder: Path) -> Path:
    return folder / ("kapdesk.exe" if os.name == "nt" else "kapdesk")


def frozen_version(folder: Path) -> str:
    """The version the frozen build reports (``kapdesk --version``): the one the .deb carries."""
    done = subprocess.run(
        [str(executable_in(folder)), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    said = (done.stdout + done.stderr).strip()
    found = re.fullmatch(r"kapdesk (\S+)", said)
    if done.returncode != 0 or found is None:
        raise BuildError(f"the frozen kapdesk --version answered {said!r} (exit {done.returncode})")
    return found.group(1)


def system_depends(bootstrap: Path = ROOT / "bootstrap.sh") -> list[str]:
    """The ``Depends:`` entries: bootstrap.sh's SYSTEM_PACKAGES, ``a|b`` written ``a | b``."""
    text = bootstrap.read_text(encoding="utf-8")
    block = re.search(r"^SYSTEM_PACKAGES=\((.*?)^\)", text, re.MULTILINE | re.DOTALL)
    if block is None:
        raise BuildError(f"no SYSTEM_PACKAGES list in {bootstrap}")
    entries = re.findall(r'^\s*"([^"]+)"', block.group(1), re.MULTILINE)
    return [" | ".join(entry.split(":", 1)[0].split("|")) for entry in entries]


def desktop_entry_text() -> str:
    """The menu entry kapdesk itself writes (kapdesk install-desktop), for /usr/bin/kapdesk."""
    sys.path.insert(0, str(ROOT))
    from kapdesk.desktop_entry import desktop_entry  # noqa: PLC0415  (the checkout's own)

    return desktop_entry("/usr/bin/kapdesk")


def control_text(version: str, arch: str, installed_kib: int, depends: list[str]) -> str:
    return (
        "Package: kapdesk\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: science\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def installed_kib(root: Path) -> int:
    """What the package takes once installed, in KiB, as dpkg counts it (files and links)."""
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += (path.stat().st_size + 1023) // 1024
    return total


def normalise_modes(root: Path) -> None:
    """World-readable files and folders whatever umask built them; executables stay so."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def lay_out_deb(folder: Path, root: Path) -> None:
    """The package's files under ``root``, as they will lie on the room PC."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(folder, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "kapdesk").symlink_to(f"/{INSTALL_DIR}/kapdesk")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / "kapdesk.desktop").write_text(desktop_entry_text(), "utf-8")
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copyfile(ROOT / "kapdesk" / "assets" / "kapdesk.svg", icons / "kapdesk.svg")
    normalise_modes(root)


def build_deb(folder: Path, dist: Path, work: Path) -> Path:
    """The Debian package of the frozen ``folder``: ``dist/kapdesk_<version>_<arch>.deb``."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        raise BuildError(
            "the .deb is built on Debian or Ubuntu only (dpkg-deb is needed); "
            "--frozen-only builds the folder alone"
        )
    version = frozen_version(folder)
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = work / "deb-root"
    lay_out_deb(folder, root)
    size = installed_kib(root)
    (root / "DEBIAN").mkdir(mode=0o755)
    (root / "DEBIAN" / "control").write_text(
        control_text(version, arch, size, system_depends()), "utf-8"
    )
    (root / "DEBIAN" / "control").chmod(0o644)
    deb = dist / f"kapdesk_{version}_{arch}.deb"
    command = ["dpkg-deb", "--build", "--root-owner-group", *COMPRESSION, str(root), str(deb)]
    run_logged(command, work / "dpkg-deb.log", "dpkg-deb")
    shutil.rmtree(root)  # a copy of the frozen folder; the .deb holds it now
    return deb


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Build kapdesk's frozen one-folder build and (Linux) its .deb."
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's and dpkg-deb's scratch"
    )
    parser.add_argument(
        "--frozen-only", action="store_true", help="the frozen folder alone, no .deb"
    )
    parser.add_argument(
        "--deb-only",
        action="store_true",
        help="package the frozen folder already in --dist, without building it again",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    began = time.monotonic()
    try:
        if args.deb_only:
            folder = dist / "kapdesk"
        else:
            print(f"build_release: freezing kapdesk into {dist / 'kapdesk'} (PyInstaller)")
            folder = build_frozen(dist, work)
            print(f"build_release: frozen folder built in {time.monotonic() - began:.0f} s")
        if args.frozen_only:
            return 0
        if not sys.platform.startswith("linux"):
            print("build_release: the .deb is Linux only; the frozen folder is the result here")
            return 0
        deb = build_deb(folder, dist, work)
    except BuildError as exc:
        print(f"build_release: error: {exc}", file=sys.stderr)
        return 1
    size_mb = deb.stat().st_size / 1e6
    print(f"build_release: {deb} ({size_mb:.0f} MB) in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
