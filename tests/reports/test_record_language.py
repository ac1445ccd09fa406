"""The printed session record in the language kapdesk speaks to its staff (the translators
installed, as the window's), read back from the PDF: its headings, table headers, labels and
timeline in Spanish or French, none of its English headings left; the patient's code, names and
the protocol's own words as written. The command line prints it in the clinic's language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapdesk.cli import main
from kapdesk.core.clinic import ClinicSettings, load_clinic
from kapdesk.core.clock import FakeClock
from kapdesk.core.discharge import READINESS_ITEMS, assess
from kapdesk.core.journey import Dose, EventKind
from kapdesk.core.observations import amendment_data, note_data
from kapdesk.core.preparation import intention_data
from kapdesk.core.protocol_files import ProtocolLibrary
from kapdesk.core.safe_files import write_atomically
from kapdesk.core.vitals import Reading, flags
from kapdesk.core.words import Template
from kapdesk.paths import BUNDLED_CLINIC_SETTINGS, BUNDLED_PROTOCOLS_DIR
from kapdesk.printing import Printer
from kapdesk.reports import record_words
from kapdesk.storage.db import Storage
from kapdesk.storage.journeys import JourneyStore
from kapdesk.ui.language import Language
from tests.support.pdf_text import pdf_text

# The record's English headings and labels: none is left in a Spanish or French record (those
# a language writes alike, "Doses" or "Phase" in French, are left out of its list).
ENGLISH = (
    "Session record",
    "Patient (clinic code)",
    "Staff in the record",
    "Preparation",
    "Checklist step",
    "Doses",
    "Given by",
    "Phases",
    "Vital signs",
    "Notes and ratings",
    "Music and sound",
    "Discharge",
    "Timeline",
    "Signed",
    "Clinician (name)",
    "Closed early",
    "Why closed early",
    "Corrected ",
    "Flagged",
    "Left axis",
    "Page 1 of",
    "Printed ",
)


@pytest.fixture
def clinic(qapp: QApplication) -> ClinicSettings:
    settings, _ = load_clinic(BUNDLED_CLINIC_SETTINGS, None)
    return replace(settings, name="Harbour Light", region="en_US")


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[Language]:
    language = Language()
    yield language
    language.speak("en")


def _session(storage: Storage, clock: FakeClock) -> int:
    """Closed early an hour after dosing, with a flagged reading, a corrected note and a
    discharge check that found the patient not ready."""
    protocol = ProtocolLibrary(BUNDLED_PROTOCOLS_DIR, None).get("esketamine-intranasal")
    assert protocol is not None
    clock.advance(4 * 24 * 3600)  # Friday 6 March 2026
    opened = JourneyStore(storage, clock).open_session("P-0107", protocol, "Sam Ortiz")
    journey = opened.journey
    journey.record_preparation(
        EventKind.INTENTION, intention_data("To meet my grief with less fear", "Dr Lin")
    )
    journey.record_dose(Dose(56, "mg", "intranasal", lot_number="ESK-7731", given_by="Jo Okafor"))
    clock.advance(20 * 60)
    journey.record_observation(EventKind.NOTE, note_data("Tearful", [], "Sam Ortiz"))
    note = len(journey.events) - 1
    values = {"systolic": 184, "diastolic": 96, "heart_rate": 76, "spo2": 98}
    flagged = flags(Reading.from_values(values), protocol.thresholds, dosed=True)
    assert flagged
    journey.record_observation(
        EventKind.VITALS, {"values": values, "flags": flagged, "by": "Jo Okafor"}
    )
    journey.amend(amendment_data(note, {"text": "Tearful, then calm"}, "typo", "Sam Ortiz"))
    scores: dict[str, int | None] = {item.id: 1 for item in READINESS_ITEMS}
    journey.record_discharge(assess(scores, True, 10).to_json("ok", {}, "Jo Okafor"))
    clock.advance(40 * 60)
    journey.close("Patient asked to go home")
    assert opened.recorder.flush(timeout=5)
    return opened.session_id


def _record(storage: Storage, clinic: ClinicSettings, session_id: int, tmp_path: Path) -> str:
    path = tmp_path / "record.pdf"
    write_atomically(path, Printer(storage, FakeClock(), clinic).record(session_id))
    return pdf_text(path)


CASES = [
    (
        "es",
        (
            "Registro de la sesión · P-0107",
            "Paciente (código de la clínica) P-0107",
            "Personal en el registro",
            "Cerrada antes de tiempo",
            "desde la dosis",  # why it was early, kept in English, said again in Spanish
            "Por qué se cerró antes Patient asked to go home",  # the staff's own words
            "Preparación",
            "Dosis",
            "Hora Tiempo Cantidad Peso Total Vía Lote Administrada por",
            "Signos vitales",
            "Eje izquierdo: presión arterial",
            "Señalada",
            "Notas y valoraciones",
            "Original (",
            "Corregido el",
            "porque «typo»",
            "Alta",
            "Por qué no está listo",
            "Cronología",
            "Sesión abierta",  # a timeline line from the core
            "Dosis: 56 mg intranasal",
            "Firma",
            "Clínico (nombre)",
            "Paciente P-0107",  # the running header
            "Página 1 de",
            "Impreso el",
        ),
        ENGLISH,
    ),
    (
        "fr",
        (
            "Dossier de séance · P-0107",
            "Patient (code de la clinique) P-0107",
            "Fermée plus tôt que prévu",
            "Préparation",
            "Heure Temps Quantité Poids Total Voie Lot Donnée par",
            "Signes vitaux",
            "Notes et évaluations",
            "Corrigé le",
            "Sortie",
            "Chronologie",
            "Clinicien (nom)",
            "Page 1 sur",
        ),
        tuple(e for e in ENGLISH if e not in ("Doses", "Phases", "Signed")),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_record_prints_in_the_language_kapdesk_speaks(
    storage: Storage,
    clock: FakeClock,
    clinic: ClinicSettings,
    tmp_path: Path,
    *,
    speaking: Language,
    case: tuple[str, tuple[str, ...], tuple[str, ...]],
) -> None:
    code, expected, english = case
    assert speaking.speak(code), f"kapdesk's {code} catalogue cannot be loaded"
    session_id = _session(storage, clock)
    text = _record(storage, clinic, session_id, tmp_path)
    for words in expected:
        assert words in text, (words, text)
    for words in english:
        assert words not in text, (words, text)
    for kept in ("P-0107", "Sam Ortiz", "Jo Okafor", "ESK-7731", "Esketamine nasal spray"):
        assert kept in text, kept
    # The esketamine monitoring form is transcribed onto the official (English) REMS form:
    # its words stay those of the form.
    for form in ("Patient monitoring form", "Blood pressure at about 40 minutes"):
        assert form in text, form


def test_every_word_of_the_record_is_marked_under_its_context() -> None:
    words = [v for v in vars(record_words).values() if isinstance(v, Template)]
    assert len(words) > 80
    assert {w.context for w in words} == {"SessionRecord"}


def test_the_command_line_prints_the_record_in_the_clinics_language(
    tmp_path: Path, qapp: QApplication, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    session = capsysbinary.readouterr()[0].decode("utf-8").strip().splitlines()[-1]
    (data / "clinic.toml").write_text('[locale]\nlanguage = "es"\n', "utf-8")
    record = tmp_path / "record.pdf"
    assert (
        main(["--data-dir", str(data), "export", session, "--format", "pdf", "-o", str(record)])
        == 0
    )
    text = pdf_text(record)
    assert "Registro de la sesión · DEMO-001" in text
    assert "Cronología" in text
    assert "Session record" not in text
    # Printed, the window's language is put back: English, as it was.
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    assert QCoreApplication.translate("SessionRecord", "Timeline") == "Timeline"
