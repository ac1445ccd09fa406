"""Making or changing a soundtrack: its bed, a playlist per phase, how the music switches.

Phases are listed by the names the room's protocols use (Onset, Peak, Infusion...), so one
soundtrack serves every protocol that shares a phase name; "Any other phase" covers the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kapdesk.core.soundtrack import BundledSound, Switch, bed_json
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.storage.library import PlaylistSummary
from kapdesk.ui.widgets import dialog_footer, label
from kapdesk.ui.words import say, say_button, translated

NO_PLAYLIST = QT_TRANSLATE_NOOP("SoundtrackDialog", "No music (bed only)")
SAME_AS_OTHER = QT_TRANSLATE_NOOP("SoundtrackDialog", "Same as any other phase")
NAME_REQUIRED = QT_TRANSLATE_NOOP("SoundtrackDialog", "Give the soundtrack a name.")


class SoundtrackDialog(QDialog):
    """Edits one soundtrack plan; :meth:`plan` gives what to save."""

    def __init__(
        self,
        phase_names: Sequence[str],
        playlists: Sequence[PlaylistSummary],
        beds: Sequence[BundledSound],
        *,
        name: str = "",
        plan: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        say(self, QT_TRANSLATE_NOOP("SoundtrackDialog", "Soundtrack"), "setWindowTitle")
        self.setMinimumWidth(620)
        self._playlists = list(playlists)
        self._beds = [sound for sound in beds if sound.kind == "bed"]
        plan = dict(plan or {})
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(name)
        say(
            self.name,
            QT_TRANSLATE_NOOP("SoundtrackDialog", "e.g. Evening, ocean and strings"),
            "setPlaceholderText",
        )
        form.addRow(_row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Name")), self.name)
        self.bed = self._make_bed(plan.get("bed"))
        form.addRow(_row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Bed")), self.bed)
        self.settling = self._playlist_box(plan.get("settling"))
        form.addRow(
            _row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Settling (before the dose)")),
            self.settling,
        )
        scroll = self._make_phases(phase_names, plan.get("phases"))
        self.default = self._playlist_box(plan.get("default"))
        form.addRow(
            _row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Any other phase")), self.default
        )
        self._make_switch(form, plan)
        outer.addLayout(form)
        section = label("", "section")
        say(section, QT_TRANSLATE_NOOP("SoundtrackDialog", "PLAYLIST FOR EACH PHASE"))
        outer.addWidget(section)
        outer.addWidget(scroll, 1)
        self.error, save = dialog_footer(self, outer, "", self.submit)
        say_button(save, QT_TRANSLATE_NOOP("SoundtrackDialog", "Save"))

    def _make_bed(self, chosen_bed: Any) -> QComboBox:
        """The bundled beds to pick from, the stored one picked."""
        box = QComboBox()
        box.addItem(translated(QT_TRANSLATE_NOOP("SoundtrackDialog", "No bed")))
        for bed in self._beds:
            box.addItem(bed.title)
        chosen_path = chosen_bed.get("path") if isinstance(chosen_bed, dict) else None
        for index, bed in enumerate(self._beds, start=1):
            if chosen_path == bed.path:
                box.setCurrentIndex(index)
        return box

    def _make_phases(self, phase_names: Sequence[str], stored: Any) -> QScrollArea:
        """A playlist for each phase (kept in :attr:`phases`), in a list that scrolls."""
        phases: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self.phases: dict[str, QComboBox] = {}
        phase_form = QFormLayout()
        for phase in phase_names:
            box = self._playlist_box(phases.get(phase), inherit=True)
            self.phases[phase] = box
            phase_form.addRow(phase, box)
        holder = QWidget()
        holder.setLayout(phase_form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setMinimumHeight(160)
        return scroll

    def _make_switch(self, form: QFormLayout, plan: Mapping[str, Any]) -> None:
        """How the music switches at a phase change, the fade's length and both volumes."""
        self.switch = QComboBox()
        self.switch.addItem(
            translated(QT_TRANSLATE_NOOP("SoundtrackDialog", "Fade across when the phase changes")),
            Switch.FADE.value,
        )
        self.switch.addItem(
            translated(QT_TRANSLATE_NOOP("SoundtrackDialog", "Let the track finish, then change")),
            Switch.END_OF_TRACK.value,
        )
        if plan.get("switch") == Switch.END_OF_TRACK.value:
            self.switch.setCurrentIndex(1)
        form.addRow(_row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Phase change")), self.switch)
        self.fade = QDoubleSpinBox()
        self.fade.setRange(1, 60)
        self.fade.setSuffix(" s")
        self.fade.setValue(float(plan.get("fade_seconds") or 8))
        form.addRow(_row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Fade")), self.fade)
        self.music_volume = self._percent(plan.get("music_volume"), 70)
        form.addRow(
            _row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Music volume")), self.music_volume
        )
        self.bed_volume = self._percent(plan.get("bed_volume"), 40)
        form.addRow(
            _row_label(QT_TRANSLATE_NOOP("SoundtrackDialog", "Bed volume")), self.bed_volume
        )

    @staticmethod
    def _percent(stored: Any, default: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 100)
        box.setSuffix(" %")
        ok = isinstance(stored, int | float) and not isinstance(stored, bool)
        box.setValue(round(float(stored) * 100) if ok else default)
        return box

    def _playlist_box(self, chosen: Any, *, inherit: bool = False) -> QComboBox:
        box = QComboBox()
        box.addItem(translated(SAME_AS_OTHER if inherit else NO_PLAYLIST), None)
        for playlist in self._playlists:
            box.addItem(playlist.name, playlist.id)
            if playlist.id == chosen:
                box.setCurrentIndex(box.count() - 1)
        return box

    def plan(self) -> dict[str, Any]:
        bed_index = self.bed.currentIndex() - 1
        bed = self._beds[bed_index] if bed_index >= 0 else None
        return {
            "bed": bed_json(bed.as_bed() if bed else None),
            "settling": self.settling.currentData(),
            "phases": {
                phase: box.currentData()
                for phase, box in self.phases.items()
                if box.currentData() is not None
            },
            "default": self.default.currentData(),
            "switch": self.switch.currentData(),
            "fade_seconds": self.fade.value(),
            "music_volume": self.music_volume.value() / 100,
            "bed_volume": self.bed_volume.value() / 100,
        }

    def submit(self) -> None:
        if not self.name.text().strip():
            say(self.error, NAME_REQUIRED)
            self.error.show()
            self.name.setFocus()
            return
        self.accept()


def _row_label(words: str) -> QLabel:
    """A form row's name, said in the language spoken."""
    line = QLabel()
    say(line, words)
    return line
