"""Helpers for test suites that need real tokens from the development authorization server.

app = create_app(DevAuthSettings(key_dir=tmp_path, _env_file=None))
async with httpx.AsyncClient(
    transport=httpx.ASGITransport(app=app), base_url="http://auth.test"
) as auth:
    token = await mint_token(auth, "demo-met-custody", "care-status:lookup")
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import httpx

from dev_auth.clients import ClientRegistry, load_clients
from dev_auth.settings import DevAuthSettings


class TokenRequestFailed(RuntimeError):
    """The server refused to issue a token."""


async def mint_token(client: httpx.AsyncClient, client_id: str, scope: str | None = None) -> str:
    """A fresh access token for demo client `client_id` (all its scopes when `scope` is None).

    `client` talks to a development authorization server (base URL at the server's root).
    """
    form = {"grant_type": "client_credentials"}
    if scope is not None:
        form["scope"] = scope
    response = await client.post(
        "/oauth/token", data=form, auth=(client_id, demo_secret(client_id))
    )
    if response.status_code != 200:
        raise TokenRequestFailed(
            f"no token for {client_id}: {response.status_code} {response.json().get('error')}"
        )
    token: str = response.json()["access_token"]
    return token


def demo_secret(client_id: str) -> str:
    """The demo secret of `client_id` in the default clients file.

    `platform-services` has the default of `DevAuthSettings.platform_client_secret`.
    """
    client = _demo_clients().get(client_id)
    if client is None:
        raise KeyError(f"no demo client {client_id!r}")
    return client.secret.get_secret_value()


@cache
def _demo_clients() -> ClientRegistry:
    defaults = DevAuthSettings.model_construct()
    return load_clients(_find(defaults.clients_file), defaults)


def _find(clients_file: Path) -> Path:
    """The clients file relative to the working directory, else to the repository root."""
    if clients_file.is_absolute() or clients_file.exists():
        return clients_file
    for directory in Path(__file__).resolve().parents:
        if (directory / clients_file).exists():
            return directory / clients_file
    return clients_file
