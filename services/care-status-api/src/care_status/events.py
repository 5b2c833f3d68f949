"""Domain events of care-status-api, written to the outbox with the change they announce.

docs/events.md: each event carries the status facts block read as of its effective date
(a placement's start date for `placement.started`; otherwise the event's time, as a
Europe/London date) and its own fields. The source is `care-status-api`, the subject the
person_ref. The type names and the block are the platform's contracts
(`platform_shared.contracts`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord
from platform_shared.calendar import local_date
from platform_shared.contracts.events import EventSource, EventType
from platform_shared.contracts.facts import StatusFacts
from platform_shared.outbox import OutboxEvent, add_event

SOURCE = EventSource.CARE_STATUS_API.value


def emit_event(
    session: AsyncSession,
    record: CareRecord,
    type: EventType,
    extra: dict[str, Any],
    *,
    now: datetime,
    effective_date: date | None = None,
    facts: StatusFacts | None = None,
) -> OutboxEvent:
    """Add one event about `record` to the session's transaction (sent only if it commits).

    `facts`: the block already read (as of its own effective date) instead of reading it.
    """
    as_of = effective_date or local_date(now)
    person_ref = record.child.person_ref
    block = facts or record.facts(as_of)
    data = {**block.model_dump(mode="json"), **extra}
    return add_event(
        session, type=type.value, source=SOURCE, subject=person_ref, data=data, time=now
    )
