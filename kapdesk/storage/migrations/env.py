"""Alembic environment: runs on the connection kapdesk hands over (SQLite or PostgreSQL)."""

from __future__ import annotations

from alembic import context

from kapdesk.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("kapdesk runs its migrations through kapdesk.storage.db.upgrade")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
