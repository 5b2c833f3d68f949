"""The platform tables and the care-status tables: children, legal statuses, placements,
leaving care, personal advisers and consents."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime
from platform_shared.migrations import create_platform_tables, drop_platform_tables

revision = "0001"
down_revision = None


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _child_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["child_id"], ["children.id"], name=f"fk_{table}_child_id_children", ondelete="CASCADE"
    )


def upgrade() -> None:
    create_platform_tables()
    op.create_table(
        "children",
        *_record_columns(),
        sa.Column("person_ref", sa.String(32), nullable=False),
        sa.Column("responsible_authority", sa.String(16), nullable=False),
        sa.Column("given_name", sa.String(100), nullable=False),
        sa.Column("family_name", sa.String(100), nullable=False),
        sa.Column("given_name_key", sa.String(100), nullable=False),
        sa.Column("family_name_key", sa.String(100), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=False),
        sa.Column("nhs_number", sa.String(10), nullable=True),
        sa.Column("pnc_id", sa.String(13), nullable=True),
        sa.Column("local_reference", sa.String(64), nullable=True),
        sa.Column("sex", sa.String(16), nullable=True),
        sa.Column("ethnicity", sa.String(48), nullable=True),
        sa.Column("uasc", sa.Boolean(), nullable=False),
        sa.Column("youth_justice_order", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_children"),
        sa.UniqueConstraint("person_ref", name="uq_children_person_ref"),
    )
    op.create_index(
        "ix_children_name_key", "children", ["family_name_key", "given_name_key", "date_of_birth"]
    )
    op.create_index("ix_children_nhs_number", "children", ["nhs_number"])
    op.create_index("ix_children_pnc_id", "children", ["pnc_id"])
    op.create_index(
        "ix_children_responsible_authority",
        "children",
        ["responsible_authority", "created_at", "id"],
    )
    op.create_index(
        "uq_children_responsible_authority_nhs_number",
        "children",
        ["responsible_authority", "nhs_number"],
        unique=True,
    )
    op.create_table(
        "legal_statuses",
        *_record_columns(),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("basis", sa.String(48), nullable=False),
        sa.Column("short_break", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_legal_statuses"),
        _child_fk("legal_statuses"),
    )
    op.create_index("ix_legal_statuses_child_id", "legal_statuses", ["child_id", "start_date"])
    op.create_table(
        "placements",
        *_record_columns(),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("placement_type", sa.String(32), nullable=False),
        sa.Column("area_authority", sa.String(16), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("provider", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_placements"),
        _child_fk("placements"),
    )
    op.create_index("ix_placements_child_id", "placements", ["child_id", "start_date"])
    op.create_table(
        "leaving_care",
        *_record_columns(),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("left_care_on", sa.Date(), nullable=False),
        sa.Column("category_override", sa.String(24), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_leaving_care"),
        sa.UniqueConstraint("child_id", name="uq_leaving_care_child_id"),
        _child_fk("leaving_care"),
    )
    op.create_table(
        "personal_advisers",
        *_record_columns(),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("contact_route", sa.String(120), nullable=False),
        sa.Column("appointed_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_personal_advisers"),
        sa.UniqueConstraint("child_id", name="uq_personal_advisers_child_id"),
        _child_fk("personal_advisers"),
    )
    op.create_table(
        "consents",
        *_record_columns(),
        sa.Column("child_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(48), nullable=False),
        sa.Column("given", sa.Boolean(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_consents"),
        sa.UniqueConstraint("child_id", "purpose", name="uq_consents_child_id"),
        _child_fk("consents"),
    )


def downgrade() -> None:
    for table in ("consents", "personal_advisers", "leaving_care", "placements"):
        op.drop_table(table)
    op.drop_table("legal_statuses")
    op.drop_table("children")
    drop_platform_tables()
