"""Registering, listing, removing endpoints and rotating their secrets, per organisation.

Every query is `notify.endpoints.repository`'s, scoped to the caller's organisation;
every change is audited here.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import DeliveryStatus
from notify.delivery.repository import end_pending_deliveries_to
from notify.endpoints import repository
from notify.endpoints.addresses import AddressRefused, check_webhook_url
from notify.endpoints.models import Channel, Endpoint
from notify.endpoints.schemas import EmailEndpointCreate, WebhookEndpointCreate
from notify.endpoints.sealing import Keyring
from notify.proofs.witness import WITNESS_TYPE
from notify.rules.catalogue import Catalogue
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.problems import Invalid, NotFound
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of

#: Both secrets sign for this long after a rotation (design.md).
ROTATION_OVERLAP = timedelta(hours=24)


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


async def register_endpoint(
    session: AsyncSession,
    principal: Principal,
    body: WebhookEndpointCreate | EmailEndpointCreate,
    *,
    catalogue: Catalogue,
    development: bool,
    keyring: Keyring,
    now: datetime,
) -> tuple[Endpoint, str | None]:
    """Check and add an endpoint of the caller's organisation; returns it and its secret."""
    # `proof.checkpoint` is not a rule: it subscribes the endpoint to the log's checkpoints.
    rules = [rule for rule in body.rules or [] if rule != WITNESS_TYPE]
    unknown = sorted({rule for rule in rules if catalogue.get(rule) is None})
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
        secret = new_secret()
        endpoint.secret_sealed = keyring.seal(secret, endpoint.id)
    else:
        try:
            checked = validate_email(body.address, check_deliverability=False)
        except EmailNotValidError as error:
            raise Invalid("body.address", str(error)) from error
        endpoint.address = checked.normalized
    session.add(endpoint)
    record_audit(
        session, principal, "endpoint.register", subject_type="endpoint", subject_id=endpoint.id
    )
    return endpoint, secret


async def list_endpoints(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> tuple[list[Endpoint], str | None]:
    """The caller's endpoints, oldest first, one page at a time."""
    rows = await repository.endpoint_rows(
        session,
        principal,
        after=decode_instant_cursor(cursor) if cursor is not None else None,
        limit=limit + 1,
    )
    return next_cursor_of(rows, limit, lambda row: [row.created_at.isoformat(), str(row.id)])


async def read_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint:
    """One of the caller's endpoints; 404 for another organisation's or a removed one."""
    endpoint = await repository.readable_endpoint(session, principal, endpoint_id)
    if endpoint is None:
        raise NotFound("No such endpoint in this organisation")
    return endpoint


async def _locked(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID) -> Endpoint:
    endpoint = await repository.locked_endpoint(session, principal, endpoint_id)
    if endpoint is None:
        raise NotFound("No such endpoint in this organisation")
    return endpoint


async def remove_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID, *, now: datetime
) -> None:
    """Remove an endpoint; deliveries still pending to it stop (history is kept)."""
    endpoint = await _locked(session, principal, endpoint_id)
    endpoint.removed_at = now
    endpoint.enabled = False
    endpoint.updated_at = now
    await end_pending_deliveries_to(
        session, endpoint.id, status=DeliveryStatus.CANCELLED, reason="endpoint removed"
    )
    record_audit(
        session, principal, "endpoint.remove", subject_type="endpoint", subject_id=endpoint_id
    )


async def rotate_secret(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    keyring: Keyring,
    now: datetime,
) -> tuple[Endpoint, str]:
    """Give a webhook a new secret; the old one also signs for 24 hours (no downtime).

    Returns the endpoint and the new secret, which is shown this once.
    """
    endpoint = await _locked(session, principal, endpoint_id)
    if endpoint.channel != Channel.WEBHOOK:
        raise Invalid("path.endpoint_id", "only a webhook endpoint has a signing secret")
    secret = new_secret()
    endpoint.previous_secret_sealed = endpoint.secret_sealed
    endpoint.previous_secret_expires_at = now + ROTATION_OVERLAP
    endpoint.secret_sealed = keyring.seal(secret, endpoint.id)
    endpoint.updated_at = now
    record_audit(
        session,
        principal,
        "endpoint.rotate_secret",
        subject_type="endpoint",
        subject_id=endpoint.id,
    )
    return endpoint, secret


async def rewrap_secrets(session: AsyncSession, keyring: Keyring) -> int:
    """Wrap the data key of every sealed secret under the current KEK; how many changed.

    After a rotation of `webhook_secret_keys`: once it has run, the old KEK can be taken
    out of the settings. The secrets themselves, and what receivers hold, do not change.
    """
    changed = 0
    for endpoint in await repository.endpoints_with_secrets(session):
        for column in ("secret_sealed", "previous_secret_sealed"):
            sealed: str | None = getattr(endpoint, column)
            rewrapped = keyring.rewrap(sealed) if sealed else None
            if rewrapped is not None:
                setattr(endpoint, column, rewrapped)
                changed += 1
    return changed
