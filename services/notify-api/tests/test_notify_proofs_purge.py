"""The retention purge: the personal data of old notifications gone from every table, their
proofs still verifying, the purge itself in the log."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncSession

from notification_proofs.bundle import verify_bundle
from notification_proofs.note import VerifierKey
from notify.settings import Settings
from notify.testing import Clock, cloud_event, incident_data, seeded_worker
from platform_shared.testing import InProcessService, serve_over_http

from .test_notify_proofs import Receiver, _register

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
NAME = "Zebedee Quist-Purgetest"
BIRTH = "2011-03-14"
PERSON = "pr_purge_7f3a91"


@pytest.fixture
async def hooks() -> AsyncIterator[tuple[Receiver, str]]:
    kept = Receiver()
    async with serve_over_http(kept.app) as url:
        yield kept, url


async def _every_value(session: AsyncSession) -> dict[str, list[str]]:
    """Every table's every row, as text, by table name."""
    connection = await session.connection()
    tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    found = {}
    for table in tables:
        rows = await session.execute(text(f'SELECT * FROM "{table}"'))
        found[table] = [str(tuple(row)) for row in rows]
    return found


def _holding(values: dict[str, list[str]], needle: str) -> list[str]:
    return [table for table, rows in values.items() if any(needle in row for row in rows)]


async def test_after_the_purge_no_personal_data_remains_and_proofs_still_verify(
    clocked_service: InProcessService,
    settings: Settings,
    clock: Clock,
    hooks: tuple[Receiver, str],
) -> None:
    service = clocked_service
    receiver, url = hooks
    receiver.secret = await _register(service, f"{url}/hooks")
    data: dict[str, Any] = incident_data("behaviour", T0, person_ref=PERSON)
    data.update({"child_name": NAME, "date_of_birth": BIRTH})
    platform = await service.as_client("platform-services")
    event = cloud_event("incident.recorded", data, time=T0)
    answer = await platform.post("/v1/events", json=event, headers={"Idempotency-Key": "k-purge-1"})
    assert answer.status_code in (200, 201, 202), answer.text
    notification_id = answer.json()["notifications"][0]["id"]
    worker = seeded_worker(service.session_factory, settings, clock)
    await worker.deliver_due()
    camden = await service.as_client("demo-camden")
    assert (await camden.post(f"/v1/notifications/{notification_id}/acknowledge")).is_success
    async with service.session_factory() as session:
        before = await _every_value(session)
    assert _holding(before, PERSON) and _holding(before, NAME) and _holding(before, BIRTH)

    clock.now = T0 + timedelta(days=settings.retention_subject_days + 1)
    assert await worker.proofs.purge(clock.now) == 1
    await worker.proofs.checkpoint(clock.now, force=True)
    await worker.aclose()

    async with service.session_factory() as session:
        after = await _every_value(session)
    assert _holding(after, PERSON) == []
    assert _holding(after, NAME) == []
    assert _holding(after, BIRTH) == []
    anyone = await service.as_client(None)
    keys = [
        VerifierKey.parse(line)
        for line in (await anyone.get("/.well-known/notification-log-keys")).text.splitlines()
    ]
    bundle = (await camden.get(f"/v1/notifications/{notification_id}/proof")).json()
    verified = verify_bundle(bundle, keys)
    assert [leaf.entry["step"] for leaf in verified.leaves] == [
        "made",
        "delivered",
        "acknowledged",
        "purged",
    ]
    assert bundle["content"] == "purged"
    assert [step["step"] for step in bundle["provable"]][-1] == "purged"
    # The inbox still shows the notification, without its subject.
    assert (await camden.get(f"/v1/notifications/{notification_id}")).status_code == 200
