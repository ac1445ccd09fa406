"""A libsndfile that does not decode some formats, as an older one (before 1.1, no MP3) or one
built without a codec behaves: it refuses to open those files as of an unrecognised format."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kapdesk.audio import loudness_meter

UNRECOGNISED_FORMAT = 1  # libsndfile's SF_ERR_UNRECOGNISED_FORMAT


class _Refusing:
    """The real library, except that files with one of ``suffixes`` are not opened."""

    def __init__(self, real: Any, suffixes: tuple[bytes, ...]) -> None:
        self._real = real
        self._suffixes = suffixes
        self._refused = False

    def sf_open(self, name: bytes, mode: int, info: Any) -> Any:
        self._refused = name.lower().endswith(self._suffixes)
        return None if self._refused else self._real.sf_open(name, mode, info)

    def sf_error(self, handle: Any) -> int:
        if handle is None and self._refused:
            return UNRECOGNISED_FORMAT
        return int(self._real.sf_error(handle))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def refusing(monkeypatch: pytest.MonkeyPatch, *suffixes: bytes) -> Iterator[None]:
    """Make the meter's libsndfile refuse files ending in ``suffixes`` (b".mp3") while the
    test runs."""
    real = loudness_meter._libraries()
    fake = loudness_meter._Libraries(_Refusing(real.sndfile, suffixes), real.ebur128)
    monkeypatch.setattr(loudness_meter, "_loaded", fake)
    yield
