"""What kapdesk raises goes through the translation system when it has words: an exception's
message is what the window says when it shows why something was refused or failed, so it must
be a marked template (``QT_TRANSLATE_NOOP``) for the window to say it in Spanish or French.

Some raises are left as they are, and counted here file by file: a fault in kapdesk itself (a
programming error no one at the screen can cause), or words that go only to a log or the
command line, which speak English. A new raise with words must be a template, or be added
here on purpose; a count may only go down.
"""

from __future__ import annotations

import ast
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
    "core/words.py": 2,
    "demo.py": 1,
    "paths.py": 1,
    "practice.py": 1,
    "reports/exports.py": 1,
    "single_instance.py": 1,
    "storage/backup_files.py": 5,
    "storage/board.py": 1,
    "storage/chain.py": 1,
    "storage/courses.py": 3,
    "storage/db.py": 8,
    "storage/db_url.py": 10,
    "storage/encryption.py": 5,
    "storage/event_writes.py": 1,
    "storage/integration.py": 2,
    "storage/journeys.py": 1,
    "storage/migrations/env.py": 1,
    "storage/models.py": 1,
    "storage/outbox.py": 4,
    "storage/recorder.py": 2,
    "storage/repositories.py": 1,
    "storage/restore.py": 17,
    "storage/server.py": 4,
    "storage/server_dump.py": 4,
    "storage/sqlite_file.py": 2,
    "storage/writer_lock.py": 4,
    "ui/crossing.py": 2,
    "ui/widgets.py": 1,
    "wakefulness.py": 6,
}


def raised_words(source: str) -> list[int]:
    """Lines where an exception is raised with English words as they are: a literal or an
    f-string holding letters, not a template."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        if not node.exc.args:
            continue
        first = node.exc.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            words = first.value
        elif isinstance(first, ast.JoinedStr):
            words = "".join(str(p.value) for p in first.values if isinstance(p, ast.Constant))
        else:
            continue
        if any(ch.isalpha() for ch in words):
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
