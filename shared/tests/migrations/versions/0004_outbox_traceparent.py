"""The platform tables' version 4: the trace context of each outbox event."""

from platform_shared.migrations import add_outbox_traceparent, drop_outbox_traceparent

revision = "0004_outbox_traceparent"
down_revision = "0003"


def upgrade() -> None:
    add_outbox_traceparent()


def downgrade() -> None:
    drop_outbox_traceparent()
