"""The platform tables and notify-api's own: events, notifications, endpoints, deliveries."""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime
from platform_shared.migrations import create_platform_tables, drop_platform_tables

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_platform_tables()
    op.create_table(
        "events",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=True),
        sa.Column("time", UTCDateTime(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("person_ref", sa.String(100), nullable=True),
        sa.Column("responsible_authority", sa.String(64), nullable=True),
        sa.Column("matched", sa.Boolean(), nullable=False),
        sa.Column("receipt", sa.JSON(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_type_received_at", "events", ["type", "received_at"])
    op.create_index("ix_events_person_ref", "events", ["person_ref"])
    op.create_table(
        "organisation_sequences",
        sa.Column("org", sa.String(64), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("org", name="pk_organisation_sequences"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=True),
        sa.Column("event_type", sa.String(100), nullable=True),
        sa.Column("rule_id", sa.String(100), nullable=False),
        sa.Column("rules_version", sa.String(32), nullable=False),
        sa.Column("recipient_org", sa.String(64), nullable=False),
        sa.Column("recipient_role", sa.String(32), nullable=False),
        sa.Column("person_ref", sa.String(100), nullable=True),
        sa.Column("responsible_authority", sa.String(64), nullable=True),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("withheld_reason", sa.String(200), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("occurrence", sa.Integer(), nullable=True),
        sa.Column("recurrence_anchor", sa.Date(), nullable=True),
        sa.Column("escalation_of", sa.Uuid(), nullable=True),
        sa.Column("basis", sa.String(32), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("breach", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(100), nullable=True),
        sa.Column("overdue_at", UTCDateTime(), nullable=True),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("ended_by_event", sa.String(200), nullable=True),
        sa.Column("successor_created", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
        sa.UniqueConstraint("key", name="uq_notifications_key"),
        sa.UniqueConstraint("recipient_org", "sequence", name="uq_notifications_org_sequence"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name="fk_notifications_event_id_events"
        ),
        sa.ForeignKeyConstraint(
            ["escalation_of"],
            ["notifications.id"],
            name="fk_notifications_escalation_of_notifications",
        ),
    )
    op.create_index(
        "ix_notifications_inbox", "notifications", ["recipient_org", "status", "due_at"]
    )
    op.create_index("ix_notifications_due", "notifications", ["status", "due_at"])
    op.create_index("ix_notifications_person_ref", "notifications", ["person_ref"])
    op.create_index("ix_notifications_event_id", "notifications", ["event_id"])
    op.create_table(
        "endpoints",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("org", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("address", sa.String(320), nullable=True),
        sa.Column("roles", sa.JSON(), nullable=True),
        sa.Column("rules", sa.JSON(), nullable=True),
        sa.Column("secret", sa.String(100), nullable=True),
        sa.Column("previous_secret", sa.String(100), nullable=True),
        sa.Column("previous_secret_expires_at", UTCDateTime(), nullable=True),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.String(200), nullable=True),
        sa.Column("disabled_at", UTCDateTime(), nullable=True),
        sa.Column("removed_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_endpoints"),
    )
    op.create_index("ix_endpoints_org", "endpoints", ["org", "enabled"])
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("notification_id", sa.Uuid(), nullable=False),
        sa.Column("endpoint_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("lease_token", sa.Uuid(), nullable=True),
        sa.Column("give_up_at", UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.Column("ended_reason", sa.String(200), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("delivered_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.UniqueConstraint("notification_id", "endpoint_id", name="uq_deliveries_notification_id"),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name="fk_deliveries_notification_id_notifications",
        ),
        sa.ForeignKeyConstraint(
            ["endpoint_id"], ["endpoints.id"], name="fk_deliveries_endpoint_id_endpoints"
        ),
    )
    op.create_index("ix_deliveries_due", "deliveries", ["status", "next_attempt_at"])
    op.create_index("ix_deliveries_endpoint_id", "deliveries", ["endpoint_id", "status"])
    op.create_table(
        "delivery_attempts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("attempted_at", UTCDateTime(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(300), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_delivery_attempts"),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["deliveries.id"],
            name="fk_delivery_attempts_delivery_id_deliveries",
        ),
    )
    op.create_index(
        "ix_delivery_attempts_delivery_id", "delivery_attempts", ["delivery_id", "attempted_at"]
    )


def downgrade() -> None:
    op.drop_table("delivery_attempts")
    op.drop_table("deliveries")
    op.drop_table("endpoints")
    op.drop_table("notifications")
    op.drop_table("organisation_sequences")
    op.drop_table("events")
    drop_platform_tables()
