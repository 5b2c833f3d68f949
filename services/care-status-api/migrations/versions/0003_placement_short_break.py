"""Placements: `short_break`, a short break (respite) under section 20 (rules.md Revision 2)."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    # The server default fills the rows already there; every row the service writes sets it.
    with op.batch_alter_table("placements") as batch:
        batch.add_column(
            sa.Column("short_break", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("placements") as batch:
        batch.drop_column("short_break")
