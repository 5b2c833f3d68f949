"""Witnesses: each new checkpoint pushed to the endpoints that subscribe to it.

An endpoint subscribes by naming `proof.checkpoint` in its `rules` filter (an endpoint
without a filter gets notifications only: a push every few seconds is asked for, never
imposed). The push is a Standard Webhooks POST of type `proof.checkpoint`, signed with
the endpoint's secret, made once after the checkpoint is committed and not retried: a
witness that misses one keeps the next, and any two checkpoints it kept are linked by a
consistency proof (`GET /v1/proofs/consistency`). docs/proofs.md, "Witnesses".
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.webhook import WebhookClient, post_webhook
from notify.endpoints.models import Endpoint
from notify.endpoints.sealing import Keyring, SealingError
from notify.proofs import repository
from notify.proofs.models import ProofCheckpoint

logger = logging.getLogger("notify.proofs")

WITNESS_TYPE = "proof.checkpoint"


@dataclass(frozen=True)
class Witness:
    endpoint_id: uuid.UUID
    url: str
    secrets: list[str]


def subscribes(endpoint: Endpoint) -> bool:
    return bool(endpoint.rules) and WITNESS_TYPE in (endpoint.rules or [])


async def witnesses(session: AsyncSession, keyring: Keyring, now: datetime) -> list[Witness]:
    """The enabled webhook endpoints subscribing to checkpoints, with their secrets."""
    from notify.delivery.worker import signing_secrets  # the worker imports this module

    found = []
    for endpoint in await repository.webhook_endpoints(session):
        if not subscribes(endpoint) or endpoint.url is None:
            continue
        try:
            secrets = signing_secrets(endpoint, keyring, now)
        except SealingError:
            logger.error("webhook secret cannot be opened", extra={"endpoint_id": str(endpoint.id)})
            continue
        found.append(Witness(endpoint.id, endpoint.url, secrets))
    return found


def witness_body(checkpoint: ProofCheckpoint, timestamp: datetime) -> str:
    envelope = {
        "type": WITNESS_TYPE,
        "timestamp": timestamp.isoformat(),
        "data": {"size": checkpoint.size, "checkpoint": checkpoint.note},
    }
    return json.dumps(envelope, separators=(",", ":"), sort_keys=True)


async def push_checkpoint(
    client: WebhookClient,
    found: list[Witness],
    checkpoint: ProofCheckpoint,
    *,
    now: datetime,
    time_limit: float,
    development: bool,
) -> int:
    """Push `checkpoint` to each witness once; returns how many accepted it."""
    accepted = 0
    body = witness_body(checkpoint, now)
    for witness in found:
        result = await post_webhook(
            client,
            url=witness.url,
            secrets=witness.secrets,
            # Stable per endpoint and checkpoint: a receiver deduplicates a repeat.
            message_id=str(uuid.uuid5(witness.endpoint_id, f"checkpoint/{checkpoint.size}")),
            body=body,
            timestamp=now,
            time_limit=time_limit,
            development=development,
        )
        accepted += result.accepted
        logger.info(
            "checkpoint pushed",
            extra={
                "endpoint_id": str(witness.endpoint_id),
                "size": checkpoint.size,
                "status_code": result.status_code or 0,
            },
        )
    return accepted
