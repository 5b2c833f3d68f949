"""Alembic environment of notify-api: every model imported, then the shared runner."""

import notify.delivery.models
import notify.endpoints.models
import notify.events.imported
import notify.events.models
import notify.notifications.models
import notify.proofs.models  # noqa: F401 - registers the tables on the metadata
from platform_shared.db import Base
from platform_shared.migrations import run_migrations

run_migrations(Base.metadata)
