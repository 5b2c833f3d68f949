"""Endpoints that keep failing: warned after a day, disabled after five (issue 17).

The worker keeps each endpoint's failure streak (`failing_since`: the first attempt of
the current run of attempts not accepted; cleared by an accepted one). The sweeper
looks at the endpoints whose streak is older than the warning period: it checks the
attempts log (the truth; the columns are kept by the workers, which may race), then puts
an `endpoint-failing` notice in the organisation's inbox once, and after the disable
period (as Svix: 5 days by default) disables the endpoint with an `endpoint-disabled`
notice, as a 410 does. Never silently: both notices are the organisation's platform
notifications, pushed to its other endpoints like any notification.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery import repository
from notify.delivery.endpoint_gone import disable_gone_endpoint
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role

WARNING_RULE = "endpoint-failing"
WARNING_CITATION = "issue 17: an endpoint failing for 24 hours is announced before it is disabled"


def disable_reason(disable_after: timedelta) -> str:
    days = disable_after / timedelta(days=1)
    return f"every attempt failed for {days:g} days; disabled automatically"


async def check_failing_endpoints(
    sessions: async_sessionmaker[AsyncSession],
    catalogue: Catalogue,
    *,
    now: datetime,
    warn_after: timedelta,
    disable_after: timedelta,
    cutoff: timedelta,
) -> int:
    """Warn about and disable endpoints failing too long; returns how many changed."""
    async with sessions() as session:
        candidates = await repository.failing_endpoints(session, failing_before=now - warn_after)
    changed = 0
    for endpoint_id in candidates:
        async with sessions() as session, session.begin():
            if await _check_one(
                session,
                endpoint_id,
                catalogue,
                now=now,
                warn_after=warn_after,
                disable_after=disable_after,
                cutoff=cutoff,
            ):
                changed += 1
    return changed


async def _check_one(
    session: AsyncSession,
    endpoint_id: uuid.UUID,
    catalogue: Catalogue,
    *,
    now: datetime,
    warn_after: timedelta,
    disable_after: timedelta,
    cutoff: timedelta,
) -> bool:
    endpoint = await repository.lock_endpoint(session, endpoint_id)
    if endpoint is None or not endpoint.enabled or endpoint.failing_since is None:
        return False
    failing_since = endpoint.failing_since
    if await repository.accepted_since(session, endpoint_id, failing_since):
        # A worker recorded a success that another's failure overwrote: no streak.
        endpoint.failing_since = None
        endpoint.failure_warned_at = None
        return True
    if now - failing_since >= disable_after:
        return await disable_gone_endpoint(
            session,
            endpoint_id,
            catalogue,
            reason=disable_reason(disable_after),
            now=now,
            cutoff=cutoff,
        )
    if endpoint.failure_warned_at is not None or now - failing_since < warn_after:
        return False
    endpoint.failure_warned_at = now
    disable_at = failing_since + disable_after
    await session.flush()
    await create_notification(
        session,
        NewNotification(
            key=f"notice|{WARNING_RULE}|{endpoint_id}|{failing_since.isoformat()}",
            kind=NotificationKind.NOTICE,
            rule_id=WARNING_RULE,
            rules_version=catalogue.version,
            org=endpoint.org,
            role=Role.PLATFORM,
            subject={
                "endpoint_id": str(endpoint_id),
                "reason": (
                    f"no attempt accepted since {failing_since.isoformat()}; the endpoint"
                    f" is disabled at {disable_at.isoformat()} unless one is"
                ),
            },
            due_at=None,
            basis="platform",
            citation=WARNING_CITATION,
        ),
        now=now,
        cutoff=cutoff,
    )
    return True
