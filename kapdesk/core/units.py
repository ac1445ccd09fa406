"""The clinic's units, and the one canonical unit each value is kept in.

Temperature is kept in °C and weight in kg, whatever the clinic types and reads: thresholds,
charts, the printed record, CSV/JSON and FHIR all start from the same stored value, so a
reading typed as 100.4 °F fires the same flag as 38.0 °C. A clinic in the United States reads
and types °F and lb by default (``[locale]`` in clinic.toml may say otherwise); every other
region °C and kg. Conversions are exact (1 lb = 0.45359237 kg); only what is shown is rounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

POUND_KG = 0.45359237  # exactly, by international agreement (1959)
LANGUAGES = ("en", "es", "fr")  # kapdesk's words exist in these
# Each language by its own name, as one who reads it looks for it: never translated.
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français"}


class Temperature(StrEnum):
    """The unit temperatures are typed and shown in."""

    CELSIUS = "C"
    FAHRENHEIT = "F"

    @property
    def symbol(self) -> str:
        return "°C" if self is Temperature.CELSIUS else "°F"

    @property
    def ucum(self) -> str:
        """The UCUM code FHIR's body temperature profile names for it."""
        return "Cel" if self is Temperature.CELSIUS else "[degF]"


class Weight(StrEnum):
    """The unit weights are typed and shown in."""

    KG = "kg"
    LB = "lb"

    @property
    def symbol(self) -> str:
        return self.value

    @property
    def ucum(self) -> str:
        """The UCUM code FHIR's body weight profile names for it."""
        return "kg" if self is Weight.KG else "[lb_av]"


def environment_language(environ: Mapping[str, str]) -> str:
    """The language the PC's session asks for (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``, as POSIX reads them), if kapdesk has its words; else English. Read before Qt's own
    locale is, so the first frame needs nothing more."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(":")[0]
        if value:
            code = value.split(".")[0].split("_")[0].lower()
            return code if code in LANGUAGES else LANGUAGES[0]
    return LANGUAGES[0]


# Regions whose clinics read °F and pounds (ISO 3166 country codes).
_US_CUSTOMARY = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM"})


def country_of(region: str) -> str:
    """``"en_US"`` -> ``"US"``; ``"fr"`` or ``""`` -> ``""``."""
    parts = region.replace("-", "_").split("_")
    return parts[1].upper() if len(parts) > 1 else ""


def default_units(region: str) -> tuple[Temperature, Weight]:
    """The units a clinic in ``region`` (a locale name like ``"en_US"``) reads by default."""
    if country_of(region) in _US_CUSTOMARY:
        return Temperature.FAHRENHEIT, Weight.LB
    return Temperature.CELSIUS, Weight.KG


@dataclass(frozen=True)
class Units:
    """The units one clinic types and reads."""

    temperature: Temperature = Temperature.CELSIUS
    weight: Weight = Weight.KG

    def celsius(self, typed: float) -> float:
        """A temperature typed in the clinic's unit, in °C (stored)."""
        if self.temperature is Temperature.CELSIUS:
            return typed
        return (typed - 32.0) * 5.0 / 9.0

    def temperature_shown(self, celsius: float) -> float:
        """A stored °C temperature in the clinic's unit."""
        if self.temperature is Temperature.CELSIUS:
            return celsius
        return celsius * 9.0 / 5.0 + 32.0

    def kilograms(self, typed: float) -> float:
        """A weight typed in the clinic's unit, in kg (stored)."""
        return typed if self.weight is Weight.KG else typed * POUND_KG

    def weight_shown(self, kilograms: float) -> float:
        """A stored kg weight in the clinic's unit."""
        return kilograms if self.weight is Weight.KG else kilograms / POUND_KG


def units_for(region: str, temperature: str = "", weight: str = "") -> Units:
    """The clinic's units: those it set (``"C"``/``"F"``, ``"kg"``/``"lb"``), else its
    region's."""
    default_temperature, default_weight = default_units(region)
    return Units(
        Temperature(temperature) if temperature else default_temperature,
        Weight(weight) if weight else default_weight,
    )
