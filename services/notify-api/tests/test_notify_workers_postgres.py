"""Two delivery worker processes on PostgreSQL push 1,000 notifications exactly once.

Real OS processes (`python -m notify deliver`, the `notify-api deliver` command) claim
deliveries side by side with `FOR UPDATE SKIP LOCKED`; a real HTTP receiver verifies
every signature with the `standardwebhooks` library and deduplicates on `webhook-id`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from standardwebhooks.webhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from notify.delivery.models import Delivery, DeliveryAttempt
from notify.events.schemas import CloudEvent
from notify.events.service import receive_event
from notify.main import MIGRATIONS, create_app, load_rules
from notify.testing import cloud_event, incident_data
from platform_shared.calendar import utc_now
from platform_shared.organisations import load_directory
from platform_shared.testing import (
    DatabaseFactories,
    postgres_unavailable_reason,
    serve_in_process,
    serve_over_http,
)

from .conftest import make_settings

NOTIFICATIONS = 1000
T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


class DedupReceiver:
    """Verifies each delivery's signature and counts deliveries per `webhook-id`."""

    def __init__(self) -> None:
        self.secret = ""
        self.by_webhook_id: Counter[str] = Counter()
        self.notification_of: dict[str, str] = {}
        self.bad_signatures = 0
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        body = await request.body()
        try:
            payload: dict[str, Any] = Webhook(self.secret).verify(body, dict(request.headers))
        except Exception:
            self.bad_signatures += 1
            return Response(status_code=400)
        webhook_id = request.headers["webhook-id"]
        self.by_webhook_id[webhook_id] += 1
        self.notification_of[webhook_id] = payload["data"]["id"]
        return Response(status_code=204)


async def _make_notifications(sessions: Any, count: int) -> None:
    catalogue = load_rules(make_settings("sqlite://"))
    async with sessions() as session, session.begin():
        for _ in range(count):
            event = CloudEvent.model_validate(
                cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)
            )
            await receive_event(
                session,
                event,
                catalogue=catalogue,
                directory=load_directory(),
                now=utc_now(),
                cutoff=timedelta(days=3),
            )


@pytest.fixture
def postgresql() -> str:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    return "postgresql"


@pytest.mark.system
async def test_two_worker_processes_deliver_every_notification_exactly_once(
    database_factories: DatabaseFactories, auth: Any, postgresql: str
) -> None:
    database_url = await database_factories.get(MIGRATIONS, postgresql).acreate()
    receiver = DedupReceiver()
    app = create_app(make_settings(database_url))
    environment = {
        **os.environ,
        "NOTIFY_DATABASE_URL": database_url,
        "NOTIFY_ENVIRONMENT": "development",
        "NOTIFY_DELIVERY_POLL_SECONDS": "0.05",
        "NOTIFY_DELIVERY_BATCH_SIZE": "20",
        "NOTIFY_LOG_LEVEL": "WARNING",
    }
    async with (
        serve_over_http(receiver.app) as receiver_url,
        serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as service,
    ):
        camden = await service.as_client("demo-camden")
        registered = await camden.post(
            "/v1/endpoints", json={"channel": "webhook", "url": f"{receiver_url}/hooks"}
        )
        receiver.secret = registered.json()["secret"]
        await _make_notifications(service.session_factory, NOTIFICATIONS)
        started = time.monotonic()
        workers = [
            await asyncio.create_subprocess_exec(
                sys.executable, "-m", "notify", "deliver", env=environment
            )
            for _ in range(2)
        ]
        try:
            while time.monotonic() - started < 50:
                async with service.session_factory() as session:
                    delivered = await session.scalar(
                        select(func.count())
                        .select_from(Delivery)
                        .where(Delivery.status == "delivered")
                    )
                if delivered == NOTIFICATIONS:
                    break
                await asyncio.sleep(0.25)
            running = [worker.returncode is None for worker in workers]
        finally:
            for worker in workers:
                if worker.returncode is None:
                    worker.send_signal(signal.SIGTERM)
            for worker in workers:
                await asyncio.wait_for(worker.wait(), timeout=20)
        async with service.session_factory() as session:
            attempts = await session.scalar(select(func.count()).select_from(DeliveryAttempt))

    assert running == [True, True]
    assert receiver.bad_signatures == 0
    assert delivered == NOTIFICATIONS
    assert len(receiver.by_webhook_id) == NOTIFICATIONS
    assert set(receiver.by_webhook_id.values()) == {1}
    assert len(set(receiver.notification_of.values())) == NOTIFICATIONS
    assert attempts == NOTIFICATIONS
