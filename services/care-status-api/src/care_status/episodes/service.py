"""The one implementation of episodes: legal statuses (care episodes) and placements.

An episode is a half-open period of a child's history (`start <= day < end`). Recording
one, or the day it ended, is the same use case for both kinds: the child is locked and
its record read, the dates checked (not before birth, end not before start, within
childhood for a legal status, no overlap with another episode of the same kind), the
change written and audited, and the events written to the outbox with the facts of the
record as it now stands. An end date needs If-Match with the episode's version. What
differs between the kinds is the data of `Episodes`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord
from care_status.care_record.service import lock_for_change, owned_record, read_again
from care_status.episodes import repository
from care_status.events import emit_event
from care_status.status import ADULT_AGE, birthday, overlaps
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.contracts.events import EventType
from platform_shared.contracts.facts import StatusFacts
from platform_shared.problems import Invalid, NotFound
from platform_shared.web.etags import require_version


class Episode(Protocol):
    """What the use cases read of an episode row (`care_record.record`)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date | None: ...
    @property
    def version(self) -> int: ...


Row = TypeVar("Row", bound=Episode)


@dataclass(frozen=True)
class Episodes(Generic[Row]):
    """One kind of episode: its table, its rows in a record, its words and its events."""

    model: type[Any]
    #: The audit subject, and the prefix of its actions (`legal_status.create`).
    subject: str
    #: How problems name it: "legal status".
    label: str
    rows: Callable[[CareRecord], Sequence[Row]]
    started: EventType
    ended: EventType
    started_data: Callable[[Row], dict[str, object]]
    #: The ended event's own fields, from the row and the instant its end was recorded.
    ended_data: Callable[[Row, datetime], dict[str, object]]
    #: A legal status ends by the 18th birthday at the latest (care ends at 18).
    within_childhood: bool = False
    #: The started event's facts are read as of the start date (a placement's).
    started_as_of_start: bool = False
    #: The ended event's facts (None: read as of the event's time).
    ended_facts: Callable[[CareRecord, Row], StatusFacts] | None = None

    def find(self, record: CareRecord, episode_id: uuid.UUID) -> Row:
        found = next((row for row in self.rows(record) if row.id == episode_id), None)
        if found is None:
            raise NotFound(f"No {self.label} with this id on this child's record")
        return found


def check_dates(
    kind: Episodes[Any],
    record: CareRecord,
    start: date,
    end: date | None,
    *,
    ignore: uuid.UUID | None = None,
) -> None:
    """Not before birth, end not before start, (care) within childhood, no overlap."""
    dob = record.child.date_of_birth
    adult = birthday(dob, ADULT_AGE)
    if start < dob:
        raise Invalid("body.start_date", "is before the date of birth")
    if kind.within_childhood and start >= adult:
        raise Invalid("body.start_date", "is on or after the 18th birthday: care ends at 18")
    if end is not None and end < start:
        raise Invalid("body.end_date", "is before the start date")
    if kind.within_childhood and end is not None and end > adult:
        raise Invalid("body.end_date", "is after the 18th birthday: care ends at 18")
    for other in kind.rows(record):
        if other.id != ignore and overlaps((start, end), (other.start_date, other.end_date)):
            raise Invalid(
                "body.start_date" if ignore is None else "body.end_date",
                f"overlaps the {kind.label} from {other.start_date.isoformat()}",
            )


def _audit(
    session: AsyncSession,
    caller: Principal,
    kind: Episodes[Any],
    verb: str,
    row: Episode,
    owner: str,
) -> None:
    record_audit(
        session,
        caller,
        f"{kind.subject}.{verb}",
        subject_type=kind.subject,
        subject_id=row.id,
        subject_owner=owner,
    )


async def create_episode(
    session: AsyncSession,
    caller: Principal,
    kind: Episodes[Row],
    child_id: uuid.UUID,
    make: Callable[[CareRecord], Any],
    now: datetime,
) -> Row:
    """Record an episode of the caller's child; emits its started event (and its ended
    event when the end date is given).

    `make(record)` checks what is particular to the kind and returns the new model row.
    """
    _, record = await lock_for_change(session, child_id, caller.org)
    episode = make(record)
    check_dates(kind, record, episode.start_date, episode.end_date)
    await repository.add_episode(session, episode)
    record = await read_again(session, record)
    row = kind.find(record, episode.id)
    _audit(session, caller, kind, "create", row, record.child.responsible_authority)
    as_of = row.start_date if kind.started_as_of_start else None
    emit_event(session, record, kind.started, kind.started_data(row), now=now, effective_date=as_of)
    if row.end_date is not None:
        _emit_ended(session, record, kind, row, now)
    return row


def _emit_ended(
    session: AsyncSession, record: CareRecord, kind: Episodes[Row], row: Row, now: datetime
) -> None:
    facts = kind.ended_facts(record, row) if kind.ended_facts else None
    emit_event(session, record, kind.ended, kind.ended_data(row, now), now=now, facts=facts)


async def end_episode(
    session: AsyncSession,
    caller: Principal,
    kind: Episodes[Row],
    child_id: uuid.UUID,
    episode_id: uuid.UUID,
    end_date: date,
    if_match: str | None,
    now: datetime,
) -> Row:
    """Record (or correct) the day an episode ended, at the version the caller read."""
    _, record = await lock_for_change(session, child_id, caller.org)
    current = kind.find(record, episode_id)
    require_version(if_match, current.version)
    check_dates(kind, record, current.start_date, end_date, ignore=current.id)
    await repository.end_episode(session, kind.model, record.child.id, current.id, end_date)
    record = await read_again(session, record)
    row = kind.find(record, episode_id)
    _audit(session, caller, kind, "end", row, record.child.responsible_authority)
    _emit_ended(session, record, kind, row, now)
    return row


async def read_episode(
    session: AsyncSession,
    caller: Principal,
    kind: Episodes[Row],
    child_id: uuid.UUID,
    episode_id: uuid.UUID,
) -> Row:
    """One episode of the caller's child (the `Location` of its creation); audited."""
    record = await owned_record(session, child_id, caller.org)
    row = kind.find(record, episode_id)
    _audit(session, caller, kind, "read", row, record.child.responsible_authority)
    return row
