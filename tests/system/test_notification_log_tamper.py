"""The notification log on PostgreSQL, real processes: a row edited or deleted directly in
the database is found by `notify-api proofs verify` and by the worker's monitor (its
`/metrics` gauge), and an untouched log verifies."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator

import httpx
import pytest
from journeys import delivered_ids, placement_event, register_webhook
from platform_harness import BIN, REPO, Platform, eventually, running_platform
from sqlalchemy import text
from webhook_receiver import WebhookReceiver

from platform_shared.db import create_engine
from platform_shared.testing import postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

EVENTS = 5
#: The worker checkpoints and monitors every second (the whole log every 2), so the test
#: waits seconds.
WORKER_ENV = {
    "NOTIFY_SWEEP_INTERVAL_SECONDS": "0.5",
    "NOTIFY_PROOF_CHECKPOINT_SECONDS": "0.5",
    "NOTIFY_PROOF_MONITOR_SECONDS": "1",
    # An edited row the monitor had verified is found by its whole pass.
    "NOTIFY_PROOF_MONITOR_WHOLE_SECONDS": "2",
}


@pytest.fixture(scope="module")
def postgres_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    with running_platform(
        "postgresql", tmp_path_factory.mktemp("platform-log"), worker_env=WORKER_ENV
    ) as running:
        yield running


async def _proofs_verify(platform: Platform) -> subprocess.CompletedProcess[str]:
    return await asyncio.to_thread(
        subprocess.run,
        [str(BIN / "notify-api"), "proofs", "verify"],
        env=platform.env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )


async def _sql(platform: Platform, statement: str) -> int:
    engine = create_engine(platform.database_url("notify-api"))
    try:
        async with engine.begin() as connection:
            result = await connection.execute(text(statement))
            return int(result.scalar() or 0) if result.returns_rows else result.rowcount
    finally:
        await engine.dispose()


async def _failing_gauge(platform: Platform) -> float | None:
    async with httpx.AsyncClient(base_url=platform.url("notify-api")) as client:
        metrics = (await client.get("/metrics")).text
    for line in metrics.splitlines():
        if line.startswith("notification_log_verification_failed "):
            return float(line.split()[1])
    return None


async def test_a_row_changed_in_the_database_is_found(postgres_platform: Platform) -> None:
    platform = postgres_platform
    receiver = WebhookReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
        platform.aclient("notify-api", "platform-services") as publisher,
    ):
        await register_webhook(derbyshire, receiver, receiver_url)
        for number in range(EVENTS):
            response = await publisher.post("/v1/events", json=placement_event(number))
            assert response.status_code in (200, 201, 202), response.text

        async def all_delivered() -> bool | None:
            return len(await delivered_ids(derbyshire)) == EVENTS or None

        await eventually(all_delivered, timeout=180, message="not every notification delivered")

        async def all_checkpointed() -> bool | None:
            left = await _sql(
                platform, "SELECT count(*) FROM proof_leaves WHERE tree_index IS NULL"
            )
            return left == 0 or None

        await eventually(all_checkpointed, timeout=180, message="the log was not checkpointed")
        untouched = await _proofs_verify(platform)
        assert untouched.returncode == 0, untouched.stdout + untouched.stderr
        assert "OK:" in untouched.stdout

        async def gauge(value: float) -> bool | None:
            return await _failing_gauge(platform) == value or None

        await eventually(lambda: gauge(0.0), timeout=180, message="no monitor gauge at 0")

        edited = await _sql(
            platform,
            # A delivered step's channel rewritten (no colon: `text()` reads `:x` as a parameter).
            "UPDATE proof_leaves SET entry = replace(entry, 'webhook', 'email') "
            "WHERE step = 'delivered' AND tree_index = "
            "(SELECT min(tree_index) FROM proof_leaves WHERE step = 'delivered')",
        )
        assert edited == 1
        found = await _proofs_verify(platform)
        assert found.returncode == 1
        assert "the stored entries hash to another root" in found.stdout
        await eventually(lambda: gauge(1.0), timeout=180, message="the monitor did not find it")

        deleted = await _sql(
            platform,
            "DELETE FROM proof_leaves WHERE tree_index = (SELECT min(tree_index) FROM proof_leaves)",
        )
        assert deleted == 1
        found = await _proofs_verify(platform)
        assert found.returncode == 1
        assert "missing" in found.stdout
