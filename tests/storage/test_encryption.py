"""Encryption at rest: ``kapdesk encrypt`` turns the data folder's SQLite file into a SQLCipher
one, whole or not at all; it then opens only with its passphrase (typed, set for scripts, or
kept in the OS keyring), and the window asks for it at start."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.cli import main
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import note_data
from kapdesk.paths import AppPaths
from kapdesk.storage import encryption
from kapdesk.storage.db import open_storage
from kapdesk.storage.encryption import (
    PASSPHRASE_ENV,
    PassphraseNeededError,
    WrongPassphraseError,
    encrypt_file,
    is_encrypted,
)
from kapdesk.storage.errors import DatabaseError
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.staff import StaffStore
from tests.conftest import make_protocol
from tests.support.crash import ROOT, first_line
from tests.support.keyring import MemoryKeyring

pytest.importorskip("sqlcipher3", reason="SQLCipher's wheels are for Linux on x86_64")

PASSPHRASE = "harbour lantern 42 quiet"
PATIENT = "P-SECRET-77"


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    kept = MemoryKeyring()
    monkeypatch.setattr(encryption, "_keyring", lambda: kept)
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    return kept


def _a_record(paths: AppPaths, clock: FakeClock) -> int:
    storage = open_storage(paths, None)
    opened = JourneyStore(storage, clock).open_session(PATIENT, make_protocol(), "Robin Hale")
    opened.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    assert opened.recorder.flush(timeout=10)  # written by its thread
    opened.journey.record_observation(EventKind.NOTE, note_data("Told us about Jonah", [], ""))
    assert opened.recorder.flush(timeout=10)  # written by its thread
    storage.engine.dispose()
    return opened.session_id


def test_an_encrypted_record_opens_only_with_its_passphrase(
    paths: AppPaths, clock: FakeClock, keyring: MemoryKeyring
) -> None:
    session_id = _a_record(paths, clock)
    encrypt_file(paths.database, PASSPHRASE)

    raw = paths.database.read_bytes()
    assert is_encrypted(paths.database)
    for private in (PATIENT.encode(), b"Jonah", b"Robin Hale", b"SQLite format 3"):
        assert private not in raw
    assert paths.database.stat().st_mode & 0o777 == 0o600
    assert not paths.database.with_name("kapdesk.sqlite3.encrypting").exists()

    with pytest.raises(PassphraseNeededError):
        open_storage(paths, None)
    with pytest.raises(WrongPassphraseError, match="that passphrase does not open the database"):
        open_storage(paths, None, "not the passphrase at all")

    storage = open_storage(paths, None, PASSPHRASE)
    store = JourneyStore(storage, clock)
    _summary, journey = store.load(session_id)
    assert [e.kind for e in journey.events][-1] is EventKind.NOTE
    assert journey.events[-1].data["text"] == "Told us about Jonah"
    more = store.open_session("P-0002", make_protocol(), "")  # it is written to as before
    assert more.recorder.pending == 0
    storage.engine.dispose()
    with pytest.raises(DatabaseError, match="encrypted already"):
        encrypt_file(paths.database, PASSPHRASE)


def test_the_keyring_or_the_environment_opens_it_without_typing(
    paths: AppPaths, clock: FakeClock, keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    _a_record(paths, clock)
    encrypt_file(paths.database, PASSPHRASE)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    open_storage(paths, None).engine.dispose()
    monkeypatch.delenv(PASSPHRASE_ENV)
    assert encryption.keep_passphrase(paths.database, PASSPHRASE) is None
    storage = open_storage(paths, None)
    assert [s.patient_code for s in JourneyStore(storage, clock).summaries()] == [PATIENT]
    storage.engine.dispose()


def test_kapdesk_encrypt_encrypts_keeps_and_logs(
    paths: AppPaths,
    clock: FakeClock,
    keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _a_record(paths, clock)
    data = ["--data-dir", str(paths.data_dir)]
    monkeypatch.setenv(PASSPHRASE_ENV, "short")
    assert main([*data, "encrypt"]) == 1
    assert "at least 12 characters. Nothing was changed." in capsys.readouterr().err
    assert not is_encrypted(paths.database)

    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert main([*data, "encrypt", "--keep-in-keyring"]) == 0
    out = capsys.readouterr().out
    assert "encrypted with SQLCipher" in out
    assert "kept in the OS keyring" in out
    assert is_encrypted(paths.database)

    monkeypatch.delenv(PASSPHRASE_ENV)  # from now on the keyring alone opens it
    assert main([*data, "sessions", "list"]) == 0
    assert PATIENT in capsys.readouterr().out
    storage = open_storage(paths, None)
    (logged,) = [line for line in StaffStore(storage, clock).audit_log()]
    storage.engine.dispose()
    assert logged.action == "database_encrypted"
    assert logged.who.endswith("(command line)")

    keyring.kept.clear()  # a PC without the keyring, and no terminal: a clear refusal
    assert main([*data, "sessions", "list"]) == 1
    assert "is encrypted: its passphrase is needed" in capsys.readouterr().err


def test_the_window_asks_for_the_passphrase_at_start(
    qtbot: QtBot, paths: AppPaths, clock: FakeClock, keyring: MemoryKeyring
) -> None:
    from kapdesk.app import start  # noqa: PLC0415
    from kapdesk.ui.start_window import StartWindow  # noqa: PLC0415

    _a_record(paths, clock)
    encrypt_file(paths.database, PASSPHRASE)
    shell = start(paths, None, clock)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    view = shell.start_view
    qtbot.waitUntil(lambda: view.passphrase is not None and view.passphrase.isVisible())
    assert view.status.text() == "The record is encrypted. Type its passphrase to open it."
    field = view.passphrase
    assert field is not None
    qtbot.keyClicks(field, "not the passphrase at all")
    assert view.open_button is not None
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)  # Open, by click this time
    qtbot.waitUntil(field.isEnabled)
    assert view.status.text() == (
        "That passphrase does not open the database (or the file is damaged). Try again."
    )
    assert shell.waiting  # still the start window: no page that could record exists
    with qtbot.waitSignal(shell.ready, timeout=30_000):
        qtbot.keyClicks(field, PASSPHRASE)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    window = shell.main_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.first_admin_view  # no staff accounts yet
    assert window.current is not None
    assert window.current.patient_code == PATIENT  # the session left open, behind it


HOLD_OPEN = """
import sys
import subprocess
import sys
from pathlib import Path
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.core.clock import SystemClock
from tests.conftest import make_protocol
storage = open_storage(AppPaths.resolve(Path(sys.argv[1])), None)
JourneyStore(storage, SystemClock()).open_session("P-0003", make_protocol(), "")
print("running", flush=True)
sys.stdin.readline()
"""


@pytest.mark.subprocess
def test_encrypting_while_kapdesk_has_the_file_open_is_refused_and_changes_nothing(
    paths: AppPaths, clock: FakeClock, keyring: MemoryKeyring
) -> None:
    _a_record(paths, clock)
    # kapdesk running on the folder, in its own process, keeps its connection open.
    running = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(paths.data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first_line(running) == "running\n"
        before = paths.database.read_bytes()
        with pytest.raises(DatabaseError, match="is in use"):
            encrypt_file(paths.database, PASSPHRASE)
        assert not is_encrypted(paths.database)
        assert paths.database.read_bytes() == before
        assert not paths.database.with_name("kapdesk.sqlite3.encrypting").exists()
    finally:
        running.communicate("\n", timeout=60)
    storage = open_storage(paths, None)
    codes = [s.patient_code for s in JourneyStore(storage, clock).summaries()]
    storage.engine.dispose()
    assert sorted(codes) == ["P-0003", PATIENT]
