"""Where kapdesk keeps things: its bundled data found as importlib.resources would find it,
and the folders of one installation as a value."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest

from kapdesk.paths import ASSETS_DIR, BUNDLED_CLINIC_SETTINGS, AppPaths, package_folder

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("package", "name"), [("kapdesk", "assets"), ("kapdesk.storage", "migrations")]
)
def test_bundled_folders_are_where_importlib_resources_finds_them(package: str, name: str) -> None:
    found = package_folder(package, name)
    assert found == files(package) / name
    assert found.is_dir()


def test_the_bundled_data_is_read_from_the_assets_folder() -> None:
    assert ASSETS_DIR.name == "assets"
    assert BUNDLED_CLINIC_SETTINGS.is_file()


def test_a_package_not_in_a_folder_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_package/__init__.py", "")
        zipped.writestr("zipped_package/data/x.txt", "x")
    sys.path.insert(0, str(archive))
    try:
        with pytest.raises(RuntimeError, match="not in a folder"):
            package_folder("zipped_package", "data")
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_package", None)


def test_app_paths_is_an_immutable_value(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path)
    assert paths == AppPaths.resolve(tmp_path)
    assert hash(paths) == hash(AppPaths.resolve(tmp_path))
    assert paths != paths.for_practice()
    assert paths.log_dir == tmp_path.resolve() / "logs"
    with pytest.raises(AttributeError):
        paths.data_dir = tmp_path / "elsewhere"  # type: ignore[misc]


def test_the_paths_load_neither_importlib_resources_nor_dataclasses() -> None:
    """What the first frame imports stays small: the bundled data's folder and the folders'
    value need neither (some 5 ms of a start between them)."""
    probe = (
        "import sys\n"
        "import kapdesk.paths\n"
        "heavy = ('importlib.resources', 'dataclasses')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
