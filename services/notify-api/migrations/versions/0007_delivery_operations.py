"""Delivery operations (issue 17): manual retries, endpoint lifecycle, failure streaks.

`delivery_attempts.trigger`: what made an attempt (`scheduled`, `manual`); rows made
before this revision were all scheduled. `deliveries.next_trigger`: the trigger of a
delivery's next attempt when it is not the schedule (a retry or a recover);
`deliveries.ended_at`: when it ended (the recover window is on it; older rows fall back
on `created_at`); `deliveries.exhaustion_noticed_at`: when the organisation was told
the delivery was exhausted (`delivery.exhausted`; failed rows made before this revision
count as told). `endpoints.name`, and the failure streak the worker keeps
(`failing_since`, `failure_warned_at`) for the warning and the automatic disable.
"""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0007_delivery_operations"
down_revision = "0007_explain_ladder_acks"


def upgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.add_column(
            sa.Column("trigger", sa.String(16), nullable=False, server_default="scheduled")
        )
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("next_trigger", sa.String(16), nullable=True))
        batch.add_column(sa.Column("ended_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("exhaustion_noticed_at", UTCDateTime(), nullable=True))
    deliveries = sa.table(
        "deliveries",
        sa.column("status", sa.String()),
        sa.column("created_at", UTCDateTime()),
        sa.column("exhaustion_noticed_at", UTCDateTime()),
    )
    op.execute(
        deliveries.update()
        .where(deliveries.c.status == "failed")
        .values(exhaustion_noticed_at=deliveries.c.created_at)
    )
    with op.batch_alter_table("endpoints") as batch:
        batch.add_column(sa.Column("name", sa.String(100), nullable=True))
        batch.add_column(sa.Column("failing_since", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("failure_warned_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("endpoints") as batch:
        batch.drop_column("failure_warned_at")
        batch.drop_column("failing_since")
        batch.drop_column("name")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("exhaustion_noticed_at")
        batch.drop_column("ended_at")
        batch.drop_column("next_trigger")
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_column("trigger")
