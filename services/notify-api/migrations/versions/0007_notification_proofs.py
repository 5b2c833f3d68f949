"""The notification log (issue 19): its entries, signed checkpoints and head.

`proof_leaves` is append-only but for `tree_index`, which the sequencer sets after the
entry's own transaction committed. `proof_log_head` holds one row (id 1).
"""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0007_notification_proofs"
down_revision = "0007_delivery_operations"


def upgrade() -> None:
    op.create_table(
        "proof_leaves",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("tree_index", sa.BigInteger(), nullable=True),
        sa.Column("notification_id", sa.Uuid(), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.Column("salt", sa.String(44), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_proof_leaves"),
    )
    op.create_index("ix_proof_leaves_notification_id", "proof_leaves", ["notification_id"])
    op.create_index("ix_proof_leaves_tree_index", "proof_leaves", ["tree_index"], unique=True)
    op.create_table(
        "proof_checkpoints",
        sa.Column("size", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("root", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("size", name="pk_proof_checkpoints"),
    )
    op.create_table(
        "proof_log_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("compact", sa.JSON(), nullable=False),
        sa.Column("checkpointed_at", UTCDateTime(), nullable=True),
        sa.Column("monitored_size", sa.BigInteger(), nullable=False),
        sa.Column("monitor_failure", sa.Text(), nullable=True),
        sa.Column("monitored_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_proof_log_head"),
    )
    op.bulk_insert(
        sa.table(
            "proof_log_head",
            sa.column("id", sa.Integer()),
            sa.column("size", sa.BigInteger()),
            sa.column("compact", sa.JSON()),
            sa.column("monitored_size", sa.BigInteger()),
        ),
        [{"id": 1, "size": 0, "compact": [], "monitored_size": 0}],
    )


def downgrade() -> None:
    op.drop_table("proof_log_head")
    op.drop_table("proof_checkpoints")
    op.drop_index("ix_proof_leaves_tree_index", table_name="proof_leaves")
    op.drop_index("ix_proof_leaves_notification_id", table_name="proof_leaves")
    op.drop_table("proof_leaves")
