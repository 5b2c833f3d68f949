"""Issue 15 finding 2: the client that recorded an incident, kept with it.

The relay reads pending status facts later, on behalf of the incident's recorder
(`Platform-On-Behalf-Of: org=...; client=...`), so the recorder's client id must outlive
the request. Nullable: incidents recorded before this revision have no client on record,
and their late facts read goes without the header (README, "Who reads the facts").
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.add_column("incidents", sa.Column("recorded_by_client", sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("recorded_by_client")
