"""The clinic's records, opened: the database, the protocols, and the sessions left open.

This is the slow part of starting kapdesk (the database library alone takes a few hundred
milliseconds to load), so :mod:`kapdesk.app` runs it on a worker thread while the window is
already on screen. Nothing here touches Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import socket
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kapdesk.core.clinic import ClinicError, ClinicSettings, load_clinic
from kapdesk.core.clock import Clock, SpeedClock
from kapdesk.core.observations import load_tags
from kapdesk.core.practice import DOCUMENTS_FOLDER, FILE_PREFIX, MARK
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.room import RoomSettings, load_room_settings
from kapdesk.core.safe_files import SETTINGS_LIMIT, SafeFileError, read_file
from kapdesk.core.soundtrack import BundledSound, bundled_sounds
from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.paths import (
    BUNDLED_CLINIC_SETTINGS,
    BUNDLED_PROTOCOLS_DIR,
    BUNDLED_SOUNDS_DIR,
    AppPaths,
)
from kapdesk.room_pc import RoomPC
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import Storage, database_identity, open_storage
from kapdesk.storage.db_url import sqlite_path
from kapdesk.storage.errors import StorageError
from kapdesk.storage.heartbeat import HEARTBEAT_NAME, HeartbeatFile
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore, OpenJourney
from kapdesk.storage.library import SoundLibrary
from kapdesk.storage.outbox import Outbox, OutboxError
from kapdesk.storage.presence import PresenceBeacon
from kapdesk.storage.staff import StaffStore, no_admin_among
from kapdesk.storage.writer_lock import WriterLock, take_writer_lock

log = logging.getLogger(__name__)


@dataclass
class PrintSettings:
    """How printed pages and saved files are made on this PC (practice's differ)."""

    kept: tuple[Path, ...] = ()  # kapdesk's own places, which no export or print writes over
    mark: str = ""  # on every printed page: practice's "PRACTICE — not a clinical record"
    # Where save dialogs start ("" for the clinic's documents setting) and what goes before
    # every file name they suggest: practice's own folder and "practice-", never the clinic's.
    documents: str = ""
    file_prefix: str = ""


@dataclass
class Records:
    """Everything the window works on once the database is open and current: the journeys,
    the protocols and sounds, the clinic's settings, courses and integration plans."""

    storage: Storage
    store: JourneyStore
    library: ProtocolLibrary
    left_open: list[OpenJourney]
    sound_library: SoundLibrary
    sounds: list[BundledSound]  # the beds and chimes kapdesk ships
    tags: tuple[str, ...]  # the clinic's quick tags for notes
    clinic: ClinicSettings
    clinic_problems: list[ClinicError]
    courses: CourseStore
    plans: IntegrationStore
    clock: Clock  # the records' (practice's runs at the trainer's speed)
    room_pc: RoomPC = field(default_factory=RoomPC)
    printing: PrintSettings = field(default_factory=PrintSettings)
    outbox: Outbox | None = None  # a room on a clinic server: what waits for it
    notices: list[str] = field(default_factory=list)  # for staff at start (entries set aside)
    presence: PresenceBeacon | None = None  # a room on a clinic server says it is there
    writer: WriterLock | None = None  # this kapdesk's hold on the SQLite file it writes to
    news: list[str] = field(default_factory=list)  # good news at start (an upgrade), calmly
    paths: AppPaths | None = None  # the folders they are kept in (backups go by them)
    # Read with the records, off the window's thread, for the first page: whether the first
    # start's admin account is still to be made, the names that may sign in (None: they could
    # not be read), or why the staff accounts could not be read.
    staff: StaffStore | None = None  # its accounts read once (what signs in if the server goes)
    first_admin_needed: bool = False
    sign_in_names: list[str] | None = None
    staff_problem: str = ""


def open_records(
    paths: AppPaths,
    db_url: str | None,
    clock: Clock,
    passphrase: str | None = None,
    window: str = "",
    *,
    writer: WriterLock | None = None,
) -> Records:
    """Open (and upgrade) the database, read the protocols, and resume any session left open.

    ``passphrase`` opens an encrypted database. A SQLite file is this kapdesk's alone while the
    records are open: its writer lock is taken first (``window`` is how a later start reaches
    this one), :class:`kapdesk.storage.writer_lock.DatabaseInUseError` if another holds it.
    Raises :class:`kapdesk.storage.errors.StorageError` with a plain message when the database
    cannot be used. ``writer``: that lock, when the caller took it already.
    """
    if writer is None:
        writer = take_writer_lock(paths, db_url, window)
    try:
        records = records_on(open_storage(paths, db_url, passphrase), paths, clock)
    except BaseException:
        if writer is not None:
            writer.release()
        raise
    records.writer = writer
    return records


def settings_fingerprints(paths: AppPaths) -> dict[str, str]:
    """SHA-256 of each of the clinic's own settings files, by name in the data folder."""
    files = [paths.clinic_settings]
    if paths.clinic_protocols_dir.is_dir():
        files += sorted(paths.clinic_protocols_dir.glob("*.toml"))
    prints = {}
    with contextlib.suppress(SafeFileError):  # this PC may have none of its own: the defaults
        room = read_file(paths.room_settings, limit=SETTINGS_LIMIT)
        prints["room.toml"] = hashlib.sha256(room).hexdigest()
    for path in files:
        try:
            name = str(path.relative_to(paths.clinic_folder))
            prints[name] = hashlib.sha256(read_file(path, limit=SETTINGS_LIMIT)).hexdigest()
        except (SafeFileError, ValueError):
            continue  # absent, unreadable or no file: the loaders say so where it matters
    return prints


def _staff_at_start(staff: StaffStore) -> tuple[bool, list[str] | None, str]:
    """Whether no admin account exists yet, and the names that may sign in; or (False, None,
    why) when the accounts cannot be read."""
    try:
        members = staff.accounts()  # read once: both answers come from the same accounts
    except StorageError as exc:
        log.warning("staff accounts could not be read at start: %s", exc)
        return False, None, _SENTENCE.format(problem=exc.args[0] if len(exc.args) == 1 else exc)
    return no_admin_among(members), [m.name for m in members if m.active], ""


def _note_settings(storage: Storage, paths: AppPaths, clock: Clock) -> None:
    try:
        changed = StaffStore(storage, clock).note_settings(settings_fingerprints(paths))
    except StorageError as exc:
        log.warning("settings changes could not be logged: %s", exc)
        return
    if changed:
        log.info("clinic settings changed since last start: %s file(s)", len(changed))


def _note_version(
    storage: Storage, clock: Clock, outbox: Outbox | None, journey_on_screen: bool
) -> tuple[list[str], list[str]]:
    """Another version opened the records last: the good news (an upgrade) and the problems
    (an older kapdesk over newer records) staff are told at start. An upgrade is noted in the
    records (so it is said once) and in the audit trail (through the room's outbox when its
    server is away); a downgrade is not noted, so it is said every start. Over a journey
    resumed on screen the news is left to the audit trail."""
    from sqlalchemy.exc import SQLAlchemyError  # noqa: PLC0415  (a small module, imported)

    from kapdesk.storage.versions import note_version  # noqa: PLC0415
    from kapdesk.upgrades import since_last_version  # noqa: PLC0415  (only at start)

    try:
        upgrade = since_last_version(storage)
    except (SQLAlchemyError, StorageError) as exc:
        log.warning("could not read which kapdesk opened the records last: %s", exc)
        return [], []
    if upgrade is None:
        return [], []
    if upgrade.downgrade:
        return [], [upgrade.notice()]
    try:
        with storage.factory.begin() as session:
            note_version(session, upgrade.current, upgrade.previous, clock.now())
    except SQLAlchemyError as exc:
        log.warning("the upgrade could not be noted (said again next start): %s", exc)
    try:
        StaffStore(storage, clock, outbox).record(
            "",
            "kapdesk_upgraded",
            upgrade.current,
            previous=upgrade.previous,
            sessions=upgrade.sessions,
        )
    except StorageError as exc:
        log.warning("the upgrade could not be logged: %s", exc)
    if journey_on_screen:
        log.info("upgrade not said over the journey on screen: %s", upgrade.notice())
        return [], []
    return [upgrade.notice()], []


def room_label(room: RoomSettings) -> str:
    """The name this PC's sessions are recorded under: the room's, or the PC's own name."""
    return room.room_name or socket.gethostname()


def room_outbox(storage: Storage, paths: AppPaths) -> Outbox | None:
    """Where a room on a clinic server keeps what it records while the server is away.

    A room that could not keep its entries when the network drops does not start: StorageError.
    """
    if storage.engine.dialect.name == "sqlite":
        return None
    try:
        return Outbox(paths.outbox, database_identity(storage.engine))
    except OutboxError as exc:
        problem = exc.args[0] if len(exc.args) == 1 else str(exc)
        raise StorageError(NO_OUTBOX.format(problem=problem)) from exc


NO_OUTBOX = QT_TRANSLATE_NOOP(
    "Records",
    "{problem}. A room on a clinic server needs it to keep what is recorded while the server "
    "cannot be reached",
)
# What staff pass on to an admin at start, in the banner: each a template, counted.
_SENTENCE = Template("Records", "{problem}.")  # no words of its own
OFFLINE_ASIDE = QT_TRANSLATE_NOOP(
    "Records",
    "%n entry kept on this PC while offline could not be added to the record and is set aside "
    "in {path}: tell an admin.|"
    "%n entries kept on this PC while offline could not be added to the record and are set "
    "aside in {path}: tell an admin.",
)
ELSEWHERE = QT_TRANSLATE_NOOP(
    "Records",
    "%n entry kept on this PC waits for another database than this one (in {path}): tell an "
    "admin.|"
    "%n entries kept on this PC wait for another database than this one (in {path}): tell an "
    "admin.",
)
ASIDE_UNREADABLE = QT_TRANSLATE_NOOP(
    "Records", "The file of entries set aside, {path}, cannot be read: tell an admin."
)
ASIDE = QT_TRANSLATE_NOOP(
    "Records",
    "%n entry could not be added to the record (another kapdesk wrote in their place) and is "
    "set aside in {path}: tell an admin.|"
    "%n entries could not be added to the record (another kapdesk wrote in their place) and "
    "are set aside in {path}: tell an admin.",
)


def outbox_notices(outbox: Outbox | None) -> list[str]:
    """What an admin should know about entries this PC kept and could not deliver."""
    if outbox is None:
        return []
    notices: list[str] = []
    aside = outbox.set_aside_count()
    if aside:
        notices.append(OFFLINE_ASIDE.format(count=aside, path=outbox.path))
    elsewhere = outbox.other_databases()
    if elsewhere:
        notices.append(ELSEWHERE.format(count=elsewhere, path=outbox.path))
    for notice in notices:
        log.warning("outbox: %s", notice)
    return notices


def set_aside_notices(path: Path | None) -> list[str]:
    """What an admin should know about entries a SQLite record could not take (another
    kapdesk wrote in their place), kept in the data folder."""
    if path is None or not path.exists():
        return []
    try:
        box = Outbox(path, "")
        aside = box.set_aside_count()
        box.close()
    except (OutboxError, sqlite3.Error) as exc:
        log.warning("set-aside file: %s", exc)
        return [ASIDE_UNREADABLE.format(path=path)]
    if not aside:
        return []
    notice = ASIDE.format(count=aside, path=path)
    log.warning("set aside: %s", notice)
    return [notice]


def practice_goes_on(storage: Storage, paths: AppPaths, clock: SpeedClock) -> None:
    """Practice that ran fast wrote times ahead of the real clock: its clock goes on from the
    last of them (its heartbeat's, its last entry's), so a practice session left open picks
    up where it was, its time vouched, and no clock seems to have moved."""
    from sqlalchemy import func, select  # noqa: PLC0415

    from kapdesk.storage.models import SessionEvent  # noqa: PLC0415

    moments = []
    beat = HeartbeatFile(paths.data_dir / HEARTBEAT_NAME).read()
    if beat is not None:
        moments.append(beat.wall)
    with storage.factory() as session:
        last = session.scalar(select(func.max(SessionEvent.wall_at)))
    if last is not None:
        moments.append(last)
    if moments:
        moved = clock.catch_up(max(moments))
        if moved:
            log.info("practice time goes on from its record, %.0f s ahead", moved)


def records_on(storage: Storage, paths: AppPaths, clock: Clock) -> Records:
    """The records on an already open database."""
    if paths.practice and isinstance(clock, SpeedClock):
        practice_goes_on(storage, paths, clock)
    library = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, paths.clinic_protocols_dir)
    room, room_problem = load_room_settings(paths.room_settings)
    if room_problem is not None:
        log.warning("room settings not used: %s problem(s)", len(room_problem.problems))
    outbox = room_outbox(storage, paths)
    aside = paths.set_aside if outbox is None else None
    heartbeat = HeartbeatFile(paths.data_dir / HEARTBEAT_NAME)
    store = JourneyStore(
        storage, clock, room_label(room), outbox, set_aside=aside, heartbeat=heartbeat
    )
    left_open = store.resume_open_sessions()
    notices = outbox_notices(outbox) + set_aside_notices(aside)
    for opened in left_open:
        log.info("resumed session %s", opened.session_id)
    sounds = bundled_sounds(BUNDLED_SOUNDS_DIR)
    tags = load_tags(paths.clinic_folder)
    clinic, problems = load_clinic(BUNDLED_CLINIC_SETTINGS, paths.clinic_settings)
    for problem in problems:
        log.warning("clinic settings not used: %s problem(s)", len(problem.problems))
    _note_settings(storage, paths, clock)
    news, older = _note_version(storage, clock, outbox, bool(left_open))
    notices += older
    # After the upgrade's audit line: a line kept for a clinic server away is among the
    # staff store's waiting ones.
    staff = StaffStore(storage, clock, outbox)
    first_admin_needed, sign_in_names, staff_problem = _staff_at_start(staff)
    printing = PrintSettings(
        paths.kept_places(sqlite_path(storage.engine.url)),
        MARK if paths.practice else "",
        str(paths.data_dir / DOCUMENTS_FOLDER) if paths.practice else "",
        FILE_PREFIX if paths.practice else "",
    )
    return Records(
        storage,
        store,
        library,
        left_open,
        SoundLibrary(storage, clock),
        sounds,
        tags,
        clinic,
        problems,
        CourseStore(storage, clock),
        IntegrationStore(storage, clock),
        clock,
        RoomPC(room, room_problem, paths.room_settings),
        printing,
        outbox,
        notices,
        PresenceBeacon(storage, store.room) if store.shared else None,
        news=news,
        paths=paths,
        staff=staff,
        first_admin_needed=first_admin_needed,
        sign_in_names=sign_in_names,
        staff_problem=staff_problem,
    )


def let_go_of(records: Records) -> None:
    """Records no window will use: their recorders stop (what waits is kept on disk), the
    file's writer lock and the database's connections are let go."""
    try:
        records.store.close_all()
    except Exception:  # letting go must not fail on what it lets go of
        log.exception("the records' recorders did not all stop")
    release = getattr(records.writer, "release", None)
    if release is not None:
        release()
    try:
        records.storage.engine.dispose()
    except Exception:
        log.exception("the database's connections were not all closed")
