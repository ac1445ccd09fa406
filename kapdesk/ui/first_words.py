"""The language of the start window, chosen before Qt's own locale is read.

The start window is on screen from the first frame; its words are in the session's language
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when kapdesk has them, read from the
environment in plain Python so an English start loads nothing more. Once the records are open the
window speaks the clinic's language (:func:`kapdesk.app.window_on`).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kapdesk.ui.language import Language


def speak_before_the_first_frame(app: QApplication) -> Language | None:
    """The PC's session language for the start window, when it is not English (the clinic's
    own, read with the records, follows)."""
    from kapdesk.core.units import environment_language  # noqa: PLC0415

    code = environment_language(os.environ)
    if code == "en":
        return None
    from kapdesk.ui.language import Language  # noqa: PLC0415  (only when not English)

    language = Language(app)
    language.speak(code)
    return language
