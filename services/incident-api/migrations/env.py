"""Alembic environment of incident-api: every model, then the shared runner."""

import incidents.checklist.models
import incidents.incidents.models  # noqa: F401  (register the tables on Base.metadata)
from platform_shared.db import Base
from platform_shared.migrations import run_migrations

run_migrations(Base.metadata)
