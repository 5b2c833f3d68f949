"""Imported duties carry their rule's basis and the child's responsible authority: the
figures count them per rule for the authority as for the recipient (issue 16)."""

import sqlalchemy as sa
from alembic import op

revision = "0008_imported_figures"
down_revision = "0007_imported_duties"


def upgrade() -> None:
    with op.batch_alter_table("imported_duties") as batch:
        batch.add_column(sa.Column("basis", sa.String(32), nullable=True))
        batch.add_column(sa.Column("responsible_authority", sa.String(64), nullable=True))
    op.create_index(
        "ix_imported_duties_responsible_authority",
        "imported_duties",
        ["responsible_authority", "imported_at"],
    )


def downgrade() -> None:
    op.drop_index("ix_imported_duties_responsible_authority", table_name="imported_duties")
    with op.batch_alter_table("imported_duties") as batch:
        batch.drop_column("responsible_authority")
        batch.drop_column("basis")
