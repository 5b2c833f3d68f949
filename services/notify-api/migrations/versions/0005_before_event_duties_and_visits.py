"""Duties met before a later event (rules.md Revision 2), and visits actually made.

`watch_key`: what a later event must match to make a `before_event` duty a breach (the
London Child Information Form before a charge); `breached_by_event`: the event that did.
`visited_on`: the day a visit duty was met, as the responsible authority recorded it.
Columns are added nullable: rows made before this revision keep None.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("watch_key", sa.String(300), nullable=True))
        batch.add_column(sa.Column("breached_by_event", sa.String(200), nullable=True))
        batch.add_column(sa.Column("visited_on", sa.Date(), nullable=True))
    op.create_index("ix_notifications_watch_key", "notifications", ["watch_key", "status"])


def downgrade() -> None:
    op.drop_index("ix_notifications_watch_key", table_name="notifications")
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("visited_on")
        batch.drop_column("breached_by_event")
        batch.drop_column("watch_key")
