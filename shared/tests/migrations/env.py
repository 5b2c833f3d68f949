"""Alembic environment of the shared library's own tests: only the platform tables."""

from platform_shared.db import Base
from platform_shared.migrations import run_migrations

run_migrations(Base.metadata)
