"""What staff record during a session besides doses and phases: notes with quick tags, vital
signs, one-tap ratings, and amendments that correct any of them without erasing anything.

All of them are journey events (see :class:`kapdesk.core.journey.EventKind`); this module says
what their data holds and how a clinic edits its quick tags.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kapdesk.core.safe_files import SETTINGS_LIMIT, SafeFileError, read_file
from kapdesk.core.words import QT_TRANSLATE_NOOP

# kapdesk's own tags, marked for translation: a note keeps them in English, the screen says them
# in the language spoken (a clinic's own tags, from its file, are its words as they are).
DEFAULT_TAGS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Observations", "Calm"),
    QT_TRANSLATE_NOOP("Observations", "Talking"),
    QT_TRANSLATE_NOOP("Observations", "Crying"),
    QT_TRANSLATE_NOOP("Observations", "Laughing"),
    QT_TRANSLATE_NOOP("Observations", "Restless"),
    QT_TRANSLATE_NOOP("Observations", "Nausea"),
    QT_TRANSLATE_NOOP("Observations", "Vomited"),
    QT_TRANSLATE_NOOP("Observations", "Unresponsive to voice"),
    QT_TRANSLATE_NOOP("Observations", "Wants music changed"),
    QT_TRANSLATE_NOOP("Observations", "Bathroom"),
)
_TAG_WORDS = {str(tag): tag for tag in DEFAULT_TAGS}
NOTHING_TO_NOTE = QT_TRANSLATE_NOOP("Observations", "Type a note or pick a tag first.")
TAGS_FILE = "quick-tags.txt"
MAX_TAGS = 16
MAX_NOTE = 4000


def tag_words(tag: str) -> str:
    """A tag as a note keeps it, marked for translation when it is one of kapdesk's own."""
    return _TAG_WORDS.get(tag, tag)


def load_tags(folder: Path | None) -> tuple[str, ...]:
    """The clinic's quick tags (``quick-tags.txt`` in the data folder: one per line, ``#`` for
    comments), or kapdesk's defaults when there is no such file or it names none."""
    if folder is None:
        return DEFAULT_TAGS
    try:  # a regular file of a sane size only: a FIFO here must not stop the start
        text = read_file(folder / TAGS_FILE, limit=SETTINGS_LIMIT).decode("utf-8-sig")
    except (SafeFileError, UnicodeDecodeError):
        return DEFAULT_TAGS
    tags: list[str] = []
    for line in text.splitlines():
        tag = " ".join(line.split("#", 1)[0].split())[:40]
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags[:MAX_TAGS]) or DEFAULT_TAGS


@dataclass(frozen=True)
class Scale:
    """A one-tap rating: the values it takes, each with its words."""

    id: str
    name: str
    choices: tuple[tuple[int, str], ...]

    def words(self, value: int) -> str:
        return next((text for v, text in self.choices if v == value), str(value))


_NONE = QT_TRANSLATE_NOOP("Observations", "none")
_WORST = QT_TRANSLATE_NOOP("Observations", "worst")


def _zero_to_ten(low: str, high: str) -> tuple[tuple[int, str], ...]:
    return tuple((n, low if n == 0 else high if n == 10 else str(n)) for n in range(11))


# Responsiveness to voice follows the levels of the Modified Observer's Assessment of
# Alertness/Sedation (MOAA/S) that a sitter can assess by voice and touch alone.
SCALES: dict[str, Scale] = {
    scale.id: scale
    for scale in (
        Scale(
            "responsiveness",
            QT_TRANSLATE_NOOP("Observations", "Responsiveness to voice"),
            (
                (5, QT_TRANSLATE_NOOP("Observations", "Responds readily to name")),
                (4, QT_TRANSLATE_NOOP("Observations", "Slow to respond to name")),
                (3, QT_TRANSLATE_NOOP("Observations", "Responds only to loud or repeated name")),
                (2, QT_TRANSLATE_NOOP("Observations", "Responds only to a touch on the shoulder")),
                (1, QT_TRANSLATE_NOOP("Observations", "No response to voice or touch")),
            ),
        ),
        Scale(
            "distress", QT_TRANSLATE_NOOP("Observations", "Distress"), _zero_to_ten(_NONE, _WORST)
        ),
        Scale("nausea", QT_TRANSLATE_NOOP("Observations", "Nausea"), _zero_to_ten(_NONE, _WORST)),
    )
}


def note_data(text: str, tags: Sequence[str], by: str = "") -> dict[str, Any]:
    """A note's record; raises ValueError when there is nothing to record."""
    clean = text.strip()[:MAX_NOTE]
    chosen = [tag for tag in dict.fromkeys(str(t).strip() for t in tags) if tag]
    if not clean and not chosen:
        raise ValueError(NOTHING_TO_NOTE)
    return {"text": clean, "tags": chosen, "by": by}


def rating_data(scale_id: str, value: int, by: str = "") -> dict[str, Any]:
    scale = SCALES.get(scale_id)
    if scale is None or value not in {v for v, _ in scale.choices}:
        raise ValueError(f"{value} is not a value of the {scale_id} scale")
    return {"scale": scale.id, "value": value, "words": str(scale.words(value)), "by": by}


def amendment_data(
    amends: int, changes: Mapping[str, Any], reason: str, by: str = ""
) -> dict[str, Any]:
    """An amendment of the event at ``amends`` (its place in the session, from 0)."""
    why = " ".join(reason.split())
    if not why:
        raise ValueError(QT_TRANSLATE_NOOP("Observations", "Say why the entry is being corrected."))
    return {"amends": amends, "data": dict(changes), "reason": why, "by": by}


def note_text(data: Mapping[str, Any]) -> str:
    tags = ", ".join(str(t) for t in data.get("tags") or ())
    text = str(data.get("text") or "")
    return f"[{tags}] {text}".strip() if tags else text
