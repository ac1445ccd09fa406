"""A line the record kept in English, read back, is said again by the template that made it:
its English unchanged, its words ready for the window to say in its language."""

from __future__ import annotations

from kapdesk.core.journey_words import said_reason
from kapdesk.core.protocols import Thresholds
from kapdesk.core.said_again import said_again
from kapdesk.core.vitals import LABELS, Reading, flags, measure_flags, said_flag
from kapdesk.core.words import QT_TRANSLATE_NOOP, Said

READINGS = (
    Reading(190, 115, 130, 88, 6, 38.6),
    Reading(85, 95, 35, 99, 40, 36.0),
    Reading(150, 95, 70, 97, 14, 37.0),
    Reading(systolic=181, diastolic=100),
)


def test_every_flag_kept_is_said_again_by_its_own_template() -> None:
    limits = Thresholds()
    seen = 0
    for reading in READINGS:
        for dosed in (True, False):
            made = [*flags(reading, limits, dosed=dosed)]
            made += measure_flags(reading, limits, dosed=dosed).values()
            seen += len(made)
            for flag in made:
                again = said_flag(str(flag))  # as the record gives it back: plain English
                assert isinstance(again, Said)
                assert again == flag
                assert again.template == flag.template  # type: ignore[attr-defined]
    assert seen > 20


def test_a_measure_is_said_as_its_marked_name() -> None:
    again = said_flag("Systolic BP 184 mmHg is at or above 180 mmHg before dosing")
    assert isinstance(again, Said)
    assert again.values["measure"] is LABELS["systolic"]
    assert again.values["value"] == "184 mmHg"
    assert again.values["limit"] == "180 mmHg"


def test_words_no_template_makes_stay_as_they_are() -> None:
    assert said_flag("Systolic BP 150 mmHg is high") == "Systolic BP 150 mmHg is high"
    assert not isinstance(said_flag("Systolic BP 150 mmHg is high"), Said)
    template = QT_TRANSLATE_NOOP("Test", "{a} and {a}")
    assert not isinstance(said_again("x and y", [template]), Said)  # a field said twice agrees
    assert isinstance(said_again("x and x", [template]), Said)


def test_a_discharge_checks_reasons_are_said_again() -> None:
    reason = said_reason("Walking: not scored")
    assert isinstance(reason, Said)
    assert reason == "Walking: not scored"
    assert reason.values["item"].context == "Discharge"  # type: ignore[attr-defined]
    assert said_reason("Score 8 of 12: 10 needed") == "Score 8 of 12: 10 needed"
    assert said_reason("No escort present: the patient must not leave alone").context == (  # type: ignore[attr-defined]
        "Discharge"
    )


def test_why_a_close_was_early_is_said_again() -> None:
    from kapdesk.core import journey_record  # noqa: PLC0415
    from kapdesk.core.journey_words import closed_text, said_concern  # noqa: PLC0415

    kept = [
        "1:00:00 since dosing, of the 2 h the protocol asks in the room",
        "vital-signs checks not taken: Baseline, Peak (about 40 min)",
        "no discharge check recorded",
    ]
    said = [said_concern(line) for line in kept]
    assert said == kept  # the English, as kept
    assert [s.template for s in said if isinstance(s, Said)] == [
        journey_record.TOO_SOON,
        journey_record.CHECKS_NOT_TAKEN,
        journey_record.NO_DISCHARGE_CHECK,
    ]
    assert said_concern("the patient felt unwell") == "the patient felt unwell"  # not kapdesk's
    line = closed_text({"reason": "Asked to go home", "early": kept})
    assert line == f"Session closed early ({'; '.join(kept)}): Asked to go home"
