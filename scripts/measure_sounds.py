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
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# After the repository is on the path:
from kapdesk.audio.loudness_meter import MeasureError, meter_missing  # noqa: E402
from kapdesk.audio.loudness_meter import measure as meter  # noqa: E402
from kapdesk.core.loudness import Loudness  # noqa: E402

FIGURES = ("lufs", "true_peak", "range")


def measure(path: Path) -> Loudness:
    """The file's loudness by kapdesk's own meter, which the app and the tests use too."""
    missing = meter_missing()
    if missing is not None:
        raise SystemExit(f"measure_sounds: {missing}")
    try:
        return meter(path)
    except MeasureError as exc:
        raise SystemExit(f"measure_sounds: {path.name}: {exc}") from exc


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
