"""Every query of endpoints, scoped to the caller's organisation (`readable_endpoints`)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from notify.endpoints.models import Endpoint
from platform_shared.auth import Principal
from platform_shared.tenancy import cross_tenant, tenant_scope


@tenant_scope
def readable_endpoints(principal: Principal) -> Select[Endpoint]:
    """The caller organisation's endpoints that have not been removed."""
    return select(Endpoint).where(Endpoint.org == principal.org, Endpoint.removed_at.is_(None))


async def endpoint_rows(
    session: AsyncSession,
    principal: Principal,
    *,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[Endpoint]:
    """Up to `limit` of the caller's endpoints, oldest first, after (created_at, id)."""
    statement = readable_endpoints(principal)
    if after is not None:
        created, last = after
        statement = statement.where(
            (Endpoint.created_at > created)
            | ((Endpoint.created_at == created) & (Endpoint.id > last))
        )
    return list(
        await session.scalars(statement.order_by(Endpoint.created_at, Endpoint.id).limit(limit))
    )


async def locked_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint | None:
    """One of the caller's endpoints, locked for a change (`FOR NO KEY UPDATE`, as the
    delivery worker locks one: new deliveries' foreign keys never wait for it)."""
    return await session.scalar(
        readable_endpoints(principal)
        .where(Endpoint.id == endpoint_id)
        .with_for_update(key_share=True)
    )


@tenant_scope
async def locked_endpoint_any(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint | None:
    """One of the caller's endpoints, removed ones too, locked as `locked_endpoint` does."""
    return await session.scalar(
        select(Endpoint)
        .where(Endpoint.org == principal.org, Endpoint.id == endpoint_id)
        .with_for_update(key_share=True)
    )


async def readable_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint | None:
    """One of the caller's endpoints, or None (another organisation's is None too)."""
    return await session.scalar(readable_endpoints(principal).where(Endpoint.id == endpoint_id))


@cross_tenant("re-wrapping the secrets at rest under a new key covers every organisation")
async def endpoints_with_secrets(session: AsyncSession) -> list[Endpoint]:
    """Every endpoint holding a sealed secret, removed ones too, locked for a change."""
    return list(
        await session.scalars(
            select(Endpoint)
            .where(
                Endpoint.secret_sealed.is_not(None) | Endpoint.previous_secret_sealed.is_not(None)
            )
            .order_by(Endpoint.id)
            .with_for_update(key_share=True)
        )
    )
