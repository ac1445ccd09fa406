"""Exports of session records (PDF, CSV, JSON, FHIR), built with the issues that need them."""
