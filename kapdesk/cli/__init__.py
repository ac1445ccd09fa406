"""The command line: ``kapdesk`` opens the window; sub-commands serve scripts and checks.

    kapdesk [--data-dir DIR] [--db URL] [--kiosk]       the window
    kapdesk --practice [COMMAND]                        the same on the practice record
    kapdesk protocols list                              the protocols this room can run
    kapdesk protocols check FILE [FILE ...]             validate protocol files (exit 1 on problems)
    kapdesk clinic check [FILE]                         validate the clinic's settings file
    kapdesk audit [--since YYYY-MM-DD]                  who did what and when
    kapdesk audit --verify [--head HASH ...]            check the record was not rewritten
    kapdesk sessions list [--open] [--limit N]          sessions, newest first
    kapdesk audio check PATH [PATH ...]                 per file: playable and how long, or why not;
                                                        its loudness and the gain it plays at
    kapdesk playlist check FILE                         a playlist's entries, found or not
    kapdesk export SESSION_ID [--format F] [-o PATH [--force]]  a session's record: json, csv,
                                                        fhir or pdf
    kapdesk handout SESSION_ID -o FILE.pdf [--force]    the patient's take-home sheet
    kapdesk demo                                        write an example session; prints its id
    kapdesk reset-practice                              empty the practice record, after asking
    kapdesk encrypt [--keep-in-keyring]                 encrypt the database (SQLCipher)
    kapdesk backup [--to DIR] [--unencrypted]           back up the record now (pg_dump on a
                                                        clinic server)
    kapdesk backup --verify FILE                        check a backup (exit 1 if it is not whole)
    kapdesk backups [--in DIR]                          the backups in a folder, newest first
    kapdesk restore FILE [--force]                      put a backup in place of the database
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
import sys
from collections.abc import Sequence

from kapdesk.cli.parser import build_parser
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import AppPaths
from kapdesk.stop_signals import SignalSocket, StoppedError, stop_on_signals

__all__ = ["build_parser", "main", "run"]


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
    paths = _paths_for(args)
    if not isinstance(paths, AppPaths):
        return paths
    if args.command is None:
        from kapdesk.app import run_gui  # noqa: PLC0415  (Qt is loaded only for the window)

        return run_gui(paths, args.db, kiosk=args.kiosk, noted=noted)
    if args.command == "board":
        from kapdesk.app import run_board  # noqa: PLC0415  (Qt is loaded only for the window)

        return run_board(
            paths,
            args.db,
            show_patients=args.show_patients,
            full_screen=args.full_screen,
            noted=noted,
        )
    if args.command in ("audit", "export", "handout", "sessions", "demo"):
        return _run_on_record(args, paths)
    if args.command in ("backup", "backups", "restore"):
        return _run_backups(args, paths)
    return _run_elsewhere(args, paths)


def _paths_for(args: argparse.Namespace) -> AppPaths | int:
    """The folders this run uses (the practice ones with --practice); or an exit code, after
    saying on stderr why they cannot be used."""
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
    return paths


def _run_on_record(args: argparse.Namespace, paths: AppPaths) -> int:
    """The commands that read or write the record (kapdesk.cli.record)."""
    from kapdesk.cli.output import binary_to_terminal  # noqa: PLC0415
    from kapdesk.cli.record import (  # noqa: PLC0415
        export_record,
        list_sessions,
        print_audit,
        print_session,
        verify_record,
        write_demo,
    )

    if args.command == "audit":
        if args.verify:
            return verify_record(paths, args.db, args.head, sys.stdout)
        if args.head:
            print("kapdesk: --head goes with --verify", file=sys.stderr)
            return EXIT_USAGE
        return print_audit(paths, args.db, args.since, sys.stdout)
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
    if args.command == "demo":
        return write_demo(paths, args.db, sys.stdout)
    return list_sessions(paths, args.db, only_open=args.open, limit=args.limit, out=sys.stdout)


def _run_backups(args: argparse.Namespace, paths: AppPaths) -> int:
    """The backup commands (kapdesk.cli.backup)."""
    from kapdesk.cli import backup  # noqa: PLC0415

    if args.command == "backups":
        return backup.list_backup_folder(paths, args.folder, sys.stdout)
    if args.command == "restore":
        return backup.restore_from(paths, args.db, args.file, force=args.force, out=sys.stdout)
    if args.verify is not None:
        if args.to is not None or args.unencrypted:
            print(
                "kapdesk: --verify checks a backup; it goes with no other option", file=sys.stderr
            )
            return EXIT_USAGE
        return backup.verify_backup_file(paths, args.db, args.verify, sys.stdout)
    return backup.make_backup_now(
        paths, args.db, to=args.to, unencrypted=args.unencrypted, out=sys.stdout
    )


def _run_elsewhere(args: argparse.Namespace, paths: AppPaths) -> int:
    """The checks of files, and the commands that set up the room PC or its practice."""
    from kapdesk.cli.checks import (  # noqa: PLC0415
        check_audio,
        check_clinic,
        check_playlist,
        check_protocols,
        clinic_target,
        list_protocols,
    )
    from kapdesk.cli.room import encrypt_database, install_desktop  # noqa: PLC0415

    if args.command == "protocols":
        if args.action == "list":
            return list_protocols(paths, sys.stdout)
        return check_protocols(args.files, sys.stdout)
    if args.command == "clinic":
        return check_clinic(args.file or paths.clinic_settings, sys.stdout)
    if args.command == "audio":
        if args.action == "measure":
            from kapdesk.cli.audio import measure_audio  # noqa: PLC0415

            return measure_audio(args.paths, sys.stdout, from_stdin=args.paths_from_stdin)
        return check_audio(args.paths, sys.stdout, clinic_target(paths))
    if args.command == "playlist":
        return check_playlist(args.file, sys.stdout)
    if args.command == "install-desktop":
        return install_desktop(args, paths, sys.stdout)
    if args.command == "encrypt":
        return encrypt_database(paths, args.db, keep=args.keep_in_keyring, out=sys.stdout)
    if args.command == "reset-practice":
        from kapdesk.practice import reset_practice  # noqa: PLC0415

        problem = reset_practice(paths, input, sys.stdout)
        if problem:
            print(f"kapdesk: {problem}", file=sys.stderr)
            return EXIT_PROBLEM
        return 0
    from kapdesk.connect import connect_room  # noqa: PLC0415

    return connect_room(paths, args.url, room=args.room, local=args.local, out=sys.stdout)


PRACTICE_REFUSED = {
    "connect": "practice never connects to the clinic server",
    "board": "practice never appears on the clinic board: open it without --practice",
    "encrypt": "the practice record holds no patients and is not encrypted",
    "install-desktop": "practice is started by hand, not from the menu or at login",
    "backup": "the practice record holds no patients and is not backed up",
    "restore": "the practice record holds no patients and is not restored from a backup",
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
