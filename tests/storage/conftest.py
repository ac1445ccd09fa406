"""The storage tests run against both databases kapdesk supports: the embedded SQLite file and
a real PostgreSQL server (started once for the session on 127.0.0.1, a fresh database for each
test)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kapdesk.paths import AppPaths
from kapdesk.storage.db import Storage, open_storage


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for SQLite in the data folder; a fresh PostgreSQL database otherwise."""
    if backend == "sqlite":
        return None
    return str(request.getfixturevalue("fresh_postgres"))


@pytest.fixture
def storage(paths: AppPaths, db_url: str | None) -> Iterator[Storage]:
    opened = open_storage(paths, db_url)
    yield opened
    opened.engine.dispose()
