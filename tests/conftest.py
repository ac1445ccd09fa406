"""Test configuration: headless Qt and SDL, private folders per test, and shared fixtures."""

from __future__ import annotations

import faulthandler
import itertools
import os
import sys

# Set before anything imports Qt or SDL: the suite runs without a display or a sound card,
# whoever starts it.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.pop("KAPDESK_DATA_DIR", None)
# This PC's own region is C, whoever runs the suite: a clinic.toml without a region formats
# dates, times and numbers the same everywhere (tests/ui/test_formats.py sets regions).
os.environ["LC_ALL"] = "C.UTF-8"

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from kapdesk.core import wall_text
from kapdesk.core.clock import FakeClock
from kapdesk.core.protocol_files import ProtocolLibrary, parse_protocol
from kapdesk.core.protocols import Advance, Protocol
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import Storage, open_storage
from kapdesk.storage.journeys import JourneyStore
from tests.support.postgres import postgres_server, server_binaries

# Records which buttons, actions and shortcuts the tests press (tests/ui/test_every_press.py).
pytest_plugins = ["tests.support.presses"]


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """A crash names the thread that crashed. pytest's own handler lists every thread and
    stops at a hundred; a UI run keeps more alive than that (each window's recorder and audit
    threads), and the one that crashed was cut from the list."""
    del config
    faulthandler.enable(file=os.fdopen(os.dup(2), "w", encoding="utf-8"), all_threads=False)


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every standard folder into the test's own tmp folder."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))


@pytest.fixture(autouse=True)
def _region_put_back() -> Iterator[None]:
    """A window set to a clinic's region (kapdesk.ui.formats.use_region) leaves the next test
    formatting as it found it: the way times are said, and Qt's default locale (this PC's own
    until a test changes it; Qt is not loaded here for a test that does not load it)."""
    before = wall_text.current()
    yield
    wall_text.use(before)
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        qt_core.QLocale.setDefault(qt_core.QLocale.system())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_protocol(advance: Advance = Advance.MANUAL) -> Protocol:
    """A small three-phase protocol, parsed from its TOML text as the app would."""
    return parse_protocol(
        f"""
[protocol]
id = "test-im"
name = "Test IM"
route = "IM"
advance = "{advance.value}"
monitoring_minutes = 90

[dose]
amount = 0.75
unit = "mg/kg"
route = "IM"

[[phases]]
name = "Onset"
minutes = 5
guidance = "Settle the patient."

[[phases]]
name = "Peak"
minutes = 40
guidance = "Stay present, say little."

[[phases]]
name = "Return"
minutes = 15
guidance = "Offer water when ready."
""",
        source="tests",
    )


@pytest.fixture
def protocol() -> Protocol:
    return make_protocol()


@pytest.fixture
def esketamine() -> Protocol:
    """The bundled esketamine protocol: a baseline limit, a checklist and REMS questions."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("esketamine-intranasal")
    assert protocol is not None
    return protocol


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data")


@pytest.fixture
def storage(paths: AppPaths) -> Iterator[Storage]:
    opened = open_storage(paths, None)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def store(storage: Storage, clock: FakeClock) -> JourneyStore:
    return JourneyStore(storage, clock)


# -- PostgreSQL: one real server for the session, a fresh database per test that asks --------

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if server_binaries() is None:
        pytest.fail("no PostgreSQL server here (the README's test command installs it)")
    with postgres_server() as url:
        yield url


@pytest.fixture
def fresh_postgres(postgres_url: str) -> Iterator[str]:
    """The URL of a new, empty database on the session's server, dropped afterwards."""
    name = f"test_{next(_databases)}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield postgres_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()
