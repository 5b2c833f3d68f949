"""Use cases of leaving care: the leaving-care record, the personal adviser, consents.

Recording leaving care emits `care_leaver.recorded`; the record also holds whether the
care leaver is in education or training (s.24B), which keeps a qualifying care leaver in
scope from 21 to 25. An explicit category replaces what the
history shows about eligibility; every change of it writes an audit row of its own.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from care_status.care_record.record import CareRecord, ConsentRow, PersonalAdviserRow
from care_status.care_record.service import audit_child, lock_for_change, read_again
from care_status.events import emit_event
from care_status.leaving_care import repository
from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser
from care_status.leaving_care.schemas import ConsentPut, LeavingCarePut, PersonalAdviserPut
from care_status.organisations import leaving_care_route
from care_status.status import ADULT_AGE, birthday
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.contracts.events import EventType
from platform_shared.problems import Invalid


def _audit(
    session: AsyncSession,
    caller: Principal,
    record: CareRecord,
    action: str,
    details: dict[str, object] | None = None,
) -> None:
    child = record.child
    audit_child(session, caller, action, child.id, child.responsible_authority, details=details)


def _check_education_or_training(record: CareRecord, data: LeavingCarePut, now: datetime) -> None:
    recorded_on = data.education_or_training_recorded_on
    field = "body.education_or_training_recorded_on"
    if data.in_education_or_training and recorded_on is None:
        raise Invalid(field, "is required when in_education_or_training is true")
    if recorded_on is not None and recorded_on > local_date(now):
        raise Invalid(field, "is in the future")
    if recorded_on is not None and recorded_on < record.child.date_of_birth:
        raise Invalid(field, "is before the date of birth")


def _check_left_care_on(record: CareRecord, data: LeavingCarePut, now: datetime) -> None:
    left = data.left_care_on
    dob = record.child.date_of_birth
    if left < dob:
        raise Invalid("body.left_care_on", "is before the date of birth")
    if left > local_date(now):
        raise Invalid("body.left_care_on", "is in the future")
    adult = birthday(dob, ADULT_AGE)
    for status in record.legal_statuses:
        end = adult if status.end_date is None else min(status.end_date, adult)
        if status.start_date <= left < end:
            raise Invalid(
                "body.left_care_on",
                f"the legal status from {status.start_date.isoformat()} is open on this date; "
                "record its end date first",
            )


async def record_leaving_care(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    data: LeavingCarePut,
    now: datetime,
) -> CareRecord:
    """Record when the young person left care; emits `care_leaver.recorded` when it changes."""
    _, record = await lock_for_change(session, child_id, caller.org)
    _check_left_care_on(record, data, now)
    _check_education_or_training(record, data, now)
    category = data.category.value if data.category else None
    wanted = {
        "left_care_on": data.left_care_on,
        "category_override": category,
        "in_education_or_training": data.in_education_or_training,
        "education_or_training_recorded_on": data.education_or_training_recorded_on,
    }
    leaving = await repository.leaving_care_of(session, record.child.id)
    previous = leaving.category_override if leaving else None
    if leaving is not None:
        if all(getattr(leaving, name) == value for name, value in wanted.items()):
            return record
        for name, value in wanted.items():
            setattr(leaving, name, value)
        leaving.version += 1
    else:
        leaving = LeavingCare(child_id=record.child.id, **wanted, version=1)
        await repository.add(session, leaving)
    record = await read_again(session, record)
    _audit(session, caller, record, "leaving_care.record")
    if category != previous:
        _audit(
            session,
            caller,
            record,
            "care_leaver.category_override",
            {"category": category, "previous": previous},
        )
    facts = record.status_on(local_date(now))
    extra = {
        "left_care_on": data.left_care_on.isoformat(),
        "category": facts.care_leaver_category.value if facts.care_leaver_category else None,
    }
    emit_event(session, record, EventType.CARE_LEAVER_RECORDED, extra, now=now)
    return record


async def appoint_personal_adviser(
    session: AsyncSession, caller: Principal, child_id: uuid.UUID, data: PersonalAdviserPut
) -> PersonalAdviserRow:
    """Record the personal adviser; reached by default through the leaving-care service."""
    _, record = await lock_for_change(session, child_id, caller.org)
    route = data.contact_route or leaving_care_route(record.child.responsible_authority)
    adviser = await repository.personal_adviser_of(session, record.child.id)
    if adviser is None:
        adviser = PersonalAdviser(child_id=record.child.id, version=0)
        await repository.add(session, adviser)
    adviser.name = data.name
    adviser.contact_route = route
    adviser.appointed_on = data.appointed_on
    adviser.version += 1
    record = await read_again(session, record)
    _audit(session, caller, record, "personal_adviser.record")
    assert record.personal_adviser is not None
    return record.personal_adviser


async def record_consent(
    session: AsyncSession,
    caller: Principal,
    child_id: uuid.UUID,
    purpose: str,
    data: ConsentPut,
    now: datetime,
) -> ConsentRow:
    """Record the young person's answer for `purpose` (it replaces the previous answer)."""
    _, record = await lock_for_change(session, child_id, caller.org)
    if data.recorded_on > local_date(now):
        raise Invalid("body.recorded_on", "is in the future")
    if data.recorded_on < record.child.date_of_birth:
        raise Invalid("body.recorded_on", "is before the date of birth")
    consent = await repository.consent_of(session, record.child.id, purpose)
    if consent is None:
        consent = Consent(child_id=record.child.id, purpose=purpose, version=0)
        await repository.add(session, consent)
    consent.given = data.given
    consent.recorded_on = data.recorded_on
    consent.recorded_by = data.recorded_by
    consent.version += 1
    record = await read_again(session, record)
    _audit(session, caller, record, "consent.record", {"purpose": purpose, "given": data.given})
    found = record.consent(purpose)
    assert found is not None
    return found
