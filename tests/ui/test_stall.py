"""The window never waits on its storage: a whole session in the real window, in a process of
its own, with a note or vital signs typed every second while its PostgreSQL server is frozen
for a minute, the network to it is cut, another process holds SQLite's write lock, and big
pages load. The window's thread stays under 250 ms late (p99 under 50 ms), the journey timer
keeps moving, and every entry is on record with the moment it was typed.

The scenarios themselves are in tests/support/stall.py (``python -m bench.ui_stall`` runs them
on the code before the change as well); the harness's own parts are checked first.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.postgres import server_binaries
from tests.support.stall import (
    LATE_AFTER_S,
    ON_POSTGRES,
    SCENARIOS,
    StallResult,
    compare,
    run_scenario,
)
from tests.support.stall_proxy import Forwarder

TYPED_AT = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)


def _said(typed: list[tuple[str, float]]) -> dict[str, object]:
    return {
        "worst_ms": 12.0,
        "p99_ms": 3.0,
        "timer_still_s": 1.05,
        "typed": [
            {"key": key, "typed_at": (TYPED_AT + timedelta(seconds=at)).isoformat()}
            for key, at in typed
        ],
    }


def test_the_record_is_compared_with_what_was_typed_and_when() -> None:
    result = StallResult("example")
    said = _said([("note 1", 1), ("vitals 101", 2), ("note 3", 3), ("note 4", 4)])
    held = {
        "note 1": TYPED_AT + timedelta(seconds=1.2),  # within the second: on time
        "vitals 101": TYPED_AT + timedelta(seconds=2 + 42),  # stamped when the window got to it
        "note 4": TYPED_AT + timedelta(seconds=4),
    }
    compare(result, said, held)
    assert result.typed == 4
    assert result.lost == ["note 3"]
    assert [key for key, _ in result.late] == ["vitals 101"]
    assert result.worst_late_s == pytest.approx(42.0)
    assert (result.worst_ms, result.p99_ms, result.timer_still_s) == (12.0, 3.0, 1.05)
    assert LATE_AFTER_S == 1.0


def test_the_forwarder_passes_bytes_holds_them_while_cut_and_delivers_them_once_mended() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    forwarder = Forwarder(int(listener.getsockname()[1]))
    try:
        client = socket.create_connection(("127.0.0.1", forwarder.port), timeout=10)
        server, _ = listener.accept()
        server.settimeout(10)
        client.sendall(b"before")
        assert server.recv(100) == b"before"
        forwarder.cut()
        client.sendall(b"during")
        server.settimeout(0.5)
        with pytest.raises(TimeoutError):
            server.recv(100)  # nothing gets through, nothing is refused
        forwarder.mend()
        server.settimeout(10)
        assert server.recv(100) == b"during"
        server.sendall(b"answer")
        assert client.recv(100) == b"answer"
        client.close()
        server.close()
    finally:
        forwarder.close()
        listener.close()


@pytest.mark.subprocess
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_the_window_never_waits_on_its_storage(scenario: str) -> None:
    if scenario in ON_POSTGRES and server_binaries() is None:
        pytest.skip("no PostgreSQL server here (the README's test command installs it)")
    result = run_scenario(scenario)
    assert result.problem is None, result.problem
    assert result.typed >= 10, "too few entries typed to tell"
    assert result.lost == [], "entries typed were not on record"
    assert result.late == [], "entries on record with a time other than when they were typed"
    assert result.worst_ms < 250, f"the window's thread was stuck {result.worst_ms:.0f} ms"
    assert result.p99_ms < 50
    assert result.timer_still_s < 1.5, f"the timer stood still {result.timer_still_s:.1f} s"
