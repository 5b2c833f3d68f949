"""Leaving care: in education or training, and the day it was recorded (Children Act 1989
s.24B; a qualifying care leaver stays in scope from 21 to 25 only so: rules.md Revision 2)."""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("leaving_care") as batch:
        batch.add_column(
            sa.Column(
                "in_education_or_training",
                sa.Boolean(),
                nullable=False,
                server_default=sa.false(),
            )
        )
        batch.add_column(sa.Column("education_or_training_recorded_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("leaving_care") as batch:
        batch.drop_column("education_or_training_recorded_on")
        batch.drop_column("in_education_or_training")
