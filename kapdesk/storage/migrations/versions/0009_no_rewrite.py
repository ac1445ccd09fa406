"""Close the ways round the append-only triggers of 0005 that are not an UPDATE or a DELETE.

On SQLite, ``INSERT OR REPLACE`` (and ``REPLACE INTO``) over a row's key deletes the row and
writes another in its place, and fires no DELETE trigger (unless ``recursive_triggers`` is on,
which no one sets): it rewrote a session event and an audit line. A BEFORE INSERT trigger on
every append-only table now refuses an insert whose key (the primary key, and each unique key:
a session's ``(session_id, seq)``, a dose's ``event_id``) is already held, whatever conflict
clause the statement carries. (An upsert's DO UPDATE fires the UPDATE triggers of 0005 anyway;
now it is refused before it gets there.)

On PostgreSQL, the same check runs in a BEFORE INSERT trigger per table, and TRUNCATE, which
fires no row trigger, is refused by a statement trigger (a ``TRUNCATE ... CASCADE`` from another
table too). The refusal of an insert over an existing key is a unique violation, as the unique
index's own would be, so kapdesk's writers (which recognise an event already delivered by its
key) see what they saw before.

No trigger stops DROP TRIGGER, ALTER TABLE or DROP TABLE by whoever owns the file or the
tables. So session events and audit lines also gain ``chain``: a hash over the row and the one
before it, which kapdesk writes and ``kapdesk audit --verify`` checks (kapdesk.storage.chain).
Rows written before this revision have none: they stand "before the chain began". See
docs/staff.md for what is and is not proof.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Each append-only table (those of 0005) and its keys: the columns of each unique key.
KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "session_events": (("id",), ("session_id", "seq")),
    "doses": (("id",), ("event_id",)),
    "questionnaire_results": (("id",),),
    "integration_updates": (("id",),),
    "audit_log": (("id",),),
}
MESSAGE = "kapdesk: this table is append-only; a row already holds this key"


def _held(table: str) -> str:
    """SQL that is true when a row of ``table`` already holds one of NEW's keys."""
    return " OR ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE "
        + " AND ".join(f"{column} = NEW.{column}" for column in key)
        + ")"
        for key in KEYS[table]
    )


CHAINED = ("session_events", "audit_log")


def upgrade() -> None:
    for table in CHAINED:
        op.add_column(table, sa.Column("chain", sa.String(64), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        for table in KEYS:
            op.execute(
                f"CREATE FUNCTION kapdesk_no_rewrite_{table}() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN IF {_held(table)} THEN "
                f"RAISE EXCEPTION USING ERRCODE = 'unique_violation', "
                f"MESSAGE = '{MESSAGE} ({table})'; END IF; RETURN NEW; END $$"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_rewrite BEFORE INSERT ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION kapdesk_no_rewrite_{table}()"
            )
            # kapdesk_append_only (0005) refuses whatever fires it, naming the table.
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION kapdesk_append_only()"
            )
        return
    for table in KEYS:
        # In a BEFORE INSERT trigger SQLite gives NEW.id as -1 when the row's id is yet to be
        # chosen: no row has it, so a new row passes.
        op.execute(
            f"CREATE TRIGGER {table}_no_rewrite BEFORE INSERT ON {table} "
            f"WHEN {_held(table)} "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE} ({table})'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in KEYS:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
            op.execute(f"DROP TRIGGER {table}_no_rewrite ON {table}")
            op.execute(f"DROP FUNCTION kapdesk_no_rewrite_{table}()")
    else:
        for table in KEYS:
            op.execute(f"DROP TRIGGER {table}_no_rewrite")
    # Not a batch operation on SQLite: a table made anew would lose the triggers of 0005.
    for table in CHAINED:
        op.execute(f"ALTER TABLE {table} DROP COLUMN chain")
