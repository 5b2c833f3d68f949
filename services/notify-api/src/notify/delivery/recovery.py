"""Recovered deliveries (issue 17): the organisation is told, once, by `delivery.recovered`.

A delivery is recovered when a retry or a recover made it pending again after it had
failed and the manual attempt was accepted (decisions.md, "delivery.recovered is told per
delivery delivered again"). The retry or recover stamps `recovery_requested_at`; the
sweeper gathers the deliveries so stamped that are now delivered and makes one
`delivery-recovered` notice per endpoint and sweep, naming how many; each delivery's
stamp is cleared in the same transaction, so it is never told twice. A manual attempt
that is not accepted leaves the delivery failed (told by `delivery.exhausted`), and a
later retry stamps it again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery import repository
from notify.notifications.creation import NewNotification, create_notification
from notify.notifications.models import NotificationKind
from notify.rules.catalogue import Catalogue
from platform_shared.contracts.vocabularies import Role

NOTICE_RULE = "delivery-recovered"
NOTICE_CITATION = "issue 17: deliveries that had failed and are delivered again are told"
#: Deliveries taken per sweep (the rest in the next).
BATCH = 500


async def tell_recovered(
    sessions: async_sessionmaker[AsyncSession],
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> int:
    """One notice per endpoint with newly recovered deliveries; how many were made."""
    async with sessions() as session, session.begin():
        rows = await repository.recovered_unnoticed(session, limit=BATCH)
        if not rows:
            return 0
        by_endpoint: defaultdict[tuple[uuid.UUID, str], list[uuid.UUID]] = defaultdict(list)
        for delivery_id, endpoint_id, org in rows:
            by_endpoint[(endpoint_id, org)].append(delivery_id)
        await repository.mark_recovery_noticed(session, [row[0] for row in rows])
        for (endpoint_id, org), deliveries in sorted(by_endpoint.items()):
            await create_notification(
                session,
                NewNotification(
                    key=f"notice|{NOTICE_RULE}|{endpoint_id}|{now.isoformat()}",
                    kind=NotificationKind.NOTICE,
                    rule_id=NOTICE_RULE,
                    rules_version=catalogue.version,
                    org=org,
                    role=Role.PLATFORM,
                    subject={
                        "endpoint_id": str(endpoint_id),
                        "reason": (
                            f"{_count(len(deliveries))} delivered again after a retry or a"
                            " recover, with their original webhook-id"
                        ),
                    },
                    due_at=None,
                    basis="platform",
                    citation=NOTICE_CITATION,
                ),
                now=now,
                cutoff=cutoff,
            )
        return len(by_endpoint)


def _count(deliveries: int) -> str:
    return (
        "1 delivery that had failed was"
        if deliveries == 1
        else (f"{deliveries} deliveries that had failed were")
    )
