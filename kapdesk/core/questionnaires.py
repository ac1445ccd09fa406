"""PHQ-9 and GAD-7: the depression and anxiety questionnaires a course is followed with.

Both were developed by Drs Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues,
with an educational grant from Pfizer Inc.; no permission is required to reproduce, translate,
display or distribute them (phqscreeners.com). Scoring is the sum of the items (0-3 each), with
the published severity bands: PHQ-9 (Kroenke, Spitzer & Williams 2001) 0-4 minimal, 5-9 mild,
10-14 moderate, 15-19 moderately severe, 20-27 severe; GAD-7 (Spitzer et al. 2006) 0-4 minimal,
5-9 mild, 10-14 moderate, 15-21 severe. PHQ-9 item 9 (thoughts of being better off dead or of
self-harm) answered above 0 is flagged for the clinician whatever the total.

The words here are the English forms; the published forms in other languages are
:mod:`kapdesk.core.questionnaire_forms`. Scores and bands are the same in every language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kapdesk.core.words import QT_TRANSLATE_NOOP

ANSWERS: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)

DIFFICULTY: tuple[str, ...] = (
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
)


@dataclass(frozen=True)
class Band:
    """A severity band: the lowest total it starts at, and its name."""

    low: int
    name: str


@dataclass(frozen=True)
class Instrument:
    """A questionnaire: its items (each answered 0-3) and its severity bands."""

    id: str
    name: str
    stem: str
    items: tuple[str, ...]
    bands: tuple[Band, ...]

    @property
    def max_total(self) -> int:
        return 3 * len(self.items)


PHQ9 = Instrument(
    "phq9",
    "PHQ-9",
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    (
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    (
        Band(0, "minimal"),
        Band(5, "mild"),
        Band(10, "moderate"),
        Band(15, "moderately severe"),
        Band(20, "severe"),
    ),
)

GAD7 = Instrument(
    "gad7",
    "GAD-7",
    "Over the last 2 weeks, how often have you been bothered by the following problems?",
    (
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    (Band(0, "minimal"), Band(5, "mild"), Band(10, "moderate"), Band(15, "severe")),
)

INSTRUMENTS: Mapping[str, Instrument] = {PHQ9.id: PHQ9, GAD7.id: GAD7}

SELF_HARM_FLAG = QT_TRANSLATE_NOOP(
    "Questionnaires",
    "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered "
    "above “Not at all”: the clinician must assess safety today.",
)


class AnswerError(ValueError):
    """Answers that cannot be scored: missing, or outside 0-3."""


@dataclass(frozen=True)
class Score:
    """A scored questionnaire."""

    instrument: Instrument
    answers: tuple[int, ...]
    total: int
    band: str
    flags: tuple[str, ...] = ()

    def text(self) -> str:
        return f"{self.instrument.name} {self.total} of {self.instrument.max_total}, {self.band}"


def band_of(instrument: Instrument, total: int) -> str:
    """The severity band a total falls in."""
    name = instrument.bands[0].name
    for band in instrument.bands:
        if total >= band.low:
            name = band.name
    return name


def score(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Score every item's answer (0-3); AnswerError names what is missing or wrong."""
    if len(answers) != len(instrument.items):
        raise AnswerError(
            QT_TRANSLATE_NOOP("Questionnaires", "{name} has {count} questions, not {given}").format(
                name=instrument.name, count=len(instrument.items), given=len(answers)
            )
        )
    missing = [n for n, answer in enumerate(answers, start=1) if answer is None]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        raise AnswerError(
            QT_TRANSLATE_NOOP("Questionnaires", "{name}: answer question {listed}").format(
                name=instrument.name, listed=listed
            )
        )
    values = tuple(int(a) for a in answers if a is not None)
    wrong = [n for n, value in enumerate(values, start=1) if value not in (0, 1, 2, 3)]
    if wrong:
        raise AnswerError(
            QT_TRANSLATE_NOOP("Questionnaires", "{name}: question {number} is answered 0-3").format(
                name=instrument.name, number=wrong[0]
            )
        )
    total = sum(values)
    flags = (SELF_HARM_FLAG,) if instrument is PHQ9 and values[8] > 0 else ()
    return Score(instrument, values, total, band_of(instrument, total), flags)
