"""The command line's grammar: every command, its options and their help, for argparse.

Each command's parser is built only when that command is given (or when something walks the
commands, as a test does): ``kapdesk`` with no command opens the window, and building the
parsers of some twenty commands it does not run would hold up its first frame. ``--help``
lists every command from its ``help`` line alone; a command's own ``--help``, its errors and
the message for a command that does not exist are argparse's, as they would be if every
parser were built at once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kapdesk import __version__

if TYPE_CHECKING:
    from _collections_abc import dict_items, dict_values

    _SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    _SubParsers = argparse._SubParsersAction  # generic to type checkers only

# Adds a command's arguments to its parser (the parser made with the command's help).
Build = Callable[[argparse.ArgumentParser], None]

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


class _Later:
    """A command's parser not built yet: what argparse would have made it with, and what adds
    its arguments."""

    def __init__(self, make: type[argparse.ArgumentParser], build: Build, **settings: Any) -> None:
        self._make = make
        self._build = build
        self._settings = settings

    def parser(self) -> argparse.ArgumentParser:
        parser = self._make(**self._settings)
        self._build(parser)
        return parser


class _Parsers(dict[str, argparse.ArgumentParser]):
    """The commands' parsers by name: every name at once (argparse checks a command given
    against them, and names them all when it is not one), each parser built the first time
    it is looked up."""

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        found: object = super().__getitem__(name)
        if isinstance(found, _Later):
            found = found.parser()
            super().__setitem__(name, found)
        return cast(argparse.ArgumentParser, found)

    def values(self) -> dict_values[str, argparse.ArgumentParser]:
        return {name: self[name] for name in self}.values()

    def items(self) -> dict_items[str, argparse.ArgumentParser]:
        return {name: self[name] for name in self}.items()


class Commands(_SubParsers):
    """kapdesk's commands (``add_subparsers(action=Commands)``): :meth:`add_command` lists a
    command in ``--help`` at once and builds its parser when the command is used."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = _Parsers()
        self.choices = self._name_parser_map  # what argparse checks a command given against

    def add_command(self, name: str, build: Build, **settings: Any) -> None:
        """The command ``name``; ``settings`` are add_parser's (help, description), ``build``
        adds its arguments once its parser is made."""
        # argparse's own add_parser does the rest (the prog, the line in --help), as for a
        # parser built now; what it makes the parser with makes a _Later instead.
        made = self._parser_class
        self._parser_class = cast(Any, partial(_Later, made, build))
        try:
            self.add_parser(name, **settings)
        finally:
            self._parser_class = made


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
    commands = parser.add_subparsers(action=Commands, dest="command", metavar="COMMAND")
    assert isinstance(commands, Commands)
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
    commands.add_command("protocols", _protocols, help="list or check clinical protocols")
    commands.add_command("clinic", _clinic, help="check the clinic's settings file")


def _protocols(protocols: argparse.ArgumentParser) -> None:
    protocol_commands = protocols.add_subparsers(dest="action", metavar="ACTION", required=True)
    protocol_commands.add_parser("list", help="the protocols this room can run, and any that fail")
    check = protocol_commands.add_parser(
        "check", help="validate protocol files; names the line and field of every problem"
    )
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)


def _clinic(clinic: argparse.ArgumentParser) -> None:
    clinic_commands = clinic.add_subparsers(dest="action", metavar="ACTION", required=True)
    clinic_check = clinic_commands.add_parser(
        "check",
        help="validate clinic.toml (default: the one in the data folder); names every problem",
    )
    clinic_check.add_argument("file", nargs="?", metavar="FILE", type=Path)


def _add_audit(commands: Commands) -> None:
    """``audit``: the audit trail, and the check that the record is whole."""
    commands.add_command(
        "audit",
        _audit,
        help="print the audit trail: sign-ins, locks, exports, settings, every record",
        description="The audit trail in time order: the audit log (sign-ins, refused PINs, "
        "locks, accounts, exports, settings) and every session record created or corrected, "
        "with its author. It holds no PINs and no patient details.",
    )


def _audit(audit: argparse.ArgumentParser) -> None:
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
    commands.add_command(
        "encrypt",
        _encrypt,
        help="encrypt the database in the data folder with SQLCipher (close kapdesk first)",
        description="Encrypt the SQLite database in the data folder with SQLCipher (AES-256). "
        "The passphrase is typed twice (or read from KAPDESK_DB_PASSPHRASE); kapdesk asks "
        "for it at every start unless it is kept in the OS keyring. Lose it and the record "
        "is lost: keep it where the clinic keeps its other keys. See docs/staff.md.",
    )
    commands.add_command(
        "install-desktop",
        _install_desktop,
        help="put kapdesk in this user's applications menu (Linux), optionally to start at login",
        description="Write kapdesk's icon and .desktop entry for the current user "
        "(XDG_DATA_HOME, XDG_CONFIG_HOME). The entry starts kapdesk with this command's "
        "--data-dir, --db and --kiosk. Windows: see docs/room-pc.md.",
    )


def _encrypt(encrypt: argparse.ArgumentParser) -> None:
    encrypt.add_argument(
        "--keep-in-keyring",
        action="store_true",
        help="keep the passphrase in the OS keyring, so this PC starts without asking",
    )


def _install_desktop(desktop: argparse.ArgumentParser) -> None:
    desktop.add_argument(
        "--autostart", action="store_true", help="also start kapdesk when this user logs in"
    )
    desktop.add_argument(
        "--uninstall", action="store_true", help="remove the entry, the icon and the autostart"
    )


