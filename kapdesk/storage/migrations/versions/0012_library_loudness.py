"""Each library track's loudness (EBU R128: integrated, range, true peak), measured once and
kept with the file's size and modification time, so a track is measured again only when its
file changes; or why it could not be measured, so the library can say so on that track.

Not part of the clinical record: the library is configuration, and a session records the
loudness each track played at in its own events.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("library_tracks") as batch:
        batch.add_column(sa.Column("loudness_lufs", sa.Float(), nullable=True))
        batch.add_column(sa.Column("loudness_range", sa.Float(), nullable=True))
        batch.add_column(sa.Column("true_peak", sa.Float(), nullable=True))
        batch.add_column(sa.Column("loudness_source", sa.String(16), nullable=True))
        batch.add_column(sa.Column("loudness_problem", sa.Text(), nullable=True))
        batch.add_column(sa.Column("measured_size", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("measured_mtime", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("library_tracks") as batch:
        for name in (
            "measured_mtime",
            "measured_size",
            "loudness_problem",
            "loudness_source",
            "true_peak",
            "loudness_range",
            "loudness_lufs",
        ):
            batch.drop_column(name)
