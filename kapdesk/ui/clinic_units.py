"""The clinic's units on this PC: what its clinic.toml says, else its region's, else the PC's."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from kapdesk.core.clinic import ClinicSettings
from kapdesk.core.units import Units


def clinic_units(clinic: ClinicSettings, system_region: str | None = None) -> Units:
    """The units staff type and read temperatures and weights in: the clinic's ``[locale]``
    choice, else its region's default, else this PC's region's (``QLocale.system()``)."""
    region = QLocale.system().name() if system_region is None else system_region
    return clinic.units(region)
