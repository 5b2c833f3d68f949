"""Making notifications: their sequence numbers, their rows and their deliveries, in one transaction.

`create_notifications` makes all of an event's notifications in a fixed number of
statements (the sequences of every recipient organisation, the rows, the endpoints, the
deliveries), whatever their number: the intake's cost is mostly round trips to the
database. `create_notification` makes one and returns it as a model object, for the
follow-ups (escalations, recurring duties, notices) that go on changing it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert
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


@dataclass(frozen=True)
class CreatedNotification:
    """A notification `create_notifications` wrote: what a receipt and its pushes need."""

    id: uuid.UUID
    rule_id: str
    recipient_org: str
    recipient_role: str
    status: str
    due_at: datetime | None
    sequence: int
    withheld_reason: str | None


_sequences = cast(Table, OrganisationSequence.__table__)
_notifications = cast(Table, Notification.__table__)
# Built once: making a statement costs more CPU than executing it.
_INSERT_NOTIFICATIONS = insert(_notifications)


@lru_cache(maxsize=64)
def _numbering(dialect: str, organisations: int) -> Any:
    """The upsert that numbers for `organisations` organisations (`org_<i>`, `count_<i>`)."""
    upsert = (postgresql_insert if dialect == "postgresql" else sqlite_insert)(_sequences)
    upsert = upsert.values(
        [
            {"org": bindparam(f"org_{index}"), "last_sequence": bindparam(f"count_{index}")}
            for index in range(organisations)
        ]
    )
    return upsert.on_conflict_do_update(
        index_elements=[_sequences.c.org],
        set_={"last_sequence": _sequences.c.last_sequence + upsert.excluded.last_sequence},
    ).returning(_sequences.c.org, _sequences.c.last_sequence)


async def allocate_sequence(session: AsyncSession, org: str) -> int:
    """The next sequence number of `org`: monotonic and, once committed, without gaps.

    The upsert locks the organisation's counter row until the transaction ends, so
    numbers are handed out in commit order and a rolled-back one is handed out again.
    """
    [sequence] = await allocate_sequences(session, [org])
    return sequence


async def allocate_sequences(session: AsyncSession, orgs: Sequence[str]) -> list[int]:
    """The next sequence number for each of `orgs`, in order (an org may come more than once).

    One upsert for all of them, as `allocate_sequence` does for one: each counter row stays
    locked until the transaction ends. The rows are taken in the order of their codes, so
    two transactions numbering for the same organisations wait for each other rather
    than deadlock.
    """
    if not orgs:
        return []
    wanted = Counter(orgs)
    parameters: dict[str, Any] = {}
    for index, org in enumerate(sorted(wanted)):
        parameters[f"org_{index}"] = org
        parameters[f"count_{index}"] = wanted[org]
    statement = _numbering(session.get_bind().dialect.name, len(wanted))
    last = {org: int(value) for org, value in (await session.execute(statement, parameters)).all()}
    # The org's numbers are last - wanted + 1 .. last, handed out in the order asked.
    following = {org: last[org] - wanted[org] for org in wanted}
    sequences = []
    for org in orgs:
        following[org] += 1
        sequences.append(following[org])
    return sequences


def _status(new: NewNotification) -> NotificationStatus:
    if new.withheld_reason:
        return NotificationStatus.WITHHELD
    if new.ended_reason:
        return NotificationStatus.ENDED
    return NotificationStatus.PENDING


def _row(new: NewNotification, *, sequence: int, now: datetime) -> dict[str, Any]:
    """Every column of the notification `new` describes, numbered `sequence`."""
    status = _status(new)
    ended = status == NotificationStatus.ENDED
    return {
        "id": uuid.uuid4(),
        "key": new.key,
        "kind": new.kind,
        "event_id": new.event_id,
        "event_type": new.event_type,
        "rule_id": new.rule_id,
        "rules_version": new.rules_version,
        "recipient_org": new.org,
        "recipient_role": new.role,
        "person_ref": new.person_ref,
        "responsible_authority": new.responsible_authority,
        "subject": new.subject,
        "due_at": new.due_at,
        "duty_holder": new.duty_holder,
        "status": status,
        "withheld_reason": new.withheld_reason,
        "sequence": sequence,
        "occurrence": new.occurrence,
        "recurrence_anchor": new.recurrence_anchor,
        "recurrence_until": new.recurrence_until,
        "supersede_key": new.supersede_key,
        "escalation_of": new.escalation_of,
        "basis": new.basis,
        "citation": new.citation,
        "breach": False,
        "successor_created": False,
        "created_at": now,
        "updated_at": now,
        "ended_at": now if ended else None,
        "ended_reason": new.ended_reason if ended else None,
    }


async def create_notification(
    session: AsyncSession, new: NewNotification, *, now: datetime, cutoff: timedelta
) -> Notification:
    """Add a notification, numbered for its recipient, with a delivery per matching endpoint."""
    notification = Notification(
        **_row(new, sequence=await allocate_sequence(session, new.org), now=now)
    )
    session.add(notification)
    await session.flush()
    await schedule_deliveries(session, [notification], now=now, cutoff=cutoff)
    return notification


async def create_notifications(
    session: AsyncSession, news: Sequence[NewNotification], *, now: datetime, cutoff: timedelta
) -> list[CreatedNotification]:
    """Add notifications, each numbered for its recipient, with their deliveries.

    The same rows as `create_notification` would write one by one, numbered in the order
    given, in four statements at most.
    """
    if not news:
        return []
    sequences = await allocate_sequences(session, [new.org for new in news])
    rows = [
        _row(new, sequence=sequence, now=now) for new, sequence in zip(news, sequences, strict=True)
    ]
    await session.execute(_INSERT_NOTIFICATIONS, rows)
    created = [
        CreatedNotification(
            id=row["id"],
            rule_id=row["rule_id"],
            recipient_org=row["recipient_org"],
            recipient_role=row["recipient_role"],
            status=row["status"],
            due_at=row["due_at"],
            sequence=row["sequence"],
            withheld_reason=row["withheld_reason"],
        )
        for row in rows
    ]
    await schedule_deliveries(session, created, now=now, cutoff=cutoff)
    return created
