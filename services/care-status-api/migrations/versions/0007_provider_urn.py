"""Placements: the provider's Ofsted URN and its type, from an SSDA903 return (issue 16)."""

import sqlalchemy as sa
from alembic import op

revision = "0007_provider_urn"
down_revision = "0006_imports"


def upgrade() -> None:
    with op.batch_alter_table("placements") as batch:
        batch.add_column(sa.Column("provider_urn", sa.String(16), nullable=True))
        batch.add_column(sa.Column("provider_type", sa.String(48), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("placements") as batch:
        batch.drop_column("provider_type")
        batch.drop_column("provider_urn")
