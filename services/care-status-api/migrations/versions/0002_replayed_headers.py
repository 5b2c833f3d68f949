"""The platform tables' version 2: the headers an idempotent replay carries again."""

from platform_shared.migrations import add_replayed_headers, drop_replayed_headers

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    add_replayed_headers()


def downgrade() -> None:
    drop_replayed_headers()
