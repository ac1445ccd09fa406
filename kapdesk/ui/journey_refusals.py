"""What the journey page says when something is refused, and doing it again as a colleague.

A refusal is said at once, before a form is filled in, with the offer to switch user; once a
colleague who may has signed in, what was refused is done again as them (their roles checked
once more). The journey page (:class:`kapdesk.ui.journey_view.JourneyView`) holds this part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kapdesk.core.words import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kapdesk.core.staff import Action
    from kapdesk.storage.journeys import OpenJourney
    from kapdesk.ui.close_dialog import CloseDialog
    from kapdesk.ui.dialogs import DoseDialog
    from kapdesk.ui.journey_cards import MessageBar

# A refusal said before a form is filled in, with the offer to switch user (SWITCH_OFFER's
# words, in one sentence with the refusal so each language orders them its own way).
REFUSED = QT_TRANSLATE_NOOP(
    "JourneyView", "{refusal}. Switch user to let a colleague who may do it."
)
REFUSED_BECAUSE = QT_TRANSLATE_NOOP(
    "JourneyView", "{why}. {refusal}. Switch user to let a colleague who may do it."
)


class JourneyRefusals:
    """The journey page's refusals and the switch of user they offer."""

    current: OpenJourney | None
    dose_dialog: DoseDialog | None
    close_dialog: CloseDialog | None
    message_bar: MessageBar

    def _say(self, text: str, *, again: str | None = None) -> None:
        raise NotImplementedError  # the page's own

    def _hide_message(self) -> None:
        raise NotImplementedError

    def request_dose(self) -> None:
        raise NotImplementedError

    def request_close(self) -> None:
        raise NotImplementedError

    def request_discharge(self) -> None:
        raise NotImplementedError

    def _refused(self, action: Action, *, again: str = "", why: str = "") -> bool:
        """Say at once, before a form is filled in, that the member signed in may not, and
        offer to switch user; ``again`` names what to do again once someone who may is in."""
        refusal = self.current.journey.refusal(action) if self.current is not None else None
        if refusal:
            said = (
                REFUSED_BECAUSE.format(why=why, refusal=refusal)
                if why
                else REFUSED.format(refusal=refusal)
            )
            self._say(said, again=again)
        return refusal is not None

    def pending_switch(self) -> str | None:
        """What a switch of user would do again, while a refusal offers one (here or in the
        dose form); else None."""
        dialog = self.dose_dialog
        if (
            dialog is not None
            and dialog.isVisible()
            and (dialog.switch_user.isVisible() or dialog.refused_now)
        ):
            return ""  # the form itself stays for whoever switches in
        closing = self.close_dialog
        if closing is not None and closing.isVisible() and closing.refused_now:
            return ""
        return self.message_bar.offered()

    def try_again(self, what: str) -> None:
        """After a switch of user: do again what was refused to the one before, as the one
        now signed in (whose roles are checked once more)."""
        self._hide_message()
        if what == "close":
            self.request_close()
        elif what == "dose":
            self.request_dose()
        elif what == "discharge":
            self.request_discharge()
