"""One child of a return applied to its record: the differences only, and their events.

The child is found by (authority, CHILD as the local reference), locked, and compared:
legal statuses and placements are matched by start date, then an unmatched one of the
record that overlaps one of the file is taken as its correction (dates corrected);
what the file no longer holds within the period it covers is removed. A new episode
emits its started event (and its ended event when it has ended), a newly recorded or
corrected end its ended event, a new leaving-care date `care_leaver.recorded`: exactly
the events the differences mean, each with `origin: import`. Loading the same file
again finds no difference and emits nothing. The caller commits once per child.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord
from care_status.care_record.service import owned_record
from care_status.children.models import Child
from care_status.events import emit_event
from care_status.identifiers import new_person_ref
from care_status.imports import repository
from care_status.imports.mapping import (
    ChildRefused,
    Issue,
    WantedChild,
    WantedLegalStatus,
    WantedPlacement,
)
from care_status.leaving_care.models import LeavingCare
from care_status.legal_statuses.models import LegalStatus
from care_status.legal_statuses.service import LEGAL_STATUSES
from care_status.lookups.matching import name_key
from care_status.placements.models import Placement
from care_status.placements.service import PLACEMENTS
from care_status.status import ADULT_AGE, SCOPE_END_AGE, age_on, birthday, overlaps
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.contracts.events import EventOrigin, EventType


class Outcome:
    CREATED = "created"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True)
class ChildLoaded:
    outcome: str
    episodes: int
    events: int


class _Period(Protocol):
    start_date: date
    end_date: date | None


Existing = TypeVar("Existing", bound=_Period)
Wanted = TypeVar("Wanted", WantedLegalStatus, WantedPlacement)


@dataclass
class _Plan:
    matched: list[tuple[Any, Any]]
    created: list[Any]
    removed: list[Any]


def _plan(existing: Sequence[Any], wanted: Sequence[Any]) -> _Plan:
    by_start = {row.start_date: row for row in existing}
    matched: list[tuple[Any, Any]] = []
    created: list[Any] = []
    for period in wanted:
        row = by_start.pop(period.start, None)
        if row is not None:
            matched.append((row, period))
        else:
            created.append(period)
    first = min((period.start for period in wanted), default=None)
    leftovers = [
        row
        for row in by_start.values()
        if (first is not None and row.start_date >= first)
        or any(overlaps((row.start_date, row.end_date), (p.start, p.end)) for p in wanted)
    ]
    for period in list(created):
        row = next(
            (
                r
                for r in leftovers
                if overlaps((r.start_date, r.end_date), (period.start, period.end))
            ),
            None,
        )
        if row is not None:
            leftovers.remove(row)
            created.remove(period)
            matched.append((row, period))
    return _Plan(matched, created, leftovers)


def _check(wanted: WantedChild, today: date) -> None:
    if wanted.date_of_birth > today:
        raise ChildRefused(Issue("MAP_DATE", "DOB is in the future", wanted.ref, None, None))
    if age_on(wanted.date_of_birth, today) >= SCOPE_END_AGE:
        raise ChildRefused(
            Issue(
                "MAP_SCOPE", "the young person is 25 or over: out of scope", wanted.ref, None, None
            )
        )
    adult = birthday(wanted.date_of_birth, ADULT_AGE)
    for status in wanted.legal_statuses:
        if status.start >= adult or (status.end is not None and status.end > adult):
            raise ChildRefused(
                Issue(
                    "MAP_DATE",
                    "an episode of care runs past the 18th birthday",
                    wanted.ref,
                    None,
                    None,
                )
            )


def _new_child(authority: str, wanted: WantedChild) -> Child:
    return Child(
        person_ref=new_person_ref(),
        responsible_authority=authority,
        given_name=wanted.given_name or "",
        family_name=wanted.family_name or "",
        given_name_key=name_key(wanted.given_name or ""),
        family_name_key=name_key(wanted.family_name or ""),
        date_of_birth=wanted.date_of_birth,
        local_reference=wanted.ref,
        sex=wanted.sex.value if wanted.sex else None,
        ethnicity=wanted.ethnicity.value if wanted.ethnicity else None,
        uasc=wanted.uasc,
        youth_justice_order=False,
        version=1,
    )


def _update_child(child: Child, wanted: WantedChild) -> bool:
    values: dict[str, Any] = {
        "date_of_birth": wanted.date_of_birth,
        "sex": wanted.sex.value if wanted.sex else child.sex,
        "ethnicity": wanted.ethnicity.value if wanted.ethnicity else child.ethnicity,
        "uasc": wanted.uasc or child.uasc,
    }
    if wanted.given_name and wanted.family_name:
        values |= {
            "given_name": wanted.given_name,
            "family_name": wanted.family_name,
            "given_name_key": name_key(wanted.given_name),
            "family_name_key": name_key(wanted.family_name),
        }
    changed = {name: value for name, value in values.items() if getattr(child, name) != value}
    for name, value in changed.items():
        setattr(child, name, value)
    if changed:
        child.version += 1
    return bool(changed)


def _set(row: Any, values: dict[str, Any]) -> bool:
    changed = {name: value for name, value in values.items() if getattr(row, name) != value}
    for name, value in changed.items():
        setattr(row, name, value)
    if changed:
        row.version += 1
    return bool(changed)


def _status_values(period: WantedLegalStatus) -> dict[str, Any]:
    return {
        "basis": period.basis.value,
        "short_break": period.short_break,
        "start_date": period.start,
        "end_date": period.end,
    }


def _placement_values(period: WantedPlacement) -> dict[str, Any]:
    return {
        "placement_type": period.placement_type.value,
        "area_authority": period.area_authority,
        "start_date": period.start,
        "end_date": period.end,
        "provider": period.provider,
        "provider_urn": period.provider_urn,
        "provider_type": period.provider_type.value if period.provider_type else None,
        "short_break": period.short_break,
    }


@dataclass
class _Changes:
    started: list[uuid.UUID]
    ended: list[uuid.UUID]
    touched: bool


async def _apply(
    session: AsyncSession,
    child_id: uuid.UUID,
    existing: Sequence[Any],
    wanted: Sequence[Any],
    make: Callable[[Any], Any],
    values: Callable[[Any], dict[str, Any]],
) -> _Changes:
    plan = _plan(existing, wanted)
    changes = _Changes([], [], bool(plan.created or plan.removed))
    for row in plan.removed:
        await session.delete(row)
    if plan.removed:
        # The removed rows go first: a corrected row may take the dates one of them had.
        await session.flush()
    for row, period in plan.matched:
        was_end = row.end_date
        if _set(row, values(period)):
            changes.touched = True
            if period.end is not None and period.end != was_end:
                changes.ended.append(row.id)
    for period in plan.created:
        row = make(period)
        row.id = uuid.uuid4()
        session.add(row)
        changes.started.append(row.id)
        if period.end is not None:
            changes.ended.append(row.id)
    return changes


def _emit(
    session: AsyncSession,
    record: CareRecord,
    statuses: _Changes,
    placements: _Changes,
    origin: dict[str, Any],
    now: datetime,
) -> int:
    events = 0
    for kind, changes in ((LEGAL_STATUSES, statuses), (PLACEMENTS, placements)):
        for row_id in changes.started:
            row: Any = kind.find(record, row_id)
            as_of = row.start_date if kind.started_as_of_start else None
            extra = {**kind.started_data(row), **origin}
            emit_event(session, record, kind.started, extra, now=now, effective_date=as_of)
            events += 1
        for row_id in changes.ended:
            row = kind.find(record, row_id)
            facts = kind.ended_facts(record, row) if kind.ended_facts else None
            extra = {**kind.ended_data(row, now), **origin}
            emit_event(session, record, kind.ended, extra, now=now, facts=facts)
            events += 1
    return events


async def load_child(
    session: AsyncSession,
    caller: Principal,
    wanted: WantedChild,
    *,
    import_id: uuid.UUID,
    now: datetime,
    today: date,
) -> ChildLoaded:
    """Apply what the return says of one child to its record (`ChildRefused` if it
    cannot be); adds the changes, the audit and the events to the session."""
    _check(wanted, today)
    authority = caller.org
    child = await repository.child_by_local_reference(session, authority, wanted.ref)
    created = child is None
    if child is None:
        child = _new_child(authority, wanted)
        session.add(child)
        await session.flush()
        touched = True
    else:
        touched = _update_child(child, wanted)
    existing_statuses = await _rows(session, LegalStatus, child.id)
    existing_placements = await _rows(session, Placement, child.id)
    statuses = await _apply(
        session,
        child.id,
        existing_statuses,
        wanted.legal_statuses,
        lambda p: LegalStatus(child_id=child.id, version=1, **_status_values(p)),
        _status_values,
    )
    placements = await _apply(
        session,
        child.id,
        existing_placements,
        wanted.placements,
        # Emergency or planned is not in the return: a placement begun before it was
        # first reported was an emergency; one that starts later is planned (ssda903.md).
        lambda p: Placement(
            child_id=child.id, version=1, emergency=p.start < today, **_placement_values(p)
        ),
        _placement_values,
    )
    leaving = await _leaving_care(session, child.id, wanted)
    touched = touched or statuses.touched or placements.touched or leaving
    if not touched and not statuses.ended and not placements.ended:
        return ChildLoaded(Outcome.UNCHANGED, len(existing_statuses) + len(existing_placements), 0)
    await session.flush()
    record = await owned_record(session, child.id, authority)
    origin = {"origin": EventOrigin.IMPORT.value, "import_id": str(import_id)}
    events = _emit(session, record, statuses, placements, origin, now)
    if leaving and record.leaving_care is not None:
        facts = record.facts(today)
        extra = {
            "left_care_on": record.leaving_care.left_care_on.isoformat(),
            "category": facts.care_leaver_category.value if facts.care_leaver_category else None,
            **origin,
        }
        emit_event(session, record, EventType.CARE_LEAVER_RECORDED, extra, now=now)
        events += 1
    record_audit(
        session,
        caller,
        "child.import",
        subject_type="child",
        subject_id=child.id,
        subject_owner=authority,
        details={"import_id": str(import_id), "created": created},
    )
    return ChildLoaded(
        Outcome.CREATED if created else Outcome.CHANGED,
        len(record.legal_statuses) + len(record.placements),
        events,
    )


async def _rows(session: AsyncSession, model: Any, child_id: uuid.UUID) -> list[Any]:
    return await repository.history_rows(session, model, child_id)


async def _leaving_care(session: AsyncSession, child_id: uuid.UUID, wanted: WantedChild) -> bool:
    if wanted.left_care_on is None:
        return False
    category = wanted.care_leaver_category.value if wanted.care_leaver_category else None
    row = await repository.leaving_care_of(session, child_id)
    if row is None:
        session.add(
            LeavingCare(
                child_id=child_id,
                left_care_on=wanted.left_care_on,
                category_override=category,
                version=1,
            )
        )
        return True
    return _set(row, {"left_care_on": wanted.left_care_on, "category_override": category})
