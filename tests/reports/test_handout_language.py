"""The patient's handout in the language chosen at set-up, whatever the staff read kapdesk in:
read back from the PDF, its headings, safety advice and dates in Spanish or French while
kapdesk speaks English, and in English, as it always was, while kapdesk speaks Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kapdesk.core.clinic import ClinicSettings, load_clinic, parse_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.integration import draft_plan
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.preparation import intention_data
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.words import Template
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, BUNDLED_PROTOCOLS_DIR
from kapdesk.printing import COURSE, Printer
from kapdesk.reports import handout, pages
from kapdesk.reports.handout_words import Words, handout_language
from kapdesk.storage.courses import CourseStore
from kapdesk.storage.db import Storage
from kapdesk.storage.integration import IntegrationStore
from kapdesk.storage.journeys import JourneyStore
from tests.support.pdf_text import pdf_text

HANDOUT_WORDS = [
    value
    for module in (handout, pages)
    for value in vars(module).values()
    if isinstance(value, Template) and value.context in ("Handout", "PageHeader")
] + [*handout.SAFETY, COURSE]


def _catalogue_lacks(code: str) -> list[str]:
    """The handout's words the shipped catalogue has no ``code`` words for."""
    words = Words(code)
    return [str(word) for word in HANDOUT_WORDS if not words.knows(word)]


def _needs_catalogue(code: str) -> None:
    assert _catalogue_lacks(code) == [], "run packaging/catalogues.py: update, fill, release"


@pytest.fixture
def clinic(qapp: QApplication) -> ClinicSettings:
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    return replace(settings, name="Harbour Light", phone="555 0134", region="en_US")


