"""Run every benchmark but the long ones (named at the end) and print the figures, then a
summary of each figure with its target and the bare floor it is measured against."""

from bench import (
    backup,
    board,
    encryption,
    event_save,
    figures,
    loudness,
    observations,
    records_size,
    soak,
    sound,
    startup,
)

# The soak's figures in the closing table: its label, and how the value must stand to target.
SOAK = {
    "rss_growth_mb": ("soak: RSS growth, minute 10 to 3 h", "<"),
    "peak_mb": ("soak: whole window peak RSS", "<="),
    "python_objects_beyond_design": ("soak: Python objects beyond design", "<="),
    "qt_objects_growth": ("soak: Qt objects growth", "<="),
    "widgets_growth": ("soak: widgets growth", "<="),
    "idle_window_thread_pct": ("idle journey screen, window's thread", "<"),
    "idle_process_pct": ("idle journey screen, whole process", "<"),
}

startup.main()
print()
records_size.main()
print()
event_save.main()
print()
observations.main()
print()
sound.main()
print()
for key, figure in soak.main().items():
    label, relation = SOAK[key]
    unit = figure["unit"]
    figures.record(
        label,
        f"{figure['value']:g} {unit}",
        f"{relation} {figure['target']:g} {unit}",
        met=figure["met"],
    )
print()
loudness.main()
print()
encryption.main()
print()
board.main()
print()
backup.main()
print()
figures.print_summary()
# bench.crash (500 kills, about a quarter of an hour) runs on its own: python -m bench.crash
# bench.ui_stall (a frozen server, a cut network, a held lock, before and after; about ten
# minutes) runs on its own too: python -m bench.ui_stall
# bench.frozen (the frozen build against the checkout) needs the build first:
# ./bootstrap.sh release, then python -m bench.frozen
