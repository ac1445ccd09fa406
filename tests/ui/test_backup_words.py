"""A backup that cannot be made, said in Spanish where the admin sees it: a backup folder that
is not there (the calm notice on set-up) and a full one ("Back up now" on "This room PC")."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kapdesk.core.room import RoomSettings
from kapdesk.storage import backup as backup_engine
from kapdesk.storage import encryption
from kapdesk.storage.encryption import BACKUP_PASSPHRASE_ENV
from kapdesk.ui.language import Language
from tests.ui.conftest import sign_in
from tests.ui.test_backups import (
    WAIT_MS,
    OpenRoom,
    _click,
    _passphrase_dialog,
    _room_tab,
    _unencrypted_to,
    folder,
    open_room,
)

__all__ = ["folder", "open_room"]  # the fixtures, taken from the backups' tests


def test_a_backup_folder_that_is_gone_is_said_in_spanish(
    qtbot: QtBot, open_room: OpenRoom, tmp_path: Path, language: Language
) -> None:
    gone = tmp_path / "unplugged"
    language.speak("es")
    window = sign_in(open_room(_unencrypted_to(gone)))
    notice = window.setup_view.backup_notice
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert notice.text.text() == (
        f"La carpeta de copias {gone} no está disponible (unidad desconectada o recurso "
        "compartido no montado)."
    )


def test_a_full_backup_folder_is_said_in_spanish(
    qtbot: QtBot,
    open_room: OpenRoom,
    folder: Path,
    language: Language,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = backup_engine._new_private_file

    def full(path: Path) -> None:
        if path.parent == folder:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path)

    monkeypatch.setattr(backup_engine, "_new_private_file", full)
    window = sign_in(open_room(_unencrypted_to(folder)))
    language.speak("es")
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    assert section.outcome.text().endswith(
        f"La carpeta de copias {folder} está llena: libere espacio o elija otra carpeta. "
        "Se conservaron las copias anteriores."
    )
    assert "The backup" not in section.outcome.text()


def test_a_keyring_that_cannot_keep_the_passphrase_is_said_in_spanish(
    qtbot: QtBot,
    open_room: OpenRoom,
    folder: Path,
    language: Language,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Locked:
        def get_password(self, service: str, account: str) -> str:
            raise RuntimeError("locked")

        def set_password(self, service: str, account: str, password: str) -> None:
            raise RuntimeError("locked")

    monkeypatch.setattr(encryption, "_keyring", Locked)
    monkeypatch.delenv(BACKUP_PASSPHRASE_ENV, raising=False)
    window = sign_in(open_room(RoomSettings(backup_dir=str(folder))))
    language.speak("es")
    _room_tab(qtbot, window)
    section = window.staff_view.backups
    dialog = _passphrase_dialog(qtbot, window)
    qtbot.keyClicks(dialog.first, "river stones at dusk")
    qtbot.keyClicks(dialog.again, "river stones at dusk")
    _click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "RuntimeError" in section.passphrase_state.text())
    assert "el llavero del sistema no puede guardarla (RuntimeError)" in (
        section.passphrase_state.text()
    )
    _click(qtbot, section.now_button)
    qtbot.waitUntil(section.now_button.isEnabled, timeout=WAIT_MS)
    assert section.outcome.text().endswith(
        "No hay frase de contraseña de copias: un administrador la define en “Este PC de sala” "
        "(o elige guardar las copias sin cifrar)."
    )
