"""The platform tables, incidents and the CPS checklist sections."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime
from platform_shared.migrations import create_platform_tables, drop_platform_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_platform_tables()
    op.create_table(
        "incidents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("person_ref", sa.String(128), nullable=False),
        sa.Column("occurred_at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("setting", sa.String(16), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_by_kind", sa.String(32), nullable=False),
        sa.Column("response_category", sa.String(32), nullable=True),
        sa.Column("reasonable_parent_answer", sa.Boolean(), nullable=True),
        sa.Column("reasonable_parent_reason", sa.Text(), nullable=True),
        sa.Column("cooling_off_applies", sa.Boolean(), nullable=False),
        sa.Column("cooling_off_until", UTCDateTime(), nullable=True),
        sa.Column("child_account", sa.Text(), nullable=True),
        sa.Column("victim_wishes", sa.Text(), nullable=True),
        sa.Column("restorative_approach", sa.String(32), nullable=True),
        sa.Column("restorative_outcome", sa.String(32), nullable=True),
        sa.Column("restorative_notes", sa.Text(), nullable=True),
        sa.Column("exploitation_concern", sa.Boolean(), nullable=False),
        sa.Column("nrm_referral_ref", sa.String(64), nullable=True),
        sa.Column("staff_involved", sa.Boolean(), nullable=False),
        sa.Column("police_involved", sa.Boolean(), nullable=False),
        sa.Column("police_involved_at", UTCDateTime(), nullable=True),
        sa.Column("police_force", sa.String(64), nullable=True),
        sa.Column("police_reference", sa.String(64), nullable=True),
        sa.Column("custody_suite", sa.String(200), nullable=True),
        sa.Column("detained_at", UTCDateTime(), nullable=True),
        sa.Column("released_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("sentenced_on", sa.Date(), nullable=True),
        sa.Column("expected_release_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(16), nullable=True),
        sa.Column("ethnicity", sa.String(48), nullable=True),
        sa.Column("facts_status", sa.String(16), nullable=False),
        sa.Column("status_facts", sa.JSON(), nullable=True),
        sa.Column("responsible_authority", sa.String(64), nullable=True),
        sa.Column("area_authority", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_recorded_by", "incidents", ["recorded_by", "occurred_at"])
    op.create_index(
        "ix_incidents_responsible_authority", "incidents", ["responsible_authority", "occurred_at"]
    )
    op.create_index("ix_incidents_area_authority", "incidents", ["area_authority", "occurred_at"])
    op.create_index("ix_incidents_police_force", "incidents", ["police_force", "occurred_at"])
    op.create_index("ix_incidents_person_ref", "incidents", ["person_ref", "occurred_at"])
    op.create_table(
        "cps_checklist_sections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("incident_id", sa.Uuid(), nullable=False),
        sa.Column("section", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("completed_by", sa.String(64), nullable=False),
        sa.Column("completed_at", UTCDateTime(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cps_checklist_sections"),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_cps_checklist_sections_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("incident_id", "section", name="uq_cps_checklist_sections_incident_id"),
    )


def downgrade() -> None:
    op.drop_table("cps_checklist_sections")
    op.drop_table("incidents")
    drop_platform_tables()
