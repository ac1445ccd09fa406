"""Run every benchmark but the crash one (python -m bench.crash) and print the figures."""

from bench import (
    backup,
    board,
    encryption,
    event_save,
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
# bench.crash (500 kills, about a quarter of an hour) runs on its own: python -m bench.crash
# bench.ui_stall (a frozen server, a cut network, a held lock, before and after; about ten
# minutes) runs on its own too: python -m bench.ui_stall
# bench.frozen (the frozen build against the checkout) needs the build first:
# ./bootstrap.sh release, then python -m bench.frozen
