"""Imported duties: what an event loaded from a return required, past on the day of import."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0007_imported_duties"
down_revision = "0007_notification_proofs"


def upgrade() -> None:
    op.create_table(
        "imported_duties",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("rule_id", sa.String(100), nullable=False),
        sa.Column("recipient_org", sa.String(64), nullable=False),
        sa.Column("recipient_role", sa.String(64), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=True),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_duties")),
    )
    op.create_index(
        "ix_imported_duties_recipient_org", "imported_duties", ["recipient_org", "rule_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_imported_duties_recipient_org", table_name="imported_duties")
    op.drop_table("imported_duties")
