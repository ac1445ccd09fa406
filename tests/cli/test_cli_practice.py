"""``kapdesk --practice``: commands work on the practice record, never the clinic's; what they
print or export says practice; what practice must never do is refused plainly."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapdesk.cli import main
from kapdesk.core.practice import MARK
from kapdesk.paths import AppPaths
from kapdesk.storage.db import open_storage
from kapdesk.storage.writer_lock import take_writer_lock
from tests.support.pdf_text import pdf_pages


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_practice_commands_work_on_the_practice_record_only(
    qapp: QApplication, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--practice", "demo")
    assert (code, err) == (0, "")
    session = out.strip().splitlines()[-1]
    assert (data_dir / "practice" / "kapdesk.sqlite3").is_file()
    assert not (data_dir / "kapdesk.sqlite3").exists()  # the clinic's record was not made

    code, out, err = _run(capsys, "--data-dir", str(data_dir), "sessions", "list")
    assert code == 0
    assert "DEMO-001" not in out
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--practice", "sessions", "list")
    assert "DEMO-001" in out

    code, out, err = _run(
        capsys, "--data-dir", str(data_dir), "--practice", "export", session, "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["mark"] == MARK
    code, out, err = _run(
        capsys, "--data-dir", str(data_dir), "--practice", "export", session, "--format", "csv"
    )
    assert out.lstrip("\ufeff").splitlines()[0] == MARK

    record = tmp_path / "record.pdf"
    handout = tmp_path / "handout.pdf"
    practice = ["--data-dir", str(data_dir), "--practice"]
    assert main([*practice, "export", session, "--format", "pdf", "-o", str(record)]) == 0
    assert main([*practice, "handout", session, "-o", str(handout)]) == 0
    pages = pdf_pages(record) + pdf_pages(handout)
    assert len(pages) > 2
    for page in pages:
        assert "".join(MARK.split()) in "".join(page.split())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--db", "sqlite:///elsewhere.sqlite3"], "does not go with --db"),
        (["connect", "postgresql://kap@clinic/kapdesk"], "never connects to the clinic server"),
        (["board"], "never appears on the clinic board"),
        (["encrypt"], "not encrypted"),
        (["install-desktop", "--autostart"], "started by hand"),
    ],
)
def test_what_practice_never_does_is_refused_plainly(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--practice", *args)
    assert code == 2
    assert out == ""
    assert err.startswith("kapdesk: ")
    assert said in err
    assert "Traceback" not in err
    assert not data_dir.exists()  # nothing was made


def test_practice_never_reaches_a_clinic_server_whatever_its_room_file_says(
    tmp_path: Path,
) -> None:
    paths = AppPaths.resolve(tmp_path / "data")
    practice = paths.for_practice()
    assert practice.for_practice() == practice
    # The clinic's room file names its server; practice reads its own, and even one that
    # names a server leaves practice on its own file.
    for room_file in (paths.room_settings, practice.room_settings):
        room_file.parent.mkdir(parents=True, exist_ok=True)
        room_file.write_text('database = "postgresql://kap@192.0.2.1/kapdesk"\n')
    writer = take_writer_lock(practice, None)
    assert writer is not None
    try:
        assert writer.database == paths.data_dir / "practice" / "kapdesk.sqlite3"
        storage = open_storage(practice, None)  # a server would take seconds to time out
        try:
            assert storage.engine.dialect.name == "sqlite"
            assert storage.engine.url.database == str(practice.database)
        finally:
            storage.engine.dispose()
    finally:
        writer.release()
    # What practice reads from the clinic, and where it writes for itself.
    assert practice.clinic_settings == paths.clinic_settings
    assert practice.clinic_protocols_dir == paths.clinic_protocols_dir
    assert practice.log_dir == paths.log_dir / "practice"
    assert paths.data_dir in practice.kept_places()  # no export from practice writes there
    assert oct(paths.data_dir.stat().st_mode & 0o777) == "0o700"


def test_reset_practice_empties_the_practice_record_only_after_asking(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0  # the clinic's record
    assert main(["--data-dir", str(data_dir), "--practice", "demo"]) == 0
    real = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    practice = data_dir / "practice"
    (practice / "room.toml").write_text('room_name = "Training"\n')
    capsys.readouterr()

    for answer in ("no\n", ""):  # a no, or nothing typed at all (no terminal): nothing goes
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        code, out, err = _run(capsys, "--data-dir", str(data_dir), "reset-practice")
        assert (code, err) == (0, "")
        assert "Type reset to go on" in out
        assert out.strip().endswith("Nothing was changed.")
        assert (practice / "kapdesk.sqlite3").is_file()

    held = take_writer_lock(AppPaths.resolve(data_dir).for_practice(), None)  # practice is open
    assert held is not None
    try:
        monkeypatch.setattr("sys.stdin", io.StringIO("reset\n"))
        code, out, err = _run(capsys, "--data-dir", str(data_dir), "reset-practice")
    finally:
        held.release()
    assert code == 1
    assert "Close the practice kapdesk first" in err
    assert (practice / "kapdesk.sqlite3").is_file()

    monkeypatch.setattr("sys.stdin", io.StringIO("reset\n"))
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--practice", "reset-practice")
    assert (code, err) == (0, "")
    assert out.strip().endswith("the next practice starts afresh.")
    assert not (practice / "kapdesk.sqlite3").exists()
    assert not (practice / "kapdesk.sqlite3-kapdesk.json").exists()
    assert (practice / "room.toml").read_text() == 'room_name = "Training"\n'
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == real
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--practice", "sessions", "list")
    assert "DEMO-001" not in out
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "sessions", "list")
    assert "DEMO-001" in out  # the clinic's own demo session is still there
    fresh = data_dir.parent / "fresh"
    code, out, err = _run(capsys, "--data-dir", str(fresh), "reset-practice")
    assert out.strip() == "The practice record is empty already."
    assert not (fresh / "practice").exists()
