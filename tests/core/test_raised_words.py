"""What kapdesk raises, and the sentences its functions return, go through the translation
system when they have words: an exception's message is what the window says when it shows why
something was refused or failed, and a returned sentence is what a page shows, so each must be
a marked template (``QT_TRANSLATE_NOOP``) for the window to say it in Spanish or French. (The
pages' own text calls are checked in ``tests/ui/test_languages.py``.)

Some are left as they are, and counted here file by file: a fault in kapdesk itself (a
programming error no one at the screen can cause), words that go only to a log or the command
line, which speak English, and markup. A new one with words must be a template, or be added
here on purpose; a count may only go down.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

KAPDESK = Path(__file__).resolve().parents[2] / "kapdesk"

RAISED_AS_THEY_ARE: dict[str, int] = {
    "audio/vorbis_bed.py": 2,
    "cli/parser.py": 2,
    "core/backups.py": 14,
    "core/clock.py": 3,
    "core/discharge.py": 1,
    "core/downtime.py": 9,
    "core/journey.py": 8,
    "core/observations.py": 1,
    "core/playlists.py": 1,
    "core/safe_files.py": 2,
    "core/words.py": 3,
    "demo.py": 1,
    "paths.py": 1,
    "practice.py": 1,
    "reports/exports.py": 1,
    "single_instance.py": 1,
    "storage/backup_files.py": 5,
    "storage/board.py": 1,
    "storage/chain.py": 1,
    "storage/courses.py": 3,
    "storage/encryption.py": 5,
    "storage/event_writes.py": 1,
    "storage/integration.py": 2,
    "storage/journeys.py": 1,
    "storage/migrations/env.py": 1,
    "storage/models.py": 1,
    "storage/recorder.py": 2,
    "storage/repositories.py": 1,
    "storage/restore.py": 17,
    "storage/server_dump.py": 4,
    "ui/crossing.py": 2,
    "ui/widgets.py": 1,
    "wakefulness.py": 6,
}


# Returned sentences left as they are, outside the pages (kapdesk/ui is checked by its calls).
RETURNED_AS_THEY_ARE: dict[str, int] = {
    "cli/__init__.py": 1,
    "cli/backup.py": 1,
    "cli/checks.py": 2,
    "cli/database.py": 2,
    "core/journey.py": 1,
    "core/safe_files.py": 1,
    "practice.py": 2,
    "reports/exports.py": 1,
    "reports/printed.py": 8,
    "single_instance.py": 1,
    "stop_signals.py": 1,
    "storage/db.py": 4,
    "storage/encryption.py": 1,
    "storage/restore.py": 2,
    "storage/server.py": 1,
}
# Two words or more: a sentence, not a unit or a separator.
_SENTENCE = re.compile(r"[A-Za-z]{2,}[ ,;:.][^{}]*[A-Za-z]{2,}")


def _words(node: ast.expr) -> str | None:
    """The English a literal or an f-string holds, its values left out; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(str(p.value) for p in node.values if isinstance(p, ast.Constant))
    return None


def returned_words(source: str) -> list[int]:
    """Lines where a function returns a sentence as it is: a literal or an f-string holding
    two words or more, not a template."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Return) and node.value is not None:
            words = _words(node.value)
            if words is not None and _SENTENCE.search(words):
                found.append(node.lineno)
    return found


def raised_words(source: str) -> list[int]:
    """Lines where an exception is raised with English words as they are: a literal or an
    f-string holding letters, not a template."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        if not node.exc.args:
            continue
        words = _words(node.exc.args[0])
        if words is not None and any(ch.isalpha() for ch in words):
            found.append(node.lineno)
    return found


def test_the_check_finds_words_raised_as_they_are() -> None:
    source = (
        'raise ValueError("no such reading")\n'
        'raise JourneyError(f"{name} is the last phase")\n'
        "raise JourneyError(LAST_PHASE.format(name=name))\n"
        'raise OSError(QT_TRANSLATE_NOOP("Printing", "the printer could not be started"))\n'
        'raise ValueError(f"{a}/{b}")\n'
        "raise\n"
    )
    assert raised_words(source) == [1, 2]


def test_no_module_raises_more_words_outside_the_translation_system() -> None:
    counts = {}
    for path in sorted(KAPDESK.rglob("*.py")):
        found = raised_words(path.read_text(encoding="utf-8"))
        if found:
            counts[str(path.relative_to(KAPDESK))] = len(found)
    grown = {name: n for name, n in counts.items() if n > RAISED_AS_THEY_ARE.get(name, 0)}
    assert grown == {}, (
        "words raised without the translation system: make them a QT_TRANSLATE_NOOP template"
    )
    fewer = {name: n for name, n in RAISED_AS_THEY_ARE.items() if counts.get(name, 0) < n}
    assert fewer == {}, "fewer words raised as they are: lower RAISED_AS_THEY_ARE to match"


def test_the_check_finds_sentences_returned_as_they_are() -> None:
    source = (
        'def a():\n    return f"{name} is the last phase"\n'
        "def b():\n    return LAST_PHASE.format(name=name)\n"
        'def c():\n    return f"{value} kg"\n'
        "def d():\n    return 'Saved, but not started'\n"
    )
    assert returned_words(source) == [2, 8]


def test_no_module_returns_more_sentences_outside_the_translation_system() -> None:
    counts = {}
    for path in sorted(KAPDESK.rglob("*.py")):
        name = str(path.relative_to(KAPDESK))
        if name.startswith(("ui/", "storage/migrations/")):
            continue
        found = returned_words(path.read_text(encoding="utf-8"))
        if found:
            counts[name] = len(found)
    grown = {name: n for name, n in counts.items() if n > RETURNED_AS_THEY_ARE.get(name, 0)}
    assert grown == {}, (
        "sentences returned without the translation system: make them QT_TRANSLATE_NOOP templates"
    )
    fewer = {name: n for name, n in RETURNED_AS_THEY_ARE.items() if counts.get(name, 0) < n}
    assert fewer == {}, "fewer sentences returned as they are: lower RETURNED_AS_THEY_ARE"
