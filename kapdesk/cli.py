"""The command line: ``kapdesk`` opens the window; sub-commands serve scripts and checks.

    kapdesk [--data-dir DIR] [--db URL] [--kiosk]       the window
    kapdesk --practice [COMMAND]                        the same on the practice record
    kapdesk protocols list                              the protocols this room can run
    kapdesk protocols check FILE [FILE ...]             validate protocol files (exit 1 on problems)
    kapdesk clinic check [FILE]                         validate the clinic's settings file
    kapdesk audit [--since YYYY-MM-DD]                  who did what and when
    kapdesk audit --verify [--head HASH ...]            check the record was not rewritten
    kapdesk sessions list [--open] [--limit N]          sessions, newest first
    kapdesk audio check PATH [PATH ...]                 per file: playable and how long, or why not
    kapdesk playlist check FILE                         a playlist's entries, found or not
    kapdesk export SESSION_ID [--format F] [-o PATH [--force]]  a session's record: json, csv,
                                                        fhir or pdf
    kapdesk handout SESSION_ID -o FILE.pdf [--force]    the patient's take-home sheet
    kapdesk demo                                        write an example session; prints its id
    kapdesk reset-practice                              empty the practice record, after asking
    kapdesk encrypt [--keep-in-keyring]                 encrypt the database (SQLCipher)
    kapdesk install-desktop [--autostart] [--uninstall] the menu entry, icon and autostart

Bad input gets a clear message and a non-zero exit, never a traceback. SIGTERM, SIGINT (Ctrl+C)
and SIGHUP stop a command with a line saying so and the shell's exit code (128 plus the
signal's number); the window and ``board`` close the orderly way and exit 0
(kapdesk.stop_signals, kapdesk.shutdown). A file named with -o is
never inside kapdesk's data folder, never a device, pipe or folder, and replaces an existing
file only with --force (see kapdesk.core.safe_files). Each command imports
what it needs when it runs, so the window (the default) starts without the others' baggage.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from kapdesk import __version__
from kapdesk.core.practice import MARK
from kapdesk.core.wording import counted  # a few lines of pure Python: no baggage
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.stop_signals import SignalSocket, StoppedError, signals_held, stop_on_signals

if TYPE_CHECKING:
    from kapdesk.storage.db import Storage
    from kapdesk.storage.writer_lock import WriterLock

LARGEST_ID = 2**63 - 1  # SQLite's (and PostgreSQL's bigint's) largest integer


def row_count(text: str) -> int:
    """An argparse type: a number of rows, 1 up to the largest integer a database holds."""
    try:
        number = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number of rows, not {text!r}") from None
    if not 1 <= number <= LARGEST_ID:
        raise argparse.ArgumentTypeError(f"a number of rows from 1 up, not {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kapdesk",
        description="kapdesk: the treatment-room companion for ketamine-assisted psychotherapy. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"kapdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the database and clinic protocols (default: the user data folder; "
        "KAPDESK_DATA_DIR does the same)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. postgresql+psycopg://host/kapdesk "
        "(default: SQLite in the data folder)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="fill the screen with no window frame; staff leave with Ctrl+Shift+Q "
        "(the room's settings can make this the default)",
    )
    parser.add_argument(
        "--practice",
        action="store_true",
        help="practise: a record of its own (never the clinic's, never on its server or "
        "board), a clock that can run fast, and 'Practice' on every screen and page; with a "
        "command, that command works on the practice record",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    protocols = commands.add_parser("protocols", help="list or check clinical protocols")
    protocol_commands = protocols.add_subparsers(dest="action", metavar="ACTION", required=True)
    protocol_commands.add_parser("list", help="the protocols this room can run, and any that fail")
    check = protocol_commands.add_parser(
        "check", help="validate protocol files; names the line and field of every problem"
    )
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)

    clinic = commands.add_parser("clinic", help="check the clinic's settings file")
    clinic_commands = clinic.add_subparsers(dest="action", metavar="ACTION", required=True)
    clinic_check = clinic_commands.add_parser(
        "check",
        help="validate clinic.toml (default: the one in the data folder); names every problem",
    )
    clinic_check.add_argument("file", nargs="?", metavar="FILE", type=Path)

    audit = commands.add_parser(
        "audit",
        help="print the audit trail: sign-ins, locks, exports, settings, every record",
        description="The audit trail in time order: the audit log (sign-ins, refused PINs, "
        "locks, accounts, exports, settings) and every session record created or corrected, "
        "with its author. It holds no PINs and no patient details.",
    )
    audit.add_argument("--since", metavar="YYYY-MM-DD", help="from this day (local time)")
    audit.add_argument(
        "--verify",
        action="store_true",
        help="check that the append-only triggers are in place and that no session event or "
        "audit line was changed, removed or slipped in (their hash chains); exit 1 if any was",
    )
    audit.add_argument(
        "--head",
        action="append",
        default=[],
        metavar="HASH",
        help="with --verify: a hash an earlier --verify printed, kept off this PC; it must "
        "still be in the record",
    )

    encrypt = commands.add_parser(
        "encrypt",
        help="encrypt the database in the data folder with SQLCipher (close kapdesk first)",
        description="Encrypt the SQLite database in the data folder with SQLCipher (AES-256). "
        "The passphrase is typed twice (or read from KAPDESK_DB_PASSPHRASE); kapdesk asks "
        "for it at every start unless it is kept in the OS keyring. Lose it and the record "
        "is lost: keep it where the clinic keeps its other keys. See docs/staff.md.",
    )
    encrypt.add_argument(
        "--keep-in-keyring",
        action="store_true",
        help="keep the passphrase in the OS keyring, so this PC starts without asking",
    )

    desktop = commands.add_parser(
        "install-desktop",
        help="put kapdesk in this user's applications menu (Linux), optionally to start at login",
        description="Write kapdesk's icon and .desktop entry for the current user "
        "(XDG_DATA_HOME, XDG_CONFIG_HOME). The entry starts kapdesk with this command's "
        "--data-dir, --db and --kiosk. Windows: see docs/room-pc.md.",
    )
    desktop.add_argument(
        "--autostart", action="store_true", help="also start kapdesk when this user logs in"
    )
    desktop.add_argument(
        "--uninstall", action="store_true", help="remove the entry, the icon and the autostart"
    )

    sessions = commands.add_parser("sessions", help="list sessions")
    session_commands = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    session_list = session_commands.add_parser("list", help="sessions, newest first")
    session_list.add_argument("--open", action="store_true", help="only sessions still open")
    session_list.add_argument(
        "--limit", type=row_count, default=None, metavar="N", help="at most N rows"
    )

    audio = commands.add_parser("audio", help="check sound files")
    audio_commands = audio.add_subparsers(dest="action", metavar="ACTION", required=True)
    audio_check = audio_commands.add_parser(
        "check",
        help="per file (or every sound file in a folder): playable and its length, or why not",
    )
    audio_check.add_argument("paths", nargs="+", metavar="PATH", type=Path)

    playlist = commands.add_parser("playlist", help="check playlist files (M3U, M3U8, PLS, XSPF)")
    playlist_commands = playlist.add_subparsers(dest="action", metavar="ACTION", required=True)
    playlist_check = playlist_commands.add_parser(
        "check", help="the entries a playlist names: those found, and those that are not"
    )
    playlist_check.add_argument("file", metavar="FILE", type=Path)

    export = commands.add_parser(
        "export",
        help="write a session's record: JSON (all of it), CSV (its timeline), FHIR R4 or PDF",
        description="Write a session's record to standard output or to a file. json: the whole "
        "record (UTF-8); csv: one row per timeline entry, corrections folded in (UTF-8 with a "
        "byte-order mark, for spreadsheets); fhir: a FHIR R4 collection Bundle of the patient "
        "(clinic code only), the session and its vital signs; pdf: the printed session record "
        "(patient code, staff, protocol, preparation, doses, phases, vital-signs chart, notes "
        "with corrections, music, discharge, integration plan, timeline).",
    )
    export.add_argument("session_id", metavar="SESSION_ID", help="the session's number")
    export.add_argument(
        "--format", choices=("json", "csv", "fhir", "pdf"), default="json", help="default: json"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=Path,
        help="write to this new file, whole or not at all (default: standard output, which "
        "for pdf must not be a terminal); never inside kapdesk's data folder, never a device "
        "or a pipe",
    )
    export.add_argument(
        "--force", action="store_true", help="replace the file given with -o if it exists"
    )
    handout = commands.add_parser(
        "handout",
        help="write the patient's take-home sheet of a session as a PDF",
        description="The handout: the intention, the journal prompts, the plan and its dates, "
        "staying safe (no driving until the next day) and who to call, with the note saved "
        "with each booking (time, place, with whom). It holds no clinical notes and no vital "
        "signs.",
    )
    handout.add_argument("session_id", metavar="SESSION_ID", help="the session's number")
    handout.add_argument(
        "-o",
        "--output",
        metavar="FILE.pdf",
        type=Path,
        required=True,
        help="the new PDF to write, whole or not at all; never inside kapdesk's data folder",
    )
    handout.add_argument(
        "--force", action="store_true", help="replace the file given with -o if it exists"
    )
    board = commands.add_parser(
        "board",
        help="the clinic board: every room at a glance, live (read-only)",
        description="Open the clinic board: one card per room with patient code, protocol, "
        "phase, journey time, the next vitals check, the last vitals and the music. It reads "
        "the clinic server this PC is connected to (kapdesk connect), or --db.",
    )
    shown = board.add_mutually_exclusive_group()
    shown.add_argument(
        "--hide-patients",
        dest="show_patients",
        action="store_false",
        default=None,
        help="show no patient codes (for a screen others can see)",
    )
    shown.add_argument(
        "--show-patients", dest="show_patients", action="store_true", help="show patient codes"
    )
    board.add_argument("--full-screen", action="store_true", help="fill the screen")
    connect = commands.add_parser(
        "connect",
        help="point this room PC at the clinic's PostgreSQL server (an admin does this once)",
        description="Record this room PC's sessions on the clinic's PostgreSQL server. The "
        "URL goes into this PC's room settings; the password is asked for and kept in the OS "
        "keyring, never in a file. The server's schema is created or upgraded.",
    )
    connect.add_argument(
        "url",
        metavar="URL",
        nargs="?",
        help="postgresql://USER@SERVER[:PORT]/DATABASE, without the password",
    )
    connect.add_argument("--room", metavar="NAME", help="this room's name on the board")
    connect.add_argument(
        "--local",
        action="store_true",
        help="go back to this PC's own database file (the server's records stay there)",
    )
    commands.add_parser(
        "demo",
        help="write a complete example session (patient DEMO-001) and print its id last",
    )
    commands.add_parser(
        "reset-practice",
        help="empty the practice record (kapdesk --practice), after asking; the clinic's "
        "record is not touched",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not UTF-8 (a byte the terminal gave) is printed as it was given,
        # not turned into a UnicodeEncodeError.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="surrogateescape")
    args = build_parser().parse_args(argv)
    if args.command in (None, "board"):
        # A window: signals are kept from now on, and heard once its event loop runs.
        noted = SignalSocket()
        noted.install()
        try:
            return run(args, noted)
        finally:
            noted.uninstall()
    try:
        with stop_on_signals():
            return run(args)
    except StoppedError as stopped:
        print(stopped.message, file=sys.stderr)
        return stopped.exit_code


def run(args: argparse.Namespace, noted: SignalSocket | None = None) -> int:
    """What the command line asks for; its exit code (``noted``: the signals a window hears)."""
    try:
        paths = AppPaths.resolve(args.data_dir)
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, a name it cannot hold
        print(f"kapdesk: cannot use the data folder {args.data_dir}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.practice:
        refused = practice_refusal(args)
        if refused:
            print(f"kapdesk: {refused}", file=sys.stderr)
            return EXIT_USAGE
        paths = paths.for_practice()
    if _uses_data_folder(args):
        from kapdesk.folder_check import entry_problem  # noqa: PLC0415

        problem = entry_problem(paths.data_dir)
        if problem:
            print(f"kapdesk: {problem}", file=sys.stderr)
            return EXIT_PROBLEM
    if args.command is None:
        from kapdesk.app import run_gui  # noqa: PLC0415  (Qt is loaded only for the window)

        return run_gui(paths, args.db, kiosk=args.kiosk, noted=noted)
    if args.command == "protocols":
        if args.action == "list":
            return list_protocols(paths, sys.stdout)
        return check_protocols(args.files, sys.stdout)
    if args.command == "audit":
        if args.verify:
            return verify_record(paths, args.db, args.head, sys.stdout)
        if args.head:
            print("kapdesk: --head goes with --verify", file=sys.stderr)
            return EXIT_USAGE
        return print_audit(paths, args.db, args.since, sys.stdout)
    if args.command == "clinic":
        return check_clinic(args.file or paths.clinic_settings, sys.stdout)
    if args.command == "audio":
        return check_audio(args.paths, sys.stdout)
    if args.command == "playlist":
        return check_playlist(args.file, sys.stdout)
    if args.command == "export" and args.format == "pdf":
        if args.output is None and binary_to_terminal("the PDF"):
            return EXIT_USAGE
        return print_session(
            paths, args.db, args.session_id, args.output, handout=False, force=args.force
        )
    if args.command == "export":
        return export_record(
            paths, args.db, args.session_id, args.format, args.output, force=args.force
        )
    if args.command == "handout":
        return print_session(
            paths, args.db, args.session_id, args.output, handout=True, force=args.force
        )
    if args.command == "install-desktop":
        return install_desktop(args, paths, sys.stdout)
    if args.command == "encrypt":
        return encrypt_database(paths, args.db, keep=args.keep_in_keyring, out=sys.stdout)
    if args.command == "demo":
        return write_demo(paths, args.db, sys.stdout)
    if args.command == "reset-practice":
        from kapdesk.practice import reset_practice  # noqa: PLC0415

        problem = reset_practice(paths, input, sys.stdout)
        if problem:
            print(f"kapdesk: {problem}", file=sys.stderr)
            return EXIT_PROBLEM
        return 0
    if args.command == "board":
        from kapdesk.app import run_board  # noqa: PLC0415  (Qt is loaded only for the window)

        return run_board(
            paths,
            args.db,
            show_patients=args.show_patients,
            full_screen=args.full_screen,
            noted=noted,
        )
    if args.command == "connect":
        from kapdesk.connect import connect_room  # noqa: PLC0415

        return connect_room(paths, args.url, room=args.room, local=args.local, out=sys.stdout)
    return list_sessions(paths, args.db, only_open=args.open, limit=args.limit, out=sys.stdout)


PRACTICE_REFUSED = {
    "connect": "practice never connects to the clinic server",
    "board": "practice never appears on the clinic board: open it without --practice",
    "encrypt": "the practice record holds no patients and is not encrypted",
    "install-desktop": "practice is started by hand, not from the menu or at login",
}


def practice_refusal(args: argparse.Namespace) -> str | None:
    """Why ``--practice`` cannot go with what else was asked, or None."""
    if args.db:
        return "--practice keeps a record of its own; it does not go with --db"
    refused = PRACTICE_REFUSED.get(args.command or "")
    return f"{refused} (--practice does not go with {args.command})" if refused else None


def _uses_data_folder(args: argparse.Namespace) -> bool:
    """Whether the command reads or writes the data folder (the window says it on screen)."""
    if args.command in (None, "audio", "playlist", "install-desktop"):
        return False
    if args.command == "protocols":
        return bool(args.action == "list")
    if args.command == "clinic":
        return args.file is None
    return True


def list_protocols(paths: AppPaths, out: TextIO) -> int:
    from kapdesk.core.protocols import ProtocolLibrary  # noqa: PLC0415
    from kapdesk.core.timefmt import minutes_text  # noqa: PLC0415

    library = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, paths.clinic_protocols_dir)
    for protocol in library.protocols():
        phases = ", ".join(f"{p.name} {minutes_text(p.minutes)}" for p in protocol.phases)
        origin = (
            "bundled" if protocol.source.startswith(str(BUNDLED_PROTOCOLS_DIR)) else protocol.source
        )
        print(f"{protocol.id}  {protocol.name}", file=out)
        print(
            f"    route: {protocol.route}; phases advance {protocol.advance.value}; "
            f"planned {minutes_text(protocol.planned_minutes)}"
            + (
                f"; at least {minutes_text(protocol.monitoring_minutes)} in the room"
                if protocol.monitoring_minutes
                else ""
            ),
            file=out,
        )
        print(f"    phases: {phases}", file=out)
        print(f"    from: {origin}", file=out)
    for error in library.problems:
        print(f"cannot load {error.source}:", file=out)
        for problem in error.problems:
            print(f"    {problem}", file=out)
    return EXIT_PROBLEM if library.problems else 0


def check_protocols(files: Sequence[Path], out: TextIO) -> int:
    from kapdesk.core.protocols import ProtocolError, load_protocol_file  # noqa: PLC0415

    failed = 0
    for path in files:
        try:
            protocol = load_protocol_file(path)
        except ProtocolError as error:
            failed += 1
            print(f"{path}: {counted(len(error.problems), 'problem')}", file=out)
            for problem in error.problems:
                print(f"  {path}:{problem}", file=out)
            continue
        print(f"{path}: ok ({protocol.id}, {counted(len(protocol.phases), 'phase')})", file=out)
    return EXIT_PROBLEM if failed else 0


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
    storage = _open_storage(paths, db_url)
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
        return _write_stdout("".join(text).encode("utf-8"))
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
    storage = _open_storage(paths, db_url)
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


def check_clinic(path: Path, out: TextIO) -> int:
    from kapdesk.core.clinic import WEEKDAYS, ClinicError, parse_clinic  # noqa: PLC0415
    from kapdesk.core.toml_check import read_toml_text  # noqa: PLC0415

    try:
        settings = parse_clinic(read_toml_text(path, ClinicError), str(path))
    except ClinicError as error:
        print(f"{path}: {counted(len(error.problems), 'problem')}", file=out)
        for problem in error.problems:
            print(f"  {path}:{problem}", file=out)
        return EXIT_PROBLEM
    days = ", ".join(WEEKDAYS[d].title() for d in settings.open_days)
    offered = "; ".join(rule.name for rule in settings.followups if rule.offered) or "none"
    print(f"{path}: ok (open {days}; follow-ups: {offered})", file=out)
    return 0


def _open_storage(paths: AppPaths, db_url: str | None) -> Storage | None:
    """The database, or None after saying on stderr why it cannot be opened."""
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.encryption import PassphraseNeededError  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    try:
        return open_storage(paths, db_url)
    except PassphraseNeededError as exc:
        typed = _ask_passphrase(f"kapdesk: {exc}. Passphrase: ")
        if typed is None:
            print(
                f"kapdesk: {exc}: type it at a terminal, set KAPDESK_DB_PASSPHRASE, or keep it "
                "in the OS keyring (kapdesk encrypt --keep-in-keyring)",
                file=sys.stderr,
            )
            return None
        try:
            return open_storage(paths, db_url, typed)
        except StorageError as again:
            print(f"kapdesk: {again}", file=sys.stderr)
            return None
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return None


def _writer_lock(paths: AppPaths, db_url: str | None) -> WriterLock | Literal[False] | None:
    """The lock of the SQLite file a writing command writes to, held until the command ends
    (None for a clinic server); False after saying on stderr why it cannot be had."""
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415
    from kapdesk.storage.writer_lock import take_writer_lock  # noqa: PLC0415

    try:
        return take_writer_lock(paths, db_url)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return False


def _ask_passphrase(prompt: str) -> str | None:
    """A passphrase typed at the terminal (not echoed); None when there is no terminal."""
    import getpass  # noqa: PLC0415

    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt) or None
    except (EOFError, KeyboardInterrupt):
        return None


def encrypt_database(paths: AppPaths, db_url: str | None, *, keep: bool, out: TextIO) -> int:
    """``kapdesk encrypt``: the data folder's SQLite file, encrypted in place, whole or not."""
    from kapdesk.storage import encryption  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    if db_url is not None:
        print("kapdesk: encrypt works on the data folder's SQLite file, not --db", file=sys.stderr)
        return EXIT_USAGE
    problem = encryption.sqlcipher_problem()
    if problem:
        print(f"kapdesk: {problem}", file=sys.stderr)
        return EXIT_PROBLEM
    path = paths.database
    passphrase = os.environ.get(encryption.PASSPHRASE_ENV)
    if not passphrase:
        passphrase = _ask_passphrase("New passphrase for the database: ")
        if passphrase is not None and _ask_passphrase("The same passphrase again: ") != passphrase:
            print("kapdesk: the two passphrases differ; nothing was changed", file=sys.stderr)
            return EXIT_PROBLEM
    if not passphrase:
        print(
            f"kapdesk: type a passphrase at a terminal, or set {encryption.PASSPHRASE_ENV}",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    weak = encryption.passphrase_problem(passphrase)
    if weak:
        print(f"kapdesk: {weak} Nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEM
    writer = _writer_lock(paths, None)
    if writer is False:
        return EXIT_PROBLEM
    storage = _open_storage(paths, None)  # current schema first, and proof that it opens
    if storage is None:
        return EXIT_PROBLEM
    storage.engine.dispose()
    try:
        with signals_held():  # encrypted whole or not at all, and no copy left half made
            encryption.encrypt_file(path, passphrase)
    except StorageError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"{path}: encrypted with SQLCipher", file=out)
    try:
        storage = open_storage_with(paths, passphrase)
        audit_command_line(storage, "database_encrypted", path.name)
        storage.engine.dispose()
    except StorageError as exc:  # encrypted all the same: say so, and go on
        print(f"kapdesk: the audit log could not be written: {exc}", file=sys.stderr)
    if keep:
        failed = encryption.keep_passphrase(path, passphrase)
        if failed:
            print(f"The passphrase was not kept: {failed}; kapdesk will ask for it.", file=out)
        else:
            print("The passphrase is kept in the OS keyring for this data folder.", file=out)
    else:
        print("kapdesk will ask for the passphrase at every start.", file=out)
    return 0


def open_storage_with(paths: AppPaths, passphrase: str) -> Storage:
    from kapdesk.storage.db import open_storage  # noqa: PLC0415

    return open_storage(paths, None, passphrase)


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "-"


def list_sessions(
    paths: AppPaths, db_url: str | None, *, only_open: bool, limit: int | None, out: TextIO
) -> int:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.journeys import JourneyStore  # noqa: PLC0415

    if limit is not None and limit < 1:
        print("kapdesk: --limit takes a number of rows from 1 up", file=sys.stderr)
        return EXIT_USAGE
    storage = _open_storage(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    rows = JourneyStore(storage, SystemClock()).summaries(limit=limit, only_open=only_open)
    rooms = any(row.room for row in rows)  # a clinic server: say which room
    header = f"{'id':>5}  {'patient':<12}  {'protocol':<20}  {'start':<16}  state"
    print(header + ("      room" if rooms else ""), file=out)
    for row in rows:
        start = row.dosed_at or row.opened_at
        line = (
            f"{row.id:>5}  {row.patient_code:<12}  {row.protocol_id:<20}  {_local(start):<16}  "
            f"{row.state.value:<8}"
        )
        print(f"{line}  {row.room}" if rooms else line.rstrip(), file=out)
    storage.engine.dispose()
    return 0


def check_audio(paths: Sequence[Path], out: TextIO) -> int:
    from kapdesk.audio.probe import SUPPORTED_SUFFIXES, probe  # noqa: PLC0415
    from kapdesk.core.timefmt import clock_text  # noqa: PLC0415

    files: list[Path] = []
    for path in paths:
        if _is_folder(path):
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
            )
            if not found:
                print(f"{path}: no sound files in this folder", file=out)
            files.extend(found)
        else:
            files.append(path)
    bad = 0
    for path in files:
        result = probe(path)
        if result.playable:
            length = clock_text(result.duration) if result.duration else "length unknown"
            who = f"{result.artist} – {result.title}" if result.artist else result.title
            print(f"ok       {length:>8}  {result.format:<10}  {who}  ({path})", file=out)
        else:
            bad += 1
            print(f"CANNOT   {path}: {result.reason}", file=out)
    if len(files) > 1:
        print(f"{len(files) - bad} playable, {bad} not", file=out)
    return EXIT_PROBLEM if bad or not files else 0


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False for anything that cannot be looked at (too long a
    name, a link loop), which the probe then names."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_playlist(path: Path, out: TextIO) -> int:
    from kapdesk.core.playlist_files import (  # noqa: PLC0415
        PlaylistError,
        describe_entry,
        read_playlist,
    )

    try:
        playlist = read_playlist(path)
    except PlaylistError as exc:
        print(f"{path}: {exc}", file=out)
        return EXIT_PROBLEM
    found = [e for e in playlist.entries if e.problem is None]
    print(
        f"{path}: {playlist.format}, {counted(len(playlist.entries), 'entry', 'entries')}", file=out
    )
    for entry in playlist.entries:
        print(f"  {describe_entry(entry)}", file=out)
    for problem in playlist.problems:
        print(f"  line {problem.line}: {problem.message}", file=out)
    print(f"{len(found)} found, {len(playlist.entries) - len(found)} not", file=out)
    return EXIT_PROBLEM if len(found) < len(playlist.entries) or playlist.problems else 0


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

    session_id = _session_number(session_text)
    if session_id is None:
        return EXIT_PROBLEM
    if output is not None and not _may_write(output, paths, db_url, force=force):
        return EXIT_PROBLEM
    storage = _open_storage(paths, db_url)
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
        return _write_output(output, data, paths, db_url, force=force)
    return _write_stdout(data)


def _kept_places(paths: AppPaths, db_url: str | None) -> tuple[Path, ...]:
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


def _may_write(output: Path, paths: AppPaths, db_url: str | None, *, force: bool) -> bool:
    """Whether ``output`` may be written; says why not on stderr (before any work is done)."""
    from kapdesk.core.safe_files import refuse_reason  # noqa: PLC0415

    refused = refuse_reason(output, _kept_places(paths, db_url), force=force)
    if refused is not None:
        print(f"kapdesk: cannot write {output}: {refused}", file=sys.stderr)
        return False
    return True


def _write_output(
    output: Path, data: bytes, paths: AppPaths, db_url: str | None, *, force: bool
) -> int:
    from kapdesk.core.safe_files import SafeFileError, write_file  # noqa: PLC0415

    try:
        write_file(output, data, kept=_kept_places(paths, db_url), force=force)
    except SafeFileError as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    return 0


def install_desktop(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """``kapdesk install-desktop``: the menu entry, the icon and the autostart, or none."""
    from kapdesk import desktop_entry  # noqa: PLC0415
    from kapdesk.storage.db_url import url_has_password  # noqa: PLC0415

    if not sys.platform.startswith("linux"):
        print(
            "kapdesk: install-desktop is for Linux; on Windows see docs/room-pc.md", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        if args.uninstall:
            removed = desktop_entry.uninstall()
            for path in removed:
                print(f"removed {path}", file=out)
            if not removed:
                print("kapdesk was not on this user's desktop", file=out)
            return 0
        arguments = []
        if paths.config_dir is None:  # --data-dir or KAPDESK_DATA_DIR chose the folder
            arguments += ["--data-dir", str(paths.data_dir)]
        if args.db:
            if url_has_password(args.db):
                print(
                    "kapdesk: that --db URL holds a password, which a desktop entry would keep "
                    "in plain text; give the URL without it",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            arguments += ["--db", args.db]
        if args.kiosk:
            arguments.append("--kiosk")
        for path in desktop_entry.install(arguments, autostart=args.autostart):
            print(f"wrote {path}", file=out)
    except OSError as exc:
        print(f"kapdesk: cannot write the desktop entry: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    return 0


def command_line_user() -> str:
    """Who runs a command: the OS account (the command line has no PIN; see docs/staff.md)."""
    import getpass  # noqa: PLC0415

    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"


def audit_command_line(storage: Storage, action: str, subject: str, **detail: object) -> None:
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.storage.staff import StaffStore  # noqa: PLC0415

    StaffStore(storage, SystemClock()).record(command_line_user(), action, subject, **detail)


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
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    session_id = _session_number(session_text)
    if session_id is None:
        return EXIT_PROBLEM
    if output is not None and not _may_write(output, paths, db_url, force=force):
        return EXIT_PROBLEM
    clinic, problems = load_clinic(BUNDLED_CLINIC_SETTINGS, paths.clinic_settings)
    for problem in problems:
        print(f"kapdesk: {problem}\n(kapdesk's own clinic settings are used)", file=sys.stderr)
    storage = _open_storage(paths, db_url)
    if storage is None:
        return EXIT_PROBLEM
    try:
        mark = MARK if paths.practice else ""
        printer = Printer(storage, SystemClock(), clinic, command_line_user(), mark=mark)
        data = printer.handout(session_id) if handout else printer.record(session_id)
    except (LookupError, StorageError) as exc:
        print(f"kapdesk: {exc}", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        storage.engine.dispose()
    if output is None:
        return _write_stdout(data)
    return _write_output(output, data, paths, db_url, force=force)


def _session_number(text: str) -> int | None:
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


def _write_stdout(data: bytes) -> int:
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


def write_demo(paths: AppPaths, db_url: str | None, out: TextIO) -> int:
    from kapdesk.demo import record_demo_session  # noqa: PLC0415
    from kapdesk.storage.errors import StorageError  # noqa: PLC0415

    writer = _writer_lock(paths, db_url)
    if writer is False:
        return EXIT_PROBLEM
    storage = _open_storage(paths, db_url)
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
        f"{_local(demo.opened_at)} to {_local(demo.closed_at)}, {counted(demo.events, 'event')}.",
        file=out,
    )
    print(f"Export it with: kapdesk export {demo.session_id} --format json|csv|fhir|pdf", file=out)
    print(demo.session_id, file=out)
    return 0
