"""The language of the published form a PHQ-9 or GAD-7 was asked in ("es"), kept with its
answers: a translated instrument is valid only as the form it was asked in.

NULL (every result before this revision) means the English form, the only one kapdesk asked
before. A plain ``ADD COLUMN``: the table is not rebuilt, and every row is kept.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("questionnaire_results", sa.Column("form_language", sa.String(8), nullable=True))


def downgrade() -> None:
    op.drop_column("questionnaire_results", "form_language")