def _add_backups(commands: Commands) -> None:
    """``backup``, ``backups`` and ``restore``: the record kept off this PC, and put back."""
    commands.add_command(
        "backup",
        _backup,
        help="back up the record now (to the room's backup folder or --to DIR), or --verify one",
        description="Make one backup now: a consistent snapshot of the database taken while "
        "kapdesk runs, written whole or not at all, checked, and encrypted (with the "
        "database's own key when it is encrypted, else with the backup passphrase: "
        "KAPDESK_BACKUP_PASSPHRASE, the OS keyring, or typed). The room's backup folder is "
        "rotated as room.toml says. On a clinic server it runs pg_dump -Fc when PostgreSQL's "
        "client tools are installed. See docs/backup.md.",
    )
    commands.add_command(
        "backups",
        _backups,
        help="list the backups in the room's backup folder (or --in DIR), newest first",
    )
    commands.add_command(
        "restore",
        _restore,
        help="put a backup in place of the database (close kapdesk first)",
        description="Restore a backup into the data folder: it is verified first; kapdesk must "
        "not be running on the folder; the current database is kept aside as "
        "kapdesk.sqlite3.before-restore-<time>, never deleted; an older schema is upgraded. "
        "A backup older than the database it replaces is refused unless --force is given.",
    )


def _backup(backup: argparse.ArgumentParser) -> None:
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


def _backups(backups: argparse.ArgumentParser) -> None:
    backups.add_argument("--in", dest="folder", metavar="DIR", type=Path, help="this folder")


def _restore(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup file")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore a backup older than the current database (which is kept aside)",
    )


def _add_lists_and_sound(commands: Commands) -> None:
    """``sessions``, ``audio`` and ``playlist``: lists and checks."""
    commands.add_command("sessions", _sessions, help="list sessions")
    commands.add_command("audio", _audio, help="check sound files")
    commands.add_command("playlist", _playlist, help="check playlist files (M3U, M3U8, PLS, XSPF)")


def _sessions(sessions: argparse.ArgumentParser) -> None:
    session_commands = sessions.add_subparsers(dest="action", metavar="ACTION", required=True)
    session_list = session_commands.add_parser("list", help="sessions, newest first")
    session_list.add_argument("--open", action="store_true", help="only sessions still open")
    session_list.add_argument(
        "--limit", type=row_count, default=None, metavar="N", help="at most N rows"
    )


def _audio(audio: argparse.ArgumentParser) -> None:
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


def _playlist(playlist: argparse.ArgumentParser) -> None:
    playlist_commands = playlist.add_subparsers(dest="action", metavar="ACTION", required=True)
    playlist_check = playlist_commands.add_parser(
        "check", help="the entries a playlist names: those found, and those that are not"
    )
    playlist_check.add_argument("file", metavar="FILE", type=Path)


def _add_exports(commands: Commands) -> None:
    """``export`` and ``handout``: a session's record and its take-home sheet."""
    commands.add_command(
        "export",
        _export,
        help="write a session's record: JSON (all of it), CSV (its timeline), FHIR R4 or PDF",
        description="Write a session's record to standard output or to a file. json: the whole "
        "record (UTF-8); csv: one row per timeline entry, corrections folded in (UTF-8 with a "
        "byte-order mark, for spreadsheets); fhir: a FHIR R4 collection Bundle of the patient "
        "(clinic code only), the session and its vital signs; pdf: the printed session record "
        "(patient code, staff, protocol, preparation, doses, phases, vital-signs chart, notes "
        "with corrections, music, discharge, integration plan, timeline).",
    )
    commands.add_command(
        "handout",
        _handout,
        help="write the patient's take-home sheet of a session as a PDF",
        description="The handout: the intention, the journal prompts, the plan and its dates, "
        "staying safe (no driving until the next day) and who to call, with the note saved "
        "with each booking (time, place, with whom). It holds no clinical notes and no vital "
        "signs.",
    )


def _export(export: argparse.ArgumentParser) -> None:
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


def _handout(handout: argparse.ArgumentParser) -> None:
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
    commands.add_command(
        "board",
        _board,
        help="the clinic board: every room at a glance, live (read-only)",
        description="Open the clinic board: one card per room with patient code, protocol, "
        "phase, journey time, the next vitals check, the last vitals and the music. It reads "
        "the clinic server this PC is connected to (kapdesk connect), or --db.",
    )
    commands.add_command(
        "connect",
        _connect,
        help="point this room PC at the clinic's PostgreSQL server (an admin does this once)",
        description="Record this room PC's sessions on the clinic's PostgreSQL server. The "
        "URL goes into this PC's room settings; the password is asked for and kept in the OS "
        "keyring, never in a file. The server's schema is created or upgraded.",
    )


def _board(board: argparse.ArgumentParser) -> None:
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


def _connect(connect: argparse.ArgumentParser) -> None:
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
    commands.add_command(
        "demo",
        _no_arguments,
        help="write a complete example session (patient DEMO-001) and print its id last",
    )
    commands.add_command(
        "reset-practice",
        _no_arguments,
        help="empty the practice record (kapdesk --practice), after asking; the clinic's "
        "record is not touched",
    )


def _no_arguments(_parser: argparse.ArgumentParser) -> None:
    """A command with no arguments of its own."""
