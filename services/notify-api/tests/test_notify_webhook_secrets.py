"""Webhook signing secrets at rest: sealed under a key-encryption key, re-wrapped on rotation.

api.md: a webhook's `whsec_` secret is shown once, at registration (and a new one once, at
its rotation), never again; the database holds it sealed (envelope encryption,
`notify.endpoints.sealing`); no log line carries it.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from pydantic import ValidationError
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from notify.cli import rewrap_secrets_command
from notify.delivery.worker import signing_secrets
from notify.endpoints.models import Endpoint
from notify.endpoints.sealing import Keyring, SealingError
from notify.main import MIGRATIONS, create_app
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.calendar import utc_now
from platform_shared.db import create_engine
from platform_shared.idempotency import IdempotencyRecord
from platform_shared.migrations import alembic_config
from platform_shared.testing import InProcessService, serve_in_process, serve_over_http

from .conftest import make_settings

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
K1 = "k1:" + base64.urlsafe_b64encode(b"1" * 32).decode()
K2 = "k2:" + base64.urlsafe_b64encode(b"2" * 32).decode()


class Receiver:
    """Counts the deliveries whose signature verifies with `secret`."""

    def __init__(self) -> None:
        self.secret = ""
        self.verified = 0
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        Webhook(self.secret).verify(await request.body(), dict(request.headers))
        self.verified += 1
        return Response(status_code=204)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hooks = Receiver()
    async with serve_over_http(hooks.app) as url:
        yield hooks, url


async def _rows(service: InProcessService) -> list[Endpoint]:
    async with service.session_factory() as session:
        return list(await session.scalars(sa.select(Endpoint)))


async def _incident(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
    assert (await platform.post("/v1/events", json=event)).status_code == 201


def test_a_sealed_secret_opens_only_for_its_endpoint_and_with_its_key() -> None:
    keyring = Keyring.parse(K1)
    endpoint_id = uuid.uuid4()

    sealed = keyring.seal("whsec_c2VjcmV0", endpoint_id)

    assert "whsec_" not in sealed and "c2VjcmV0" not in sealed
    assert sealed.startswith("v1.k1.")
    assert keyring.open(sealed, endpoint_id) == "whsec_c2VjcmV0"
    with pytest.raises(SealingError, match="does not belong"):
        keyring.open(sealed, uuid.uuid4())
    with pytest.raises(SealingError, match="k1, which is not configured"):
        Keyring.parse(K2).open(sealed, endpoint_id)


def test_rewrapping_changes_the_key_not_the_secret() -> None:
    endpoint_id = uuid.uuid4()
    sealed = Keyring.parse(K1).seal("whsec_c2VjcmV0", endpoint_id)
    rotated = Keyring.parse(f"{K2},{K1}")

    rewrapped = rotated.rewrap(sealed)

    assert rewrapped is not None and rewrapped.startswith("v1.k2.")
    assert rewrapped.split(".")[3] == sealed.split(".")[3]  # the ciphertext is unchanged
    assert Keyring.parse(K2).open(rewrapped, endpoint_id) == "whsec_c2VjcmV0"
    assert rotated.rewrap(rewrapped) is None


@pytest.mark.parametrize(
    ("keys", "reason"),
    [
        ("k1", "<id>:<base64 key>"),
        ("k.1:" + base64.urlsafe_b64encode(b"1" * 32).decode(), "<id>:<base64 key>"),
        ("k1:" + base64.urlsafe_b64encode(b"1" * 16).decode(), "not 32 bytes"),
        (f"{K1},{K1}", "given twice"),
    ],
)
def test_a_malformed_keyring_setting_stops_the_service(keys: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason) as refused:
        make_settings("sqlite://", webhook_secret_keys=keys)
    assert base64.urlsafe_b64encode(b"1" * 32).decode() not in str(refused.value)


def test_production_needs_its_own_keys() -> None:
    production = {
        "environment": "production",
        "platform_client_secret": "not-the-demo",
        "proof_signing_key": "test-log:" + base64.b64encode(b"s" * 32).decode(),
    }

    with pytest.raises(ValidationError, match="required outside development"):
        make_settings("sqlite://", **production)
    with pytest.raises(ValidationError, match="development key"):
        make_settings(
            "sqlite://",
            webhook_secret_keys="dev:"
            + base64.urlsafe_b64encode(b"development-only-webhook-kek-32b").decode(),
            **production,
        )
    assert make_settings("sqlite://", webhook_secret_keys=K1, **production).webhook_keyring()


async def test_the_secret_is_stored_sealed_shown_once_and_never_logged(
    service: InProcessService, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    camden = await service.as_client("demo-camden")
    caplog.set_level(logging.DEBUG)

    created = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": "http://127.0.0.1:9/hooks"}
    )
    endpoint_id = created.json()["id"]
    rotated = await camden.post(f"/v1/endpoints/{endpoint_id}/secret")
    listed = await camden.get("/v1/endpoints")
    read = await camden.get(f"/v1/endpoints/{endpoint_id}")
    [row] = await _rows(service)

    secret, new_secret = created.json()["secret"], rotated.json()["secret"]
    keyring = settings.webhook_keyring()
    assert secret.startswith("whsec_") and new_secret.startswith("whsec_")
    assert row.secret_sealed is not None and row.previous_secret_sealed is not None
    assert secret not in row.secret_sealed + row.previous_secret_sealed
    assert keyring.open(row.secret_sealed, row.id) == new_secret
    assert keyring.open(row.previous_secret_sealed, row.id) == secret
    for answer in (listed.text, read.text):
        assert secret not in answer and new_secret not in answer and "secret" not in answer
    logged = " ".join(str(record.__dict__) for record in caplog.records)
    assert secret[6:] not in logged and new_secret[6:] not in logged


async def test_after_a_kek_rotation_old_secrets_sign_and_rewrap_moves_them_to_the_new_key(
    database_url: str, auth: Any, receiver: tuple[Receiver, str]
) -> None:
    hooks, url = receiver
    before = make_settings(database_url, webhook_secret_keys=K1)
    rotated = make_settings(database_url, webhook_secret_keys=f"{K2},{K1}")
    only_new = make_settings(database_url, webhook_secret_keys=K2)
    async with serve_in_process(
        create_app(before),
        tokens=auth.token,
        issuer_http=auth.http,
    ) as service:
        camden = await service.as_client("demo-camden")
        registered = await camden.post(
            "/v1/endpoints", json={"channel": "webhook", "url": f"{url}/hooks"}
        )
        hooks.secret = registered.json()["secret"]
        await _incident(service)
        clock = Clock(utc_now().replace(microsecond=0) + timedelta(seconds=1))

        # The new KEK is current; the old one still opens what it wrapped.
        worker = seeded_worker(service.session_factory, rotated, clock)
        await worker.deliver_due()
        await worker.aclose()
        await rewrap_secrets_command(rotated)(asyncio.Event())
        [row] = await _rows(service)
        await _incident(service)
        clock.now = utc_now().replace(microsecond=0) + timedelta(seconds=1)
        worker = seeded_worker(service.session_factory, only_new, clock)
        await worker.deliver_due()
        await worker.aclose()

    assert hooks.verified == 2
    assert row.secret_sealed is not None and row.secret_sealed.startswith("v1.k2.")
    with pytest.raises(SealingError):
        signing_secrets(row, before.webhook_keyring(), T0)
    assert signing_secrets(row, only_new.webhook_keyring(), T0) == [hooks.secret]


OLD_ENDPOINT = sa.table(
    "endpoints",
    *(
        sa.column(name, kind)
        for name, kind in [
            ("id", sa.Uuid()),
            ("org", sa.String()),
            ("channel", sa.String()),
            ("url", sa.Text()),
            ("secret", sa.String()),
            ("previous_secret", sa.String()),
            ("enabled", sa.Boolean()),
            ("created_at", sa.DateTime()),
            ("updated_at", sa.DateTime()),
        ]
    ),
)


async def test_revision_0004_seals_the_secrets_stored_before_it(database_url: str) -> None:
    config = alembic_config(MIGRATIONS, database_url)
    await asyncio.to_thread(command.downgrade, config, "0003")
    endpoint_id = uuid.uuid4()
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(OLD_ENDPOINT).values(
                    id=endpoint_id,
                    org="E09000007",
                    channel="webhook",
                    url="https://receiver.example/hooks",
                    secret="whsec_bmV3",
                    previous_secret="whsec_b2xk",
                    enabled=True,
                    created_at=T0.replace(tzinfo=None),
                    updated_at=T0.replace(tzinfo=None),
                )
            )

        await asyncio.to_thread(command.upgrade, config, "head")

        async with engine.connect() as connection:
            columns = await connection.run_sync(
                lambda sync: {c["name"] for c in sa.inspect(sync).get_columns("endpoints")}
            )
            row = (
                await connection.execute(
                    sa.text("SELECT secret_sealed, previous_secret_sealed FROM endpoints")
                )
            ).one()
        await asyncio.to_thread(command.downgrade, config, "0003")
        async with engine.connect() as connection:
            restored = (
                await connection.execute(sa.text("SELECT secret, previous_secret FROM endpoints"))
            ).one()
    finally:
        await engine.dispose()
    keyring = make_settings(database_url).webhook_keyring()
    assert {"secret", "previous_secret"}.isdisjoint(columns)
    assert "bmV3" not in row.secret_sealed and "b2xk" not in row.previous_secret_sealed
    assert keyring.open(row.secret_sealed, endpoint_id) == "whsec_bmV3"
    assert keyring.open(row.previous_secret_sealed, endpoint_id) == "whsec_b2xk"
    assert tuple(restored) == ("whsec_bmV3", "whsec_b2xk")


async def test_a_replayed_registration_does_not_show_or_store_the_secret_again(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")
    body = {"channel": "webhook", "url": "http://127.0.0.1:9/hooks"}
    headers = {"Idempotency-Key": "register-once"}

    first = await camden.post("/v1/endpoints", json=body, headers=headers)
    again = await camden.post("/v1/endpoints", json=body, headers=headers)
    async with service.session_factory() as session:
        stored = await session.scalar(sa.select(IdempotencyRecord.response_body))

    assert first.json()["secret"].startswith("whsec_")
    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["secret"] is None
    assert first.json()["secret"] not in str(stored)
    assert len(await _rows(service)) == 1
