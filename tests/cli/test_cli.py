"""The command line: listings, checks, and plain messages with non-zero exits on bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kapdesk.cli import main
from kapdesk.core.clock import FakeClock
from kapdesk.core.journey import Dose
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, BUNDLED_PROTOCOLS_DIR, AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.journeys import JourneyStore
from tests.conftest import make_protocol

ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_protocols_list_shows_the_bundled_protocols(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["--data-dir", str(tmp_path), "protocols", "list"], capsys)
    assert code == 0
    for protocol_id in (
        "iv-ketamine",
        "im-ketamine",
        "sublingual-ketamine",
        "esketamine-intranasal",
    ):
        assert f"{protocol_id}  " in out
    assert "phases: Infusion 40 min" in out
    assert "from: bundled" in out


def test_protocols_list_names_a_broken_clinic_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = tmp_path / "protocols"
    clinic.mkdir()
    (clinic / "ours.toml").write_text(
        '[protocol]\nid = "ours"\nname = "Ours"\nroute = "IV"\n', encoding="utf-8"
    )
    code, out, _ = run(["--data-dir", str(tmp_path), "protocols", "list"], capsys)
    assert code == 1
    assert f"cannot load {clinic / 'ours.toml'}" in out
    assert "phases" in out
    assert "im-ketamine  " in out  # the good ones are still listed


def test_protocols_check_accepts_the_bundled_files(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(BUNDLED_PROTOCOLS_DIR.glob("*.toml"))
    code, out, _ = run(["protocols", "check", *map(str, files)], capsys)
    assert code == 0
    assert out.count(": ok (") == 4


def test_protocols_check_names_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n'
        '[[phases]]\nname = "Peak"\nminuts = 40\n',
        encoding="utf-8",
    )
    code, out, _ = run(["protocols", "check", str(bad)], capsys)
    assert code == 1
    assert f"{bad}:line 8, phases[0].minuts:" in out
    assert "minutes" in out  # the suggestion


def test_protocols_check_of_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["protocols", "check", str(tmp_path / "nope.toml")], capsys)
    assert code == 1
    assert "nope.toml" in out


def test_sessions_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.resolve(tmp_path)
    storage = open_storage(paths, None)
    store = JourneyStore(storage, FakeClock())
    closed = store.open_session("P-100", make_protocol(), "")
    closed.journey.record_dose(Dose(0.75, "mg/kg", "IM", weight_kg=70))
    closed.journey.close("stopped early")
    assert closed.recorder.flush(timeout=10)  # the close is on disk before the CLI reads
    store.open_session("P-200", make_protocol(), "")
    store.close_all()
    storage.engine.dispose()

    code, out, _ = run(["--data-dir", str(tmp_path), "sessions", "list"], capsys)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].split() == ["id", "patient", "protocol", "start", "state"]
    assert lines[1].split()[:3] == ["2", "P-200", "test-im"]
    assert lines[1].split()[-1] == "opened"
    assert lines[2].split()[:3] == ["1", "P-100", "test-im"]
    assert lines[2].split()[-1] == "closed"

    code, out, _ = run(["--data-dir", str(tmp_path), "sessions", "list", "--open"], capsys)
    assert [line.split()[1] for line in out.strip().splitlines()[1:]] == ["P-200"]


def test_sessions_list_with_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["--data-dir", str(tmp_path), "sessions", "list", "--limit", "0"], capsys)
    assert exited.value.code == 2
    assert "--limit" in capsys.readouterr().err
    code, _, err = run(["--db", "nosuchdb://x/y", "sessions", "list"], capsys)
    assert code == 1
    assert err.startswith("kapdesk: kapdesk cannot talk to nosuchdb")


def test_kapdesk_env_var_moves_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAPDESK_DATA_DIR", str(tmp_path / "elsewhere"))
    assert AppPaths.resolve(None).database == tmp_path / "elsewhere" / "kapdesk.sqlite3"
    assert AppPaths.resolve(tmp_path / "cli").data_dir == tmp_path / "cli"  # the option wins


def _python_m_kapdesk(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kapdesk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.subprocess
def test_without_a_display_the_window_explains_instead_of_crashing(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = _python_m_kapdesk(["--data-dir", str(tmp_path)], env)
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.subprocess
def test_bad_input_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe not toml")
    result = _python_m_kapdesk(["protocols", "check", str(bad)], dict(os.environ))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    result = _python_m_kapdesk(["sessions", "frobnicate"], dict(os.environ))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


def test_clinic_check_accepts_the_bundled_settings_and_names_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["clinic", "check", str(BUNDLED_CLINIC_SETTINGS)], capsys)
    assert code == 0
    assert "ok (open Mon, Tue, Wed, Thu, Fri; follow-ups: Integration session" in out
    bad = tmp_path / "clinic.toml"
    bad.write_text('[clinic]\nopen_days = ["mon", "xx"]\n\n[[followups]]\nid = "a"\n', "utf-8")
    code, out, _ = run(["--data-dir", str(tmp_path), "clinic", "check"], capsys)
    assert code == 1
    assert f"{bad}:line 2, clinic.open_days: 'xx' is not a day" in out
    assert f"{bad}:line 4, followups[0].name: is required" in out


def test_audit_prints_sign_ins_and_every_record_with_its_author_and_no_pin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kapdesk.cli.record import print_audit  # noqa: PLC0415
    from kapdesk.core.clock import SystemClock  # noqa: PLC0415
    from kapdesk.core.staff import Role  # noqa: PLC0415
    from kapdesk.demo import record_demo_session  # noqa: PLC0415
    from kapdesk.storage.db import open_storage  # noqa: PLC0415
    from kapdesk.storage.staff import StaffStore  # noqa: PLC0415

    paths = AppPaths.resolve(tmp_path / "data")
    storage = open_storage(paths, None)
    record_demo_session(storage)
    staff = StaffStore(storage, SystemClock())
    staff.create_account("Ana Moreno", frozenset({Role.ADMIN}), "5820", by=None)
    staff.sign_in("Ana Moreno", "0000")
    storage.engine.dispose()
    out = io.StringIO()
    assert print_audit(paths, None, None, out) == 0
    lines = out.getvalue().splitlines()
    assert any("\tAna Moreno\tsign_in_refused\treason=wrong PIN" in line for line in lines)
    assert any("\tJo Okafor\trecord_created\tsession 1 #" in line for line in lines)
    assert any("\trecord_corrected\t" in line for line in lines)  # the demo's corrected reading
    assert "5820" not in out.getvalue()
    code, _, err = run(
        ["--data-dir", str(paths.data_dir), "audit", "--since", "23-11-2026"], capsys
    )
    assert code == 1
    assert "a day is written YYYY-MM-DD" in err


def test_protocols_check_warns_of_a_phase_not_named_in_a_language_others_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "words.toml"
    file.write_text(
        '[protocol]\nid = "x"\nname = "X"\nroute = "IM"\n\n'
        '[[phases]]\nname = "Onset"\nminutes = 5\n'
        '[phases.es]\nname = "Inicio"\nguidance = "Ayude al paciente a acomodarse."\n'
        '[phases.fr]\nname = "Début"\n\n'
        '[[phases]]\nname = "Peak"\nminutes = 40\n'
        '[phases.fr]\nname = "Pic"\n',
        encoding="utf-8",
    )
    code, out, _ = run(["protocols", "check", str(file)], capsys)
    assert code == 0  # a warning, not a problem: the file is used
    assert f"{file}: ok (x, 2 phases)" in out
    assert out.count("warning:") == 1
    assert "phases[1] (Peak): no name in es ([phases.es]); the file's own is shown" in out
