"""Webhook signing secrets sealed at rest (envelope encryption, `notify.endpoints.sealing`).

Adds `secret_sealed` and `previous_secret_sealed`, seals every stored secret under the
current key-encryption key of `NOTIFY_WEBHOOK_SECRET_KEYS` (the development key in
development), and drops the plaintext columns. The settings are read only when a row holds
a secret, so an empty database migrates without them. Downgrade opens them again.

The plaintext columns are dropped with SQLite's own `ALTER TABLE ... DROP COLUMN` (3.35+),
not a batch copy: `deliveries` references `endpoints`, and a copy would drop the table
under it.
"""

import uuid

import sqlalchemy as sa
from alembic import op

from notify.endpoints.sealing import Keyring
from notify.settings import Settings

revision = "0004"
down_revision = "0003"

_endpoints = sa.table(
    "endpoints",
    sa.column("id", sa.Uuid()),
    sa.column("secret", sa.String()),
    sa.column("previous_secret", sa.String()),
    sa.column("secret_sealed", sa.Text()),
    sa.column("previous_secret_sealed", sa.Text()),
)


def _keyring() -> Keyring:
    """Read only when a row holds a secret: outside development the settings refuse to
    load without keys, and an empty database needs none."""
    return Settings().webhook_keyring()


def _rows(*columns: sa.ColumnElement[object]) -> list[sa.Row[tuple[object, ...]]]:
    statement = sa.select(_endpoints.c.id, *columns).where(
        sa.or_(*(column.is_not(None) for column in columns))
    )
    return list(op.get_bind().execute(statement))


def upgrade() -> None:
    op.add_column("endpoints", sa.Column("secret_sealed", sa.Text(), nullable=True))
    op.add_column("endpoints", sa.Column("previous_secret_sealed", sa.Text(), nullable=True))
    rows = _rows(_endpoints.c.secret, _endpoints.c.previous_secret)
    if rows:
        keyring = _keyring()
        for endpoint_id, secret, previous in rows:
            assert isinstance(endpoint_id, uuid.UUID)
            op.get_bind().execute(
                _endpoints.update()
                .where(_endpoints.c.id == endpoint_id)
                .values(
                    secret_sealed=keyring.seal(str(secret), endpoint_id) if secret else None,
                    previous_secret_sealed=(
                        keyring.seal(str(previous), endpoint_id) if previous else None
                    ),
                )
            )
    op.drop_column("endpoints", "previous_secret")
    op.drop_column("endpoints", "secret")


def downgrade() -> None:
    op.add_column("endpoints", sa.Column("secret", sa.String(100), nullable=True))
    op.add_column("endpoints", sa.Column("previous_secret", sa.String(100), nullable=True))
    rows = _rows(_endpoints.c.secret_sealed, _endpoints.c.previous_secret_sealed)
    if rows:
        keyring = _keyring()
        for endpoint_id, sealed, previous in rows:
            assert isinstance(endpoint_id, uuid.UUID)
            op.get_bind().execute(
                _endpoints.update()
                .where(_endpoints.c.id == endpoint_id)
                .values(
                    secret=keyring.open(str(sealed), endpoint_id) if sealed else None,
                    previous_secret=(
                        keyring.open(str(previous), endpoint_id) if previous else None
                    ),
                )
            )
    op.drop_column("endpoints", "previous_secret_sealed")
    op.drop_column("endpoints", "secret_sealed")
