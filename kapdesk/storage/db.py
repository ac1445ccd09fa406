"""Opening the database: engine settings, file permissions and schema upgrades.

SQLite (the embedded default) runs in WAL mode with ``synchronous=FULL``: a commit that
returned is on disk. Its file is readable by the owner only. Alembic owns the schema and the
app upgrades it before any page that reads or writes the record exists; Alembic itself is
imported only when an upgrade is due, which keeps start-up quick.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from kapdesk.core.words import joined
from kapdesk.paths import AppPaths, package_folder
from kapdesk.storage import db_words as words
from kapdesk.storage.db_url import parse_database_url, refuse_an_unkept_record
from kapdesk.storage.encryption import is_encrypted
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.schema_revision import KNOWN_REVISIONS, SCHEMA_HEAD
from kapdesk.storage.sqlite_file import examine, opened
from kapdesk.storage.sqlite_witness import witnessed

MIGRATIONS_DIR = package_folder("kapdesk.storage", "migrations")

UPGRADE_LOCK = 0x6B617064  # "kapd": the advisory lock room PCs upgrade a server under


LIBPQ_DRIVERS = ("psycopg", "psycopg2")
# A room must notice a dead network in seconds, not in the minutes TCP would take: a write that
# cannot reach the server fails fast and goes to the room's outbox instead.
SERVER_TIMEOUTS = {
    "connect_timeout": 3,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 4000,  # milliseconds unacknowledged before the connection is dropped
    "application_name": "kapdesk",
    # A statement stuck behind another's lock, or a server too busy to answer, gives up too.
    "options": "-c statement_timeout=8000 -c lock_timeout=3000",
}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _examine_sqlite_file(path: Path, encrypted: bool, damage: DamageFound | None = None) -> None:
    """Before SQLite opens the file: create it (folder 0700, file 0600, so no one else reads
    it), or examine it and its WAL (:mod:`kapdesk.storage.sqlite_file`)."""
    try:
        examine(path, encrypted=encrypted, report=damage.found if damage else None)
    except OSError as exc:
        raise DatabaseError(words.FILE_UNUSABLE.format(path=path, error=exc.strerror)) from exc
    if not encrypted:
        opened(path)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        # kapdesk checkpoints itself (sqlite_file.WitnessedConnection): the database file
        # changes only when it says so, which is what lets it tell its own WAL from another.
        cursor.execute("PRAGMA wal_autocheckpoint=0")
    finally:
        cursor.close()


def make_engine(url: str | URL, damage: DamageFound | None = None) -> Engine:
    """An engine for ``url``; for a SQLite file, with the durability settings above.

    ``damage`` hears of damage a full check of a big SQLite file finds after it opened."""
    parsed = parse_database_url(url)  # a plain DatabaseError for a URL that cannot work
    try:
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database
            connect_args: dict[str, Any] = {}
            if database and database != ":memory:" and not database.startswith("file:"):
                encrypted = parsed.get_driver_name() == "pysqlcipher"
                _examine_sqlite_file(Path(database), encrypted, damage)
                if not encrypted:
                    connect_args["factory"] = witnessed(Path(database))
            engine = create_engine(parsed, connect_args=connect_args)
            event.listen(engine, "connect", _on_sqlite_connect)
            return engine
        if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in LIBPQ_DRIVERS:
            return create_engine(parsed, pool_pre_ping=True, connect_args=dict(SERVER_TIMEOUTS))
        return create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        kind = parsed.get_backend_name()
        raise DatabaseError(words.CANNOT_TALK.format(kind=kind, error=exc)) from exc


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at; None for an empty database."""
    with engine.connect() as conn:
        return current_revision_on(conn)


