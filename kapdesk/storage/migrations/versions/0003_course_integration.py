"""Courses, questionnaires (PHQ-9, GAD-7) and integration plans.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_courses_and_link_sessions()
    _create_questionnaire_results()
    _create_integration_items()
    _create_integration_updates()


def _create_courses_and_link_sessions() -> None:
    op.create_table(
        "courses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("planned_sessions", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_courses_patient_id_patients")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_courses")),
    )
    op.create_index(op.f("ix_courses_patient_id"), "courses", ["patient_id"])
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("course_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_sessions_course_id_courses"), "courses", ["course_id"], ["id"]
        )
        batch.create_index(op.f("ix_sessions_course_id"), ["course_id"])


def _create_questionnaire_results() -> None:
    op.create_table(
        "questionnaire_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("instrument", sa.String(16), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(32), nullable=False),
        sa.Column("moment", sa.String(16), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by", sa.String(120), nullable=False),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_questionnaire_results_patient_id_patients"),
        ),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name=op.f("fk_questionnaire_results_course_id_courses")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_questionnaire_results_session_id_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["questionnaire_results.id"],
            name=op.f("fk_questionnaire_results_replaces_id_questionnaire_results"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questionnaire_results")),
    )
    op.create_index(
        op.f("ix_questionnaire_results_patient_id"), "questionnaire_results", ["patient_id"]
    )


def _create_integration_items() -> None:
    op.create_table(
        "integration_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_from", sa.Date(), nullable=True),
        sa.Column("due_by", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name=op.f("fk_integration_items_session_id_sessions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_items")),
        sa.UniqueConstraint("session_id", "position", name=op.f("uq_integration_items_session_id")),
    )
    op.create_index(op.f("ix_integration_items_session_id"), "integration_items", ["session_id"])


def _create_integration_updates() -> None:
    op.create_table(
        "integration_updates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(120), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=True),
        sa.Column("assigned_to", sa.String(120), nullable=True),
        sa.Column("booked_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["integration_items.id"],
            name=op.f("fk_integration_updates_item_id_integration_items"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_updates")),
    )
    op.create_index(op.f("ix_integration_updates_item_id"), "integration_updates", ["item_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_integration_updates_item_id"), table_name="integration_updates")
    op.drop_table("integration_updates")
    op.drop_index(op.f("ix_integration_items_session_id"), table_name="integration_items")
    op.drop_table("integration_items")
    op.drop_index(op.f("ix_questionnaire_results_patient_id"), table_name="questionnaire_results")
    op.drop_table("questionnaire_results")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_index(op.f("ix_sessions_course_id"))
        batch.drop_constraint(op.f("fk_sessions_course_id_courses"), type_="foreignkey")
        batch.drop_column("course_id")
    op.drop_index(op.f("ix_courses_patient_id"), table_name="courses")
    op.drop_table("courses")
