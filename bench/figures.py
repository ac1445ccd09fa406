"""The figures each benchmark measured, gathered for ``python -m bench``'s closing table: the
figure, its target, and the bare floor it is measured against (what the same work costs with
no kapdesk: a bare PySide6 window, raw sqlite3, a minimal pygame script)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure, as the closing table shows it."""

    name: str
    value: str
    target: str
    floor: str = ""
    met: bool | None = None  # None: a figure shown for context, with no target of its own


FIGURES: list[Figure] = []


def record(name: str, value: str, target: str, floor: str = "", met: bool | None = None) -> None:
    """Keep a figure for the closing table (a benchmark run alone prints its own lines)."""
    FIGURES.append(Figure(name, value, target, floor, met))


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "MISSED")


def print_summary() -> None:
    """Every figure kept so far, one line each, with its target and floor."""
    if not FIGURES:
        return
    width = max(len(f.name) for f in FIGURES)
    value_width = max(len(f.value) for f in FIGURES)
    target_width = max(len(f.target) for f in FIGURES)
    print("summary: each figure, its target, and the bare floor beside it")
    for f in FIGURES:
        line = f"  {f.name:{width}}  {f.value:>{value_width}}  {f.target:{target_width}}"
        line += f"  {verdict(f.met):6}"
        if f.floor:
            line += f"  floor: {f.floor}"
        print(line.rstrip())
    missed = [f.name for f in FIGURES if f.met is False]
    print(f"  {len(missed)} missed" + (f": {', '.join(missed)}" if missed else ""))
