"""Counts in words: ``1 track``, ``2 tracks``, never ``1 tracks``."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str = "") -> str:
    """``count`` and the noun in the number it takes; ``plural`` for a noun not made by adding
    an ``s`` (``1 entry``, ``2 entries``)."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{count} {noun}"
