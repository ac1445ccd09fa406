"""PHQ-9 and GAD-7 as they are printed in each language: the published forms, word for word.

A questionnaire's wording is part of the instrument: a translation is valid only as it was
published and validated, so these texts are data, kept apart from kapdesk's own words (they are
not in the catalogues, and no translator re-words them). A form is here only when its text
could be read from the published form itself; an instrument without one in a language is asked
in English, and the window says so.

Sources (Pfizer's forms, phqscreeners.com: "No permission required to reproduce, translate,
display or distribute"):

- PHQ-9 Spanish for the USA: read from Pfizer's PDF ("PHQ9_Spanish for the USA"), items, answers
  and footer as printed (its dashes are en dashes).
- PHQ-9 French for France: Pfizer's "PHQ9_French for France" as transcribed word for word by two
  independent sources that cite that PDF, and the same in a third (apostrophes as printed, ’).

GAD-7 in Spanish and in French could not be checked against a published form: it is asked in
English until it can.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kapdesk.core.questionnaires import ANSWERS, GAD7, PHQ9, Instrument


@dataclass(frozen=True)
class Form:
    """An instrument as printed in one language: its question, items and answers, and where
    the text was taken from."""

    instrument: str  # the instrument's id ("phq9")
    language: str  # "en", "es", "fr"
    stem: str
    items: tuple[str, ...]
    answers: tuple[str, ...]
    footer: str = ""


def _english(instrument: Instrument) -> Form:
    return Form(instrument.id, "en", instrument.stem, instrument.items, ANSWERS)


PHQ9_ES = Form(
    "phq9",
    "es",
    "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los "
    "siguientes problemas?",
    (
        "Poco interés o placer en hacer cosas",
        "Se ha sentido decaído(a), deprimido(a) o sin esperanzas",
        "Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado",
        "Se ha sentido cansado(a) o con poca energía",
        "Sin apetito o ha comido en exceso",
        "Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con "
        "usted mismo(a) o con su familia",
        "Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el "
        "periódico o ver la televisión",
        "¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo "
        "contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal",
        "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera",
    ),
    ("Ningún día", "Varios días", "Más de la mitad de los días", "Casi todos los días"),
    "Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, "
    "mediante una subvención educativa otorgada por Pfizer Inc. No se requiere permiso para "
    "reproducir, traducir, presentar o distribuir.",
)

PHQ9_FR = Form(
    "phq9",
    "fr",
    "Au cours des 2 dernières semaines, selon quelle fréquence avez-vous été gêné(e) par les "
    "problèmes suivants ?",
    (
        "Peu d’intérêt ou de plaisir à faire les choses",
        "Être triste, déprimé(e) ou désespéré(e)",
        "Difficultés à s’endormir ou à rester endormi(e), ou dormir trop",
        "Se sentir fatigué(e) ou manquer d’énergie",
        "Avoir peu d’appétit ou manger trop",
        "Avoir une mauvaise opinion de soi-même, ou avoir le sentiment d’être nul(le), ou d’avoir "
        "déçu sa famille ou s’être déçu(e) soi-même",
        "Avoir du mal à se concentrer, par exemple, pour lire le journal ou regarder la télévision",
        "Bouger ou parler si lentement que les autres auraient pu le remarquer. Ou au contraire, "
        "être si agité(e) que vous avez eu du mal à tenir en place par rapport à d’habitude",
        "Penser qu’il vaudrait mieux mourir ou envisager de vous faire du mal d’une manière ou "
        "d’une autre",
    ),
    ("Jamais", "Plusieurs jours", "Plus de la moitié du temps", "Presque tous les jours"),
    "Développé par les Dr Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke et leurs "
    "collègues grâce à une allocation d'études de Pfizer Inc. La reproduction, la traduction, "
    "l'affichage ou la distribution de ce document sont autorisés.",
)

FORMS: Mapping[tuple[str, str], Form] = {
    (form.instrument, form.language): form
    for form in (_english(PHQ9), _english(GAD7), PHQ9_ES, PHQ9_FR)
}


def languages_of(instrument: Instrument) -> tuple[str, ...]:
    """The languages ``instrument`` has a published form in here, English first."""
    return tuple(language for (kept, language) in FORMS if kept == instrument.id)


def form_of(instrument: Instrument, language: str) -> Form:
    """``instrument`` as printed in ``language``; in English when no published form in that
    language is here (never a form of kapdesk's own words)."""
    return FORMS.get((instrument.id, language)) or FORMS[(instrument.id, "en")]
