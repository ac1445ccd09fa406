"""Run every benchmark and print the figures side by side."""

from bench import event_save, observations, sound, startup

startup.main()
print()
event_save.main()
print()
observations.main()
print()
sound.main()
