"""Registering, listing, removing endpoints and rotating their secrets, per organisation.

Every query goes through `readable_endpoints`, scoped to the caller's organisation.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import Delivery, DeliveryStatus
from notify.endpoints.addresses import AddressRefused, check_webhook_url
from notify.endpoints.models import Channel, Endpoint
from notify.endpoints.schemas import EmailEndpointCreate, WebhookEndpointCreate
from notify.pagination import decode_cursor, encode_cursor
from notify.rules.catalogue import Catalogue
from platform_shared.auth import Principal
from platform_shared.problems import Invalid, NotFound

#: Both secrets sign for this long after a rotation (design.md).
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def readable_endpoints(principal: Principal) -> Select[Endpoint]:
    """The caller organisation's endpoints that have not been removed."""
    return select(Endpoint).where(Endpoint.org == principal.org, Endpoint.removed_at.is_(None))


async def register_endpoint(
    session: AsyncSession,
    principal: Principal,
    body: WebhookEndpointCreate | EmailEndpointCreate,
    *,
    catalogue: Catalogue,
    development: bool,
    now: datetime,
) -> tuple[Endpoint, str | None]:
    """Check and add an endpoint of the caller's organisation; returns it and its secret."""
    unknown = sorted({rule for rule in body.rules or [] if catalogue.get(rule) is None})
    if unknown:
        raise Invalid("body.rules", f"no such rule: {', '.join(unknown)}")
    endpoint = Endpoint(
        id=uuid.uuid4(),
        org=principal.org,
        channel=body.channel,
        roles=body.roles,
        rules=body.rules,
        enabled=True,
        created_at=now,
        updated_at=now,
    )
    secret: str | None = None
    if isinstance(body, WebhookEndpointCreate):
        try:
            await check_webhook_url(body.url, development=development)
        except AddressRefused as refusal:
            raise Invalid("body.url", str(refusal)) from refusal
        endpoint.url = body.url
        secret = endpoint.secret = new_secret()
    else:
        try:
            checked = validate_email(body.address, check_deliverability=False)
        except EmailNotValidError as error:
            raise Invalid("body.address", str(error)) from error
        endpoint.address = checked.normalized
    session.add(endpoint)
    return endpoint, secret


async def list_endpoints(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> tuple[list[Endpoint], str | None]:
    statement = readable_endpoints(principal)
    position = decode_cursor(cursor, 2)
    if position is not None:
        created = datetime.fromisoformat(str(position[0]))
        statement = statement.where(
            (Endpoint.created_at > created)
            | ((Endpoint.created_at == created) & (Endpoint.id > uuid.UUID(str(position[1]))))
        )
    rows = list(
        await session.scalars(statement.order_by(Endpoint.created_at, Endpoint.id).limit(limit + 1))
    )
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor([last.created_at.isoformat(), str(last.id)])
    return rows[:limit], next_cursor


async def get_readable_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint:
    endpoint = await session.scalar(
        readable_endpoints(principal).where(Endpoint.id == endpoint_id).with_for_update()
    )
    if endpoint is None:
        raise NotFound("No such endpoint in this organisation")
    return endpoint


async def remove_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID, *, now: datetime
) -> None:
    """Remove an endpoint; deliveries still pending to it stop (history is kept)."""
    endpoint = await get_readable_endpoint(session, principal, endpoint_id)
    endpoint.removed_at = now
    endpoint.enabled = False
    endpoint.updated_at = now
    await session.execute(
        update(Delivery)
        .where(Delivery.endpoint_id == endpoint.id, Delivery.status == DeliveryStatus.PENDING)
        .values(status=DeliveryStatus.CANCELLED, ended_reason="endpoint removed")
    )


async def rotate_secret(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID, *, now: datetime
) -> Endpoint:
    """Give a webhook a new secret; the old one also signs for 24 hours (no downtime)."""
    endpoint = await get_readable_endpoint(session, principal, endpoint_id)
    if endpoint.channel != Channel.WEBHOOK:
        raise Invalid("path.endpoint_id", "only a webhook endpoint has a signing secret")
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = now + ROTATION_OVERLAP
    endpoint.secret = new_secret()
    endpoint.updated_at = now
    return endpoint
