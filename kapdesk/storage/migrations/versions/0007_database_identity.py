"""The database's own identity: a random id written once, when the database is created or
upgraded to this revision. A room's outbox keeps entries for this id, not for the URL's text,
so the same server reached by another name (or with the password from another place) is still
the same server, and another server (or a database made anew) never receives them.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "database_identity",
        sa.Column("id", sa.String(32), primary_key=True),
    )
    op.bulk_insert(table, [{"id": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("database_identity")
