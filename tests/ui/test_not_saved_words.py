"""What staff are told when an entry is not saved, in the language they read: the warning
that matters most is not the one left in English."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import EventKind, JourneyEvent
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.event_writes import describe_offline, describe_write_failure, write_event
from kapdesk.ui.language import Language
from kapdesk.ui.main_window import MainWindow
from kapdesk.ui.words import translated
from tests.support.saving import settle
from tests.ui.test_journey_flow import _open_session


def test_a_note_kept_out_of_the_record_is_said_not_saved_in_spanish(
    qtbot: QtBot, window: MainWindow, paths: AppPaths, clock: FakeClock, language: Language
) -> None:
    _open_session(qtbot, window)
    current = window.current
    assert current is not None
    other = open_storage(paths, None)  # a second kapdesk on the same file, past its lock
    theirs = JourneyEvent(EventKind.NOTE, clock.now(), None, 0, {"text": "theirs", "tags": []})
    write_event(other.engine, current.session_id, len(current.journey.events), theirs)
    other.engine.dispose()
    language.speak("es")
    panel = window.journey_view.observations
    assert panel is not None
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Mano en el hombro")
    qtbot.keyClick(panel.note, Qt.Key.Key_Return)
    settle(qtbot, window)
    # The recorder's word that it was not saved comes in its own time.
    qtbot.waitUntil(lambda: "No guardado: 1 entrada no se pudo añadir" in panel.status.text())
    qtbot.waitUntil(window.status_banner.isVisible)
    banner = window.status_banner.text()
    assert f"Están apartadas en {paths.set_aside} para un administrador" in banner
    language.speak("fr")
    assert "Non enregistré : 1 entrée n'a pas pu être ajoutée" in window.status_banner.text()


def test_offline_and_a_full_disk_are_said_in_french(language: Language) -> None:
    language.speak("fr")
    assert translated(describe_offline(None)).startswith(
        "Hors ligne : le serveur de la clinique ne répond pas. Le minuteur"
    )
    full = describe_write_failure(OSError(28, "No space left on device"), 0, "/srv/kapdesk")
    assert translated(full).startswith(
        "Pas encore enregistré : le disque est plein et des entrées attendent d'être "
        "enregistrées. Libérez de l'espace sur le disque qui contient /srv/kapdesk"
    )
    assert str(full).startswith("Not saved yet: the disk is full and entries wait")
