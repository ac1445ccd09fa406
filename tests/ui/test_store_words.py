"""What the stores refuse, said on the page in the language spoken: a playlist's name taken,
the clinic's last admin, a printer that fails. The English words stay what the stores, the
logs and the command line have always said."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.staff import Role
from kapdesk.reports.pages import PRINTER_NOT_FINISHED
from kapdesk.storage.errors import StorageError
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated
from tests.support.forms import type_and_enter
from tests.support.ops import settle
from tests.ui.conftest import sign_in_account

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def test_a_playlist_name_taken_is_said_in_spanish(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    library = window.library_view.library
    library.create_playlist("Tarde")
    with pytest.raises(StorageError, match="There is already a playlist called “Tarde”"):
        library.create_playlist("Tarde")  # English where no window speaks
    language.speak("es")
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    view = window.library_view
    settle(window)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    type_and_enter(qtbot, view.name_dialog, "Tarde")
    assert view.message.text() == "Ya existe una lista de reproducción llamada “Tarde”."


def test_the_clinics_last_admin_is_kept_and_told_in_french(
    qtbot: QtBot, window: MainWindow, language: Language
) -> None:
    sign_in_account(window, "Ana Moreno", "5820", frozenset())
    language.speak("fr")
    window.show_setup()
    qtbot.keyClick(window.setup_view, Qt.Key.Key_K, CTRL)
    page = window.staff_view
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    settle(window)
    rect = page.accounts.visualRect(page.accounts.model().index(0, 0))
    qtbot.mouseClick(page.accounts.viewport(), LEFT, pos=rect.center())
    qtbot.mouseClick(page.active_button, LEFT)
    settle(window)
    assert page.message.text() == (
        "La clinique doit garder un administrateur actif : "
        "nommez d'abord quelqu'un d'autre administrateur."
    )
    staff = window.staff
    assert staff is not None
    assert [m.roles for m in staff.accounts()] == [frozenset({Role.ADMIN})]


def test_a_printer_failure_is_said_in_spanish(language: Language) -> None:
    language.speak("es")
    assert translated(PRINTER_NOT_FINISHED) == (
        "la impresora no pudo terminar las páginas, así que puede que no se hayan impreso"
    )


def test_why_the_board_cannot_read_is_said_in_french(language: Language) -> None:
    from kapdesk.storage import board  # noqa: PLC0415

    unreachable = board._reason(OSError("could not connect to server: Connection refused"))
    assert unreachable == "The clinic board cannot reach the clinic server."
    busy = board._reason(OSError("database is locked"))
    assert busy == "The clinic board cannot read the database: it is busy."
    language.speak("fr")
    assert (
        translated(unreachable)
        == "Le tableau de la clinique ne joint pas le serveur de la clinique."
    )
    assert translated(busy) == (
        "Le tableau de la clinique ne peut pas lire la base de données : elle est occupée."
    )


def test_a_windows_path_in_a_playlist_is_said_in_spanish_as_kept(language: Language) -> None:
    from kapdesk.core.playlist_locations import _windows_problem  # noqa: PLC0415
    from kapdesk.ui.library_tracks import problem_said  # noqa: PLC0415

    kept = _windows_problem(r"\\clinic-nas\music\rain.mp3")
    assert kept == r"a Windows network path (\\clinic-nas\…) that this computer cannot open"
    language.speak("es")
    assert translated(problem_said(str(kept))) == (  # read back from the library as plain text
        r"una ruta de red de Windows (\\clinic-nas\…) que este equipo no puede abrir"
    )
