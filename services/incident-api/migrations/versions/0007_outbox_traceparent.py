"""The platform tables' version 4: each outbox event keeps the trace context it was written in."""

from platform_shared.migrations import add_outbox_traceparent, drop_outbox_traceparent

revision = "0007_outbox_traceparent"
down_revision = "0006"


def upgrade() -> None:
    add_outbox_traceparent()


def downgrade() -> None:
    drop_outbox_traceparent()
