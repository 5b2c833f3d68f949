"""The heartbeat of ordered push (issue 17): an idle endpoint is told its stream's high-water mark.

An endpoint with `heartbeat_seconds` that has had no attempt and no heartbeat for that
long is posted, by the sweeper, an `endpoint.heartbeat` (signed as every delivery,
`webhook-id: heartbeat_<uuid>`): the last endpoint sequence given
(`endpoint_sequence`), the inbox sequence of that delivery (`skipped_after`) and the
organisation's inbox sequence now (`inbox_sequence`). Every inbox sequence after
`skipped_after` up to `inbox_sequence` is one the endpoint will never receive (what it
would receive is numbered in its stream in the same transaction), so a receiver knows
the tail is not a loss without waiting for the next push. A heartbeat is not a delivery:
nothing is queued or retried; the next one comes after another idle period.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery import repository
from notify.delivery.operational import EndpointHeartbeatWebhook, HeartbeatData
from notify.delivery.webhook import WebhookClient, post_webhook
from notify.endpoints.sealing import Keyring, SealingError
from notify.sandbox import is_simulated_url
from platform_shared.calendar import utc_now

logger = logging.getLogger("notify.delivery")


async def send_heartbeats(
    sessions: async_sessionmaker[AsyncSession],
    *,
    keyring: Keyring,
    webhooks: WebhookClient,
    now: datetime,
    time_limit: float,
    development: bool,
) -> int:
    """Post a heartbeat to each idle endpoint that asked for one; returns how many."""
    from notify.delivery.worker import signing_secrets  # the worker imports this module

    async with sessions() as session:
        candidates = await repository.heartbeat_candidates(session)
    sent = 0
    for endpoint, endpoint_sequence, stream_at, last_heartbeat, inbox_at, attempted in candidates:
        idle = timedelta(seconds=endpoint.heartbeat_seconds)
        last = max(t for t in (endpoint.created_at, last_heartbeat, attempted) if t is not None)
        if now - last < idle or not endpoint.url or is_simulated_url(endpoint.url):
            continue  # a simulated sandbox endpoint (notify.sandbox) is never reached
        try:
            secrets = signing_secrets(endpoint, keyring, now)
        except SealingError:
            continue  # never unsigned; the worker logs the missing key at its pushes
        # Signed at the real time, as every push (`now` may be a test's clock).
        signed_at = utc_now()
        body = EndpointHeartbeatWebhook(
            type="endpoint.heartbeat",
            timestamp=signed_at,
            data=HeartbeatData(
                endpoint_id=str(endpoint.id),
                endpoint_sequence=int(endpoint_sequence),
                skipped_after=int(stream_at),
                inbox_sequence=max(int(inbox_at), int(stream_at)),
            ),
        ).model_dump_json()
        result = await post_webhook(
            webhooks,
            url=endpoint.url,
            secrets=secrets,
            message_id=f"heartbeat_{uuid.uuid4()}",
            body=body,
            timestamp=signed_at,
            time_limit=time_limit,
            development=development,
        )
        async with sessions() as session, session.begin():
            await repository.mark_heartbeat(session, endpoint.id, now)
        logger.info(
            "heartbeat",
            extra={"endpoint_id": str(endpoint.id), "status_code": result.status_code or 0},
        )
        sent += 1
    return sent
