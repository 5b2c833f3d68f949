"""Duty holders, reasons for ending, the age limit of recurring duties, superseding events.

Columns are added nullable: rows made before this revision keep None (no backfill).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("duty_holder", sa.String(64), nullable=True))
        batch.add_column(sa.Column("recurrence_until", sa.Date(), nullable=True))
        batch.add_column(sa.Column("supersede_key", sa.String(300), nullable=True))
        batch.add_column(sa.Column("ended_reason", sa.String(32), nullable=True))
    op.create_index(
        "ix_notifications_duty_holder", "notifications", ["duty_holder", "status", "due_at"]
    )
    op.create_index("ix_notifications_supersede_key", "notifications", ["supersede_key"])
    op.create_index("ix_notifications_escalation_of", "notifications", ["escalation_of"])
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("supersede_key", sa.String(300), nullable=True))
    op.create_index("ix_events_supersede_key", "events", ["supersede_key", "time"])


def downgrade() -> None:
    op.drop_index("ix_events_supersede_key", table_name="events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("supersede_key")
    op.drop_index("ix_notifications_escalation_of", table_name="notifications")
    op.drop_index("ix_notifications_supersede_key", table_name="notifications")
    op.drop_index("ix_notifications_duty_holder", table_name="notifications")
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("ended_reason")
        batch.drop_column("supersede_key")
        batch.drop_column("recurrence_until")
        batch.drop_column("duty_holder")
