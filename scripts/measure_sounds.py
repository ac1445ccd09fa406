"""Measures the loudness of kapdesk's bundled sounds and writes the figures into their
manifest (kapdesk/assets/sounds/sounds.toml), leaving the audio and every other line as it is.

.venv/bin/python scripts/measure_sounds.py [--folder DIR]

scripts/make_sounds.py runs this after writing the sounds; run it alone when the meter changes,
as making the sounds again might not give the same bytes. Each sound gets ``lufs`` (integrated
loudness), ``true_peak`` (dBTP) and ``range`` (loudness range, LU), measured by kapdesk's own
meter, so the app ships its beds measured and plays them at the clinic's target from the start.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kapdesk.core.loudness import Loudness  # noqa: E402  (after the repository is on the path)

FIGURES = ("lufs", "true_peak", "range")


def measure(path: Path) -> Loudness:
    """The file's loudness by kapdesk's meter (or, without it, ffmpeg's ebur128 filter)."""
    try:
        from kapdesk.audio.loudness_meter import measure as meter  # noqa: PLC0415
    except ImportError:
        return _ffmpeg(path)
    return meter(path)


def _ffmpeg(path: Path) -> Loudness:
    run = subprocess.run(
        [
            "ffmpeg",
            "-nostats",
            "-hide_banner",
            "-i",
            str(path),
            "-af",
            "ebur128=peak=true",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = run.stderr[run.stderr.rindex("Summary:") :]

    def figure(name: str) -> float:
        found = re.search(rf"{name}:\s+(-?[\d.]+|-inf)", summary)
        if found is None:
            raise SystemExit(f"measure_sounds: no {name} for {path.name}")
        return float(found.group(1))

    return Loudness(figure("I"), figure("Peak"), figure("LRA"))


def with_figures(manifest: str, figures: dict[str, Loudness]) -> str:
    """``manifest`` with each sound's loudness lines (re)written after its ``seconds`` line."""
    out: list[str] = []
    current = None
    for line in manifest.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in FIGURES:
            continue
        out.append(line)
        if key == "id":
            current = tomllib.loads(line)["id"]
        elif key == "seconds" and current in figures:
            loudness = figures[current]
            spread = 0.0 if loudness.range is None else loudness.range
            out += [
                f"lufs = {loudness.integrated:.1f}",
                f"true_peak = {loudness.true_peak:.1f}",
                f"range = {spread:.1f}",
            ]
    return "\n".join(out) + "\n"


def remeasure(folder: Path) -> None:
    manifest = folder / "sounds.toml"
    text = manifest.read_text(encoding="utf-8")
    figures = {}
    for entry in tomllib.loads(text)["sound"]:
        loudness = measure(folder / entry["file"])
        figures[entry["id"]] = loudness
        print(
            f"{entry['file']:18} {loudness.integrated:6.1f} LUFS  "
            f"peak {loudness.true_peak:5.1f} dBTP  range {loudness.range or 0.0:4.1f} LU"
        )
    manifest.write_text(with_figures(text, figures), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder",
        type=Path,
        default=REPO / "kapdesk" / "assets" / "sounds",
        help="default: kapdesk/assets/sounds/",
    )
    remeasure(parser.parse_args(argv).folder)


if __name__ == "__main__":
    main()
