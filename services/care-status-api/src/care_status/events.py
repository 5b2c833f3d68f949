"""Domain events of care-status-api, written to the outbox with the change they announce.

docs/events.md: each event carries the status facts block read as of its effective date
(a placement's start date for `placement.started`; otherwise the event's time, as a
Europe/London date) and its own fields. The source is `care-status-api`, the subject the
person_ref.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.children.repository import CareRecord
from care_status.history import facts_block, facts_of
from platform_shared.calendar import local_date
from platform_shared.outbox import OutboxEvent, add_event

SOURCE = "care-status-api"


class EventType(StrEnum):
    PLACEMENT_STARTED = "placement.started"
    PLACEMENT_ENDED = "placement.ended"
    CARE_STARTED = "care.started"
    CARE_ENDED = "care.ended"
    CARE_LEAVER_RECORDED = "care_leaver.recorded"


def emit_event(
    session: AsyncSession,
    record: CareRecord,
    type: EventType,
    extra: dict[str, Any],
    *,
    now: datetime,
    effective_date: date | None = None,
) -> OutboxEvent:
    """Add one event about `record` to the session's transaction (sent only if it commits)."""
    as_of = effective_date or local_date(now)
    person_ref = record.child.person_ref
    data = {**facts_block(person_ref, facts_of(record, as_of)), **extra}
    return add_event(
        session, type=type.value, source=SOURCE, subject=person_ref, data=data, time=now
    )
