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
    sound,
    startup,
)

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
