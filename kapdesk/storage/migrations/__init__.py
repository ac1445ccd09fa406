"""Alembic migrations of the kapdesk schema (run from kapdesk.storage.db.upgrade)."""
