"""The compose file as an operator runs it: built, started with the `dev` profile, one
child recorded through the gateway, then removed with its volumes.

It needs a Docker engine and the compose plugin, so it runs only where both answer (the
reason is printed otherwise): images are built from deploy/Containerfile, which takes
minutes. Ports are chosen free, the project name is unique, and everything it started is
removed at the end.
"""

from __future__ import annotations

import base64
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from platform_shared.testing import free_port

COMPOSE = Path(__file__).resolve().parents[2] / "deploy" / "compose" / "compose.yaml"


def _engine_unavailable() -> str | None:
    docker = shutil.which("docker")
    if docker is None:
        return "docker is not installed"
    for command, reason in (
        (["info"], "no Docker engine answers (docker info failed)"),
        (["compose", "version"], "the docker compose plugin is not installed"),
    ):
        run = subprocess.run([docker, *command], capture_output=True, timeout=60, check=False)
        if run.returncode != 0:
            return reason
    return None


UNAVAILABLE = _engine_unavailable()
pytestmark = [
    pytest.mark.system,
    pytest.mark.skipif(UNAVAILABLE is not None, reason=UNAVAILABLE or ""),
]


def _hex() -> str:
    return secrets.token_hex(16)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[list[str], dict[str, int]]]:
    ports = {
        name: free_port() for name in ("care_status", "incidents", "notify", "portal", "dev_auth")
    }
    passwords = {service: _hex() for service in ("care_status", "incidents", "notify")}
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    env = {
        "CARE_PLATFORM_IMAGE": "care-platform:compose-test",
        "CARE_PLATFORM_DEV_IMAGE": "care-platform-dev:compose-test",
        "BIND_ADDRESS": "127.0.0.1",
        "POSTGRES_PASSWORD": _hex(),
        **{
            f"{service.upper()}_DATABASE_URL": (
                f"postgresql+asyncpg://{service}:{password}@postgres:5432/{service}"
            )
            for service, password in passwords.items()
        },
        "OAUTH_ISSUER": "http://dev-auth:8000",
        "PLATFORM_CLIENT_SECRET": _hex(),
        "NOTIFY_WEBHOOK_SECRET_KEYS": f"k1:{key}",
        "PUBLISH_CARE_STATUS_PORT": str(ports["care_status"]),
        "PUBLISH_INCIDENTS_PORT": str(ports["incidents"]),
        "PUBLISH_NOTIFY_PORT": str(ports["notify"]),
        "PUBLISH_PORTAL_PORT": str(ports["portal"]),
        "PUBLISH_DEV_AUTH_PORT": str(ports["dev_auth"]),
        "PORTAL_PUBLIC_URL": f"http://127.0.0.1:{ports['portal']}",
        "PORTAL_CLIENT_SECRET": _hex(),
    }
    env_file = tmp_path / "compose.env"
    env_file.write_text("".join(f"{name}={value}\n" for name, value in env.items()))
    compose = [
        "docker",
        "compose",
        "-p",
        f"care-platform-test-{secrets.token_hex(4)}",
        "--env-file",
        str(env_file),
        "-f",
        str(COMPOSE),
        "--profile",
        "dev",
    ]
    try:
        subprocess.run(
            [*compose, "up", "-d", "--build", "--wait", "--wait-timeout", "900"],
            check=True,
            timeout=1800,
        )
        yield compose, ports
    finally:
        subprocess.run([*compose, "down", "-v", "--remove-orphans"], check=False, timeout=300)


def test_the_compose_file_runs_the_platform_and_records_a_child(
    project: tuple[list[str], dict[str, int]],
) -> None:
    compose, ports = project
    token = httpx.post(
        f"http://127.0.0.1:{ports['dev_auth']}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("demo-camden", "demo-camden-secret"),
        timeout=10,
    )
    assert token.status_code == 200, token.text
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    base = f"http://127.0.0.1:{ports['care_status']}"
    for port in (ports["care_status"], ports["incidents"], ports["notify"], ports["portal"]):
        assert httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10).status_code == 200
        # /metrics stays behind the gateway.
        assert httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).status_code == 404
    # The portal's start page, with GOV.UK Frontend from the image's own node_modules.
    start = httpx.get(f"http://127.0.0.1:{ports['portal']}/", timeout=10)
    assert start.status_code == 200 and "Care status portal" in start.text
    css = httpx.get(f"http://127.0.0.1:{ports['portal']}/govuk/govuk-frontend.min.css", timeout=10)
    assert css.status_code == 200
    created = httpx.post(
        f"{base}/v1/children",
        json={"given_name": "Amelia", "family_name": "Compose", "date_of_birth": "2012-03-15"},
        headers=headers,
        timeout=10,
    )
    assert created.status_code == 201, created.text
    # The production image has no development authorization server in it.
    probe = subprocess.run(
        [
            "docker",
            "run",
            "--rm",
            "care-platform:compose-test",
            "python",
            "-c",
            "import importlib.util, sys; sys.exit(importlib.util.find_spec('dev_auth') is not None)",
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    # Secrets are files, not variables, in the running containers.
    inspect = subprocess.run(
        [*compose, "exec", "-T", "care-status-api", "env"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "DATABASE_URL" not in inspect.stdout
    assert "SECRETS_DIR=/run/secrets" in inspect.stdout
