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


class PostgresServer:
    """A server the test can stop and start again, on the same port and data folder."""

    def __init__(self, binaries: Path, prefix: list[str], folder: Path, port: int) -> None:
        self.binaries = binaries
        self.prefix = prefix
        self.folder = folder
        self.data = folder / "data"
        self.port = port
        self.url = f"postgresql+psycopg://kapdesk@127.0.0.1:{port}/kapdesk"

    def run(self, *command: str) -> None:
        subprocess.run(
            [*self.prefix, *command], check=True, capture_output=True, text=True, timeout=120
        )

    def start(self) -> None:
        self.run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-w",
            "-o",
            f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c full_page_writes=off",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``fast`` ends the clients' connections as a server going down does."""
        subprocess.run(
            [
                *self.prefix,
                str(self.binaries / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                mode,
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
            timeout=120,
        )


@contextmanager
def postgres_server() -> Iterator[str]:
    """A running, empty PostgreSQL; yields the SQLAlchemy URL of its database ``kapdesk``."""
    with postgres_instance() as server:
        yield server.url


@contextmanager
def postgres_instance() -> Iterator[PostgresServer]:
    """A running, empty PostgreSQL with its database ``kapdesk``, to stop and start at will."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server here (the README's test command installs it)")
    prefix, uid, gid = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="kapdesk-pg-"))
    if uid is not None and gid is not None:
        os.chown(folder, uid, gid)
    server = PostgresServer(binaries, prefix, folder, _free_port())
    try:
        server.run(
            str(binaries / "initdb"),
            "-D",
            str(server.data),
            "-U",
            "kapdesk",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        )
        server.start()
        server.run(
            str(binaries / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(server.port),
            "-U",
            "kapdesk",
            "kapdesk",
        )
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)
