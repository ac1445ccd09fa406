"""The Qt face of kapdesk: the only package that imports QtWidgets.

Every module here comes after PySide6, so its import hook is made to spare :mod:`linecache`
from this point on (:mod:`kapdesk.ui.pyside_imports`): what the window imports later (the
database library, the pages) is not kept as source text in memory.
"""

from kapdesk.ui.pyside_imports import spare_linecache

spare_linecache()
