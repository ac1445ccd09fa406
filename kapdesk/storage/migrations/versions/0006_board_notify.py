"""On PostgreSQL, every journey event recorded in any room tells the clinic board at once:
a trigger sends a notification on the ``kapdesk_board`` channel with the session's id, so a
board listening on the server redraws that room without polling. SQLite (one room) needs none.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

CHANNEL = "kapdesk_board"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION kapdesk_notify_board() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', NEW.session_id::text); RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER session_events_notify_board AFTER INSERT ON session_events "
        "FOR EACH ROW EXECUTE FUNCTION kapdesk_notify_board()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER session_events_notify_board ON session_events")
    op.execute("DROP FUNCTION kapdesk_notify_board()")
