"""Which versions of kapdesk opened the records: a row when a database is made, and one each
time another version opens it, so the first start after an upgrade can say which version it
came from, whichever way in (the window, a command, another room PC) came first.

Not part of the clinical record (the audit trail says the same of an upgrade).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kapdesk_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("previous", sa.String(40), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("kapdesk_versions")
