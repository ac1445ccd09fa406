"""Counts and sizes in words: ``1 track``, ``2 tracks``, never ``1 tracks``; ``45.9 MB``."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str = "") -> str:
    """``count`` and the noun in the number it takes; ``plural`` for a noun not made by adding
    an ``s`` (``1 entry``, ``2 entries``)."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{count} {noun}"


def size_text(size: int) -> str:
    """A file's size as people read it, in the decimal units file managers show:
    ``512 bytes``, ``12 kB``, ``45.9 MB``, ``1.20 GB``."""
    if size < 1000:
        return counted(size, "byte")
    if size < 999_500:  # not "1000 kB"
        return f"{round(size / 1000)} kB"
    if size < 999_950_000:  # not "1000.0 MB"
        return f"{size / 1000**2:.1f} MB"
    return f"{size / 1000**3:.2f} GB"
