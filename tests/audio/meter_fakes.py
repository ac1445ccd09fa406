"""A libsndfile that does not decode some formats, as an older one (before 1.1, no MP3) or one
built without a codec behaves: it refuses to open those files, and does not list the formats
among those it reads."""

from __future__ import annotations

from typing import Any

import pytest

from kapdesk.audio import loudness_meter

UNRECOGNISED_FORMAT = 1  # libsndfile's SF_ERR_UNRECOGNISED_FORMAT
UNSUPPORTED_ENCODING = 4  # SF_ERR_UNSUPPORTED_ENCODING
MPEG = frozenset({0x230000, 0x0082})  # SF_FORMAT_MPEG, SF_FORMAT_MPEG_LAYER_III


class _Refusing:
    """The real library, except that files with one of ``suffixes`` are not opened."""

    def __init__(self, real: Any, suffixes: tuple[bytes, ...], code: int) -> None:
        self._real = real
        self._suffixes = suffixes
        self._code = code
        self._refused = False

    def sf_open(self, name: bytes, mode: int, info: Any) -> Any:
        self._refused = name.lower().endswith(self._suffixes)
        return None if self._refused else self._real.sf_open(name, mode, info)

    def sf_error(self, handle: Any) -> int:
        if handle is None and self._refused:
            return self._code
        return int(self._real.sf_error(handle))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def refusing(
    monkeypatch: pytest.MonkeyPatch,
    *suffixes: bytes,
    code: int = UNRECOGNISED_FORMAT,
    unread: frozenset[int] = frozenset(),
) -> None:
    """Make the meter's libsndfile refuse files ending in ``suffixes`` (b".mp3") with the
    error ``code``, and not list the formats ``unread``, while the test runs."""
    real = loudness_meter._libraries()
    fake = loudness_meter._Libraries(
        _Refusing(real.sndfile, suffixes, code), real.ebur128, real.reads - unread
    )
    monkeypatch.setattr(loudness_meter, "_loaded", fake)


def without_mp3(monkeypatch: pytest.MonkeyPatch) -> None:
    """A libsndfile older than 1.1, which reads no MP3."""
    refusing(monkeypatch, b".mp3", unread=MPEG)
