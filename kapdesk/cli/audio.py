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
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

NICENESS = 10  # below the window and the player, which must never stutter


def measure_audio(
    paths: Sequence[Path], out: TextIO, *, from_stdin: bool = False, names: BinaryIO | None = None
) -> int:
    """Measure each file and print its JSON line (``from_stdin``: the names come from
    ``names``, or stdin, each ending in a NUL byte). Exits 0 whatever the files held: a file
    that cannot be measured is a result, not a failure."""
    from kapdesk.audio.loudness_meter import meter_missing  # noqa: PLC0415
    from kapdesk.audio.loudness_tags import tagged_loudness  # noqa: PLC0415
    from kapdesk.audio.measuring import result_line  # noqa: PLC0415

    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(NICENESS)
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
