"""The platform tables' version 3: refused events dead-lettered, with their organisation."""

from platform_shared.migrations import add_dead_letters, drop_dead_letters

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    add_dead_letters()


def downgrade() -> None:
    drop_dead_letters()
