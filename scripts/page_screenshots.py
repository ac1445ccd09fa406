"""Renders every page and form of the main window at the room PCs' sizes (1024x600, 1280x800,
1920x1080), headless, each on a throw-away database, as docs/screenshots/<page>-<WxH>.png.

PYTHONPATH=. .venv/bin/python scripts/page_screenshots.py [docs/screenshots] [--only NAME,...]

The scenes are the layout test's (tests/support/layout.py): what is pictured here is what the
test looks at. A scene the layout test would fail is still pictured, and named at the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from kapdesk.core.clock import FakeClock
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from tests.support.layout import FORMS, PAGES, SIGNED_OUT, SIZES, grab, open_window, problems, show


def render(name: str, size: tuple[int, int], out: Path) -> list[str]:
    """One scene at one size, saved; what the layout test would find wrong with it."""
    scenes = {**PAGES, **FORMS}
    with tempfile.TemporaryDirectory() as data:
        paths = AppPaths.resolve(data)
        storage = open_storage(paths, None)
        room = open_window(storage, paths, FakeClock(), size, signed_in=name not in SIGNED_OUT)
        try:
            top = show(room, scenes[name])
            grab(room, top).save(str(out / f"{name}-{size[0]}x{size[1]}.png"))  # type: ignore[attr-defined]
            return problems(top, size)
        finally:
            room.window.close()
            room.window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            storage.engine.dispose()


def main(arguments: list[str]) -> int:
    only = None
    if "--only" in arguments:
        at = arguments.index("--only")
        only = set(arguments[at + 1].split(","))
        del arguments[at : at + 2]
    out = Path(arguments[0] if arguments else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    wrong = []
    for name in [*PAGES, *FORMS]:
        if only is not None and name not in only:
            continue
        for size in SIZES:
            found = render(name, size, out)
            print(f"{name}-{size[0]}x{size[1]}.png" + (f": {len(found)} problems" if found else ""))
            wrong += [f"{name} at {size[0]}x{size[1]}: {problem}" for problem in found]
    app.quit()
    for line in wrong:
        print(line, file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
