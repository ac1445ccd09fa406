"""Loudness measuring: how many times faster than real time, and the measuring child's peak RSS.

A 10-minute stereo 44.1 kHz track (pink noise with a slow 12 dB swell, so gating and the
loudness range have work to do) is made with ffmpeg as WAV, FLAC, OGG Vorbis, MP3 and Opus
(without ffmpeg: WAV only, from the standard library). Each is measured as the library does it:
``kapdesk.audio.measuring.measure_files``, which runs one ``kapdesk audio measure`` child. Every
format is measured from a fresh bench process, so that the peak RSS it reports for its
children is that one measuring child's; the wall time includes the child's start. The last
column is the meter alone (``measure()`` in this process): decoding and measuring, no start.

    python -m bench.loudness            the table
    python -m bench.loudness --long     also a 60-minute FLAC: memory stays flat
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECONDS = 600
LONG_SECONDS = 3600
RATE = 44_100
FORMATS = {
    ".wav": ["-c:a", "pcm_s16le"],
    ".flac": ["-c:a", "flac"],
    ".ogg": ["-c:a", "libvorbis", "-q:a", "5"],
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "192k"],
    ".opus": ["-c:a", "libopus", "-b:a", "128k"],
}
CHILD = "--child"


def make_track(folder: Path, suffix: str, seconds: int) -> Path:
    """The bench track in the format ``suffix`` names, made by ffmpeg."""
    out = folder / f"track-{seconds // 60}min{suffix}"
    noise = f"anoisesrc=color=pink:seed={{}}:sample_rate={RATE}:amplitude=0.25:duration={seconds}"
    graph = (
        f"{noise.format(1)}[l];{noise.format(2)}[r];[l][r]amerge=inputs=2,"
        "volume='0.25+0.75*pow(sin(PI*t/300),2)':eval=frame[out]"
    )
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-filter_complex", graph]
    subprocess.run([*command, "-map", "[out]", *FORMATS[suffix], str(out)], check=True, timeout=600)
    return out


def make_wav_without_ffmpeg(folder: Path, seconds: int) -> Path:
    """A WAV of the same shape from the standard library: ten seconds of pink noise, repeated
    with the swell applied per ten seconds."""
    import array  # noqa: PLC0415
    import math  # noqa: PLC0415
    import wave  # noqa: PLC0415

    from tests.audio.signals import pink_noise  # noqa: PLC0415

    block = 10 * RATE
    left, right = pink_noise(block, seed=1), pink_noise(block, seed=2)
    out = folder / f"track-{seconds // 60}min.wav"
    with wave.open(str(out), "wb") as wav:
        wav.setnchannels(2)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        for start in range(0, seconds, 10):
            gain = 0.08 * (0.25 + 0.75 * math.sin(math.pi * start / 300) ** 2)
            frames = array.array("h", bytes(4 * block))
            for i in range(block):
                frames[2 * i] = max(-32767, min(32767, round(left[i] * gain * 32767)))
                frames[2 * i + 1] = max(-32767, min(32767, round(right[i] * gain * 32767)))
            if sys.byteorder == "big":
                frames.byteswap()
            wav.writeframes(frames.tobytes())
    return out


def child(path: Path) -> None:
    """In a fresh process: measure ``path`` the library's way; print the figures as JSON."""
    from kapdesk.audio.measuring import measure_files  # noqa: PLC0415

    began = time.perf_counter()
    result = measure_files([path], lambda done, total: None)[path]
    wall = time.perf_counter() - began
    if isinstance(result, str):
        raise SystemExit(f"{path.name}: {result}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"wall": wall, "rss_mb": peak_kib / 1024, "lufs": result.integrated}))


def measure_in_a_child(path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.loudness", CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=1200,
    )
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def meter_alone(path: Path) -> float:
    from kapdesk.audio.loudness_meter import measure  # noqa: PLC0415

    began = time.perf_counter()
    measure(path)
    return time.perf_counter() - began


def main(long: bool = False) -> None:
    from kapdesk.audio.loudness_meter import meter_missing  # noqa: PLC0415

    print("Loudness measuring (EBU R128: integrated, range, true peak), stereo 44.1 kHz")
    missing = meter_missing()
    if missing:
        print(f"  not measured: {missing}")
        return
    with tempfile.TemporaryDirectory(prefix="kapdesk-bench-loudness-") as scratch:
        folder = Path(scratch)
        tracks: list[tuple[Path, int]] = []
        if shutil.which("ffmpeg"):
            tracks += [(make_track(folder, suffix, SECONDS), SECONDS) for suffix in FORMATS]
            if long:
                tracks.append((make_track(folder, ".flac", LONG_SECONDS), LONG_SECONDS))
        else:
            print("  (no ffmpeg: WAV only, made by the standard library)")
            tracks.append((make_wav_without_ffmpeg(folder, SECONDS), SECONDS))
        print(
            f"  {'track':<22}{'LUFS':>7}{'child: x real time':>20}{'peak RSS':>10}"
            f"{'meter alone':>13}"
        )
        for path, seconds in tracks:
            figures = measure_in_a_child(path)
            alone = meter_alone(path)
            print(
                f"  {path.name:<22}{figures['lufs']:>7.1f}{seconds / figures['wall']:>19.0f}x"
                f"{figures['rss_mb']:>7.0f} MB{seconds / alone:>12.0f}x"
            )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == CHILD:
        child(Path(sys.argv[2]))
    else:
        main(long="--long" in sys.argv[1:])