def current_revision_on(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def database_identity(engine: Engine) -> str:
    """The id this database was given once (migration 0007); DatabaseError if unreadable."""
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT id FROM database_identity")).scalar()
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise DatabaseError(_explain(exc, engine)) from exc
    if not found:
        raise DatabaseError(words.NO_IDENTITY)
    return str(found)


def upgrade(engine: Engine) -> str | None:
    """Bring the schema to the newest revision, or explain why that cannot be done; the
    revision it was at before (None for a new database)."""
    try:
        revision = current_revision(engine)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise DatabaseError(_explain(exc, engine)) from exc
    if revision == SCHEMA_HEAD:
        return revision
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseError(words.NEWER.format(revision=revision, head=SCHEMA_HEAD))
    from alembic import command  # noqa: PLC0415  (imported only when an upgrade is due)
    from alembic.config import Config  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Room PCs starting together on a new server: one upgrades, the others wait
                # for it and then find nothing left to do.
                # A schema change may take its time: not the rooms' everyday limits.
                conn.execute(text("SET LOCAL statement_timeout = 0"))
                conn.execute(text("SET LOCAL lock_timeout = 0"))
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
                if current_revision_on(conn) == SCHEMA_HEAD:
                    return revision
            if conn.dialect.name == "sqlite":
                # All or nothing: SQLite's DDL is transactional, but the driver only begins a
                # transaction before INSERT/UPDATE/DELETE, so each CREATE of a first start
                # committed on its own and a kill between them left a folder that never opened
                # again. IMMEDIATE: a second kapdesk starting at once waits, then finds it done.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                if current_revision_on(conn) == SCHEMA_HEAD:
                    return revision
                _clear_half_made_first_start(conn)
            before = _row_counts(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            _nothing_lost(before, _row_counts(conn))  # else all of it is rolled back
            if revision is None:
                from kapdesk.storage.versions import note_new_database  # noqa: PLC0415

                note_new_database(conn)
    except SQLAlchemyError as exc:
        raise DatabaseError(_explain(exc, engine)) from exc
    return revision


# Kept by kapdesk for itself, not records: an upgrade may rewrite them.
NOT_RECORDS = frozenset({"alembic_version", "room_presence", "kapdesk_versions"})


def _row_counts(conn: Connection) -> dict[str, int]:
    """Rows in each of the record's tables there are."""
    tables = sorted(set(inspect(conn).get_table_names()) - NOT_RECORDS)
    return {
        table: int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
        for table in tables
    }


def _nothing_lost(before: dict[str, int], after: dict[str, int]) -> None:
    """An upgrade never leaves fewer rows in a table than it found: DatabaseError if it would
    (raised inside the upgrade's transaction, so none of it is made)."""
    lost = [
        words.ROWS_LOST.format(table=table, before=count, after=after.get(table, 0))
        for table, count in before.items()
        if after.get(table, 0) < count
    ]
    if lost:
        raise DatabaseError(words.WOULD_LOSE.format(tables=joined(lost, ", ")))


# The tables the first migration creates: what a first start killed by an older kapdesk (whose
# schema was not made in one transaction) may have left, empty, without a schema version.
FIRST_START_TABLES = frozenset(
    {"patients", "staff", "protocol_snapshots", "sessions", "session_events", "doses"}
)


def _clear_half_made_first_start(conn: Connection) -> None:
    """A SQLite database without a schema version must be empty, or the empty remains of a
    first start that was cut short, which are removed so the schema is made whole; anything
    else was not made by kapdesk and is left untouched (DatabaseError)."""
    tables = set(inspect(conn).get_table_names())
    if not tables or "alembic_version" in tables:
        return
    foreign = sorted(tables - FIRST_START_TABLES)
    if foreign:
        raise DatabaseError(words.FOREIGN_TABLES.format(tables=", ".join(foreign[:5])))
    for table in tables:
        if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" LIMIT 1').first() is not None:
            raise DatabaseError(words.NO_VERSION.format(table=table))
    for table in sorted(tables, key=_drop_order):
        conn.exec_driver_sql(f'DROP TABLE "{table}"')


def _drop_order(table: str) -> int:
    # Children before the tables they point at (foreign keys are on).
    return ("doses", "session_events", "sessions", "protocol_snapshots", "staff", "patients").index(
        table
    )


UNREACHABLE = "cannot be reached"
NO_RECORDS = "holds no kapdesk records yet"
_UNREACHABLE_WORDS = (
    "could not connect",
    "connection refused",
    "connection failed",
    "server closed the connection",
    "terminating connection",
    "connection is lost",
    "connection is closed",
    "the connection is bad",
    "consuming input failed",
    "timeout expired",
    "no route to host",
    "network is unreachable",
    "could not translate host name",
    "shutting down",
    "starting up",
)


def failure_reason(exc: BaseException) -> str | None:
    """What went wrong with the database, in a few plain words; None when it is not plain."""
    message = str(getattr(exc, "orig", exc)).lower()
    if any(phrase in message for phrase in _UNREACHABLE_WORDS):
        return UNREACHABLE
    if "no such table" in message or ("relation" in message and "does not exist" in message):
        return NO_RECORDS
    if "not a database" in message or "malformed" in message:
        return "is damaged or not a kapdesk database"
    if "readonly" in message or "read-only" in message:
        return "has become read-only"
    if "full" in message or "no space" in message:
        return "is on a full disk"
    if "locked" in message or "busy" in message:
        return "is busy"
    return None


def _explain(exc: BaseException, engine: Engine) -> str:
    # No parameters either: a password given as one would otherwise reach the screen and log.
    where = engine.url.set(query={}).render_as_string(hide_password=True)
    said = words.LEFT_UNTOUCHED.get(failure_reason(exc) or "")
    if said is None:
        return words.CANNOT_USE_AT.format(where=where, error=getattr(exc, "orig", exc))
    return said.format(where=where)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


class ServerAway:
    """Whether the server was found unreachable.

    Set by whoever meets the failure; cleared by whoever next reaches the server, which while
    it is away is a background thread (the recorder's delivery, the room's presence), never
    the window's thread. An Event, so it is safe across those threads.
    """

    def __init__(self) -> None:
        self._away = threading.Event()

    @property
    def is_away(self) -> bool:
        return self._away.is_set()

    def failed(self) -> None:
        self._away.set()

    def answered(self) -> None:
        self._away.clear()


class DamageFound:
    """Damage the full check of the SQLite file found after it opened (a file too big to check
    whole before opening is checked on a thread of its own), for the window to tell staff.

    ``found`` is called from that thread; ``listen`` hands it to the window, at once if the
    check already found something.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.problem: str | None = None
        self._listener: Callable[[str], None] | None = None

    def found(self, path: Path, problem: str) -> None:
        text = words.FULL_CHECK_DAMAGE.format(path=path, problem=problem[:160])
        with self._lock:
            self.problem = text
            listener = self._listener
        if listener is not None:
            listener(text)

    def listen(self, listener: Callable[[str], None]) -> None:
        with self._lock:
            self._listener = listener
            problem = self.problem
        if problem is not None:
            listener(problem)


@dataclass
class Storage:
    """The database kapdesk runs on: its engine and the factory of per-action Sessions.

    ``away`` is what this app last learnt of a server it could not reach, shared by the parts
    that can go on without it (the recorder, signing in, the room's presence): while it stands
    signing in answers from this PC at once, so a pulled cable does not make every PIN typed
    wait for a connection to time out.
    """

    engine: Engine
    factory: sessionmaker[Session]
    away: ServerAway = field(default_factory=ServerAway)
    damage: DamageFound = field(default_factory=DamageFound)
    # The schema revision the database was at when kapdesk opened it (None: a new one).
    schema_before: str | None = None


def open_storage(paths: AppPaths, db_url: str | None, passphrase: str | None = None) -> Storage:
    """Open the database (SQLite in the data folder unless a URL is given) and upgrade it.

    An encrypted database in the data folder (see :mod:`kapdesk.storage.encryption`) opens
    with ``passphrase``, or the one set in the environment or kept in the OS keyring; without
    one, :class:`~kapdesk.storage.encryption.PassphraseNeededError` is raised.
    """
    from kapdesk.storage.server import configured_server, with_password  # noqa: PLC0415

    url: str | URL
    server = configured_server(paths) if db_url is None else None
    if server is not None:
        url = server
    elif db_url is None:
        try:
            paths.ensure_private()
        except OSError as exc:
            raise DatabaseError(
                words.DATA_FOLDER_UNUSABLE.format(folder=paths.data_dir, error=exc.strerror)
            ) from exc
        url = sqlite_url(paths.database)
        if is_encrypted(paths.database):
            return _open_encrypted(paths.database, passphrase)
    else:
        url = parse_database_url(db_url)
        if url.get_backend_name() == "postgresql":
            url = with_password(url)
        else:
            refuse_an_unkept_record(url)
    damage = DamageFound()
    engine = make_engine(url, damage)
    before = upgrade(engine)
    return Storage(engine, session_factory(engine), damage=damage, schema_before=before)


def _open_encrypted(path: Path, typed: str | None) -> Storage:
    from kapdesk.storage.encryption import (  # noqa: PLC0415  (only for an encrypted file)
        PassphraseNeededError,
        WrongPassphraseError,
        chosen_passphrase,
        encrypted_url,
        sqlcipher_problem,
    )

    problem = sqlcipher_problem()
    if problem:
        raise DatabaseError(words.ENCRYPTED_AND.format(path=path, problem=problem))
    passphrase = chosen_passphrase(path, typed)
    if not passphrase:
        raise PassphraseNeededError(words.PASSPHRASE_NEEDED.format(path=path))
    engine = make_engine(encrypted_url(path, passphrase))
    try:
        before = upgrade(engine)
    except DatabaseError as exc:
        engine.dispose()
        if "damaged or not a kapdesk database" in str(exc):
            raise WrongPassphraseError(words.WRONG_PASSPHRASE) from exc
        raise
    return Storage(engine, session_factory(engine), schema_before=before)
