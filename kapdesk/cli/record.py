"""Commands on the record: the audit trail and its check, the sessions, a session's export,
its printed record and handout, and the demo session."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kapdesk.cli.database import (
    audit_command_line,
    command_line_user,
    open_storage_or_say,
    writer_lock_or_say,
)
from kapdesk.cli.output import (
    local_time,
    may_write,
    session_number,
    write_output,
    write_stdout,
)
from kapdesk.core.practice import MARK
from kapdesk.core.wording import counted  # a few lines of pure Python: no baggage
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import AppPaths
from kapdesk.stop_signals import signals_held

if TYPE_CHECKING:
    pass


def print_audit(paths: AppPaths, db_url: str | None, since_text: str | None, out: TextIO) -> int:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.staff import StaffStore  # noqa: PLC0415

    since: datetime | None = None
    if since_text:
        try:
            since = datetime.strptime(since_text, "%Y-%m-%d").astimezone()
        except ValueError:
            print(f"kapdesk: a day is written YYYY-MM-DD, not {since_text!r}", file=sys.stderr)
            return EXIT_PROBLEM
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    try:
        lines = StaffStore(storage, SystemClock()).audit_trail(since)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        storage.engine.dispose()
    text = []
    for line in lines:
        when = line.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        detail = ", ".join(f"{key}={value}" for key, value in sorted(line.detail.items()))
        parts = [when, line.who or "-", line.action, line.subject, detail]
        text.append("\t".join(part for part in parts if part) + "\n")
    if out is sys.stdout:
        return write_stdout("".join(text).encode("utf-8"))
    out.write("".join(text))
    return 0


def verify_record(paths: AppPaths, db_url: str | None, heads: list[str], out: TextIO) -> int:
    """Check the triggers and hash chains of the record and the audit log; say what was found.

    Exit 0 when all is whole, 1 on a break (or when the database cannot be read)."""
    from kapdesk.storage.chain import is_link, verify  # noqa: PLC0415
    from kapdesk.storage.failures import DATABASE_FAILURES, write_failure_reason  # noqa: PLC0415

    heads = [head.strip().lower() for head in heads]
    for head in heads:
        if not is_link(head):
            print(
                f"kapdesk: --head takes a hash that --verify printed (64 hex digits), "
                f"not {head[:80]!r}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    try:
        found = verify(storage.engine, heads)
    except DATABASE_FAILURES as exc:
        print(
            f"kapdesk: the record cannot be checked: {write_failure_reason(exc)}", file=sys.stderr
        )
        return EXIT_PROBLEM
    finally:
        storage.engine.dispose()
    for note in found.notes:
        print(f"ok: {note}", file=out)
    for problem in found.breaks:
        print(f"BROKEN: {problem}", file=out)
    if found.whole:
        print("The record and the audit log are as kapdesk wrote them.", file=out)
        return 0
    print(
        "The record or the audit log was changed outside kapdesk (see BROKEN above). Keep this "
        "file as it is and compare it with the clinic's backups.",
        file=out,
    )
    return EXIT_PROBLEM


def list_sessions(
    paths: AppPaths, db_url: str | None, *, only_open: bool, limit: int | None, out: TextIO
) -> int:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.journeys import JourneyStore  # noqa: PLC0415

    if limit is not None and limit < 1:
        print("kapdesk: --limit takes a number of rows from 1 up", file=sys.stderr)
        return EXIT_USAGE
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    rows = JourneyStore(storage, SystemClock()).summaries(limit=limit, only_open=only_open)
    rooms = any(row.room for row in rows)  # a clinic server: say which room
    header = f"{'id':>5}  {'patient':<12}  {'protocol':<20}  {'start':<16}  state"
    print(header + ("      room" if rooms else ""), file=out)
    for row in rows:
        start = row.dosed_at or row.opened_at
        line = (
            f"{row.id:>5}  {row.patient_code:<12}  {row.protocol_id:<20}  {local_time(start):<16}  "
            f"{row.state.value:<8}"
        )
        print(f"{line}  {row.room}" if rooms else line.rstrip(), file=out)
    storage.engine.dispose()
    return 0


def export_record(
    paths: AppPaths,
    db_url: str | None,
    session_text: str,
    fmt: str,
    output: Path | None,
    *,
    force: bool = False,
) -> int:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.reports.exports import ExportError, export_session  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.journeys import JourneyStore  # noqa: PLC0415

    session_id = session_number(session_text)
    if session_id is None:
        return EXIT_PROBLEM
    if output is not None and not may_write(output, paths, db_url, force=force):
        return EXIT_PROBLEM
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    try:
        summary, journey = JourneyStore(storage, SystemClock()).load(session_id)
        data = export_session(summary, journey, fmt, mark=MARK if paths.practice else "")
        audit_command_line(storage, "exported", f"session {session_id}", format=fmt)
    except (LookupError, StorageError, ExportError) as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        storage.engine.dispose()
    if output is not None:
        return write_output(output, data, paths, db_url, force=force)
    return write_stdout(data)


def print_session(
    paths: AppPaths,
    db_url: str | None,
    session_text: str,
    output: Path | None,
    *,
    handout: bool,
    force: bool = False,
) -> int:
    """The session record (or the handout) as a PDF, to a file or standard output."""
    from kapdesk.core.clinic import load_clinic  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.paths import BUNDLED_CLINIC_SETTINGS  # noqa: PLC0415
    from kapdesk.printing import Printer  # noqa: PLC0415
    from kapdesk.reports.pdf import ensure_gui  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.ui.formats import use_region  # noqa: PLC0415
    from kapdesk.ui.language import SOURCE_LANGUAGE, Language, language_of  # noqa: PLC0415

    session_id = session_number(session_text)
    if session_id is None:
        return EXIT_PROBLEM
    if output is not None and not may_write(output, paths, db_url, force=force):
        return EXIT_PROBLEM
    clinic, problems = load_clinic(BUNDLED_CLINIC_SETTINGS, paths.clinic_settings)
    for problem in problems:
        print(f"kapdesk: {problem}\n(kapdesk's own clinic settings are used)", file=sys.stderr)
    use_region(clinic.region)  # printed for people: the same dates and times as the window's
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    ensure_gui()
    language = Language()  # the record in the staff's language, as the window would speak it
    language.speak(language_of(clinic.language))
    try:
        mark = MARK if paths.practice else ""
        printer = Printer(storage, SystemClock(), clinic, command_line_user(), mark=mark)
        data = printer.handout(session_id) if handout else printer.record(session_id)
    except (LookupError, StorageError) as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        language.speak(SOURCE_LANGUAGE)  # its translators out again: printed, nothing else
        storage.engine.dispose()
    if output is None:
        return write_stdout(data)
    return write_output(output, data, paths, db_url, force=force)


def write_demo(paths: AppPaths, db_url: str | None, out: TextIO) -> int:
    from kapdesk.demo import record_demo_session  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    writer = writer_lock_or_say(paths, db_url)
    if writer is False:
        return EXIT_PROBLEM
    storage = open_storage_or_say(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    try:
        with signals_held():  # a demo session whole or not at all, never one left open
            demo = record_demo_session(storage)
    except StorageError as exc:
        print(f"kapdesk: the demo session could not be written: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        storage.engine.dispose()
    print(
        f"Demo session written: patient {demo.patient_code}, {demo.protocol_name}, "
        f"{local_time(demo.opened_at)} to {local_time(demo.closed_at)}, "
        f"{counted(demo.events, 'event')}.",
        file=out,
    )
    print(f"Export it with: kapdesk export {demo.session_id} --format json|csv|fhir|pdf", file=out)
    print(demo.session_id, file=out)
    return 0
