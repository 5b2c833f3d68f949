"""Exhausted deliveries (issue 17): the organisation is told, once, by `delivery.exhausted`.

A delivery is exhausted when it ends `failed` with attempts left to nobody: the cut-off
passed, a mail server refused it for good, or a manual attempt was not accepted. (A 410
or a disable is told by `endpoint.disabled` instead.) The sweeper gathers the exhausted
deliveries nobody was told of, and makes one `delivery-exhausted` notice per endpoint
and sweep, naming how many and how to get them back (`recover`); each delivery is marked
told in the same transaction, so it is never told twice. Deliveries of notices are left
out: a notice about a failing endpoint that fails there too must not beget another.
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

CUT_OFF_REASON = "not accepted before the cut-off"
MANUAL_REFUSED_REASON = "the manual attempt was not accepted"
SMTP_REFUSED_PREFIX = "the mail server refused it permanently"
EXHAUSTED_REASONS = (CUT_OFF_REASON, MANUAL_REFUSED_REASON, f"{SMTP_REFUSED_PREFIX}%")

NOTICE_RULE = "delivery-exhausted"
NOTICE_CITATION = "issue 17: an exhausted delivery is told to its organisation, never silently"
#: Deliveries taken per sweep (the rest in the next).
BATCH = 500


async def tell_exhausted(
    sessions: async_sessionmaker[AsyncSession],
    catalogue: Catalogue,
    *,
    now: datetime,
    cutoff: timedelta,
) -> int:
    """One notice per endpoint with newly exhausted deliveries; how many were made."""
    async with sessions() as session, session.begin():
        rows = await repository.exhausted_unnoticed(session, reasons=EXHAUSTED_REASONS, limit=BATCH)
        if not rows:
            return 0
        by_endpoint: defaultdict[tuple[uuid.UUID, str], list[uuid.UUID]] = defaultdict(list)
        for delivery_id, endpoint_id, org in rows:
            by_endpoint[(endpoint_id, org)].append(delivery_id)
        await repository.mark_exhaustion_noticed(session, [row[0] for row in rows], now)
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
                            f"{_count(len(deliveries))} given up (the endpoint's"
                            " deliveries list them as failed); POST"
                            f" /v1/endpoints/{endpoint_id}/recover pushes them again"
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
    return "1 delivery was" if deliveries == 1 else f"{deliveries} deliveries were"
