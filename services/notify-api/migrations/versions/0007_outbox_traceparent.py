"""The trace context carried to the push: the platform tables' version 4 (outbox events
keep theirs), each delivery the context of the intake that made it, each attempt its own."""

import sqlalchemy as sa
from alembic import op

from platform_shared.migrations import add_outbox_traceparent, drop_outbox_traceparent

revision = "0007_outbox_traceparent"
down_revision = "0006"


def upgrade() -> None:
    add_outbox_traceparent()
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("traceparent", sa.String(64), nullable=True))
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.add_column(sa.Column("traceparent", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("delivery_attempts") as batch:
        batch.drop_column("traceparent")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("traceparent")
    drop_outbox_traceparent()
