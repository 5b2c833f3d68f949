"""Issue 17: `delivery.recovered`. `deliveries.recovery_requested_at`: when a retry or a
recover made a failed delivery pending again; the sweeper tells the organisation once the
manual attempt delivered it, and clears the stamp. Partially indexed: few rows carry it."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0008_recovered_notices"
down_revision = "0008_imported_figures"


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("recovery_requested_at", UTCDateTime(), nullable=True))
    op.create_index(
        "ix_deliveries_recovery_requested",
        "deliveries",
        ["recovery_requested_at"],
        postgresql_where=sa.text("recovery_requested_at IS NOT NULL"),
        sqlite_where=sa.text("recovery_requested_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_deliveries_recovery_requested", table_name="deliveries")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("recovery_requested_at")
