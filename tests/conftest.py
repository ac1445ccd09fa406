"""Test configuration: headless Qt and SDL, private folders per test, and shared fixtures."""

from __future__ import annotations

import os

# Set before anything imports Qt or SDL: the suite runs without a display or a sound card,
# whoever starts it.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.pop("KAPDESK_DATA_DIR", None)

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kapdesk.core.clock import FakeClock  # noqa: E402
from kapdesk.core.protocols import Advance, DoseDefaults, Phase, Protocol  # noqa: E402
from kapdesk.paths import AppPaths  # noqa: E402
from kapdesk.storage.db import Storage, open_storage  # noqa: E402
from kapdesk.storage.journeys import JourneyStore  # noqa: E402


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every standard folder into the test's own tmp folder."""
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_protocol(advance: Advance = Advance.MANUAL, text: str = "") -> Protocol:
    """A small protocol built in code, independent of the TOML parser."""
    return Protocol(
        id="test-im",
        name="Test IM",
        route="intramuscular",
        phases=(
            Phase("Onset", 5, "Settle the patient."),
            Phase("Peak", 40, "Stay present, say little."),
            Phase("Return", 15, "Offer water when ready."),
        ),
        advance=advance,
        monitoring_minutes=90,
        dose=DoseDefaults(amount=0.75, unit="mg/kg", route="IM"),
        text=text,
    )


@pytest.fixture
def protocol() -> Protocol:
    return make_protocol()


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
    return JourneyStore(storage.factory, clock)
