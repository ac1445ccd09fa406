"""A clinic server's backup from a room PC: ``pg_dump -Fc`` into a folder, whole or not at all.

On PostgreSQL the server is backed up by the server's own tools (docs/backup.md: a pg_dump
schedule on the server, or pgBackRest with point-in-time recovery). ``kapdesk backup`` on a
server runs PostgreSQL's ``pg_dump`` when it is installed on this PC, the same way kapdesk
writes its own backups: to a hidden partial name, synced, renamed, the folder synced; a dump
that fails leaves no file under a real name. The password goes to pg_dump in its environment,
never on its command line (which other users of the PC can read).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL

from kapdesk.core.safe_files import sync_folder
from kapdesk.storage.errors import StorageError

DUMP_SUFFIX = ".pgdump"
CONNECT_TIMEOUT_S = "10"
NO_PG_DUMP = (
    "pg_dump is not installed on this PC, and on PostgreSQL the server's own tools back it "
    "up: install PostgreSQL's client tools (the postgresql-client package) of the server's "
    "version and run kapdesk backup again, or have the server backed up where it runs "
    "(a pg_dump schedule, or pgBackRest: see docs/backup.md)"
)


class ServerDumpError(StorageError):
    """A dump that was not made; the message says why (no partial file is left)."""


def pg_dump_program() -> str | None:
    """Where pg_dump is on this PC's PATH, or None."""
    return shutil.which("pg_dump")


def libpq_target(url: URL) -> tuple[str, dict[str, str]]:
    """The connection string pg_dump takes for ``url`` (no password in it), and the
    environment that carries the password."""
    plain = URL.create(
        "postgresql",
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    # A server that does not answer is given up on, as kapdesk's own connections do.
    environment = {"PGCONNECT_TIMEOUT": os.environ.get("PGCONNECT_TIMEOUT", CONNECT_TIMEOUT_S)}
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    return plain.render_as_string(hide_password=False), environment


def dump_server(url: URL, folder: Path, name: str, *, timeout_s: float | None = None) -> Path:
    """``pg_dump -Fc`` of the database at ``url`` into ``folder`` as ``name``; its path.

    Raises :class:`ServerDumpError`: no pg_dump here, no such folder, pg_dump failing (its
    last line of complaint in the message), or the file not written whole."""
    program = pg_dump_program()
    if program is None:
        raise ServerDumpError(NO_PG_DUMP)
    if not folder.is_dir():
        raise ServerDumpError(
            f"the backup folder {folder} is not there (drive unplugged or share not mounted?)"
        )
    target = folder / name
    partial = folder / f".{name}.partial"
    connection, environment = libpq_target(url)
    command = [program, "-Fc", "--no-password", f"--file={partial}", f"--dbname={connection}"]
    try:
        done = subprocess.run(
            command,
            env={**os.environ, **environment},
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
        if done.returncode != 0:
            complaint = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
            raise ServerDumpError(f"pg_dump could not dump the clinic server: {complaint}")
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
        sync_folder(folder)
    except subprocess.TimeoutExpired as exc:
        raise ServerDumpError("pg_dump took too long and was stopped; no dump was made") from exc
    except OSError as exc:
        raise ServerDumpError(
            f"the dump could not be written to {folder}: {exc.strerror or exc}"
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return target
