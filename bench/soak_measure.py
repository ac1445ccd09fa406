"""The soak bench's measures: RSS, the Python objects the garbage collector holds (and which
of them the session holds by design), the window's Qt objects; one sample every few simulated
minutes, one line each, and the figures that compare the end with minute 10."""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from bench.soak_session import Room

GROWERS = 3  # types named on each sample's line


def memory_mb() -> tuple[float, float]:
    """RSS now (VmRSS) and its peak (VmHWM), in MB."""
    found = {"VmRSS": 0.0, "VmHWM": 0.0}
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        name, _, value = line.partition(":")
        if name in found:
            found[name] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


def _type_name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def _held(roots: Iterable[object], seen: set[int]) -> int:
    """The garbage collector's objects ``roots`` hold by design: each root, its containers
    and kapdesk's model objects in them (not the enums, types or strings they name), counted
    once across calls that share ``seen``."""
    stack = [root for root in roots if id(root) not in seen]
    seen.update(id(root) for root in stack)
    count = 0
    while stack:
        obj = stack.pop()
        if not gc.is_tracked(obj):
            continue
        count += 1
        for inner in gc.get_referents(obj):
            if id(inner) not in seen and _model_part(inner):
                seen.add(id(inner))
                stack.append(inner)
    return count


def _model_part(obj: object) -> bool:
    if isinstance(obj, dict | list | tuple | set | frozenset):
        return True
    return type(obj).__module__.startswith("kapdesk.core.") and not isinstance(obj, Enum)


class Sample(NamedTuple):
    second: int
    rss: float
    peak: float
    objects: int
    types: Counter[str]
    kept: Counter[str]  # objects held by design: the journey's events, the timeline's entries
    qt_types: Counter[str]  # the window's QObject children, by class
    widgets: int
    top_types: Counter[str]  # the top-level widgets, by class
    events: int
    pending: int  # waiting to be written when the sample was due (then the bench waits)

    @property
    def qt_objects(self) -> int:
        return sum(self.qt_types.values())

    @property
    def top_levels(self) -> int:
        return sum(self.top_types.values())


def _dead_weakrefs(objects: list[object]) -> int:
    """Dead weak references still held: sqlite3's connections keep one per cursor made and
    prune them every 200 cursors (CPython 3.11), so they come and go."""
    return sum(1 for obj in objects if type(obj) is weakref.ref and obj() is None)


def sample(room: Room, second: int) -> Sample:
    from PySide6.QtCore import QObject  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    pending = room.pending()
    room.settle()
    window = room.window
    qt_types = Counter(child.metaObject().className() for child in window.findChildren(QObject))
    top_types = Counter(top.metaObject().className() for top in QApplication.topLevelWidgets())
    widgets = len(QApplication.allWidgets())
    current = window.current
    events = list(current.journey.events) if current is not None else []
    # Read only once the bench has opened it: the page may be built on first use.
    entries = list(window.timeline_view.entries) if room.timelines else []
    gc.collect()
    objects = gc.get_objects()
    types = Counter(_type_name(type(obj)) for obj in objects)
    seen: set[int] = set()
    kept = Counter({"events": _held(events, seen), "timeline": _held(entries, seen)})
    kept["dead weakrefs"] = _dead_weakrefs(objects)
    count = len(objects)
    del objects
    rss, peak = memory_mb()
    return Sample(
        second, rss, peak, count, types, kept, qt_types, widgets, top_types, len(events), pending
    )


def grew_most(before: Counter[str], after: Counter[str], many: int = GROWERS) -> list[str]:
    growth = Counter({name: after[name] - before[name] for name in after})
    return [f"{name.rsplit('.', 1)[-1]} +{n}" for name, n in growth.most_common(many) if n > 0]


SAMPLE_HEAD = (
    f"  {'time':>7} {'RSS MB':>7} {'peak':>6} {'Py objects':>11} {'Qt objects':>10}"
    f" {'widgets':>7} {'top':>4} {'events':>6} {'pending':>7}   grew most since the last"
)


def show(now: Sample, before: Sample | None) -> None:
    hours, minutes = divmod(now.second // 60, 60)
    grown = ", ".join(grew_most(before.types, now.types)) if before else ""
    print(
        f"  {hours:3d}h{minutes:02d}m {now.rss:7.1f} {now.peak:6.1f} {now.objects:11,d}"
        f" {now.qt_objects:10,d} {now.widgets:7d} {now.top_levels:4d} {now.events:6d}"
        f" {now.pending:7d}   {grown}",
        flush=True,
    )


def figures_of(base: Sample, end: Sample, peak_before: float) -> dict[str, Any]:
    """Minute 10 (``base``) against the end; ``peak_before``: VmHWM before the first sample."""
    events = end.events - base.events
    kept = {name: end.kept[name] - base.kept[name] for name in end.kept}
    return {
        "rss_base_mb": base.rss,
        "rss_end_mb": end.rss,
        "rss_growth_mb": end.rss - base.rss,
        "peak_mb": end.peak,
        "peak_before_counting_mb": peak_before,
        "objects_base": base.objects,
        "objects_end": end.objects,
        "events_base": base.events,
        "events_end": end.events,
        "kept_growth": kept,
        "objects_per_event": (end.objects - base.objects) / events if events else 0.0,
        "objects_unexplained": end.objects - base.objects - sum(kept.values()),
        "objects_grew": grew_most(base.types, end.types, 8),
        "qt_base": [base.qt_objects, base.widgets, base.top_levels],
        "qt_end": [end.qt_objects, end.widgets, end.top_levels],
        "qt_grew": grew_most(base.qt_types, end.qt_types, 6),
        "top_grew": grew_most(base.top_types, end.top_types, 4),
        "pending_end": end.pending,
    }
