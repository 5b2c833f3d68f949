"""Making a notification: its sequence number, its row and its deliveries, in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.scheduling import schedule_deliveries
from notify.notifications.models import Notification, NotificationStatus, OrganisationSequence


@dataclass(frozen=True)
class NewNotification:
    """What a new notification says; `create_notification` numbers and schedules it."""

    key: str
    kind: str
    rule_id: str
    rules_version: str
    org: str
    role: str
    subject: dict[str, Any]
    due_at: datetime | None
    basis: str
    citation: str
    event_id: str | None = None
    event_type: str | None = None
    person_ref: str | None = None
    responsible_authority: str | None = None
    withheld_reason: str | None = None
    occurrence: int | None = None
    recurrence_anchor: date | None = None
    recurrence_until: date | None = None
    escalation_of: uuid.UUID | None = None
    duty_holder: str | None = None
    supersede_key: str | None = None
    #: Made already ended (an event older than one that superseded it): never pushed.
    ended_reason: str | None = None


async def allocate_sequence(session: AsyncSession, org: str) -> int:
    """The next sequence number of `org`: monotonic and, once committed, without gaps.

    The upsert locks the organisation's counter row until the transaction ends, so
    numbers are handed out in commit order and a rolled-back one is handed out again.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(OrganisationSequence)
        .values(org=org, last_sequence=1)
        .on_conflict_do_update(
            index_elements=[OrganisationSequence.org],
            set_={"last_sequence": OrganisationSequence.last_sequence + 1},
        )
        .returning(OrganisationSequence.last_sequence)
    )
    return int((await session.execute(statement)).scalar_one())


async def create_notification(
    session: AsyncSession, new: NewNotification, *, now: datetime, cutoff: timedelta
) -> Notification:
    """Add a notification, numbered for its recipient, with a delivery per matching endpoint."""
    status = NotificationStatus.PENDING
    if new.withheld_reason:
        status = NotificationStatus.WITHHELD
    elif new.ended_reason:
        status = NotificationStatus.ENDED
    notification = Notification(
        id=uuid.uuid4(),
        key=new.key,
        kind=new.kind,
        event_id=new.event_id,
        event_type=new.event_type,
        rule_id=new.rule_id,
        rules_version=new.rules_version,
        recipient_org=new.org,
        recipient_role=new.role,
        person_ref=new.person_ref,
        responsible_authority=new.responsible_authority,
        subject=new.subject,
        due_at=new.due_at,
        duty_holder=new.duty_holder,
        status=status,
        withheld_reason=new.withheld_reason,
        sequence=await allocate_sequence(session, new.org),
        occurrence=new.occurrence,
        recurrence_anchor=new.recurrence_anchor,
        recurrence_until=new.recurrence_until,
        supersede_key=new.supersede_key,
        escalation_of=new.escalation_of,
        basis=new.basis,
        citation=new.citation,
        breach=False,
        successor_created=False,
        created_at=now,
        updated_at=now,
        ended_at=now if status == NotificationStatus.ENDED else None,
        ended_reason=new.ended_reason if status == NotificationStatus.ENDED else None,
    )
    session.add(notification)
    await session.flush()
    await schedule_deliveries(session, notification, now=now, cutoff=cutoff)
    return notification
