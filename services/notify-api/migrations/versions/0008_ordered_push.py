"""Ordered, gap-detectable push (issue 17): each endpoint's deliveries are a numbered stream.

`deliveries.endpoint_sequence`: the endpoint's own gap-free number for the delivery;
`deliveries.previous_sequence`: the inbox sequence of the endpoint's previous delivery
(or where its stream began). Deliveries made before this revision have neither and are
pushed as before. `endpoint_streams`: one row per endpoint, where its stream is; every
existing endpoint's stream starts at its organisation's current inbox sequence, and
`last_heartbeat_at` is when it was last sent its high-water mark.
`endpoints.heartbeat_seconds`: the optional heartbeat when idle (None: none).
"""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0008_ordered_push"
down_revision = "0008_recovered_notices"


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("endpoint_sequence", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("previous_sequence", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("endpoints") as batch:
        batch.add_column(sa.Column("heartbeat_seconds", sa.Integer(), nullable=True))
    op.create_index(
        "ix_deliveries_endpoint_sequence", "deliveries", ["endpoint_id", "endpoint_sequence"]
    )
    op.create_table(
        "endpoint_streams",
        sa.Column("endpoint_id", sa.Uuid(), nullable=False),
        sa.Column("last_endpoint_sequence", sa.BigInteger(), nullable=False),
        sa.Column("last_inbox_sequence", sa.BigInteger(), nullable=False),
        sa.Column("last_heartbeat_at", UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["endpoints.id"],
            name=op.f("fk_endpoint_streams_endpoint_id_endpoints"),
        ),
        sa.PrimaryKeyConstraint("endpoint_id", name=op.f("pk_endpoint_streams")),
    )
    op.execute(
        "INSERT INTO endpoint_streams"
        " (endpoint_id, last_endpoint_sequence, last_inbox_sequence, last_heartbeat_at)"
        " SELECT endpoints.id, 0, COALESCE(organisation_sequences.last_sequence, 0), NULL"
        " FROM endpoints LEFT JOIN organisation_sequences"
        " ON organisation_sequences.org = endpoints.org"
    )


def downgrade() -> None:
    op.drop_table("endpoint_streams")
    with op.batch_alter_table("endpoints") as batch:
        batch.drop_column("heartbeat_seconds")
    op.drop_index("ix_deliveries_endpoint_sequence", table_name="deliveries")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("previous_sequence")
        batch.drop_column("endpoint_sequence")
