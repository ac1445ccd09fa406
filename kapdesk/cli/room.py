"""Commands that set up the room PC: encrypting its database, and its desktop entry."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, TextIO

from kapdesk.cli.database import (
    ask_passphrase,
    audit_command_line,
    open_storage_or_say,
    open_storage_with,
    writer_lock_or_say,
)
from kapdesk.exit_codes import EXIT_PROBLEM, EXIT_USAGE
from kapdesk.paths import AppPaths
from kapdesk.stop_signals import signals_held

if TYPE_CHECKING:
    pass


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
        passphrase = ask_passphrase("New passphrase for the database: ")
        if passphrase is not None and ask_passphrase("The same passphrase again: ") != passphrase:
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
    writer = writer_lock_or_say(paths, None)
    if writer is False:
        return EXIT_PROBLEM
    storage = open_storage_or_say(paths, None)  # current schema first, and proof that it opens
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


def install_desktop(args: argparse.Namespace, paths: AppPaths, out: TextIO) -> int:
    """``kapdesk install-desktop``: the menu entry, the icon and the autostart, or none."""
    from kapdesk import desktop_entry  # noqa: PLC0415
    from kapdesk.storage.db_url import (  # noqa: PLC0415
        parse_database_url,
        refuse_an_unkept_record,
        url_has_password,
    )
    from kapdesk.storage.errors import DatabaseError  # noqa: PLC0415

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
            try:  # a desktop entry never keeps a URL that cannot work
                refuse_an_unkept_record(parse_database_url(args.db))
            except DatabaseError as exc:
                print(f"kapdesk: {exc}", file=sys.stderr)
                return EXIT_USAGE
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
