"""Event intake racing a 410 that disables an endpoint, on PostgreSQL (issue 15, finding 6).

The intake numbers its notifications (locking the recipient's sequence counter) and then
inserts their deliveries, whose foreign key locks the endpoint row (`FOR KEY SHARE`). The
410 path locked the endpoint and then numbered its `endpoint-disabled` notice: the two
waited for each other, PostgreSQL broke the deadlock, and the publisher got a 500.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text

from notify.delivery import repository
from notify.delivery.endpoint_gone import disable_gone_endpoint
from notify.delivery.models import Delivery
from notify.main import MIGRATIONS, create_app, load_rules
from notify.notifications.models import Notification
from notify.testing import cloud_event, incident_data
from platform_shared.calendar import utc_now
from platform_shared.testing import DatabaseFactories, postgres_unavailable_reason, serve_in_process

from .conftest import make_settings

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


@pytest.fixture
def postgresql() -> str:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    return "postgresql"


async def _blocked_or_done(sessions: Any, task: asyncio.Task[Any], *, within: float) -> None:
    """Wait until `task` is done or a transaction of this test's database waits for a lock."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and not task.done():
        async with sessions() as session:
            waiting = await session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
        if waiting:
            return
        await asyncio.sleep(0.02)


async def test_an_event_taken_in_while_a_410_disables_the_endpoint_is_answered_201(
    database_factories: DatabaseFactories, auth: Any, postgresql: str
) -> None:
    database_url = await database_factories.get(MIGRATIONS, postgresql).acreate()
    settings = make_settings(database_url)
    catalogue = load_rules(settings)
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as service:
        camden = await service.as_client("demo-camden")
        platform = await service.as_client("platform-services")
        registered = await camden.post(
            "/v1/endpoints", json={"channel": "webhook", "url": "http://127.0.0.1:9/hooks"}
        )
        endpoint_id = uuid.UUID(registered.json()["id"])
        sessions = service.session_factory
        event = cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0)

        async with sessions() as gone, gone.begin():
            # The worker's 410 path: the endpoint is locked first (as `_record_together`
            # does), the intake comes in, then the endpoint is disabled and its org told.
            await repository.lock_endpoints(await gone.connection(), [endpoint_id])
            intake = asyncio.create_task(platform.post("/v1/events", json=event))
            await _blocked_or_done(sessions, intake, within=5)
            disabled = await disable_gone_endpoint(
                gone,
                endpoint_id,
                catalogue,
                reason="the endpoint answered 410 Gone",
                now=utc_now(),
                cutoff=timedelta(days=3),
            )
        response = await intake

        assert response.status_code == 201, response.text
        assert disabled is True
        async with sessions() as session:
            notices = await session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.rule_id == "endpoint-disabled")
            )
            pending = await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.endpoint_id == endpoint_id, Delivery.status == "pending")
            )
        assert notices == 1
        # The event's push to the endpoint was enqueued before the 410 was recorded; the
        # worker cancels it when it claims it ("endpoint disabled"). Never two pending.
        assert pending in (0, 1)
