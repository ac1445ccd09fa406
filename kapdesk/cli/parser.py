"""The command line's grammar: every command, its options and their help, for argparse."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kapdesk import __version__

if TYPE_CHECKING:
    # What add_subparsers gives, to add commands to.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

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
    """kapdesk's options and commands, with the help each prints."""
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
    # In this order: it is the order of the commands in --help.
    _add_file_checks(commands)
    _add_audit(commands)
    _add_room_set_up(commands)
    _add_backups(commands)
    _add_lists_and_sound(commands)
    _add_exports(commands)
    _add_clinic(commands)
    _add_examples(commands)
    return parser


def _add_file_checks(commands: Commands) -> None:
    """``protocols`` and ``clinic``: checks of the settings files."""
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


def _add_audit(commands: Commands) -> None:
    """``audit``: the audit trail, and the check that the record is whole."""
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


def _add_room_set_up(commands: Commands) -> None:
    """``encrypt`` and ``install-desktop``: setting up the room PC."""
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


def _add_backups(commands: Commands) -> None:
    """``backup``, ``backups`` and ``restore``: the record kept off this PC, and put back."""
    backup = commands.add_parser(
        "backup",
        help="back up the record now (to the room's backup folder or --to DIR), or --verify one",
        description="Make one backup now: a consistent snapshot of the database taken while "
        "kapdesk runs, written whole or not at all, checked, and encrypted (with the "
        "database's own key when it is encrypted, else with the backup passphrase: "
        "KAPDESK_BACKUP_PASSPHRASE, the OS keyring, or typed). The room's backup folder is "
        "rotated as room.toml says. On a clinic server it runs pg_dump -Fc when PostgreSQL's "
        "client tools are installed. See docs/backup.md.",
    )
    backup.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        help="this folder instead of the room's backup folder (not rotated)",
    )
    backup.add_argument(
        "--unencrypted",
        action="store_true",
        help="a plain backup, for a folder that never leaves the PC or is encrypted itself "
        "(an encrypted database's backups always keep its key)",
    )
    backup.add_argument(
        "--verify",
        metavar="FILE",
        type=Path,
        help="check a backup instead: it opens, its integrity check is ok and it holds what "
        "its facts say; exit 1 if not",
    )
    backups = commands.add_parser(
        "backups", help="list the backups in the room's backup folder (or --in DIR), newest first"
    )
    backups.add_argument("--in", dest="folder", metavar="DIR", type=Path, help="this folder")
    restore = commands.add_parser(
        "restore",
        help="put a backup in place of the database (close kapdesk first)",
        description="Restore a backup into the data folder: it is verified first; kapdesk must "
        "not be running on the folder; the current database is kept aside as "
        "kapdesk.sqlite3.before-restore-<time>, never deleted; an older schema is upgraded. "
        "A backup older than the database it replaces is refused unless --force is given.",
    )
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup file")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore a backup older than the current database (which is kept aside)",
    )


def _add_lists_and_sound(commands: Commands) -> None:
    """``sessions``, ``audio`` and ``playlist``: lists and checks."""
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
    # The child process the library measures loudness in (kapdesk.audio.measuring): not for
    # people, so not listed.
    audio_measure = audio_commands.add_parser("measure")  # no help=: argparse then lists it not
    audio_measure.add_argument("--json-lines", action="store_true", required=True)
    audio_measure.add_argument("--paths-from-stdin", action="store_true")
    audio_measure.add_argument("paths", nargs="*", metavar="PATH", type=Path)

    playlist = commands.add_parser("playlist", help="check playlist files (M3U, M3U8, PLS, XSPF)")
    playlist_commands = playlist.add_subparsers(dest="action", metavar="ACTION", required=True)
    playlist_check = playlist_commands.add_parser(
        "check", help="the entries a playlist names: those found, and those that are not"
    )
    playlist_check.add_argument("file", metavar="FILE", type=Path)


def _add_exports(commands: Commands) -> None:
    """``export`` and ``handout``: a session's record and its take-home sheet."""
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


def _add_clinic(commands: Commands) -> None:
    """``board`` and ``connect``: the clinic's rooms together."""
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


def _add_examples(commands: Commands) -> None:
    """``demo`` and ``reset-practice``: the example session and the practice record."""
    commands.add_parser(
        "demo",
        help="write a complete example session (patient DEMO-001) and print its id last",
    )
    commands.add_parser(
        "reset-practice",
        help="empty the practice record (kapdesk --practice), after asking; the clinic's "
        "record is not touched",
    )
