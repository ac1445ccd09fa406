"""Keep PySide6's import hook from holding the source of every module kapdesk imports.

Once PySide6 is loaded, each later import asks whether the new module uses PySide6 (for its
``__feature__`` switches) by reading the module's whole source through :mod:`linecache`, which
keeps it. For the window that is the source of some 500 modules (SQLAlchemy, kapdesk, ...):
about 25 MB of Python strings held for the life of the process, for an answer only needed at
import. :func:`spare_linecache` gives the hook the same answer from the file's bytes, read
and let go; anything it cannot read that way goes to PySide6's own check, as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"
_MARK = "_kapdesk_spares_linecache"


def spare_linecache() -> bool:
    """Swap PySide6's source check for one that does not fill :mod:`linecache`. True once in
    place (also when it already was); False when this PySide6 has no such check (nothing to
    spare, or a version that works otherwise): then nothing is changed."""
    feature = sys.modules.get(_HOOK_MODULE)
    own_check = getattr(feature, _HOOK, None) if feature is not None else None
    if feature is None or not callable(own_check):
        return False
    if getattr(own_check, _MARK, False):
        return True
    setattr(feature, _HOOK, _reading_bytes(own_check))
    return True


def _reading_bytes(own_check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        source = getattr(module, "__file__", None)
        if isinstance(source, str) and source.endswith(".py"):
            try:
                with open(source, "rb") as file:
                    return b"PySide6" in file.read()
            except OSError:
                pass
        return own_check(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside
