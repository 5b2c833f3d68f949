"""Alembic environment of care-status-api: every model is imported, then the shared runner."""

from care_status.models import Base
from platform_shared.migrations import run_migrations

run_migrations(Base.metadata)
