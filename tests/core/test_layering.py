"""The layers hold: core/ stays pure Python (neither Qt, pygame nor SQLAlchemy, nor our upper
layers), storage/ never reaches up to the window or the desktop, and no module of kapdesk
imports itself back through others (no import cycle, not even one inside a function)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import kapdesk
import kapdesk.core

KAPDESK = Path(kapdesk.__file__).parent
CORE = Path(kapdesk.core.__file__).parent
FORBIDDEN = (
    "PySide6",
    "pygame",
    "sqlalchemy",
    "alembic",
    "kapdesk.storage",
    "kapdesk.ui",
    "kapdesk.audio",
    "kapdesk.reports",
)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_import_nothing_from_above() -> None:
    offenders = {
        f"{path.name}: {name}"
        for path in CORE.rglob("*.py")
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    }
    assert offenders == set()


def test_importing_core_loads_no_forbidden_module() -> None:
    modules = [f"kapdesk.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__"]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + f"bad = sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r}))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert len(modules) >= 4


def test_the_check_would_catch_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QTimer\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlalchemy.orm"} <= _imports(bad)


def test_reports_and_storage_stay_siblings() -> None:
    """reports/ reads what the stores return and imports no storage module when it runs, and
    storage/ imports no reports: kapdesk.records and kapdesk.printing bring them together."""
    import kapdesk.reports  # noqa: PLC0415
    import kapdesk.storage  # noqa: PLC0415

    code = (
        "import sys\n"
        "import kapdesk.reports.exports, kapdesk.reports.printed, kapdesk.reports.pdf\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('kapdesk.storage'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    storage = Path(kapdesk.storage.__file__).parent
    offenders = {
        f"{path.name}: {name}"
        for path in storage.rglob("*.py")
        for name in _imports(path)
        if name.startswith("kapdesk.reports")
    }
    assert offenders == set()
    assert Path(kapdesk.reports.__file__).parent.is_dir()


# -- the whole package: a graph of modules -------------------------------------------------------

# What storage may import of kapdesk: itself, core, and where the files are. Everything else is
# the desktop (the window, the command line, the room PC's OS) or a sibling (audio, reports);
# a new module is outside until someone decides it belongs here.
STORAGE_MAY_IMPORT = ("kapdesk.storage", "kapdesk.core", "kapdesk.paths")
# The package itself only for its version (a database notes the version that made it).
STORAGE_MAY_NAME = frozenset({"kapdesk", "kapdesk.__version__"})
DESKTOP = (
    "kapdesk.ui",
    "kapdesk.app",
    "kapdesk.cli",
    "kapdesk.connect",
    "kapdesk.desktop_entry",
    "kapdesk.wakefulness",
    "kapdesk.single_instance",
    "kapdesk.shutdown",
    "kapdesk.stop_signals",
    "kapdesk.records",
    "kapdesk.printing",
    "kapdesk.practice",
    "kapdesk.demo",
    "kapdesk.room_pc",
    "kapdesk.audio",
    "kapdesk.reports",
    "PySide6",
    "pygame",
)


def module_name(path: Path, root: Path) -> str:
    """``kapdesk/storage/db.py`` -> ``kapdesk.storage.db``; a package's ``__init__`` is the
    package."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import in the file, inside functions too, but not under ``if TYPE_CHECKING:``
    (its ``else:`` runs, so it counts)."""
    for child in ast.iter_child_nodes(tree):
        if isinstance(child, ast.If) and _type_checking(child.test):
            for node in child.orelse:
                yield from _import_nodes(ast.Module(body=[node], type_ignores=[]))
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _import_nodes(child)


def imported_names(path: Path, name: str) -> set[str]:
    """The dotted names ``path`` (the module ``name``) imports, relative imports resolved;
    ``from a import b`` gives ``a.b`` as well as ``a``, for ``b`` may be a module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
            continue
        module = node.module or ""
        if node.level:
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
            module = ".".join([*base, module] if module else base)
        names.add(module)
        names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def module_graph(root: Path) -> dict[str, set[str]]:
    """Each module under ``root`` (a package folder) and the modules of the same package it
    imports: each import goes to the longest module name it starts with."""
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets: set[str] = set()
        for imported in imported_names(path, name):
            target = imported
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that comes back to where it starts, or None (a depth-first
    walk without recursion: the path walked so far is the chain of imports being followed)."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                done.add(path.pop())
            elif following in path:
                return [*path[path.index(following) :], following]
            elif following not in done:
                path.append(following)
                stack.append(iter(sorted(graph.get(following, ()))))
    return None


def test_no_module_imports_itself_back() -> None:
    graph = module_graph(KAPDESK)
    cycle = find_cycle(graph)
    assert cycle is None, "an import cycle: " + " -> ".join(cycle or [])
    assert {"kapdesk.storage.db", "kapdesk.core.journey"} <= graph.keys()


def test_the_cycle_finder_would_catch_a_planted_cycle(tmp_path: Path) -> None:
    package = tmp_path / "kapdesk"
    (package / "storage").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "storage" / "__init__.py").write_text("", encoding="utf-8")
    (package / "cli.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from kapdesk import app\n"  # not a cycle: never runs
        "def run():\n    from kapdesk.storage import server\n",
        encoding="utf-8",
    )
    (package / "app.py").write_text("import kapdesk.cli\n", encoding="utf-8")
    (package / "storage" / "server.py").write_text(
        "from .. import desktop_entry\n", encoding="utf-8"
    )
    (package / "desktop_entry.py").write_text(
        "def check():\n    from kapdesk.cli import run\n", encoding="utf-8"
    )
    graph = module_graph(package)
    assert graph["kapdesk.app"] == {"kapdesk.cli"}
    assert find_cycle(graph) == [
        "kapdesk.cli",
        "kapdesk.storage.server",
        "kapdesk.desktop_entry",
        "kapdesk.cli",
    ]
    (package / "desktop_entry.py").write_text("", encoding="utf-8")
    assert find_cycle(module_graph(package)) is None


def _reaches(name: str, places: tuple[str, ...]) -> bool:
    return any(name == place or name.startswith(place + ".") for place in places)


def test_storage_never_imports_the_window_or_the_desktop() -> None:
    storage = KAPDESK / "storage"
    imported = {
        f"{module_name(path, KAPDESK)}: {name}"
        for path in storage.rglob("*.py")
        for name in imported_names(path, module_name(path, KAPDESK))
        if _reaches(name, DESKTOP)
        or (
            _reaches(name, ("kapdesk",))
            and not _reaches(name, STORAGE_MAY_IMPORT)
            and name not in STORAGE_MAY_NAME
        )
    }
    assert imported == set()


def test_the_storage_check_would_catch_a_desktop_import(tmp_path: Path) -> None:
    bad = tmp_path / "kapdesk" / "storage" / "server.py"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "def check(url):\n    from kapdesk.desktop_entry import url_has_password\n",
        encoding="utf-8",
    )
    names = imported_names(bad, "kapdesk.storage.server")
    assert any(_reaches(name, DESKTOP) for name in names)
    assert not all(_reaches(name, STORAGE_MAY_IMPORT) for name in names)
