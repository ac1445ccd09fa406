"""Sound: the audio backends and the playlist player (built with the sound issue)."""
