"""``kapdesk demo`` and ``kapdesk export``: an example session written through the app's own
path, its record out as JSON, CSV and FHIR, and plain messages for bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtWidgets import QApplication

from kapdesk.cli import main
from tests.support.pdf_text import pdf_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_id(data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> int:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    out, err = capsysbinary.readouterr()
    assert err == b""
    last = out.decode("utf-8").strip().splitlines()[-1]
    assert last.isdigit()
    return int(last)


def export(
    data_dir: Path, capsysbinary: pytest.CaptureFixture[bytes], *args: str
) -> tuple[int, bytes, str]:
    code = main(["--data-dir", str(data_dir), "export", *args])
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


def test_demo_writes_a_closed_session_and_prints_its_id_last(
    data_dir: Path, demo_id: int, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--data-dir", str(data_dir), "sessions", "list"]) == 0
    (row,) = capsysbinary.readouterr().out.decode("utf-8").strip().splitlines()[1:]
    assert row.split()[:3] == [str(demo_id), "DEMO-001", "iv-ketamine"]
    assert row.split()[-1] == "closed"
    # A second demo is a second session.
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out.strip().splitlines()[-1] == str(demo_id + 1)


def test_each_format_of_the_demo_parses(
    data_dir: Path, demo_id: int, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = export(data_dir, capsysbinary, str(demo_id), "--format", "json")
    assert (code, err) == (0, "")
    record = json.loads(out)
    assert record["session"]["patient_code"] == "DEMO-001"
    entries = record["timeline"]

    code, out, err = export(data_dir, capsysbinary, str(demo_id), "--format", "csv")
    assert (code, err) == (0, "")
    assert out.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(io.StringIO(out.decode("utf-8-sig"), newline=""))
    assert header[:7] == [
        "seq",
        "wall_utc",
        "journey_time",
        "journey_seconds",
        "phase",
        "kind",
        "text",
    ]
    assert len(rows) == len(entries)
    (amended,) = [r for r in rows if r[header.index("amended")] == "yes"]
    assert "HR 84 /min" in amended[header.index("text")]
    assert "HR 48 /min" in amended[header.index("original_text")]

    code, out, err = export(data_dir, capsysbinary, str(demo_id), "--format", "fhir")
    assert (code, err) == (0, "")
    bundle = Bundle.model_validate_json(out)
    assert bundle.type == "collection"

    code, out, _ = export(data_dir, capsysbinary, str(demo_id))  # json by default
    assert json.loads(out) == record


def test_export_to_a_file(
    data_dir: Path, demo_id: int, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    _, expected, _ = export(data_dir, capsysbinary, str(demo_id), "--format", "fhir")
    target = tmp_path / "bundle.json"
    target.write_text("an older export", encoding="utf-8")
    code, out, err = export(
        data_dir, capsysbinary, str(demo_id), "--format", "fhir", "-o", str(target)
    )
    assert (code, out) == (1, b"")
    assert err == f"kapdesk: cannot write {target}: it already exists; give --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "an older export"
    code, out, err = export(
        data_dir, capsysbinary, str(demo_id), "--format", "fhir", "-o", str(target), "--force"
    )
    assert (code, out, err) == (0, b"", "")
    assert target.read_bytes() == expected
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_export_bad_input_gets_a_plain_message(
    data_dir: Path, demo_id: int, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = export(data_dir, capsysbinary, "42")
    assert (code, out, err) == (1, b"", "kapdesk: there is no session 42\n")
    code, out, err = export(data_dir, capsysbinary, "four")
    assert (code, out) == (1, b"")
    assert err == "kapdesk: a session id is a number, not 'four'\n"

    missing = tmp_path / "no-such-folder" / "out.csv"
    code, out, err = export(
        data_dir, capsysbinary, str(demo_id), "--format", "csv", "-o", str(missing)
    )
    assert (code, out) == (1, b"")
    assert err == (f"kapdesk: cannot write {missing}: the folder {missing.parent} does not exist\n")
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    code, _, err = export(data_dir, capsysbinary, str(demo_id), "-o", str(a_file / "out.json"))
    assert code == 1
    assert err.startswith(f"kapdesk: cannot write {a_file / 'out.json'}: ")
    code, _, err = export(data_dir, capsysbinary, str(demo_id), "-o", str(tmp_path))
    assert code == 1
    assert err.endswith(f"{tmp_path}: it is a folder, not a file kapdesk may replace\n")
    assert not missing.parent.exists()

    with pytest.raises(SystemExit) as exited:
        main(["--data-dir", str(data_dir), "export", str(demo_id), "--format", "xml"])
    assert exited.value.code == 2
    assert "invalid choice: 'xml'" in capsysbinary.readouterr().err.decode("utf-8")


def _kapdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kapdesk", *args],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.subprocess
def test_from_a_terminal_no_traceback(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    demo = _kapdesk("--data-dir", data, "demo")
    assert demo.returncode == 0, demo.stderr
    session = demo.stdout.strip().splitlines()[-1]
    csv_out = _kapdesk("--data-dir", data, "export", session, "--format", "csv")
    assert csv_out.returncode == 0
    assert csv_out.stdout.startswith("\ufeffseq,wall_utc,")
    for args in (
        ("export", "42"),
        ("export", "x1"),
        ("export", session, "-o", str(tmp_path / "nowhere" / "x.json")),
        ("export", session, "--format", "docx"),
        ("handout", session),  # a handout needs its file
        ("handout", "42", "-o", str(tmp_path / "h.pdf")),
    ):
        result = _kapdesk("--data-dir", data, *args)
        assert result.returncode in (1, 2), args
        assert result.stderr.startswith(("kapdesk: ", "usage: ")), result.stderr
        assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.subprocess
def test_the_record_and_the_handout_print_from_the_command_line(
    tmp_path: Path, qapp: QApplication
) -> None:
    data = str(tmp_path / "data")
    demo = _kapdesk("--data-dir", data, "demo")
    session = demo.stdout.strip().splitlines()[-1]
    record, handout = tmp_path / "record.pdf", tmp_path / "handout.pdf"
    done = _kapdesk("--data-dir", data, "export", session, "--format", "pdf", "-o", str(record))
    assert done.returncode == 0, done.stderr
    done = _kapdesk("--data-dir", data, "handout", session, "-o", str(handout))
    assert done.returncode == 0, done.stderr
    printed = pdf_text(record)
    assert "Session record · DEMO-001" in printed
    assert "KET-24-1187" in printed
    assert "Digits swapped when typing" in printed  # the correction, with its reason
    sheet = pdf_text(handout)
    assert "To meet the sadness with curiosity." in sheet
    assert "mmHg" not in sheet
    assert "Quiet tears" not in sheet


def _kapdesk_on_a_terminal(*args: str) -> tuple[int, bytes, str]:
    """kapdesk with its standard output on a pseudo-terminal, as when typed at a prompt."""
    import pty  # noqa: PLC0415  (POSIX only, as the room PCs that run this test)

    main_end, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kapdesk", *args],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=terminal,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
        os.close(terminal)
        terminal = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main_end, 65536)
            except OSError:  # the terminal's other end is closed: all was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if terminal >= 0:
            os.close(terminal)
        os.close(main_end)
    return done.returncode, shown, done.stderr.decode("utf-8")


@pytest.mark.subprocess
def test_a_pdf_is_not_written_into_a_terminal_but_goes_into_a_pipe(tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    demo = _kapdesk("--data-dir", data, "demo")
    assert demo.returncode == 0, demo.stderr
    session = demo.stdout.strip().splitlines()[-1]
    code, shown, err = _kapdesk_on_a_terminal(
        "--data-dir", data, "export", session, "--format", "pdf"
    )
    assert code == 2
    assert b"%PDF" not in shown
    assert "-o FILE" in err
    assert "Traceback" not in err
    # A pipe still takes the PDF.
    piped = subprocess.run(
        [sys.executable, "-m", "kapdesk", "--data-dir", data, "export", session, "--format", "pdf"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"%PDF")


def test_the_printed_record_says_times_the_clinics_way(
    data_dir: Path, demo_id: int, tmp_path: Path, qapp: QApplication
) -> None:
    """The PDF is for people: a 12-hour clinic's record says "PM", as its window does (the
    exports for scripts keep ISO times). tests/conftest.py puts the default locale back."""
    (data_dir / "clinic.toml").write_text('[locale]\nregion = "en_US"\n', "utf-8")
    record = tmp_path / "record.pdf"
    args = ["--data-dir", str(data_dir), "export", str(demo_id), "--format", "pdf"]
    assert main([*args, "-o", str(record)]) == 0
    printed = pdf_text(record)
    assert re.search(r"Opened \d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M ", printed), printed[:400]
