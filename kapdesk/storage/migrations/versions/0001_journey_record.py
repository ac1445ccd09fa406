"""The journey record: patients, staff, protocol snapshots, sessions, doses and events.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_patients()
    _create_staff()
    _create_protocol_snapshots()
    _create_sessions()
    _create_session_events()
    _create_doses()


def _create_patients() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clinic_code", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("clinic_code", name=op.f("uq_patients_clinic_code")),
    )


def _create_staff() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("name", name=op.f("uq_staff_name")),
    )


def _create_protocol_snapshots() -> None:
    op.create_table(
        "protocol_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("protocol_id", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocol_snapshots")),
        sa.UniqueConstraint("sha256", name=op.f("uq_protocol_snapshots_sha256")),
    )


def _create_sessions() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("sitter_id", sa.Integer(), nullable=True),
        sa.Column("protocol_snapshot_id", sa.Integer(), nullable=False),
        sa.Column("protocol_id", sa.String(64), nullable=False),
        sa.Column("protocol_name", sa.String(200), nullable=False),
        sa.Column("room", sa.String(120), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("phase_index", sa.Integer(), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("dosed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_sessions_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["sitter_id"], ["staff.id"], name=op.f("fk_sessions_sitter_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["protocol_snapshot_id"],
            ["protocol_snapshots.id"],
            name=op.f("fk_sessions_protocol_snapshot_id_protocol_snapshots"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    op.create_index(op.f("ix_sessions_patient_id"), "sessions", ["patient_id"])
    op.create_index(op.f("ix_sessions_state"), "sessions", ["state"])


def _create_session_events() -> None:
    op.create_table(
        "session_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("wall_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=True),
        sa.Column("phase_index", sa.Integer(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_session_events_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_events")),
        sa.UniqueConstraint("session_id", "seq", name="uq_session_events_seq"),
    )
    op.create_index(op.f("ix_session_events_session_id"), "session_events", ["session_id"])


def _create_doses() -> None:
    op.create_table(
        "doses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("wall_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("route", sa.String(64), nullable=False),
        sa.Column("lot_number", sa.String(64), nullable=False),
        sa.Column("given_by", sa.String(120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_doses_session_id_sessions")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["session_events.id"], name=op.f("fk_doses_event_id_session_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_doses")),
        sa.UniqueConstraint("event_id", name=op.f("uq_doses_event_id")),
    )
    op.create_index(op.f("ix_doses_session_id"), "doses", ["session_id"])


def downgrade() -> None:
    for table in ("doses", "session_events", "sessions", "protocol_snapshots", "staff", "patients"):
        op.drop_table(table)
