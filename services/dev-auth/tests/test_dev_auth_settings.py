"""The server refuses demo secrets outside development and reports bad clients files."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr, ValidationError

from dev_auth.clients import ClientsFileError, InsecureConfigurationError
from dev_auth.main import create_app
from dev_auth.settings import DevAuthSettings

REAL_CLIENTS = """\
clients:
  - client_id: met-custody
    secret: a-long-random-secret-from-the-vault
    org: police-metropolitan
    scopes: [care-status:lookup]
  - client_id: platform-services
    secret_from_setting: platform_client_secret
    org: platform
    scopes: [events:publish]
"""


def production_settings(tmp_path: Path, clients_file: Path, **overrides: object) -> DevAuthSettings:
    values: dict[str, object] = {
        "environment": "production",
        "clients_file": clients_file,
        "key_dir": tmp_path / "keys",
        "platform_client_secret": SecretStr("another-long-random-secret"),
        **overrides,
    }
    return DevAuthSettings(_env_file=None, **values)  # type: ignore[arg-type]


def write_clients(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clients.yaml"
    path.write_text(text)
    return path


def test_production_with_the_demo_clients_file_refuses_to_start(
    tmp_path: Path, dev_auth_settings: DevAuthSettings
) -> None:
    settings = production_settings(tmp_path, dev_auth_settings.clients_file)

    with pytest.raises(InsecureConfigurationError, match="demo-camden"):
        create_app(settings)


def test_production_with_the_default_platform_secret_is_invalid(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="PLATFORM_CLIENT_SECRET is the demo secret"):
        DevAuthSettings(
            _env_file=None, environment="production", clients_file=tmp_path / "clients.yaml"
        )


def test_production_with_one_demo_prefixed_secret_refuses_to_start(tmp_path: Path) -> None:
    clients = write_clients(
        tmp_path, REAL_CLIENTS.replace("a-long-random-secret-from-the-vault", "demo-whatever")
    )

    with pytest.raises(InsecureConfigurationError, match="met-custody"):
        create_app(production_settings(tmp_path, clients))


async def test_production_with_real_secrets_starts_and_issues_tokens(tmp_path: Path) -> None:
    clients = write_clients(tmp_path, REAL_CLIENTS)
    app = create_app(production_settings(tmp_path, clients, issuer="https://auth.test"))

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://auth.test") as auth:
        response = await auth.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("met-custody", "a-long-random-secret-from-the-vault"),
        )

    assert response.status_code == 200
    assert response.json()["scope"] == "care-status:lookup"


async def test_production_refuses_token_requests_over_plain_http(tmp_path: Path) -> None:
    app = create_app(production_settings(tmp_path, write_clients(tmp_path, REAL_CLIENTS)))

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://auth.test") as auth:
        response = await auth.post(
            "/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=("met-custody", "a-long-random-secret-from-the-vault"),
        )

    assert response.status_code == 400
    assert response.json()["error"] == "insecure_transport"


def test_invalid_clients_file_is_reported_without_its_secrets(
    tmp_path: Path, dev_auth_settings: DevAuthSettings
) -> None:
    clients = write_clients(
        tmp_path,
        "clients:\n  - client_id: x\n    secret: s3cr3t-value\n"
        "    secret_from_setting: platform_client_secret\n    org: o\n    scopes: [a]\n",
    )

    with pytest.raises(ClientsFileError) as raised:
        create_app(dev_auth_settings.model_copy(update={"clients_file": clients}))

    assert "exactly one of secret and secret_from_setting" in str(raised.value)
    assert "s3cr3t-value" not in str(raised.value)


def test_missing_clients_file_is_reported(
    tmp_path: Path, dev_auth_settings: DevAuthSettings
) -> None:
    settings = dev_auth_settings.model_copy(update={"clients_file": tmp_path / "absent.yaml"})

    with pytest.raises(ClientsFileError, match=r"cannot read clients file"):
        create_app(settings)


def test_duplicate_client_id_is_reported(
    tmp_path: Path, dev_auth_settings: DevAuthSettings
) -> None:
    entry = "  - client_id: twin\n    secret: x\n    org: o\n    scopes: [a]\n"
    clients = write_clients(tmp_path, "clients:\n" + entry + entry)

    with pytest.raises(ClientsFileError, match="twin"):
        create_app(dev_auth_settings.model_copy(update={"clients_file": clients}))
