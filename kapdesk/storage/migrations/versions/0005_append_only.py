"""The record and the audit log are append-only in the database itself: triggers refuse any
UPDATE or DELETE of session events, doses, questionnaire results, integration updates and audit
lines, whoever asks (kapdesk, a script, a hand at the SQL prompt). A correction is a new row.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

APPEND_ONLY = (
    "session_events",
    "doses",
    "questionnaire_results",
    "integration_updates",
    "audit_log",
)
MESSAGE = "kapdesk: this table is append-only; a correction is a new row"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION kapdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{MESSAGE} (%)', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION kapdesk_append_only()"
            )
        return
    for table in APPEND_ONLY:
        for change in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{change.lower()} BEFORE {change} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({table})'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION kapdesk_append_only()")
        return
    for table in APPEND_ONLY:
        for change in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{change}")
