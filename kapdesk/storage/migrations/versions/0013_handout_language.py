"""The language the patient's handout is printed in, chosen at set-up and kept with the session,
whatever language the staff read kapdesk in.

NULL (every session before this revision) or "" means the clinic's language, so an upgraded
database prints its old sessions' handouts as it did. A plain ``ADD COLUMN``: the table is not
rebuilt, and every row is kept.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("handout_language", sa.String(8), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35 and later, PostgreSQL): a rebuilt
    # sessions table could not be dropped while its events point at it.
    op.drop_column("sessions", "handout_language")
