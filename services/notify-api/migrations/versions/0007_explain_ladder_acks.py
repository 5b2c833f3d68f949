"""Issue 18: why a notification exists, the escalation ladder, who acknowledged.

`trace`: the explain trace the rules left (JSON, `notify.rules.trace`). `remind_at` and
`reminded_at`: when the recipient is reminded (80 % of the window) and when it was;
`window_unit`: the unit of the deadline's window (an hour window reaches the emergency
duty team out of hours); `escalation_step`: which step of the ladder a follow-up is
(`reminder`, `overdue`, `breach`). The acknowledgement's body: who (a person or team),
a note and the action taken. Columns are added nullable: older rows keep None.
"""

import sqlalchemy as sa
from alembic import op

from platform_shared.db import UTCDateTime

revision = "0007_explain_ladder_acks"
down_revision = "0007_outbox_traceparent"


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("trace", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("remind_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("reminded_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("window_unit", sa.String(16), nullable=True))
        batch.add_column(sa.Column("escalation_step", sa.String(16), nullable=True))
        batch.add_column(sa.Column("acknowledged_person", sa.String(200), nullable=True))
        batch.add_column(sa.Column("acknowledgement_note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("acknowledgement_action", sa.String(500), nullable=True))
    op.create_index("ix_notifications_remind", "notifications", ["status", "remind_at"])


def downgrade() -> None:
    op.drop_index("ix_notifications_remind", table_name="notifications")
    with op.batch_alter_table("notifications") as batch:
        for name in (
            "acknowledgement_action",
            "acknowledgement_note",
            "acknowledged_person",
            "escalation_step",
            "window_unit",
            "reminded_at",
            "remind_at",
            "trace",
        ):
            batch.drop_column(name)
