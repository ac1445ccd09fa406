"""Run every benchmark and print the figures side by side."""

from bench import event_save, startup

startup.main()
print()
event_save.main()
