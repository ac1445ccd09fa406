"""An index on the audit log's action.

Every start reads the clinic settings files' last fingerprints (action "settings_changed"),
which without an index scans the whole audit log: a start should read what it needs, never the
clinic's whole history.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_action", "audit_log", ["action"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_action", table_name="audit_log")
