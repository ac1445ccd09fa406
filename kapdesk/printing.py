"""Printing a session: the record for the chart and the patient's handout, from the database,
as pages to print or PDF bytes to save. The command line and the window both print through here.

It brings the stores (storage) and the printed pages (reports) together, as
:mod:`kapdesk.records` does for the window: the two layers stay apart below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale

from kapdesk.core import wall_text
from kapdesk.core.clinic import ClinicSettings
from kapdesk.core.clock import Clock
from kapdesk.core.staff import Action, StaffMember, require
from kapdesk.core.words import QT_TRANSLATE_NOOP
from kapdesk.reports.chart import vitals_image
from kapdesk.reports.handout import (
    AFTER_YOUR_SESSION,
    HANDOUT_POINTS,
    handout_facts,
    handout_html,
    plan_lines,
)
from kapdesk.reports.handout_words import Words, handout_language
from kapdesk.reports.pages import PageHeader, Printed
from kapdesk.reports.pdf import ensure_gui, pdf_bytes
from kapdesk.reports.printed import VITALS_IMAGE, RecordFacts, session_record_html
from kapdesk.reports.record_words import PDF_TITLE, SESSION_RECORD
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import Storage
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore
from kapdesk.storage.staff import StaffStore
from kapdesk.translation import said_through as translated

if TYPE_CHECKING:
    from kapdesk.core.units import Units
    from kapdesk.storage.repositories import SessionSummary

COURSE = QT_TRANSLATE_NOOP("Printer", "Session {number} of {planned}")  # in a course


@dataclass
class Printer:
    """Prints sessions of one database, under the clinic's settings."""

    storage: Storage
    clock: Clock
    clinic: ClinicSettings
    by: str = ""  # who prints: the audit trail names them
    member: StaffMember | None = None  # at the screen, whose roles must allow printing
    mark: str = ""  # printed in every page's header when set (e.g. "Practice")

    def _allowed(self) -> None:
        """PermissionDeniedError unless the member at the screen may print records."""
        if self.member is not None:
            require(self.member, Action.EXPORT)

    def _audit(self, action: str, session_id: int) -> None:
        StaffStore(self.storage, self.clock).record(self.by, action, f"session {session_id}")

    def _course_text(self, session_id: int) -> str:
        course = CourseStore(self.storage, self.clock).of_session(session_id)
        number = course.number_of(session_id) if course is not None else None
        if course is None or number is None:
            return ""
        return COURSE.format(number=number, planned=course.planned_sessions)

    def _units(self) -> Units:
        """The clinic's units, as its staff read them on this PC's screen."""
        return self.clinic.units(QLocale.system().name())

    def _header(
        self, summary: SessionSummary, title: str, words: Words | None = None
    ) -> PageHeader:
        """The running header in the patient's ``words``, else in the language spoken."""
        moment = summary.dosed_at or summary.opened_at
        way = words.way if words is not None else wall_text.current()
        day = way.day(moment) if moment else "-"
        return PageHeader(
            self.clinic.name, summary.patient_code, day, title, self.mark, words or translated
        )

    def _handout_words(self, summary: SessionSummary) -> Words:
        """The patient's language, chosen at set-up (else the clinic's), whatever the staff's."""
        system = QLocale.system().name()
        code = handout_language(summary.handout_language, self.clinic.language, system)
        return Words(code, self.clinic.region)

    def record_pages(self, session_id: int) -> Printed:
        """The session record, ready to print or save; LookupError or StorageError when it
        cannot be read."""
        self._allowed()
        summary, journey = JourneyStore(self.storage, self.clock).load(session_id)
        plan = plan_lines(IntegrationStore(self.storage, self.clock).items(session_id))
        facts = RecordFacts(
            summary, journey, self._course_text(session_id), plan, units=self._units()
        )
        page = session_record_html(facts, self.clock.now())
        self._audit("record_printed", session_id)
        ensure_gui()
        return Printed(
            page,
            self._header(summary, translated(SESSION_RECORD)),
            ((VITALS_IMAGE, vitals_image(journey)),),
            pdf_title=translated(PDF_TITLE.format(session=session_id, code=summary.patient_code)),
        )

    def handout_pages(self, session_id: int) -> Printed:
        """The patient's handout: intention, prompts, plan and dates, safety."""
        self._allowed()
        summary, journey = JourneyStore(self.storage, self.clock).load(session_id)
        plan = plan_lines(IntegrationStore(self.storage, self.clock).items(session_id))
        words = self._handout_words(summary)
        course = self._course_text(session_id)
        facts = handout_facts(summary, journey, self.clinic, plan, course, language=words.code)
        page = handout_html(facts, self.clock.now(), words)
        self._audit("handout_printed", session_id)
        title = words(AFTER_YOUR_SESSION)
        return Printed(page, self._header(summary, title, words), (), HANDOUT_POINTS, title)

    def record(self, session_id: int) -> bytes:
        """The session record as a PDF."""
        return pdf_bytes(self.record_pages(session_id))

    def handout(self, session_id: int) -> bytes:
        """The patient's handout as a PDF."""
        return pdf_bytes(self.handout_pages(session_id))
