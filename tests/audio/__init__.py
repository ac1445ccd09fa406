"""Tests of kapdesk's audio: the player and the bundled sounds."""
