"""``kapdesk audio measure``: the child process that measures loudness for the library.

Not for people (``kapdesk audio check`` prints loudness for them): the app runs it through
``kapdesk.audio.measuring.measure_files`` so that decoding and measuring never share the
window's process. It prints ``{"ready": true}`` once it has started and loaded its meter, then
for each file ``{"index": i, "begin": true}`` as it begins and one JSON line as it finishes (so
the app can tell a child that never ran from a file that kills it). On a PC that cannot measure
at all it prints ``{"missing": sentence}`` first (so the window never loads the sound libraries
to find that out), and then a line only for each file whose sane ReplayGain or R128 tag says
how loud it is (mutagen needs no sound library).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

NICENESS = 10  # below the window and the player, which must never stutter
# Linux's idle I/O class (ioprio.h): the disk too goes to the player first.
_IOPRIO_WHO_PROCESS, _IOPRIO_CLASS_IDLE, _IOPRIO_CLASS_SHIFT = 1, 3, 13
_IOPRIO_SET = {"x86_64": 251, "aarch64": 30, "i686": 289, "i386": 289}  # syscall numbers


def measure_audio(
    paths: Sequence[Path], out: TextIO, *, from_stdin: bool = False, names: BinaryIO | None = None
) -> int:
    """Measure each file and print its JSON line (``from_stdin``: the names come from
    ``names``, or stdin, each ending in a NUL byte). Exits 0 whatever the files held: a file
    that cannot be measured is a result, not a failure."""
    from kapdesk.audio.loudness_meter import meter_missing  # noqa: PLC0415
    from kapdesk.audio.loudness_tags import tagged_loudness  # noqa: PLC0415
    from kapdesk.audio.measuring import result_line  # noqa: PLC0415

    lower_priority()
    if from_stdin:
        given = (names or sys.stdin.buffer).read()
        paths = [Path(os.fsdecode(name)) for name in given.split(b"\0") if name]
    missing = meter_missing()
    if missing is not None:
        print(json.dumps({"missing": missing}), file=out, flush=True)
        print(json.dumps({"ready": True}), file=out, flush=True)
        for index, path in enumerate(paths):
            tagged = tagged_loudness(path)
            if tagged is not None:
                entry = {"index": index, "path": str(path), "loudness": tagged.to_json()}
                print(json.dumps(entry), file=out, flush=True)
        return 0
    print(json.dumps({"ready": True}), file=out, flush=True)
    for index, path in enumerate(paths):
        print(json.dumps({"index": index, "begin": True}), file=out, flush=True)
        print(result_line(index, path), file=out, flush=True)
    return 0


def lower_priority() -> None:
    """Put this process below everything the room needs: nice 10, and on Linux the idle
    scheduling class for the CPU and the idle class for the disk (it runs only when nothing
    else wants them). Windows gets its idle class from the parent when it starts the child.
    Each step is best effort: measuring slowly is better than not measuring."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    number = _IOPRIO_SET.get(platform.machine()) if sys.platform == "linux" else None
    if number is not None:
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            idle = _IOPRIO_CLASS_IDLE << _IOPRIO_CLASS_SHIFT
            libc.syscall(number, _IOPRIO_WHO_PROCESS, 0, idle)
