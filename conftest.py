"""Fixtures for every package's tests: databases on both backends and real tokens.

Tokens are minted by the real development authorization server (in-process), never
hand-made, except where a test forges one on purpose.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from dev_auth.testing import mint_token
from platform_shared.testing import DatabaseFactories, postgres_unavailable_reason

REPO_ROOT = Path(__file__).parent
ISSUER = "http://127.0.0.1:8000"
AUDIENCE = "care-platform"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each database test runs on SQLite and, when reachable, on PostgreSQL."""
    if request.param == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)
    return str(request.param)


@pytest.fixture(scope="session")
def database_factories(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactories]:
    factories = DatabaseFactories(tmp_path_factory.mktemp("databases"))
    yield factories
    factories.drop_all()


@pytest.fixture(scope="session")
def auth_key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dev-auth-keys")


@pytest.fixture
def auth_settings(auth_key_dir: Path) -> DevAuthSettings:
    return DevAuthSettings(
        issuer=ISSUER,
        audience=AUDIENCE,
        key_dir=auth_key_dir,
        clients_file=REPO_ROOT / "deploy" / "dev-auth-clients.yaml",
    )


class AuthServer:
    """The development authorization server, in-process, and the tokens it mints."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self._cache: dict[tuple[str, str | None], str] = {}

    async def token(self, client_id: str, scope: str | None = None) -> str:
        key = (client_id, scope)
        if key not in self._cache:
            self._cache[key] = await mint_token(self.http, client_id, scope)
        return self._cache[key]


@pytest.fixture
async def auth(auth_settings: DevAuthSettings) -> AsyncIterator[AuthServer]:
    app = create_auth_app(auth_settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ISSUER) as http,
    ):
        yield AuthServer(http)