def _session(storage: Storage, clock: FakeClock, clinic: ClinicSettings, language: str) -> int:
    """A closed session on Friday 6 March 2026, in a course, with a booked follow-up."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("esketamine-intranasal")
    assert protocol is not None
    clock.advance(4 * 24 * 3600)
    opened = JourneyStore(storage, clock).open_session(
        "P-0107", protocol, "Sam Ortiz", handout_language=language
    )
    courses = CourseStore(storage, clock)
    courses.join(courses.start("P-0107", 6).id, opened.session_id)
    journey = opened.journey
    journey.record_preparation(
        EventKind.INTENTION, intention_data("To meet my grief with less fear", "Dr Lin")
    )
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7731", given_by="Jo Okafor"))
    clock.advance(3600)
    journey.close("Left with her partner")
    assert opened.recorder.flush(timeout=5)
    plans = IntegrationStore(storage, clock)
    items = plans.draft(opened.session_id, draft_plan(clinic, date(2026, 3, 6), 5))
    follow_up = next(item for item in items if item.key == "integration")
    plans.update(follow_up.id, "Sam Ortiz", booked_on=date(2026, 3, 9), note="10:00, room 2")
    return opened.session_id


def _handout(storage: Storage, clinic: ClinicSettings, session_id: int, tmp_path: Path) -> str:
    path = tmp_path / "handout.pdf"
    write_atomically(path, Printer(storage, FakeClock(), clinic).handout(session_id))
    return pdf_text(path)


@pytest.mark.parametrize(
    "case",
    [
        (
            "es",
            (
                "Después de su sesión · viernes, 6 de marzo de 2026",
                "Sesión 1 de 6",
                "Su intención",
                "To meet my grief with less fear",  # the patient's own words, as written
                "Para su diario",
                "Sus próximas citas",
                "reservada para el lunes, 9 de marzo, 10:00, room 2",
                "Su seguridad hoy",
                "No conduzca, no ande en bicicleta ni opere maquinaria",
                "Hoy no beba alcohol ni tome decisiones importantes.",
                "A quién llamar",
                "¿Preguntas? Llame a Harbour Light al 555 0134.",
                "Paciente P-0107",
                "Página 1 de",
            ),
        ),
        (
            "fr",
            (
                "Après votre séance · vendredi 6 mars 2026",
                "Séance 1 sur 6",
                "Votre intention",
                "Pour votre journal",
                "Vos prochains rendez-vous",
                "prévu le lundi 9 mars, 10:00, room 2",
                "Votre sécurité aujourd’hui",
                "Ne conduisez pas, ne faites pas de vélo",
                "Ne buvez pas d’alcool",
                "Qui appeler",
                "Des questions ? Appelez Harbour Light au 555 0134.",
                "Page 1 sur",
            ),
        ),
    ],
)
def test_the_handout_prints_in_the_patients_language_while_kapdesk_speaks_english(
    storage: Storage,
    clock: FakeClock,
    clinic: ClinicSettings,
    tmp_path: Path,
    case: tuple[str, tuple[str, ...]],
) -> None:
    code, expected = case
    _needs_catalogue(code)
    session_id = _session(storage, clock, clinic, code)
    text = _handout(storage, clinic, session_id, tmp_path)
    for words in expected:
        assert words in text, (words, text)
    for english in ("After your session", "Do not drive", "Who to call", "Questions?"):
        assert english not in text, english
    # Nothing was installed for it: the window still speaks English.
    assert QCoreApplication.translate("Handout", "After your session") == "After your session"


@pytest.fixture
def staff_speak_spanish(qapp: QApplication) -> Iterator[None]:
    from kapdesk.ui.language import Language  # noqa: PLC0415

    language = Language()
    assert language.speak("es"), "kapdesk's Spanish catalogue cannot be loaded"
    yield
    language.speak("en")


def test_an_english_handout_stays_english_while_kapdesk_speaks_spanish(
    storage: Storage,
    clock: FakeClock,
    clinic: ClinicSettings,
    tmp_path: Path,
    staff_speak_spanish: None,
) -> None:
    _needs_catalogue("es")
    session_id = _session(storage, clock, clinic, "en")
    text = _handout(storage, clinic, session_id, tmp_path)
    for expected in (
        "After your session · Friday 06 March 2026",
        "Session 1 of 6",
        "Integration session with the psychotherapist booked for Monday 09 March, 10:00, room 2",
        "Do not drive, cycle or operate machinery until the next day, after a restful sleep.",
        "Questions? Call Harbour Light on 555 0134.",
        "Harbour Light · Patient P-0107 · Session 06 Mar 2026",
        "Page 1 of",
    ):
        assert expected in text, (expected, text)
    assert "Después" not in text


def test_a_session_without_a_choice_prints_in_the_clinics_language() -> None:
    assert handout_language("", "fr", "en_US") == "fr"
    assert handout_language("", "", "es_MX") == "es"  # the clinic's: the PC's, as for staff
    assert handout_language("", "", "de_DE") == "en"
    assert handout_language("es", "fr", "en_US") == "es"  # the patient's choice first


def test_the_clinics_own_texts_print_in_the_patients_language_where_given(
    storage: Storage, clock: FakeClock, clinic: ClinicSettings, tmp_path: Path
) -> None:
    step = clinic.steps[0]
    text = f"""
[handout.es]
urgent = "Si se siente en peligro, llame al 911."
prompts = ["¿Qué aprendió sobre usted?"]
steps = {{ {step.id} = "Escriba en su diario esta noche" }}
followups = {{ integration = "Sesión de integración con el psicoterapeuta" }}
"""
    own = replace(parse_clinic(text, base=clinic), region="en_US")
    spanish = _session(storage, clock, own, "es")
    said = _handout(storage, own, spanish, tmp_path)
    for expected in (
        "Si se siente en peligro, llame al 911.",
        "¿Qué aprendió sobre usted?",
        "Escriba en su diario esta noche",
        "Sesión de integración con el psicoterapeuta",
    ):
        assert expected in said, (expected, said)
    for clinics_own in (clinic.urgent, clinic.prompts[0], step.text):
        assert clinics_own not in said, clinics_own
    # A step not given in Spanish prints as the clinic wrote it.
    assert clinic.steps[1].text in said
    english = _session(storage, clock, own, "en")
    said = _handout(storage, own, english, tmp_path)
    for clinics_own in (clinic.urgent, clinic.prompts[0], step.text):
        assert clinics_own in said, clinics_own
    assert "Si se siente" not in said
