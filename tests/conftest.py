"""Fixtures of the in-process contract and security tests of `tests/`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

import pytest
from inprocess_services import Services

from dev_auth.settings import DevAuthSettings
from platform_shared.testing import DatabaseFactories


@pytest.fixture
async def services(
    backend: str,
    auth: Any,
    auth_settings: DevAuthSettings,
    database_factories: DatabaseFactories,
) -> AsyncIterator[Services]:
    """The services on the test's backend, each started on first use, all stopped after."""
    async with AsyncExitStack() as stack:
        yield Services(backend, auth, auth_settings, database_factories, stack)
