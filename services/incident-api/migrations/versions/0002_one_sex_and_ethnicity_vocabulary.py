"""The one sex and ethnicity vocabulary: stored legacy spellings become the shared words.

incident-api stored `not_known` (sex) and `not_yet_obtained` (ethnicity) before the
platform had one vocabulary (`platform_shared.contracts.vocabularies`); they are now
`not_stated` and `information_not_yet_obtained`. A data migration only: no column
changes, the same statements on SQLite and PostgreSQL. Each rewritten incident gets a
new version (its ETag changes with what it reads). The words are written out here,
not imported, so that the revision means the same whatever the code says later.

Downgrade writes the legacy spellings back; `arab`, which the old vocabulary did not
have, goes back to `any_other_ethnic_group`, the category the old list counted it in.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"

incidents = sa.table(
    "incidents",
    sa.column("sex", sa.String()),
    sa.column("ethnicity", sa.String()),
    sa.column("version", sa.Integer()),
)

#: (column, legacy spelling, the one vocabulary's word)
RENAMED = (
    ("sex", "not_known", "not_stated"),
    ("ethnicity", "not_yet_obtained", "information_not_yet_obtained"),
)
#: Words only the one vocabulary has, and what the old one called them.
ADDED = (("ethnicity", "arab", "any_other_ethnic_group"),)


def _rewrite(column: str, old: str, new: str) -> None:
    # A new version: the incident reads differently, so a cached ETag must not match.
    op.execute(
        incidents.update()
        .where(incidents.c[column] == old)
        .values({column: new, "version": incidents.c.version + 1})
    )


def upgrade() -> None:
    for column, legacy, word in RENAMED:
        _rewrite(column, legacy, word)


def downgrade() -> None:
    for column, word, legacy in ADDED:
        _rewrite(column, word, legacy)
    for column, legacy, word in RENAMED:
        _rewrite(column, word, legacy)
