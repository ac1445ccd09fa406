"""Why kapdesk cannot open its record, said on the start window in the language it speaks
(the PC's session language): the real start, a database another kapdesk writes to or a data
folder it cannot use; in English, the very words it always said."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kapdesk.app import start
from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.start_words import PASSWORD_IN_URL
from kapdesk.storage.db import sqlite_url
from kapdesk.storage.encryption import passphrase_problem
from kapdesk.storage.outbox import Outbox, OutboxError
from kapdesk.storage.writer_lock import WriterLock
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import NO_PRACTICE_AUTOSTART
from kapdesk.ui.start_window import StartWindow
from kapdesk.ui.words import translated, words_of


@pytest.fixture
def session_language(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[pytest.MonkeyPatch]:
    """The PC's session language, as the start reads it; English again after the test."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    for language in qapp.findChildren(Language):  # the start's own, made for its first frame
        language.speak("en")


def _failed(qtbot: QtBot, paths: AppPaths, db_url: str | None = None) -> str:
    """What the start window says is why the record cannot be opened."""
    window = start(paths, db_url, FakeClock(), audio=None)
    assert isinstance(window, StartWindow)
    qtbot.addWidget(window)
    if window.start_problem is None:
        with qtbot.waitSignal(window.failed, timeout=30_000):
            pass
    reason = window.start_view.reason
    assert reason is not None
    assert reason.isVisible()
    return reason.text()


def _held(tmp_path: Path) -> tuple[WriterLock, str]:
    database = tmp_path / "room" / "kapdesk.sqlite3"
    database.parent.mkdir()
    held = WriterLock(database)  # a command-line kapdesk (demo) writing to it
    held.acquire()
    return held, os.path.realpath(database)


SPANISH_IN_USE = (
    "La base de datos {real} está en uso por otro kapdesk (proceso {pid}): solo un kapdesk "
    "puede escribir en ella a la vez. Use la ventana de ese kapdesk, o ciérrelo e inténtelo de "
    "nuevo"
)
ENGLISH_IN_USE = (
    "The database {real} is in use by another kapdesk (process {pid}): only one kapdesk may "
    "write to it at a time. Use that kapdesk's window, or close it and try again"
)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [("LANGUAGE", "es_MX", SPANISH_IN_USE), ("LANG", "en_US.UTF-8", ENGLISH_IN_USE)],
    ids=["spanish", "english-as-before"],
)
def test_a_database_in_use_is_said_in_the_sessions_language(
    qtbot: QtBot,
    tmp_path: Path,
    session_language: pytest.MonkeyPatch,
    *,
    variable: str,
    value: str,
    expected: str,
) -> None:
    session_language.setenv(variable, value)
    held, real = _held(tmp_path)
    try:
        shown = _failed(qtbot, AppPaths.resolve(tmp_path / "elsewhere"), sqlite_url(Path(real)))
    finally:
        held.release()
    assert shown == expected.format(real=real, pid=os.getpid())


def test_a_data_folder_that_is_a_file_is_said_in_spanish(
    qtbot: QtBot, tmp_path: Path, session_language: pytest.MonkeyPatch
) -> None:
    session_language.setenv("LANGUAGE", "es")
    data_dir = tmp_path / "room"
    data_dir.write_text("not a folder")
    assert _failed(qtbot, AppPaths.resolve(data_dir)) == (
        f"La carpeta de datos {data_dir} no es una carpeta (un archivo tiene su nombre). Soporte "
        "informático: mueva ese archivo a otro lugar, o inicie kapdesk con --data-dir en otra "
        "ubicación."
    )


