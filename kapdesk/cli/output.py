"""Where a command's output goes: standard output as bytes, or a file named with -o that is
never one of kapdesk's own places (see kapdesk.core.safe_files); and the session numbers and
times a command reads and prints."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kapdesk.cli.parser import LARGEST_ID
from kapdesk.exit_codes import EXIT_PROBLEM
from kapdesk.paths import AppPaths

if TYPE_CHECKING:
    pass


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def kept_places(paths: AppPaths, db_url: str | None) -> tuple[Path, ...]:
    """kapdesk's own places for this run: the data folder's and a --db SQLite file's."""
    database: Path | None = None
    if db_url:
        from kapdesk.storage.db_url import parse_database_url, sqlite_path  # noqa: PLC0415
        from kapdesk.storage.errors import StorageError  # noqa: PLC0415

        try:
            database = sqlite_path(parse_database_url(db_url))
        except StorageError:
            database = None  # the database will not open either, and says why
    return paths.kept_places(database)


def may_write(output: Path, paths: AppPaths, db_url: str | None, *, force: bool) -> bool:
    """Whether ``output`` may be written; says why not on stderr (before any work is done)."""
    from kapdesk.core.safe_files import refuse_reason  # noqa: PLC0415

    refused = refuse_reason(output, kept_places(paths, db_url), force=force)
    if refused is not None:
        print(f"kapdesk: cannot write {output}: {refused}", file=sys.stderr)
        return False
    return True


def write_output(
    output: Path, data: bytes, paths: AppPaths, db_url: str | None, *, force: bool
) -> int:
    from kapdesk.core.safe_files import SafeFileError, write_file  # noqa: PLC0415

    try:
        write_file(output, data, kept=kept_places(paths, db_url), force=force)
    except SafeFileError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    return 0


def session_number(text: str) -> int | None:
    try:
        number = int(text.strip().lstrip("#"))
    except ValueError:
        print(f"kapdesk: a session id is a number, not {text!r}", file=sys.stderr)
        return None
    if not 1 <= number <= LARGEST_ID:
        print(f"kapdesk: there is no session {number}", file=sys.stderr)
        return None
    return number


def binary_to_terminal(what: str) -> bool:
    """Whether standard output is a terminal, which binary output would fill with garbage;
    says so on stderr, naming -o. A pipe or a file takes the bytes as they are."""
    try:
        terminal = os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no file descriptor: not a terminal
        terminal = False
    if terminal:
        print(
            f"kapdesk: {what} is binary and standard output is a terminal; "
            "write it to a file with -o FILE (or pipe it into a program)",
            file=sys.stderr,
        )
    return terminal


def write_stdout(data: bytes) -> int:
    """Bytes to standard output as they are (a CSV keeps its BOM and CRLF line ends)."""
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader had enough
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEM
    return 0
