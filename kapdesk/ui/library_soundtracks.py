"""The library page's soundtracks: made and changed in the soundtrack editor, saved by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.errors import StorageError
from kapdesk.ui.soundtrack_dialog import SoundtrackDialog
from kapdesk.ui.widgets import in_place_of
from kapdesk.ui.words import say, words_of

if TYPE_CHECKING:
    from kapdesk.ui.library_view import LibraryView

PICK_SOUNDTRACK = QT_TRANSLATE_NOOP(
    "LibrarySoundtracks", "Pick the soundtrack to edit, or make a new one."
)
SAVED = QT_TRANSLATE_NOOP(
    "LibrarySoundtracks", "Soundtrack “{name}” saved; pick it when you set up a session."
)


def phase_names(protocols: ProtocolLibrary) -> list[str]:
    """Every phase name of the clinic's protocols, each once, in order."""
    names: list[str] = []
    for protocol in protocols.protocols():
        for phase in protocol.phases:
            if phase.name not in names:
                names.append(phase.name)
    return names


def open_soundtrack_editor(view: LibraryView, *, new: bool) -> None:
    """Open the soundtrack editor on ``view``'s chosen soundtrack (or a new one)."""
    if not new and view.soundtracks.currentRow() < 0:
        say(view.message, PICK_SOUNDTRACK)
        return
    name = "" if new else view.soundtracks.currentItem().text()
    try:
        playlists = view.library.playlists()
    except StorageError as exc:
        say(view.message, words_of(exc), shaped=lambda words: f"{words}.")
        return
    dialog = SoundtrackDialog(
        phase_names(view.protocols),
        playlists,
        view.sounds,
        name=name,
        plan=view.plans.get(name),
        parent=view,
    )
    dialog.accepted.connect(lambda: save_soundtrack(view, name, dialog))
    view.soundtrack_dialog = in_place_of(view.soundtrack_dialog, dialog)
    dialog.open()


def save_soundtrack(view: LibraryView, old_name: str, dialog: SoundtrackDialog) -> None:
    new_name = " ".join(dialog.name.text().split())
    try:
        view.library.save_soundtrack(new_name, dialog.plan())
        if old_name and old_name != new_name:
            view.library.delete_soundtrack(old_name)
    except StorageError as exc:
        say(view.message, words_of(exc), shaped=lambda words: f"{words}.")
        return
    view.load()
    say(view.message, SAVED.format(name=new_name))
    view.changed.emit()
