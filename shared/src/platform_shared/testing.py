"""Test support for every package's suite: fresh databases on SQLite and PostgreSQL.

Each test gets its own database, copied from a migrated template (a file copy on SQLite,
`CREATE DATABASE ... TEMPLATE` on PostgreSQL), so tests run on real migrations, commit
for real and never see each other's rows. PostgreSQL is used when reachable at
`TEST_POSTGRES_URL` (default: the local server, user postgres); otherwise those tests
are skipped and say why.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from platform_shared.auth import TokenVerifier
from platform_shared.db import create_engine
from platform_shared.migrations import alembic_config

DEFAULT_TEST_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def postgres_admin_url() -> str:
    return os.environ.get("TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL)


_postgres_reason: str | None = None
_postgres_checked = False


def postgres_unavailable_reason() -> str | None:
    """None when PostgreSQL answers at the test URL, else why not (asked once)."""
    global _postgres_checked, _postgres_reason
    if _postgres_checked:
        return _postgres_reason

    async def probe() -> None:
        engine = create_engine(postgres_admin_url())
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        finally:
            await engine.dispose()

    try:
        # In a thread of its own, so that it also works when called inside an event loop.
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(asyncio.run, asyncio.wait_for(probe(), timeout=5)).result()
    except Exception as error:  # any failure to connect means "skip, and say why"
        _postgres_reason = (
            f"PostgreSQL unreachable at {make_url(postgres_admin_url()).render_as_string()}: "
            f"{type(error).__name__}; set TEST_POSTGRES_URL to test on PostgreSQL"
        )
    _postgres_checked = True
    return _postgres_reason


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _admin_execute(statement: str) -> None:
    engine = create_engine(postgres_admin_url()).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


def _migrate(migrations: Path, url: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(migrations, url), "head")


@dataclass
class DatabaseFactory:
    """Makes fresh migrated databases of one backend for one service's migrations."""

    backend: str
    migrations: Path
    workdir: Path
    _template: str | None = None
    _created: list[str] = field(default_factory=list)

    def _template_url(self) -> str:
        if self._template is None:
            if self.backend == "sqlite":
                path = self.workdir / f"template-{uuid.uuid4().hex}.db"
                self._template = f"sqlite+aiosqlite:///{path}"
            else:
                name = f"tpl_{uuid.uuid4().hex[:20]}"
                asyncio.run(_admin_execute(f'CREATE DATABASE "{name}"'))
                self._created.append(name)
                self._template = _with_database(postgres_admin_url(), name)
            _migrate(self.migrations, self._template)
        return self._template

    def create(self) -> str:
        """The URL of a new database at the head migration."""
        template = self._template_url()
        if self.backend == "sqlite":
            source = Path(str(make_url(template).database))
            target = self.workdir / f"db-{uuid.uuid4().hex}.db"
            shutil.copyfile(source, target)
            return f"sqlite+aiosqlite:///{target}"
        name = f"t_{uuid.uuid4().hex[:24]}"
        template_name = make_url(template).database
        asyncio.run(_admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
        self._created.append(name)
        return _with_database(postgres_admin_url(), name)

    async def acreate(self) -> str:
        return await asyncio.to_thread(self.create)

    def drop_all(self) -> None:
        """Drop every PostgreSQL database this factory made (SQLite files go with tmp)."""
        for name in reversed(self._created):
            asyncio.run(_admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._created.clear()


class DatabaseFactories:
    """One `DatabaseFactory` per (migrations, backend), made on first use in a test session."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self._factories: dict[tuple[Path, str], DatabaseFactory] = {}

    def get(self, migrations: Path, backend: str) -> DatabaseFactory:
        key = (migrations.resolve(), backend)
        if key not in self._factories:
            self._factories[key] = DatabaseFactory(backend, migrations, self.workdir)
        return self._factories[key]

    def drop_all(self) -> None:
        for factory in self._factories.values():
            factory.drop_all()


TokenSource = Callable[[str, "str | None"], Awaitable[str]]


class InProcessService:
    """A service app running in-process (lifespan started), called as a chosen client."""

    def __init__(self, app: FastAPI, tokens: TokenSource, base_url: str) -> None:
        self.app = app
        self._tokens = tokens
        self.base_url = base_url
        self._clients: list[httpx.AsyncClient] = []

    def transport(self) -> httpx.ASGITransport:
        return httpx.ASGITransport(app=self.app, raise_app_exceptions=False)

    async def as_client(self, client_id: str | None, scope: str | None = None) -> httpx.AsyncClient:
        """An HTTP client of the app with `client_id`'s token (no token when it is None)."""
        headers = {}
        if client_id is not None:
            headers["Authorization"] = f"Bearer {await self._tokens(client_id, scope)}"
        client = httpx.AsyncClient(
            transport=self.transport(), base_url=self.base_url, headers=headers
        )
        self._clients.append(client)
        return client

    @property
    def session_factory(self) -> async_sessionmaker[AsyncSession]:
        factory: async_sessionmaker[AsyncSession] = self.app.state.session_factory
        return factory

    @property
    def engine(self) -> AsyncEngine:
        engine: AsyncEngine = self.app.state.engine
        return engine

    async def aclose(self) -> None:
        for client in self._clients:
            await client.aclose()


@asynccontextmanager
async def serve_in_process(
    app: FastAPI,
    *,
    tokens: TokenSource,
    issuer_http: httpx.AsyncClient,
    base_url: str = "http://service.test",
) -> AsyncIterator[InProcessService]:
    """Run `app`'s lifespan and verify its tokens against the issuer reached by `issuer_http`."""
    async with app.router.lifespan_context(app):
        verifier: TokenVerifier = app.state.token_verifier
        app.state.token_verifier = TokenVerifier(
            issuer=verifier.issuer,
            audience=verifier.audience,
            jwks_url=verifier.jwks_url,
            leeway_seconds=verifier.leeway_seconds,
            http=issuer_http,
            claims=verifier.claims,
            discovery=verifier.discovery,
        )
        service = InProcessService(app, tokens, base_url)
        try:
            yield service
        finally:
            await service.aclose()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@asynccontextmanager
async def serve_over_http(app: Any, port: int | None = None) -> AsyncIterator[str]:
    """Serve an ASGI app on a real loopback port in this event loop; yields its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
