"""The sound library page: the clinic's own music files, and the playlists built from them.

Files and folders are scanned off the UI thread (title, artist and length read from their
tags), with progress; a file that cannot be played stays listed with the reason, so staff see
what is wrong instead of wondering where it went. Each track's loudness is then measured in
the background and shown with the gain it plays at for the clinic's target; tracks too quiet
for the target are named beside the page's title. Playlists are built from the library, put in
order by dragging or with the keyboard, and imported from or exported to M3U, PLS and XSPF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapdesk.audio.probe import SUPPORTED_SUFFIXES
from kapdesk.core.loudness import DEFAULT_TARGET, Loudness
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.soundtrack import BundledSound
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.errors import StorageError
from kapdesk.storage.library import LibraryItem, SoundLibrary
from kapdesk.ui.library_files import (
    ask_export,
    ask_import,
    export_playlist_file,
    import_playlist_file,
)
from kapdesk.ui.library_measure import MeasureFiles, Measurer
from kapdesk.ui.library_playlists import (
    ID_ROLE,
    add_to_playlist,
    ask_name,
    delete_playlist,
    move_entry,
    remove_entry,
    save_order,
    show_entries,
    show_playlists,
)
from kapdesk.ui.library_read import LibraryRead, read_library
from kapdesk.ui.library_scan import Scanner, scan
from kapdesk.ui.library_soundtracks import open_soundtrack_editor
from kapdesk.ui.library_tracks import TrackTable
from kapdesk.ui.soundtrack_dialog import SoundtrackDialog
from kapdesk.ui.widgets import ActionButton, label
from kapdesk.ui.words import say, say_button, translated, words_of

if TYPE_CHECKING:
    from kapdesk.ui.storage_ops import StorageOps

__all__ = ["LibraryView", "scan"]  # scan: where the bench finds it

SOUND_FILES = QT_TRANSLATE_NOOP("LibraryView", "Sound files ({suffixes})")
# Counts said whole, one template per number (Spanish and French have two forms, like English).
NO_FILES = QT_TRANSLATE_NOOP(
    "LibraryView",
    "No music files yet. Add files or a folder (WAV, OGG, MP3, FLAC); "
    "the bundled beds play without any.",
)
FILES = QT_TRANSLATE_NOOP(
    "LibraryView",
    "%n file|%n files",
)
FILES_BAD = QT_TRANSLATE_NOOP(
    "LibraryView",
    "%n file, {bad} cannot be played (marked in the list)|"
    "%n files, {bad} cannot be played (marked in the list)",
)
LOOKING = QT_TRANSLATE_NOOP("LibraryView", "Looking for sound files…")
READING = QT_TRANSLATE_NOOP(
    "LibraryView",
    "Reading {done} of %n file|Reading {done} of %n files",
)
ADDED = QT_TRANSLATE_NOOP(
    "LibraryView",
    "Added %n file.|Added %n files.",
)
ADDED_BAD = QT_TRANSLATE_NOOP(
    "LibraryView",
    "Added %n file; {bad} cannot be played (marked in the list).|"
    "Added %n files; {bad} cannot be played (marked in the list).",
)
MEASURING = QT_TRANSLATE_NOOP(
    "LibraryView",
    "Measuring loudness: {done} of %n track|Measuring loudness: {done} of %n tracks",
)
LOADING = QT_TRANSLATE_NOOP("LibraryView", "Loading the library…")
PLAYLISTS_TAB, SOUNDTRACKS_TAB = 0, 1


class LibraryView(QWidget):
    """Tracks on the left, playlists on the right."""

    back_requested = Signal()
    changed = Signal()  # playlists changed: soundtracks may need refreshing
    scanned = Signal()  # a scan finished and the table shows its result

    def __init__(
        self,
        library: SoundLibrary,
        sounds: Sequence[BundledSound],
        protocols: ProtocolLibrary,
        parent: QWidget | None = None,
        ops: StorageOps | None = None,
        *,
        target: float = DEFAULT_TARGET,
        measure_files: MeasureFiles | None = None,
        measurer: Measurer | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops  # reads the library off the window's thread as the page opens
        self.library = library
        self.sounds = list(sounds)
        self.protocols = protocols
        self.kept: tuple[Path, ...] = ()  # kapdesk's own places: no playlist is exported there
        self.soundtrack_dialog: SoundtrackDialog | None = None
        # The forms that ask for a file or a playlist's name, while one is open.
        self.file_dialog: QFileDialog | None = None
        self.name_dialog: QInputDialog | None = None
        self.plans: dict[str, dict[str, Any]] = {}
        self._playlist_lines: list[str] = []  # each playlist's line, in kapdesk's English words
        self.entry_lines: list[str] = []  # each entry's line of the playlist shown, the same way
        self._scanner = Scanner(library, self)
        self._scanner.progressed.connect(self._progress)
        self._scanner.finished.connect(self._scanned)
        # Loudness is measured in the background after a scan, as the page opens, and a little
        # after the window starts and after each session (by the window's ``measurer``, which
        # it hands this page: measuring needs no library page).
        self.measurer = measurer if measurer is not None else Measurer(library, self, measure_files)
        self.measurer.progressed.connect(self._measuring)
        self.measurer.measured.connect(self._measured)
        self.measurer.finished.connect(self._measured_all)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 32, 20)
        outer.setSpacing(10)
        self._build_header(outer)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        outer.addLayout(columns, 1)
        columns.addLayout(self._build_music_files(target), 5)
        self.tabs = QTabWidget()
        columns.addWidget(self.tabs, 4)
        self.tabs.addTab(self._build_playlists_tab(), "")
        self.tabs.addTab(self._build_soundtracks_tab(), "")
        say(self, QT_TRANSLATE_NOOP("LibraryView", "Playlists"), "name_playlists_tab")
        say(self, QT_TRANSLATE_NOOP("LibraryView", "Soundtracks"), "name_soundtracks_tab")
        self._fit_small_screens()

    def _build_header(self, outer: QVBoxLayout) -> None:
        """The title, the tracks too quiet for the clinic's target (beside it, where the room
        is), the way back, and the line that says how a scan is going."""
        header = QHBoxLayout()
        header.setSpacing(24)
        title = label("", "title")
        say(title, QT_TRANSLATE_NOOP("LibraryView", "Sound library"))
        header.addWidget(title)
        self.quiet_tracks = label("", "notice")
        self.quiet_tracks.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.quiet_tracks, 1)
        self.back_button = ActionButton("", "Esc", self.back_requested.emit, self)
        say_button(self.back_button, QT_TRANSLATE_NOOP("LibraryView", "Back"))
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.message = label("", "muted")
        outer.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        outer.addWidget(self.progress)

    def _build_music_files(self, target: float) -> QVBoxLayout:
        """The table of music files and the buttons that add to it or from it."""
        left = QVBoxLayout()
        heading = QHBoxLayout()
        section = label("", "section")
        say(section, QT_TRANSLATE_NOOP("LibraryView", "MUSIC FILES"))
        heading.addWidget(section)
        self.measuring = label("", "muted")  # how the loudness measuring is going
        self.measuring.setAlignment(Qt.AlignmentFlag.AlignRight)
        heading.addWidget(self.measuring, 1)
        left.addLayout(heading)
        self.table = TrackTable(target)
        self.table.doubleClicked.connect(lambda _index: self.add_to_playlist())
        left.addWidget(self.table, 1)
        file_buttons = QGridLayout()
        self.add_files_button = ActionButton("", "Ctrl+O", self.add_files, self)
        self.add_folder_button = ActionButton("", "Ctrl+Shift+O", self.add_folder, self)
        self.to_playlist_button = ActionButton(
            "", "Ctrl+Return", self.add_to_playlist, self, primary=True
        )
        say_button(self.add_files_button, QT_TRANSLATE_NOOP("LibraryView", "Add files…"))
        say_button(self.add_folder_button, QT_TRANSLATE_NOOP("LibraryView", "Folder…"))
        say_button(self.to_playlist_button, QT_TRANSLATE_NOOP("LibraryView", "Add to playlist"))
        file_buttons.addWidget(self.add_files_button, 0, 0)
        file_buttons.addWidget(self.add_folder_button, 0, 1)
        file_buttons.addWidget(self.to_playlist_button, 1, 0, 1, 2)
        left.addLayout(file_buttons)
        return left

    def _build_playlists_tab(self) -> QWidget:
        """The playlists, the tracks of the one picked, and the buttons for both."""
        playlists_tab = QWidget()
        right = QVBoxLayout(playlists_tab)
        right.setContentsMargins(0, 10, 0, 0)
        self.playlists = QListWidget()
        self.playlists.setMaximumHeight(150)
        self.playlists.currentRowChanged.connect(lambda _row: self._show_entries())
        right.addWidget(self.playlists)
        playlist_buttons = QGridLayout()
        # The keys of both tabs work whichever is shown: a key for the other tab shows it,
        # and does what it says unless it deletes something (that waits to be seen).
        self.new_button = ActionButton("", "Ctrl+N", self.new_playlist, self, while_hidden=True)
        self.import_button = ActionButton(
            "", "Ctrl+I", self.import_playlist, self, while_hidden=True
        )
        self.export_button = ActionButton(
            "", "Ctrl+E", self.export_playlist, self, while_hidden=True
        )
        self.delete_button = ActionButton(
            "", "Ctrl+Del", self.delete_playlist, self, while_hidden=True
        )
        for n, button in enumerate(
            (self.new_button, self.import_button, self.export_button, self.delete_button)
        ):
            playlist_buttons.addWidget(button, n // 2, n % 2)
        say_button(self.new_button, QT_TRANSLATE_NOOP("LibraryView", "New"))
        say_button(self.import_button, QT_TRANSLATE_NOOP("LibraryView", "Import…"))
        say_button(self.export_button, QT_TRANSLATE_NOOP("LibraryView", "Export…"))
        say_button(self.delete_button, QT_TRANSLATE_NOOP("LibraryView", "Delete"))
        right.addLayout(playlist_buttons)
        self.playlist_total = label("", "muted")
        right.addWidget(self.playlist_total)
        self.entries = QListWidget()
        self.entries.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model = self.entries.model()
        model.rowsMoved.connect(lambda *_args: self._save_order())
        right.addWidget(self.entries, 1)
        order_buttons = QHBoxLayout()
        self.up_button = ActionButton(
            "", "Alt+Up", lambda: self.move_entry(-1), self, while_hidden=True
        )
        self.down_button = ActionButton(
            "", "Alt+Down", lambda: self.move_entry(1), self, while_hidden=True
        )
        self.remove_button = ActionButton("", "Del", self.remove_entry, self, while_hidden=True)
        say_button(self.up_button, QT_TRANSLATE_NOOP("LibraryView", "Up"))
        say_button(self.down_button, QT_TRANSLATE_NOOP("LibraryView", "Down"))
        say_button(self.remove_button, QT_TRANSLATE_NOOP("LibraryView", "Remove"))
        for button in (self.up_button, self.down_button, self.remove_button):
            order_buttons.addWidget(button)
        right.addLayout(order_buttons)
        return playlists_tab

    def _build_soundtracks_tab(self) -> QWidget:
        """The soundtracks sessions pick from, and the buttons that make and change them."""
        soundtracks_tab = QWidget()
        sound = QVBoxLayout(soundtracks_tab)
        sound.setContentsMargins(0, 10, 0, 0)
        about = label("", "muted")
        say(
            about,
            QT_TRANSLATE_NOOP(
                "LibraryView",
                "A soundtrack is a bed and a playlist for each phase. Sessions pick one at set-up.",
            ),
        )
        sound.addWidget(about)
        self.soundtracks = QListWidget()
        self.soundtracks.itemActivated.connect(lambda _item: self.edit_soundtrack())
        sound.addWidget(self.soundtracks, 1)
        soundtrack_buttons = QGridLayout()
        self.new_soundtrack_button = ActionButton(
            "",
            "Ctrl+T",
            lambda: self.edit_soundtrack(new=True),
            self,
            while_hidden=True,
        )
        self.edit_soundtrack_button = ActionButton(
            "", "Ctrl+Shift+T", self.edit_soundtrack, self, while_hidden=True
        )
        self.delete_soundtrack_button = ActionButton(
            "", "Ctrl+Shift+D", self.delete_soundtrack, self, while_hidden=True
        )
        say_button(self.new_soundtrack_button, QT_TRANSLATE_NOOP("LibraryView", "New soundtrack…"))
        say_button(self.edit_soundtrack_button, QT_TRANSLATE_NOOP("LibraryView", "Edit…"))
        say_button(self.delete_soundtrack_button, QT_TRANSLATE_NOOP("LibraryView", "Delete"))
        soundtrack_buttons.addWidget(self.new_soundtrack_button, 0, 0, 1, 2)
        soundtrack_buttons.addWidget(self.edit_soundtrack_button, 1, 0)
        soundtrack_buttons.addWidget(self.delete_soundtrack_button, 1, 1)
        sound.addLayout(soundtrack_buttons)
        return soundtracks_tab

    def name_playlists_tab(self, words: str) -> None:
        """The playlists tab's name (through :func:`say`, so it is said again)."""
        self.tabs.setTabText(PLAYLISTS_TAB, words)

    def name_soundtracks_tab(self, words: str) -> None:
        """The soundtracks tab's name (through :func:`say`, so it is said again)."""
        self.tabs.setTabText(SOUNDTRACKS_TAB, words)

    def changeEvent(self, event: QEvent) -> None:
        # The playlists' lines are items, not widgets say() keeps: said again here.
        if event.type() == QEvent.Type.LanguageChange:
            for row, said in enumerate(self._playlist_lines[: self.playlists.count()]):
                self.playlists.item(row).setText(translated(said))
            for row, said in enumerate(self.entry_lines[: self.entries.count()]):
                self.entries.item(row).setText(translated(said))
        super().changeEvent(event)

    def _fit_small_screens(self) -> None:
        """The playlist's buttons compact, so that the lists keep some height at 1024x600
        rather than the buttons being laid over one another."""
        for button in (
            self.new_button,
            self.import_button,
            self.export_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            button.setProperty("role", "compact")

    # -- loading --------------------------------------------------------------------------------

    def open(self) -> None:
        """Read the library off the window's thread as the page opens; it fills when read."""
        assert self.ops is not None, "a library page that opens is given the window's ops"
        library, current = self.library, self.current_playlist()
        self.ops.run(
            lambda: read_library(library, current),
            self._opened,
            failed=lambda problem: say(self.message, problem),
            loading=lambda waiting: say(self.message, LOADING if waiting else ""),
            what="The sound library",
        )

    def load(self) -> None:
        """Read the library and the playlists again (after a change made on this page)."""
        try:
            read = read_library(self.library, self.current_playlist())
        except StorageError as exc:
            self._say_problem(exc)
            return
        self._fill(read)

    def _say_problem(self, exc: BaseException) -> None:
        """What went wrong, in the store's words and the language spoken, as a sentence."""
        say(self.message, words_of(exc), shaped=lambda words: f"{words}.")

    def _opened(self, read: LibraryRead) -> None:
        self._fill(read)
        # Every time: a file replaced at the same path (a louder remaster) is measured again,
        # and only the measurer's thread can tell, by looking at the files.
        self.measurer.start()

    def _fill(self, read: LibraryRead) -> None:
        self.table.show_items(read.items)
        self._show_notice()
        self._playlist_lines = show_playlists(self, read.playlists, read.shown)
        self._show_entries(read.entries)
        self.plans = read.plans
        self.soundtracks.clear()
        self.soundtracks.addItems(list(self.plans))
        if not self.table.tracks:
            say(self.message, NO_FILES)
        elif not self.progress.isVisible():
            bad = sum(1 for item in self.table.tracks if item.problem)
            count = len(self.table.tracks)
            files = FILES_BAD.format(count=count, bad=bad) if bad else FILES.format(count=count)
            say(self.message, files)

    def _show_notice(self) -> None:
        # One or two sentences, each said whole in the language spoken, side by side.
        first, *rest = self.table.notices() or [""]
        say(
            self.quiet_tracks,
            first,
            shaped=lambda words: " ".join([words, *(translated(more) for more in rest)]),
        )

    def current_playlist(self) -> int | None:
        if self.playlists.currentRow() < 0:
            return None
        return int(self.playlists.currentItem().data(ID_ROLE))

    def _show_entries(self, items: list[LibraryItem] | None = None) -> None:
        """The playlist shown's entries (``items``: read already), else read them now."""
        show_entries(self, items)

    # -- files ----------------------------------------------------------------------------------

    def add_files(self) -> None:
        """Ask for sound files to add (scanned off the UI thread once chosen)."""
        suffixes = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
        dialog = self._file_dialog(
            QT_TRANSLATE_NOOP("LibraryView", "Add music files"),
            Path.home(),
            translated(SOUND_FILES.format(suffixes=suffixes)),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.scan([Path(name) for name in names]))
        dialog.open()

    def add_folder(self) -> None:
        """Ask for a folder of music to add, searched through."""
        dialog = self._file_dialog(
            QT_TRANSLATE_NOOP("LibraryView", "Add a folder of music"), Path.home(), ""
        )
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.scan([Path(name)]))
        dialog.open()

    def _file_dialog(self, title: str, start: Path, filters: str) -> QFileDialog:
        """kapdesk's own file dialog (dark like the rest), open without blocking the page:
        what is chosen arrives through its signals. Kept in :attr:`file_dialog`."""
        dialog = QFileDialog(self, translated(title), str(start), filters)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.file_dialog = dialog
        return dialog

    def scan(self, paths: list[Path]) -> None:
        """Scan ``paths`` off the UI thread; the table fills in when it is done."""
        self.progress.setRange(0, 0)
        say(self.progress, LOOKING, "setFormat")
        self.progress.show()
        self.add_files_button.setEnabled(False)
        self.add_folder_button.setEnabled(False)
        self._scanner.start(paths)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        say(self.progress, READING.format(done=done, count=total), "setFormat")

    def _scanned(self, ids: list[int], problem: str) -> None:
        self.progress.hide()
        self.add_files_button.setEnabled(True)
        self.add_folder_button.setEnabled(True)
        self.load()
        if problem:
            say(self.message, problem, shaped=lambda words: f"{words}.")
        else:
            bad = sum(1 for item in self.table.tracks if item.id in set(ids) and item.problem)
            count = len(ids)
            added = ADDED_BAD.format(count=count, bad=bad) if bad else ADDED.format(count=count)
            say(self.message, added)
        self.scanned.emit()
        if ids:
            self.measurer.start()

    # -- loudness -------------------------------------------------------------------------------

    def _measuring(self, done: int, total: int) -> None:
        say(self.measuring, MEASURING.format(done=done, count=total))

    def _measured(self, results: dict[int, Loudness | str]) -> None:
        self.table.show_loudness(results)
        self._show_notice()

    def _measured_all(self, problem: str) -> None:
        say(self.measuring, problem)

    # -- playlists ------------------------------------------------------------------------------

    def _save_order(self) -> None:
        save_order(self)

    def add_to_playlist(self) -> None:
        add_to_playlist(self)

    def _on_tab(self, index: int) -> bool:
        """Show the tab ``index``; whether it was shown already."""
        shown = self.tabs.currentIndex() == index
        self.tabs.setCurrentIndex(index)
        return shown

    def move_entry(self, step: int) -> None:
        self._on_tab(PLAYLISTS_TAB)
        move_entry(self, step)

    def remove_entry(self) -> None:
        if self._on_tab(PLAYLISTS_TAB):
            remove_entry(self)

    def new_playlist(self) -> None:
        """Ask for the new playlist's name, then make it the current one."""
        self._on_tab(PLAYLISTS_TAB)
        ask_name(self)

    def delete_playlist(self) -> None:
        if self._on_tab(PLAYLISTS_TAB):
            delete_playlist(self)

    def import_playlist(self) -> None:
        """Ask for a playlist file to import."""
        self._on_tab(PLAYLISTS_TAB)
        ask_import(self)

    def import_from(self, path: Path) -> None:
        """Read a playlist file into a new playlist; entries not found are listed as missing."""
        import_playlist_file(self, path)

    def export_playlist(self) -> None:
        """Ask where to write the current playlist (M3U, PLS or XSPF by the name's suffix)."""
        self._on_tab(PLAYLISTS_TAB)
        ask_export(self)

    def export_to(self, target: Path) -> None:
        """Write the current playlist to ``target``."""
        export_playlist_file(self, target)

    # -- soundtracks ----------------------------------------------------------------------------

    def edit_soundtrack(self, *, new: bool = False) -> None:
        """Open the soundtrack editor on the chosen soundtrack (or a new one)."""
        self._on_tab(SOUNDTRACKS_TAB)
        open_soundtrack_editor(self, new=new)

    def delete_soundtrack(self) -> None:
        if not self._on_tab(SOUNDTRACKS_TAB) or self.soundtracks.currentRow() < 0:
            return
        try:
            self.library.delete_soundtrack(self.soundtracks.currentItem().text())
        except StorageError as exc:
            self._say_problem(exc)
            return
        self.load()
        self.changed.emit()
