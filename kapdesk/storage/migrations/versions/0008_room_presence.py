"""Each room PC on a clinic server says it is there every half minute, in the server's own
time, with how many of its entries are still waiting to reach the server, so the clinic board
can tell a room that is working offline (or whose PC is off) from a room that is quiet.

Not part of the clinical record: one row per room, overwritten.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_presence",
        sa.Column("room", sa.String(120), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("waiting", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("room_presence")