def test_a_data_folder_that_is_a_file_is_said_in_french_and_in_english(
    qtbot: QtBot, tmp_path: Path, session_language: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "room"
    data_dir.write_text("not a folder")
    session_language.setenv("LC_ALL", "fr_FR.UTF-8")
    assert _failed(qtbot, AppPaths.resolve(data_dir)).startswith(
        f"Le dossier de données {data_dir} n'est pas un dossier (un fichier porte son nom)."
    )
    session_language.setenv("LC_ALL", "C.UTF-8")
    for language in QApplication.instance().findChildren(Language):  # type: ignore[union-attr]
        language.speak("en")
    assert _failed(qtbot, AppPaths.resolve(data_dir)) == (
        f"The data folder {data_dir} is not a folder (a file has its name). IT support: move "
        "that file away, or start kapdesk with --data-dir elsewhere."
    )


def test_a_file_that_is_not_a_database_is_said_in_spanish(
    qtbot: QtBot, tmp_path: Path, session_language: pytest.MonkeyPatch
) -> None:
    session_language.setenv("LANGUAGE", "es")
    paths = AppPaths.resolve(tmp_path / "room")
    paths.database.parent.mkdir(parents=True)
    paths.database.write_bytes(b"this is not a database " * 400)
    shown = _failed(qtbot, paths)
    assert shown.startswith(
        f"La base de datos en {paths.database} está dañada o no es una base de datos de kapdesk: "
        "sus primeros bytes no son los de un archivo SQLite"
    )
    assert "No se modificó, y kapdesk no la abrirá" in shown
    assert "database" not in shown


def test_a_database_url_kapdesk_cannot_use_is_said_in_spanish(
    qtbot: QtBot, tmp_path: Path, session_language: pytest.MonkeyPatch
) -> None:
    session_language.setenv("LANGUAGE", "es")
    missing = tmp_path / "nowhere" / "kapdesk.sqlite3"
    shown = _failed(qtbot, AppPaths.resolve(tmp_path / "room"), sqlite_url(missing))
    assert shown == (
        f"No se puede crear la base de datos {missing}: la carpeta {missing.parent} no existe "
        "(kapdesk no crea carpetas para --db)"
    )


def test_a_weak_passphrase_and_an_outbox_that_cannot_be_used_are_said_in_spanish(
    language: Language, tmp_path: Path
) -> None:
    language.speak("es")
    short = passphrase_problem("short")
    assert short == "A passphrase has at least 12 characters."  # the command line's English
    assert translated(short) == "Una frase de contraseña tiene al menos 12 caracteres."
    assert translated(passphrase_problem("aaaabbbbccccdddd") or "") == (
        "Una frase de contraseña con tan pocos caracteres distintos es demasiado fácil de adivinar."
    )
    folder = tmp_path / "a folder"
    folder.mkdir()
    with pytest.raises(OutboxError) as refused:
        Outbox(folder, "identity")  # a folder where the outbox's file should be
    assert str(refused.value).startswith(f"the outbox {folder} cannot be used: ")
    assert translated(words_of(refused.value)).startswith(
        f"no se puede usar la bandeja de salida {folder}: "
    )


def test_why_this_start_cannot_be_repeated_at_login_is_said_in_french(language: Language) -> None:
    language.speak("fr")
    assert translated(PASSWORD_IN_URL).startswith(
        "Ce kapdesk a été lancé avec un mot de passe dans son URL --db"
    )
    assert translated(NO_PRACTICE_AUTOSTART).startswith("L'entraînement ne démarre pas")


def test_an_encrypted_record_asks_and_refuses_its_passphrase_in_spanish(
    qtbot: QtBot, tmp_path: Path, session_language: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("sqlcipher3", reason="SQLCipher's wheels are for Linux on x86_64")
    from kapdesk.storage import encryption  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from tests.support.keyring import MemoryKeyring  # noqa: PLC0415

    session_language.setattr(encryption, "_keyring", MemoryKeyring)
    session_language.delenv(encryption.PASSPHRASE_ENV, raising=False)
    paths = AppPaths.resolve(tmp_path / "room")
    open_storage(paths, None).engine.dispose()
    encryption.encrypt_file(paths.database, "harbour lantern 42 quiet")
    session_language.setenv("LANGUAGE", "es")
    shell = start(paths, None, FakeClock(), audio=None)
    assert isinstance(shell, StartWindow)
    qtbot.addWidget(shell)
    view = shell.start_view
    qtbot.waitUntil(lambda: view.passphrase is not None and view.passphrase.isVisible())
    assert view.status.text() == (
        "El registro está cifrado. Escriba su frase de contraseña para abrirlo."
    )
    field = view.passphrase
    assert field is not None
    qtbot.keyClicks(field, "not the passphrase at all")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(field.isEnabled)
    assert view.status.text() == (
        "Esa frase de contraseña no abre la base de datos (o el archivo está dañado). "
        "Inténtelo de nuevo."
    )
    shell.close()
