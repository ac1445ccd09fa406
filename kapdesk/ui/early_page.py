"""The first page, on the start window while the records finish opening.

When the first look at the record (:mod:`kapdesk.storage.first_look`) says who may sign in, or
that the clinic's first admin account is to be made, the start window shows that page at once:
the calm screen with its PIN pad, or the first admin's form. Staff tap their name and type
their PIN meanwhile. Nothing typed is acted on here, and nothing is copied out of the page:
pressing ✓ (or Create) before the records are open only marks the page as asked, and it says
"Opening the records…". Any change to what it shows (a key, C, another name, a field edited)
takes that back. The real window takes this very page over and, if it is still asked, submits
it again from what it shows then, checked as every sign-in is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.ui.words import said, say

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from kapdesk.core.clock import Clock
    from kapdesk.storage.first_look import FirstLook
    from kapdesk.ui.calm_screen import CalmScreen
    from kapdesk.ui.first_admin_view import FirstAdminView

OPENING = QT_TRANSLATE_NOOP("EarlyPage", "Opening the records…")


class EarlyPage(QObject):
    """The sign-in or the first admin's form, shown before the records are open."""

    def __init__(self, look: FirstLook, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.calm: CalmScreen | None = None
        self.first_admin: FirstAdminView | None = None
        # Staff pressed ✓ (or Create) and changed nothing since: the window submits it again.
        self.asked = False
        if look.first_admin:
            self._make_first_admin()
        else:
            self._make_sign_in(clock, list(look.names))

    def _make_sign_in(self, clock: Clock, names: list[str]) -> None:
        from kapdesk.ui.calm_screen import CalmScreen  # noqa: PLC0415

        calm = self.calm = CalmScreen(clock)
        calm.names_of = lambda: names
        calm.unlock_requested.connect(self._ask)
        calm.pin.textChanged.connect(self._changed)
        calm.who.currentIndexChanged.connect(self._changed)
        calm.tile_tapped.connect(self._changed)
        calm.start()
        calm.show_pad()

    def _make_first_admin(self) -> None:
        from kapdesk.ui.first_admin_view import FirstAdminView  # noqa: PLC0415

        page = self.first_admin = FirstAdminView()
        page.create_requested.connect(self._ask)
        form = page.form
        for field in (form.name, form.pin, form.again):
            field.textChanged.connect(self._changed)
        for box in form.roles.values():
            box.toggled.connect(self._changed)
        page.start()

    @property
    def widget(self) -> QWidget:
        """The page itself, for the start window to show and the real window to take."""
        page = self.calm or self.first_admin
        assert page is not None
        return page

    @property
    def _message(self) -> QLabel:
        if self.calm is not None:
            return self.calm.message
        assert self.first_admin is not None
        return self.first_admin.error

    def focus(self) -> None:
        """The keyboard where staff type first: the PIN, or the admin's name."""
        if self.calm is not None:
            self.calm.pin.setFocus()
        elif self.first_admin is not None:
            self.first_admin.form.name.setFocus()

    def _ask(self, *_given: object) -> None:
        """✓ or Create pressed: the window acts once it is here (nothing is kept meanwhile)."""
        self.asked = True
        self._say(OPENING)

    def _changed(self, *_changed: object) -> None:
        """What the page shows changed: what was asked is no longer what it shows."""
        self.asked = False
        if said(self._message) == OPENING:
            self._say("")

    def _say(self, text: str) -> None:
        """A calm word where errors are said (waiting is no error); the error's look back
        for anything else."""
        from kapdesk.ui.widgets import set_role  # noqa: PLC0415

        line = self._message
        say(line, text)
        line.setVisible(bool(text) or self.calm is not None)
        set_role(line, "muted" if text == OPENING else "error")

    def let_go(self) -> None:
        """The real window takes the page over: what it shows and hears is the window's from
        here on (it submits the page again if it is still :attr:`asked`)."""
        if self.calm is not None:
            self.calm.unlock_requested.disconnect(self._ask)
            self.calm.pin.textChanged.disconnect(self._changed)
            self.calm.who.currentIndexChanged.disconnect(self._changed)
            self.calm.tile_tapped.disconnect(self._changed)
        if self.first_admin is not None:
            self.first_admin.create_requested.disconnect(self._ask)
            form = self.first_admin.form
            for field in (form.name, form.pin, form.again):
                field.textChanged.disconnect(self._changed)
            for box in form.roles.values():
                box.toggled.disconnect(self._changed)
        if said(self._message) == OPENING:
            self._say("")

    def forget(self) -> None:
        """The records will not come to this page (they failed, or the window closed): what is
        typed in it is cleared, and the page goes."""
        self.asked = False
        if self.calm is not None:
            self.calm.stop()  # the PIN typed so far, cleared
        if self.first_admin is not None:
            self.first_admin.start()  # likewise the name and both PINs
        self.widget.deleteLater()
        self.deleteLater()
