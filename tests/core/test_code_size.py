"""No module of kapdesk is over 600 lines and no function over 80: small modules with one
clear owner, and functions a reader takes in at once. The failure names every offender."""

from __future__ import annotations

import ast
from pathlib import Path

import kapdesk

KAPDESK = Path(kapdesk.__file__).parent
LONGEST_MODULE = 600  # lines
LONGEST_FUNCTION = 80  # lines, from its def line to its last line


def long_modules(root: Path, limit: int = LONGEST_MODULE) -> list[str]:
    """Each module under ``root`` longer than ``limit`` lines, with its length."""
    found = []
    for path in sorted(root.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{path.relative_to(root.parent)}: {lines} lines")
    return found


def long_functions(root: Path, limit: int = LONGEST_FUNCTION) -> list[str]:
    """Each function or method under ``root`` longer than ``limit`` lines, with where it is."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                where = f"{path.relative_to(root.parent)}:{node.lineno}"
                found.append(f"{where} {node.name}: {length} lines")
    return found


def test_no_module_is_over_600_lines() -> None:
    offenders = long_modules(KAPDESK)
    assert offenders == [], "modules over 600 lines:\n" + "\n".join(offenders)


def test_no_function_is_over_80_lines() -> None:
    offenders = long_functions(KAPDESK)
    assert offenders == [], "functions over 80 lines:\n" + "\n".join(offenders)


def test_the_checks_would_name_an_offender(tmp_path: Path) -> None:
    package = tmp_path / "kapdesk"
    package.mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(80))
    (package / "long.py").write_text(
        "import functools\n\n\n@functools.cache\ndef long_one():\n" + body + "\n" * 600,
        encoding="utf-8",
    )
    (package / "short.py").write_text("def short_one():\n    return 1\n", encoding="utf-8")
    assert long_modules(package) == ["kapdesk/long.py: 685 lines"]
    assert long_functions(package) == ["kapdesk/long.py:5 long_one: 81 lines"]
    assert long_functions(package, limit=81) == []
    assert long_modules(package, limit=685) == []
