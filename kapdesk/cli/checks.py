"""Commands that check files without the record: protocols, the clinic's settings, sound
files and playlists. Each names every problem it finds and exits 1 when there is one."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kapdesk.core.wording import counted  # a few lines of pure Python: no baggage
from kapdesk.exit_codes import EXIT_PROBLEM
from kapdesk.paths import BUNDLED_PROTOCOLS_DIR, AppPaths

if TYPE_CHECKING:
    pass


def list_protocols(paths: AppPaths, out: TextIO) -> int:
    from kapdesk.core.protocol_files import ProtocolLibrary  # noqa: PLC0415
    from kapdesk.core.timefmt import minutes_text  # noqa: PLC0415

    library = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, paths.clinic_protocols_dir)
    for protocol in library.protocols():
        phases = ", ".join(f"{p.name} {minutes_text(p.minutes)}" for p in protocol.phases)
        origin = (
            "bundled" if protocol.source.startswith(str(BUNDLED_PROTOCOLS_DIR)) else protocol.source
        )
        print(f"{protocol.id}  {protocol.name}", file=out)
        print(
            f"    route: {protocol.route}; phases advance {protocol.advance.value}; "
            f"planned {minutes_text(protocol.planned_minutes)}"
            + (
                f"; at least {minutes_text(protocol.monitoring_minutes)} in the room"
                if protocol.monitoring_minutes
                else ""
            ),
            file=out,
        )
        print(f"    phases: {phases}", file=out)
        print(f"    from: {origin}", file=out)
    for error in library.problems:
        print(f"cannot load {error.source}:", file=out)
        for problem in error.problems:
            print(f"    {problem}", file=out)
    return EXIT_PROBLEM if library.problems else 0


def check_protocols(files: Sequence[Path], out: TextIO) -> int:
    from kapdesk.core.protocol_files import load_protocol_file, missing_words  # noqa: PLC0415
    from kapdesk.core.protocols import ProtocolError  # noqa: PLC0415

    failed = 0
    for path in files:
        try:
            protocol = load_protocol_file(path)
        except ProtocolError as error:
            failed += 1
            print(f"{path}: {counted(len(error.problems), 'problem')}", file=out)
            for problem in error.problems:
                print(f"  {path}:{problem}", file=out)
            continue
        print(f"{path}: ok ({protocol.id}, {counted(len(protocol.phases), 'phase')})", file=out)
        for warning in missing_words(protocol):
            print(f"  {path}: warning: {warning}", file=out)
    return EXIT_PROBLEM if failed else 0


def check_clinic(path: Path, out: TextIO) -> int:
    from kapdesk.core.clinic import WEEKDAYS, ClinicError, parse_clinic  # noqa: PLC0415
    from kapdesk.core.toml_check import read_toml_text  # noqa: PLC0415

    try:
        settings = parse_clinic(read_toml_text(path, ClinicError), str(path))
    except ClinicError as error:
        print(f"{path}: {counted(len(error.problems), 'problem')}", file=out)
        for problem in error.problems:
            print(f"  {path}:{problem}", file=out)
        return EXIT_PROBLEM
    days = ", ".join(WEEKDAYS[d].title() for d in settings.open_days)
    offered = "; ".join(rule.name for rule in settings.followups if rule.offered) or "none"
    print(f"{path}: ok (open {days}; follow-ups: {offered})", file=out)
    return 0


def check_audio(paths: Sequence[Path], out: TextIO, target: float | None = None) -> int:
    """Per file: playable and how long, with its loudness and the gain it plays at for
    ``target`` (LUFS; kapdesk's default when None), or why not. Exits 1 when a file cannot be
    played; a playable file whose loudness cannot be measured says why, and the gain it plays
    at meanwhile (as the loudest track would)."""
    from kapdesk.audio.probe import SUPPORTED_SUFFIXES, probe  # noqa: PLC0415
    from kapdesk.core.loudness import DEFAULT_TARGET  # noqa: PLC0415
    from kapdesk.core.timefmt import clock_text  # noqa: PLC0415

    files: list[Path] = []
    for path in paths:
        if _is_folder(path):
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
            )
            if not found:
                print(f"{path}: no sound files in this folder", file=out)
            files.extend(found)
        else:
            files.append(path)
    bad = 0
    for path in files:
        result = probe(path)
        if result.playable:
            length = clock_text(result.duration) if result.duration else "length unknown"
            who = f"{result.artist} – {result.title}" if result.artist else result.title
            print(f"ok       {length:>8}  {result.format:<10}  {who}  ({path})", file=out)
            print(f"         {loudness_text(path, target or DEFAULT_TARGET)}", file=out)
        else:
            bad += 1
            print(f"CANNOT   {path}: {result.reason}", file=out)
    if len(files) > 1:
        print(f"{len(files) - bad} playable, {bad} not", file=out)
    return EXIT_PROBLEM if bad or not files else 0


def loudness_text(path: Path, target: float) -> str:
    """A file's loudness and the gain it plays at for ``target``, or why it has none."""
    from kapdesk.audio.loudness_meter import MeasureError  # noqa: PLC0415
    from kapdesk.audio.measuring import loudness_of  # noqa: PLC0415
    from kapdesk.core.loudness import PEAK_CEILING, LoudnessSource, matching  # noqa: PLC0415
    from kapdesk.core.loudness_words import gain_text  # noqa: PLC0415

    try:
        loudness = loudness_of(path)
    except MeasureError as error:
        # The player still lowers a track it has no loudness for, as if it were loud.
        return (
            f"loudness not measured: {error}; plays at {gain_text(matching(None, target))}, "
            "as the loudest track would, quieter rather than louder"
        )
    if loudness.source is LoudnessSource.TAG:
        told = f"loudness {loudness.integrated:.1f} LUFS (from its ReplayGain or R128 tags)"
    else:
        spread = "unknown" if loudness.range is None else f"{loudness.range:.1f} LU"
        told = (
            f"loudness {loudness.integrated:.1f} LUFS, range {spread}, "
            f"true peak {loudness.true_peak:.1f} dBTP"
        )
    match = matching(loudness, target)
    gain = f"{match.gain:.1f} dB" if match.gain < 0 else "0 dB"
    for_peak = f" to keep its true peak under {PEAK_CEILING:g} dBTP" if match.peak_limited else ""
    if match.too_quiet:
        return (
            f"{told}; too quiet for the target of {target:g} LUFS by {match.short_by:.1f} LU: "
            + (f"plays at {gain}{for_peak}" if for_peak else "plays as it is")
            + " (kapdesk only lowers tracks)"
        )
    return f"{told}; plays at {gain} for the target of {target:g} LUFS{for_peak}"


def clinic_target(paths: AppPaths) -> float:
    """The clinic's target loudness (clinic.toml ``[sound] target_loudness``), or kapdesk's
    default when the clinic's settings cannot be read."""
    from kapdesk.core.clinic import ClinicError, load_clinic  # noqa: PLC0415
    from kapdesk.core.loudness import DEFAULT_TARGET  # noqa: PLC0415
    from kapdesk.paths import BUNDLED_CLINIC_SETTINGS  # noqa: PLC0415

    try:
        settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, paths.clinic_settings)
    except (ClinicError, OSError):  # checking sound files never fails over clinic settings
        return DEFAULT_TARGET
    return settings.target_loudness


def _is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False for anything that cannot be looked at (too long a
    name, a link loop), which the probe then names."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def check_playlist(path: Path, out: TextIO) -> int:
    from kapdesk.core.playlist_files import read_playlist  # noqa: PLC0415
    from kapdesk.core.playlists import PlaylistError, describe_entry  # noqa: PLC0415

    try:
        playlist = read_playlist(path)
    except PlaylistError as exc:
        print(f"{path}: {exc}", file=out)
        return EXIT_PROBLEM
    found = [e for e in playlist.entries if e.problem is None]
    print(
        f"{path}: {playlist.format}, {counted(len(playlist.entries), 'entry', 'entries')}", file=out
    )
    for entry in playlist.entries:
        print(f"  {describe_entry(entry)}", file=out)
    for problem in playlist.problems:
        print(f"  line {problem.line}: {problem.message}", file=out)
    print(f"{len(found)} found, {len(playlist.entries) - len(found)} not", file=out)
    return EXIT_PROBLEM if len(found) < len(playlist.entries) or playlist.problems else 0
