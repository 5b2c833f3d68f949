"""rules.md Revision 2: the incident record's new fields.

London incident level and what the child was told (London protocol, Appendix C), the
measure of control (Children's Homes (England) Regulations 2015 reg 35(3)), the related
incident, the court hearing's date and SEND / disability as reported. Every column is
nullable or has a server default, so existing rows need no rewriting and the revision
runs as plain `ADD COLUMN` on SQLite and PostgreSQL. `related_incident_id` has no foreign
key: SQLite cannot add one without rebuilding the table, and the service checks the
incident exists and is the same person's.
"""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0004"
down_revision = "0003"


def _columns() -> tuple[sa.Column[object], ...]:
    # New objects each time: a Column belongs to one table, and a test run migrates
    # several databases in one process.
    return (
        sa.Column("london_incident_level", sa.Integer(), nullable=True),
        sa.Column("child_told_at", UTCDateTime(), nullable=True),
        sa.Column("child_challenge", sa.Text(), nullable=True),
        sa.Column("measure_of_control", sa.String(16), nullable=True),
        sa.Column(
            "measure_planned_in_ehc_plan", sa.Boolean(), nullable=False, server_default=sa.false()
        ),
        sa.Column("related_incident_id", sa.Uuid(), nullable=True),
        sa.Column("hearing_date", sa.Date(), nullable=True),
        sa.Column("send_or_disability", sa.String(16), nullable=True),
    )


def upgrade() -> None:
    for column in _columns():
        op.add_column("incidents", column)
    op.create_index("ix_incidents_related_incident_id", "incidents", ["related_incident_id"])


def downgrade() -> None:
    op.drop_index("ix_incidents_related_incident_id", table_name="incidents")
    with op.batch_alter_table("incidents") as batch:
        for column in reversed(_columns()):
            batch.drop_column(column.name)
