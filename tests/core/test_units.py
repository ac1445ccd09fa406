"""The clinic's units: exact conversions to the canonical unit kept, the region's defaults,
and the ``[locale]`` table of clinic.toml."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kapdesk.core.clinic import ClinicError, parse_clinic
from kapdesk.core.units import POUND_KG, Temperature, Units, Weight, default_units, units_for

US = Units(Temperature.FAHRENHEIT, Weight.LB)
METRIC = Units()


def test_the_body_temperatures_staff_know_convert_exactly() -> None:
    assert US.celsius(98.6) == pytest.approx(37.0)
    assert US.celsius(100.4) == pytest.approx(38.0)
    assert US.celsius(32.0) == 0.0
    assert US.temperature_shown(39.5) == pytest.approx(103.1)
    assert METRIC.celsius(37.2) == 37.2  # the canonical unit: untouched
    assert METRIC.temperature_shown(37.2) == 37.2


def test_a_pound_is_exactly_what_the_1959_agreement_says() -> None:
    assert POUND_KG == 0.45359237
    assert US.kilograms(154.0) == pytest.approx(69.853225, abs=1e-6)
    assert US.weight_shown(70.0) == pytest.approx(154.32358, abs=1e-5)
    assert METRIC.kilograms(70.0) == 70.0


@given(st.floats(min_value=-50, max_value=250, allow_nan=False))
def test_a_value_typed_and_shown_again_is_the_value_typed(value: float) -> None:
    assert US.temperature_shown(US.celsius(value)) == pytest.approx(value)
    assert US.weight_shown(US.kilograms(value)) == pytest.approx(value)


def test_the_region_chooses_the_units_unless_the_clinic_does() -> None:
    assert default_units("en_US") == (Temperature.FAHRENHEIT, Weight.LB)
    assert default_units("es_US") == (Temperature.FAHRENHEIT, Weight.LB)
    assert default_units("en_CA") == (Temperature.CELSIUS, Weight.KG)
    assert default_units("fr_FR") == (Temperature.CELSIUS, Weight.KG)
    assert default_units("") == (Temperature.CELSIUS, Weight.KG)
    assert units_for("en_US", "C", "") == Units(Temperature.CELSIUS, Weight.LB)
    assert units_for("en_GB", "", "lb") == Units(Temperature.CELSIUS, Weight.LB)


def test_the_ucum_codes_are_those_fhirs_vital_signs_profiles_name() -> None:
    assert [t.ucum for t in Temperature] == ["Cel", "[degF]"]
    assert [w.ucum for w in Weight] == ["kg", "[lb_av]"]


def test_the_clinic_sets_its_language_region_and_units() -> None:
    settings = parse_clinic(
        '[locale]\nlanguage = "es"\nregion = "es_US"\ntemperature = "C"\n', source="clinic.toml"
    )
    assert (settings.language, settings.region) == ("es", "es_US")
    assert settings.units("fr_FR") == Units(Temperature.CELSIUS, Weight.LB)  # lb from es_US
    silent = parse_clinic("")
    assert silent.units("en_US") == US  # the PC's own region decides
    assert silent.units("de_DE") == METRIC


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('language = "de"', 'locale.language: must be one of en, es, fr; "de" is not'),
        ('temperature = "K"', 'locale.temperature: must be "C" or "F"; "K" is not'),
        ('weight = "stone"', 'locale.weight: must be "kg" or "lb"; "stone" is not'),
        ('region = "United States"', 'locale.region: must be a locale name like "en_US"'),
        ("units = 1", "locale.units"),
    ],
)
def test_a_locale_table_that_cannot_be_used_says_why(line: str, said: str) -> None:
    with pytest.raises(ClinicError) as raised:
        parse_clinic(f"[locale]\n{line}\n")
    assert said in str(raised.value)
