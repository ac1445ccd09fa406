"""The first page, on the start window while the records finish opening.

When the first look at the record (:mod:`kapdesk.storage.first_look`) says who may sign in, or
that the clinic's first admin account is to be made, the start window shows that page at once:
the calm screen with its PIN pad, or the first admin's form. Staff tap their name and type
their PIN meanwhile. Nothing typed is acted on here: a PIN or a new account given before the
records are open is held, the page says "Opening the records…", and the real window, which
takes this very page over with what is typed in it, checks it the moment it is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

    from kapdesk.core.clock import Clock
    from kapdesk.storage.first_look import FirstLook
    from kapdesk.ui.calm_screen import CalmScreen
    from kapdesk.ui.first_admin_view import FirstAdminView

OPENING = "Opening the records…"


class EarlyPage(QObject):
    """The sign-in or the first admin's form, shown before the records are open."""

    def __init__(self, look: FirstLook, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.calm: CalmScreen | None = None
        self.first_admin: FirstAdminView | None = None
        self.held_sign_in: tuple[str, str] | None = None  # (name, PIN) given too soon
        self.held_account: object | None = None  # the first admin's AccountEntry, likewise
        if look.first_admin:
            from kapdesk.ui.first_admin_view import FirstAdminView  # noqa: PLC0415

            self.first_admin = FirstAdminView()
            self.first_admin.create_requested.connect(self._hold_account)
            self.first_admin.start()
        else:
            from kapdesk.ui.calm_screen import CalmScreen  # noqa: PLC0415

            names = list(look.names)
            self.calm = CalmScreen(clock)
            self.calm.names_of = lambda: names
            self.calm.unlock_requested.connect(self._hold_sign_in)
            self.calm.start()
            self.calm.show_pad()

    @property
    def widget(self) -> QWidget:
        """The page itself, for the start window to show and the real window to take."""
        page = self.calm or self.first_admin
        assert page is not None
        return page

    def focus(self) -> None:
        """The keyboard where staff type first: the PIN, or the admin's name."""
        if self.calm is not None:
            self.calm.pin.setFocus()
        elif self.first_admin is not None:
            self.first_admin.form.name.setFocus()

    def _hold_sign_in(self, name: str, pin: str) -> None:
        self.held_sign_in = (name, pin)
        assert self.calm is not None
        self._say(self.calm.message, OPENING)

    def _hold_account(self, entry: object) -> None:
        self.held_account = entry
        assert self.first_admin is not None
        self.first_admin.show_error(OPENING)
        self._say(self.first_admin.error, OPENING)

    @staticmethod
    def _say(line: QLabel, text: str) -> None:
        """A calm word where errors are said: waiting is no error."""
        from kapdesk.ui.widgets import set_role  # noqa: PLC0415

        line.setText(text)
        set_role(line, "muted" if text == OPENING else "error")

    def let_go(self) -> None:
        """The real window takes the page over: what it says is the window's from now on."""
        if self.calm is not None:
            self.calm.unlock_requested.disconnect(self._hold_sign_in)
            if self.calm.message.text() == OPENING:
                self._say(self.calm.message, "")
        if self.first_admin is not None:
            self.first_admin.create_requested.disconnect(self._hold_account)
            if self.first_admin.error.text() == OPENING:
                self._say(self.first_admin.error, "")
                self.first_admin.error.hide()

    def forget(self) -> None:
        """The records could not be opened: nothing held is kept, the page goes."""
        self.held_sign_in = None
        self.held_account = None
        self.widget.deleteLater()
