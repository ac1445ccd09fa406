"""A real PostgreSQL server for the tests: initdb in a temporary folder, started on 127.0.0.1 on
a free port, stopped at the end. PostgreSQL refuses to run as root, so as root it runs as the
``postgres`` account (or ``nobody``), which gets the folder.

None of this is kapdesk's: a clinic's server is the clinic's.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_binaries() -> Path | None:
    """The folder with initdb, pg_ctl and postgres, or None when there is no server here."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent  # Debian links pg_ctl alone into the PATH
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_user() -> tuple[list[str], int | None, int | None]:
    """How to run the server's commands: as root, through setpriv as an unprivileged user."""
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "nobody"):
        try:
            account = pwd.getpwnam(name)
        except KeyError:
            continue
        prefix = [
            "setpriv",
            f"--reuid={account.pw_uid}",
            f"--regid={account.pw_gid}",
            "--clear-groups",
        ]
        return prefix, account.pw_uid, account.pw_gid
    raise RuntimeError("running as root with no postgres or nobody account to run PostgreSQL as")


@contextmanager
def postgres_server() -> Iterator[str]:
    """A running, empty PostgreSQL; yields the SQLAlchemy URL of its database ``kapdesk``."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server here (the README's test command installs it)")
    prefix, uid, gid = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="kapdesk-pg-"))
    data = folder / "data"
    if uid is not None and gid is not None:
        os.chown(folder, uid, gid)
    port = _free_port()
    log = folder / "server.log"

    def run(*command: str) -> None:
        subprocess.run([*prefix, *command], check=True, capture_output=True, text=True, timeout=120)

    try:
        run(
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "kapdesk",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        )
        run(
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(log),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off",
            "start",
        )
        run(
            str(binaries / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "kapdesk",
            "kapdesk",
        )
        yield f"postgresql+psycopg://kapdesk@127.0.0.1:{port}/kapdesk"
    finally:
        subprocess.run(
            [*prefix, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
            timeout=120,
        )
        shutil.rmtree(folder, ignore_errors=True)
