"""The retention purge: personal data past its period removed, the removal logged.

Classes of data and their settings (defaults and their sources: docs/proofs.md):

- `subject`: a closed notification's subject, person reference, and the keys and days
  derived from the person (supersede and watch keys, recurrence days, visit day), after
  `retention_subject_days` from its close; its event's data goes with it.
- `event_data`: any event's data, subject and person reference after
  `retention_event_data_days` from its receipt (idempotency records too: they replay
  answers for a day at most, and are dropped with the events).
- `delivery_responses`: error texts of deliveries and attempts (a receiver's answer
  may quote what it was sent) after `retention_delivery_response_days`.
- `attempt_details`: the attempt rows themselves after `retention_attempt_details_days`
  (the `delivered` entries of the log keep what a proof needs).

A purged notification's log entries stay: they hold no personal data, and its proof then
says its content is purged (`purged` step).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from notify.proofs import repository
from notify.proofs.log import log_purged
from notify.settings import Settings
from platform_shared.idempotency import IdempotencyRecord

#: Notifications purged per transaction (the job runs again until none is left).
BATCH = 500


async def purge_expired(session: AsyncSession, settings: Settings, *, now: datetime) -> int:
    """One pass of the purge; returns how many notifications' subjects it removed."""
    days = timedelta(days=1)
    expired = await repository.purgeable_notifications(
        session, now - settings.retention_subject_days * days, BATCH
    )
    for notification in expired:
        notification.subject = {}
        notification.person_ref = None
        notification.supersede_key = None
        notification.watch_key = None
        notification.recurrence_anchor = None
        notification.recurrence_until = None
        notification.visited_on = None
    await repository.purge_event_data(
        session, sorted({n.event_id for n in expired if n.event_id is not None})
    )
    await log_purged(session, [n.id for n in expired], ["event_data", "subject"], now=now)
    event_cutoff = now - settings.retention_event_data_days * days
    await repository.purge_old_event_data(session, event_cutoff)
    await session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < event_cutoff)
    )
    await repository.purge_delivery_responses(
        session, now - settings.retention_delivery_response_days * days
    )
    await repository.purge_attempt_details(
        session, now - settings.retention_attempt_details_days * days
    )
    return len(expired)
