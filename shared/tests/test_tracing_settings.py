"""Tracing's privacy and the secrets read from files (settings from a mounted folder)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from platform_shared.settings import ServiceSettings, service_config
from platform_shared.tracing import instrument_app


async def test_a_traced_request_keeps_no_query_string() -> None:
    app = FastAPI()

    @app.get("/v1/notifications")
    async def inbox(person_ref: str = "") -> dict[str, str]:
        return {}

    provider = TracerProvider()
    exporter = InMemorySpanExporter()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    instrument_app(app, provider)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://notify.test") as client:
        answer = await client.get("/v1/notifications", params={"person_ref": "p_Secret000000001"})
    assert answer.status_code == 200
    [span] = exporter.get_finished_spans()
    assert span.attributes is not None
    assert span.attributes["http.url"] == "http://notify.test/v1/notifications"
    assert "p_Secret000000001" not in repr(dict(span.attributes))


class _Settings(ServiceSettings):
    model_config = service_config("TRACED_")


def test_secrets_are_read_from_the_folder_the_prefix_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "TRACED_DATABASE_URL").write_text("postgresql+asyncpg://svc:pw@db/svc")
    (tmp_path / "TRACED_PLATFORM_CLIENT_SECRET").write_text("from-a-file\n")
    (tmp_path / "TRACED_OAUTH_JWKS_URL").write_text("")
    monkeypatch.setenv("TRACED_SECRETS_DIR", str(tmp_path))
    monkeypatch.setenv("TRACED_ENVIRONMENT", "production")
    settings = _Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == "postgresql+asyncpg://svc:pw@db/svc"
    assert settings.platform_client_secret.get_secret_value() == "from-a-file"
    assert "from-a-file" not in repr(settings)
    # An empty file leaves the setting unset (its default), not "".
    assert settings.oauth_jwks_url is None


def test_without_the_folder_the_settings_are_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TRACED_SECRETS_DIR", raising=False)
    monkeypatch.setenv("TRACED_DATABASE_URL", "sqlite+aiosqlite:///var/x.db")
    assert _Settings(_env_file=None).database_url == "sqlite+aiosqlite:///var/x.db"  # type: ignore[call-arg]
