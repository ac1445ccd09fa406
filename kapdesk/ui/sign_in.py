"""Who is at the screen: the calm lock screen, signing in and switching user, the idle lock,
and the line saying who is signed in.

Staff sign in before anything of a patient shows: the first start asks for the clinic's admin
account, every later start (and every unlock) for a name and PIN on the calm screen. The member
signed in acts on the journey on screen (:meth:`kapdesk.core.journey.Journey.act_as`), so their
roles are checked and their name goes on every record they make. Where something is refused,
the banner offers "Switch user", and what was refused is tried again as whoever signs in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import reduce
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QWidget,
)

from kapdesk.core.words import QT_TRANSLATE_NOOP, Template
from kapdesk.storage.errors import StorageError
from kapdesk.ui.banner import PAGE, REFUSAL
from kapdesk.ui.language import spoken
from kapdesk.ui.widgets import SWITCH_OFFER, ElidedLabel
from kapdesk.ui.window_parts import WindowParts
from kapdesk.ui.words import say, say_button, words_of

if TYPE_CHECKING:
    from kapdesk.core.clock import Clock
    from kapdesk.core.staff import Action, StaffMember
    from kapdesk.records import Records
    from kapdesk.ui.early_page import EarlyPage

log = logging.getLogger(__name__)

LOCK_KEY = "Ctrl+Shift+L"  # lock, or switch user where a refusal offers it
SIGNED_IN = QT_TRANSLATE_NOOP("SignIn", "Signed in: {name} ({roles})")
SAID_SO = QT_TRANSLATE_NOOP("SignIn", "{problem}.")
REFUSED = QT_TRANSLATE_NOOP("SignIn", "{refusal}. {offer}")
# The roles as the line below the pages names them (by the role's value), and a list of them.
ROLE_NAMES = {
    "admin": QT_TRANSLATE_NOOP("SignIn", "admin"),
    "nurse": QT_TRANSLATE_NOOP("SignIn", "nurse"),
    "prescriber": QT_TRANSLATE_NOOP("SignIn", "prescriber"),
    "sitter": QT_TRANSLATE_NOOP("SignIn", "sitter"),
    "therapist": QT_TRANSLATE_NOOP("SignIn", "therapist"),
}
AND_ANOTHER = Template("SignIn", "{first}, {second}")  # no words of its own
NO_CATALOGUE = QT_TRANSLATE_NOOP(
    "SignIn", "The words in {language} could not be loaded; kapdesk keeps the language it speaks."
)


class SignIn(WindowParts):
    """The main window's lock and sign-in: who acts, and the calm screen over everything."""

    def _start_sign_in(self, early: EarlyPage | None = None) -> None:
        """Nobody signed in, nothing locked (called once, by the window's constructor);
        ``early``: the first page the start window showed, to take over."""
        self._early = early
        self.member = None
        self.staff = None  # no accounts to sign in with until the records are open
        self.audit_lines = None
        self._behind_lock: QWidget | None = None  # the page under the calm screen
        self._focus_behind_lock: QWidget | None = None  # where the keyboard goes back to
        self._hidden_dialogs: list[QWidget] = []  # QDialogs, hidden by the lock
        self._banner_page = None
        # A switch of user asked for from a refusal: the forms stay for whoever signs in,
        # and what was refused is tried again as them.
        self._handing_over = False
        self._again_after_switch: str | Callable[[], None] | None = None

    # -- the calm lock screen -----------------------------------------------------------------

    def _set_up_lock(self, clock: Clock, records: Records) -> None:
        """The calm screen, the lock key (Ctrl+Shift+L) and the idle lock."""
        # Imported here, not with the module: their classes cost the first frame time.
        from kapdesk.storage.audit_queue import AuditQueue  # noqa: PLC0415
        from kapdesk.storage.staff import StaffStore  # noqa: PLC0415
        from kapdesk.ui.calm_screen import CalmScreen  # noqa: PLC0415
        from kapdesk.ui.idle_lock import IdleLock  # noqa: PLC0415

        self._clock = clock
        self.staff = records.staff or StaffStore(records.storage, records.clock, records.outbox)
        self.audit_lines = AuditQueue(self.staff, records.clock)
        self.lock_seconds = records.clinic.lock_minutes * 60
        self.apply_room(records.room_pc.room)
        early = self._early
        if early is not None:
            early.let_go()  # what it shows and hears is this window's from here on
        adopted_calm = early.calm if early is not None else None
        self.calm = adopted_calm or CalmScreen(clock)
        self.calm.journey_time = self._calm_time
        self.calm.cue_text = lambda: self.journey_view.calm_cue() if self.current else ""
        self.calm.unlock_requested.connect(self.unlock)
        self.calm.languages.chosen.connect(self.speak)
        self.calm.languages.show_spoken(spoken())
        self.calm.languages.show()
        self.calm.names_of = self._account_names if self.staff is not None else None
        self._names_at_start = records.sign_in_names
        self.pages.addWidget(self.calm)
        from kapdesk.ui.first_admin_view import FirstAdminView  # noqa: PLC0415

        adopted = early.first_admin if early is not None else None
        self.first_admin_view = adopted or FirstAdminView()
        self.first_admin_view.create_requested.connect(self._create_first_admin)
        self.pages.addWidget(self.first_admin_view)
        self._set_up_signed_in_line()
        self.idle_lock = IdleLock(
            clock,
            LOCK_KEY,
            seconds=lambda: self.lock_seconds,
            locked=lambda: self.locked,
            lock=self.lock,
            lock_key=self._lock_key_pressed,
            parent=self,
        )

    def _set_up_signed_in_line(self) -> None:
        from kapdesk.ui.widgets import ActionButton  # noqa: PLC0415

        line = self.statusBar()
        line.setSizeGripEnabled(False)
        # One line, ended in "…" (the whole of it in its tooltip) when a language's longer
        # words on the buttons beside it leave too little room.
        self.signed_in_text = ElidedLabel("muted")
        self.signed_in_text.setContentsMargins(16, 0, 0, 0)
        line.addWidget(self.signed_in_text, 1)
        # The clinic board, from every page with this line (a nurse covering several rooms).
        self.board_button = ActionButton("", "Ctrl+Shift+B", self.show_board, self)
        say_button(self.board_button, QT_TRANSLATE_NOOP("SignIn", "Clinic board"))
        self.board_button.setProperty("role", "compact")
        line.addPermanentWidget(self.board_button)
        # The key is caught in eventFilter on every page, the journey's too (where this line
        # is hidden: a shortcut of the button's own found it hidden and swallowed the key);
        # there it switches user instead while a refusal offers it. The button always locks.
        self.lock_button = ActionButton("", LOCK_KEY, self.lock, self, own_shortcut=False)
        say_button(self.lock_button, QT_TRANSLATE_NOOP("SignIn", "Lock or switch user"))
        self.lock_button.setProperty("role", "compact")
        line.addPermanentWidget(self.lock_button)
        line.hide()
        self.pages.currentChanged.connect(lambda _index: self._show_signed_in_line())
        self.pages.currentChanged.connect(lambda _index: self._page_changed())

    def _show_signed_in_line(self) -> None:
        """Who is signed in, under every page but the journey (whose header says it, and
        whose timer needs the height) and the calm screen (which shows no names)."""
        page = self.pages.currentWidget()
        hidden = page in (self.calm, self.first_admin_view) or self.page_name(page) == "journey"
        self.statusBar().setVisible(self.member is not None and not hidden)

    @property
    def locked(self) -> bool:
        return self._behind_lock is not None

    def ask_who(self) -> None:
        """Before anything of a patient shows: the first admin account, or a sign-in (as the
        records read it when they opened, so the window's thread waits on no query)."""
        early, self._early = self._early, None
        if self.staff is None:
            return
        if self.records.staff_problem:
            self.status_banner.say(PAGE, self.records.staff_problem)
        if self.records.first_admin_needed:
            self._behind_lock = self.pages.currentWidget()
            if early is None or early.first_admin is None:
                self.first_admin_view.start()  # else the form stays as typed in so far
            self.pages.setCurrentWidget(self.first_admin_view)
        elif early is not None and early.calm is not None:
            self._keep_pad()
        else:
            self.lock(ask=True)
        self._names_at_start = None  # they were for the pad just shown; later ones read afresh
        if early is not None:
            self._after_early_page(early)

    def _keep_pad(self) -> None:
        """The sign-in shown before the records were open stays as staff left it (the name
        tapped, the PIN typed so far), unless the records name others who may sign in."""
        self._behind_lock = self.pages.currentWidget()
        self.pages.setCurrentWidget(self.calm)
        names = self.records.sign_in_names
        if names is not None and names != self.calm.names():
            chosen = self.calm.chosen()
            self.calm.show_pad()  # read again: these are the names as the records have them
            if chosen in self.calm.names():
                self.calm.choose(chosen)
        self.calm.pin.setFocus()

    def _after_early_page(self, early: EarlyPage) -> None:
        """The page shown before the records were open: submitted again from what it shows
        once this window is on screen, if staff had pressed ✓ (or Create) and changed nothing
        since; cleared if the records call for the other page after all."""
        if (early.first_admin is not None) != self.records.first_admin_needed:
            early.asked = False
            if early.calm is not None:
                self.calm.stop()  # the PIN typed on it, cleared
            else:
                self.first_admin_view.start()  # the name and PINs typed on it, cleared
            return
        if early.asked:
            QTimer.singleShot(0, self, lambda: self._submit_early_page(early))

    def _submit_early_page(self, early: EarlyPage) -> None:
        if not early.asked:
            return
        early.asked = False
        if early.first_admin is not None and self.pages.currentWidget() is self.first_admin_view:
            self.first_admin_view.submit()
        elif early.calm is not None and self.locked and self.pages.currentWidget() is self.calm:
            self.calm.submit()

    def _create_first_admin(self, entry: object) -> None:
        from kapdesk.core.staff import PermissionDeniedError  # noqa: PLC0415
        from kapdesk.ui.account_form import AccountEntry  # noqa: PLC0415

        assert isinstance(entry, AccountEntry)
        assert self.staff is not None
        try:
            member = self.staff.create_account(entry.name, entry.roles, entry.pin, by=None)
        except (ValueError, PermissionDeniedError, StorageError) as exc:
            self.first_admin_view.show_error(words_of(exc))
            return
        self.signed_in(member)

    def signed_in(self, member: StaffMember) -> None:
        """``member`` is at the screen now: what was behind the lock comes back, theirs.

        The same member gets back everything as they left it, forms half filled in included.
        Someone else gets the pages opened again as theirs (their roles checked, their name as
        "by"); forms another member left half filled in are closed unsaved.
        """
        previous = self.member
        same = previous is not None and previous.id == member.id and previous.name == member.name
        self._act_as(member)
        behind, dialogs = self._behind_lock, self._hidden_dialogs
        self._behind_lock, self._hidden_dialogs = None, []
        self.calm.stop()
        self.idle_lock.someone_there()
        if self.current is not None:
            self.journey_view.refresh()  # its header names who is signed in
        handing_over, again = self._handing_over, self._again_after_switch
        self._handing_over, self._again_after_switch = False, None
        if (same or handing_over) and behind is not None and behind is not self.first_admin_view:
            self.pages.setCurrentWidget(behind)
            for dialog in dialogs:
                dialog.show()  # as it was, whatever was typed in it
            if handing_over:
                self.status_banner.say(REFUSAL, None)  # the refusal was the one before's
            if isinstance(again, str) and again and self.page_name(behind) == "journey":
                self.journey_view.try_again(again)
            elif callable(again):
                again()
        else:
            for dialog in dialogs:
                dialog.close()  # hidden already: closed unsaved, its owner hears nothing
            self._reopen_as_member(behind)
        self._show_signed_in_line()
        self._focus_back_from_lock()

    def _focus_back_from_lock(self) -> None:
        """The keyboard where it was before the lock, if that is on screen again (a form put
        back over the page takes it itself, as a window of its own)."""
        before, self._focus_behind_lock = self._focus_behind_lock, None
        self.focus_keeper.settle(before)

    def _reopen_as_member(self, page: QWidget | None) -> None:
        """Show ``page`` again for the member now signed in, through the way it is opened (so
        roles are checked and names are theirs); the journey or set-up when it was none."""
        name = self.page_name(page)  # a page never built was never behind the lock
        if name == "integration" and self.integration_view.session_id is not None:
            self.show_integration(self.integration_view.session_id)
        elif name == "course" and self.course_view.session_id is not None:
            self.show_course(self.course_view.session_id)
        elif name == "staff":
            self.show_staff()
        elif name == "timeline" and self.timeline_view.current is not None:
            self.show_timeline(self.timeline_view.current.session_id)
        elif page is not None and name in ("summary", "history", "library", "followups"):
            self.pages.setCurrentWidget(page)  # nothing on them is signed or role-bound
        else:
            self.go_home()

    def _lock_key_pressed(self) -> None:
        """Ctrl+Shift+L: where a refusal offers "Switch user", that switch (forms kept, the
        refused action tried again); otherwise the plain lock."""
        self.activateWindow()  # the key came here: the calm screen takes the keys that follow
        if self.page_name(self.pages.currentWidget()) == "journey":
            again = self.journey_view.pending_switch()
            if again is not None:
                self.switch_user(again)
                return
        if self.status_banner.isVisible() and self.status_banner.switch.isVisible():
            self.switch_user(self.status_banner.retry)
            return
        self.lock()

    def check_idle(self) -> None:
        """Lock when nobody has touched the PC for the clinic's idle minutes."""
        self.idle_lock.check()

    def lock(self, ask: bool = False) -> None:
        """Cover everything with the calm screen; the session goes on behind it. ``ask``: show
        the PIN pad at once (at start-up), not on the first tap."""
        if self.locked:
            return
        self._behind_lock = self.pages.currentWidget()
        self._focus_behind_lock = self.focusWidget()  # where the keyboard goes back to
        from PySide6.QtWidgets import QDialog  # noqa: PLC0415

        # A form half filled in is hidden, and comes back as it was.
        self._hidden_dialogs = [d for d in self.findChildren(QDialog) if d.isVisible()]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        self.calm.start(self.member.name if self.member else "")
        self.pages.setCurrentWidget(self.calm)
        self.calm.setFocus()
        if ask:
            self.calm.show_pad()
        else:
            self._audit("screen_locked")

    def switch_user(self, again: str | Callable[[], None] | None = None) -> None:
        """Lock for a colleague to sign in, asked for where something was refused: what is on
        the screen stays for them, forms half filled in included (unlike a plain lock, where a
        form another member left is closed unsaved), and ``again`` is tried again as them."""
        if self.locked:
            return
        self.lock(ask=True)
        self._handing_over = True
        self._again_after_switch = again

    def unlock(self, name: str, pin: str) -> None:
        """A name and PIN typed on the calm screen; without a staff store (no database to hold
        accounts), a tap."""
        if self.staff is None:
            behind, dialogs = self._behind_lock, self._hidden_dialogs
            self._behind_lock, self._hidden_dialogs = None, []
            self.calm.stop()
            self.idle_lock.someone_there()
            if behind is not None:
                self.pages.setCurrentWidget(behind)
            for dialog in dialogs:
                dialog.show()
            self._handing_over, self._again_after_switch = False, None
            self._focus_back_from_lock()
            return
        try:
            signed = self.staff.sign_in(name, pin)
        except StorageError as exc:
            self.calm.refuse(SAID_SO.format(problem=words_of(exc)))
            return
        if signed.member is None:
            self.calm.refuse(signed.message)
            return
        self.signed_in(signed.member)

    def _account_names(self) -> list[str] | None:
        """The names that may sign in; None when they cannot be read (the lock stays shut).
        The pad shown at start has those read with the records; every later one reads afresh."""
        if self.staff is None:
            return []
        at_start, self._names_at_start = self._names_at_start, None
        if at_start is not None:
            return at_start
        try:
            return [m.name for m in self.staff.accounts() if m.active]
        except StorageError as exc:
            log.warning("staff accounts cannot be read: %s", exc)
            return None

    def refresh_member(self) -> None:
        """After an account changed: the member signed in as the database now has them (an
        admin who gave up the role, an account made inactive, stops acting as before)."""
        if self.member is None or self.staff is None:
            return
        try:
            current = next((m for m in self.staff.accounts() if m.id == self.member.id), None)
        except StorageError:
            return
        if current is None or not current.active:
            self.member = None
            self.lock(ask=True)
            return
        self._act_as(current)

    def _act_as(self, member: StaffMember) -> None:
        """``member`` acts from now on: on the journeys open here, and in the line below."""
        self.member = member
        timeline = self.timeline_view.current if self.page_built("timeline") else None
        for opened in (self.current, timeline):
            if opened is not None:
                opened.journey.act_as(member)
        names = [ROLE_NAMES.get(value, value) for value in sorted(r.value for r in member.roles)]
        roles = (
            reduce(lambda first, second: AND_ANOTHER.format(first=first, second=second), names)
            if names
            else ""
        )
        say(self.signed_in_text, SIGNED_IN.format(name=member.name, roles=roles))

    def _audit(self, action: str, subject: str = "", **detail: object) -> None:
        """Hand an audit line to its own thread, stamped now: the window never waits on it."""
        if self.audit_lines is None:
            return
        self.audit_lines.put(self.member.name if self.member else "", action, subject, **detail)

    def _calm_time(self) -> str:
        """The journey time now, or nothing: the calm screen shows no more than that, and only
        while a journey runs (a closed session's last time would read as one still going)."""
        from kapdesk.core.timefmt import clock_text  # noqa: PLC0415

        current = self.current
        if current is None or current.journey.closed:
            return ""
        elapsed = current.journey.elapsed()
        return clock_text(elapsed) if elapsed is not None else ""

    def _refused(self, action: Action, retry: Callable[[], None] | None = None) -> bool:
        """Whether the member signed in may not do ``action``; if so, the banner says who may
        and offers to switch user, after which ``retry`` runs as the one signed in."""
        refusal = self._refusal(action)
        if refusal is not None:
            self._show_refusal(REFUSED.format(refusal=refusal, offer=SWITCH_OFFER), retry)
        return refusal is not None

    def _refusal(self, action: Action) -> str | None:
        """Why the member signed in may not do ``action``; None when they may (or nobody is
        signed in, as without a staff store)."""
        from kapdesk.core.staff import PermissionDeniedError, require  # noqa: PLC0415

        if self.member is None:
            return None
        try:
            require(self.member, action)
        except PermissionDeniedError as exc:
            return words_of(exc)
        return None

    def _export_refusal(self) -> str | None:
        """Why the member signed in may not print or export a record; None when they may."""
        from kapdesk.core.staff import Action  # noqa: PLC0415

        return self._refusal(Action.EXPORT)

    def _show_refusal(self, text: str, retry: Callable[[], None] | None) -> None:
        self.status_banner.offer_switch(text, retry)
        # The offer belongs to the page shown once the refusal has sent staff where it does
        # (the next turn of the event loop); going elsewhere lets it go.
        self._banner_page = None
        QTimer.singleShot(0, self._note_banner_page)

    def _note_banner_page(self) -> None:
        if self.status_banner.switch_offered:
            self._banner_page = self.pages.currentWidget()

    def _page_changed(self) -> None:
        page = self.pages.currentWidget()
        kept = self._banner_page
        if kept is not None and page is not kept and page is not self.calm:
            self.status_banner.say(REFUSAL, None)
            self._banner_page = None

    def speak(self, code: str) -> None:
        """Speak ``code`` from here on, as the sign-in's language row asks: every page says its
        words again, nothing typed is lost; the PIN is where staff type next."""
        from PySide6.QtWidgets import QApplication  # noqa: PLC0415

        from kapdesk.core.units import LANGUAGE_NAMES  # noqa: PLC0415
        from kapdesk.ui.language import Language  # noqa: PLC0415

        if self.language is None:
            self.language = Language(QApplication.instance())
        if not self.language.speak(code):
            say(self.calm.message, NO_CATALOGUE.format(language=LANGUAGE_NAMES.get(code, code)))
        self.calm.languages.show_spoken(self.language.code)
        if self.calm.pad.isVisible():
            self.calm.pin.setFocus()
