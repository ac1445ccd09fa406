"""The published forms: whole (every item, every answer), found by language with English where
none is published here, and kept out of kapdesk's catalogues so no one re-words them."""

from __future__ import annotations

from pathlib import Path

from kapdesk.core.questionnaire_forms import FORMS, PHQ9_ES, form_of, languages_of
from kapdesk.core.questionnaires import ANSWERS, GAD7, INSTRUMENTS, PHQ9

CATALOGUES = Path(__file__).resolve().parents[2] / "kapdesk" / "i18n"


def test_every_form_has_each_item_and_the_four_answers() -> None:
    for (instrument_id, language), form in FORMS.items():
        instrument = INSTRUMENTS[instrument_id]
        assert (form.instrument, form.language) == (instrument_id, language)
        assert len(form.items) == len(instrument.items)
        assert len(form.answers) == len(ANSWERS)
        assert all(item.strip() == item and item for item in form.items)


def test_a_language_without_a_published_form_is_asked_in_english() -> None:
    assert languages_of(PHQ9) == ("en", "es", "fr")
    assert languages_of(GAD7) == ("en",)
    assert form_of(PHQ9, "es") is PHQ9_ES
    assert form_of(GAD7, "es").items == GAD7.items
    assert form_of(PHQ9, "de").items == PHQ9.items


def test_the_published_words_are_not_kapdesks_to_translate() -> None:
    catalogues = " ".join(path.read_text(encoding="utf-8") for path in CATALOGUES.glob("*.ts"))
    for form in FORMS.values():
        for words in (form.stem, *form.items, *form.answers):
            assert f"<source>{words}</source>" not in catalogues, words
