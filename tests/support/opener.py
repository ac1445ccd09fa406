"""Opens the record as kapdesk's start does (``open_storage``), in a child process a test kills.

python -m tests.support.opener DATA_DIR   say "ready" once loaded, open (and so create or
                                          upgrade) the database in DATA_DIR, say "open", exit
"""

from __future__ import annotations

import sys
from pathlib import Path

# Loaded before "ready", as a started kapdesk has them by the time it opens the record: the
# kills then land in the opening itself, not in Python's imports.
import alembic.command
import alembic.config
import alembic.context  # noqa: F401

import kapdesk.storage.models  # noqa: F401
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage


def main(data_dir: Path) -> None:
    print("ready", flush=True)
    storage = open_storage(AppPaths.resolve(data_dir), None)
    storage.engine.dispose()
    print("open", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
