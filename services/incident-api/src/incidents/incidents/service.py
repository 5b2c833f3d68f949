"""Use cases of incidents: record one, change one. No FastAPI here.

Each write adds its outbox events and audit row to the caller's transaction (the
session dependency commits once): the incident and its announcement exist together or
not at all.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from incidents.care_status_client import CareStatusClient, CareStatusUnavailable, PersonNotFound
from incidents.incidents import rules
from incidents.incidents.events import (
    SOURCE,
    EventToSend,
    creation_events,
    outcome_event,
    release_date_event,
)
from incidents.incidents.facts import read_facts, store_facts
from incidents.incidents.models import Incident
from incidents.incidents.schemas import IncidentCreate, IncidentUpdate
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.organisations import OrganisationDirectory, OrganisationKind
from platform_shared.outbox import add_event
from platform_shared.problems import (
    DomainError,
    FieldIssue,
    Forbidden,
    Invalid,
    PreconditionFailed,
    PreconditionRequired,
)

logger = logging.getLogger("incidents.service")


class InvalidFields(DomainError):
    """One or more fields break a rule of the record (each named in `errors`)."""

    status, slug, title = 422, "invalid", "Invalid request"


@dataclass(frozen=True)
class Recorder:
    """The organisation writing, with its kind from the reference organisations."""

    org: str
    kind: OrganisationKind


def recorder_of(principal: Principal, directory: OrganisationDirectory) -> Recorder:
    organisation = directory.get(principal.org)
    if organisation is None:
        raise Forbidden("The caller's organisation is not in the reference organisations")
    return Recorder(principal.org, organisation.kind)


def _raise_if(issues: list[FieldIssue]) -> None:
    if issues:
        raise InvalidFields("The record breaks the rules of an incident", errors=issues)


def _check_police_force(
    code: str | None, directory: OrganisationDirectory, field: str
) -> list[FieldIssue]:
    if code is None:
        return []
    organisation = directory.get(code)
    if organisation is None or organisation.kind is not OrganisationKind.POLICE:
        return [FieldIssue(field, "not a police force of the reference organisations")]
    return []


def _check_new(body: IncidentCreate, directory: OrganisationDirectory, now: datetime) -> None:
    sentenced_on = body.sentenced_on
    if body.kind is IncidentKind.CUSTODIAL_SENTENCE and sentenced_on is None:
        sentenced_on = local_date(body.occurred_at)
    outcome = body.outcome or rules.default_outcome(body.kind)
    _raise_if(
        [
            *rules.check_occurred_at(body.occurred_at, now),
            *rules.check_outcome(body.kind, outcome),
            *rules.check_outcome_date(body.occurred_at, body.outcome_date),
            *rules.check_sentence(body.kind, body.sentenced_on),
            *rules.check_release_date(body.kind, sentenced_on, body.expected_release_date),
            *rules.check_custody_times(body.occurred_at, body.detained_at, body.released_at),
            *rules.check_exploitation(body.exploitation_concern, body.nrm_referral_ref),
            *_check_police_force(body.police_force, directory, "body.police_force"),
        ]
    )


def _utc(instant: datetime | None) -> datetime | None:
    return instant.astimezone(UTC) if instant is not None else None


def _new_incident(body: IncidentCreate, recorder: Recorder) -> Incident:
    body = body.model_copy(
        update={
            name: _utc(getattr(body, name))
            for name in ("occurred_at", "police_involved_at", "detained_at", "released_at")
        }
    )
    kind = body.kind
    cooling_off_until = (
        rules.cooling_off_until(body.occurred_at) if body.cooling_off_applies else None
    )
    police_force = body.police_force
    if police_force is None and recorder.kind is OrganisationKind.POLICE:
        police_force = recorder.org
    police_involved = rules.is_police_involved(
        kind, body.response_category, body.police_involved_at, police_force
    )
    outcome = body.outcome or rules.default_outcome(kind)
    outcome_date = body.outcome_date
    if outcome is not None and outcome_date is None:
        outcome_date = local_date(body.occurred_at)
    test = body.reasonable_parent_test
    return Incident(
        id=uuid.uuid4(),
        person_ref=body.person_ref,
        occurred_at=body.occurred_at,
        kind=kind.value,
        setting=body.setting.value,
        description=body.description,
        recorded_by=recorder.org,
        recorded_by_kind=recorder.kind.value,
        response_category=body.response_category.value if body.response_category else None,
        reasonable_parent_answer=test.answer if test else None,
        reasonable_parent_reason=test.reason if test else None,
        cooling_off_applies=body.cooling_off_applies,
        cooling_off_until=cooling_off_until,
        child_account=body.child_account,
        victim_wishes=body.victim_wishes,
        restorative_approach=_value(body.restorative_approach),
        restorative_outcome=_value(body.restorative_outcome),
        restorative_notes=body.restorative_notes,
        exploitation_concern=body.exploitation_concern,
        nrm_referral_ref=body.nrm_referral_ref,
        staff_involved=body.staff_involved,
        police_involved=police_involved,
        police_involved_at=(
            rules.police_involvement_time(
                body.occurred_at, body.police_involved_at, cooling_off_until
            )
            if police_involved
            else None
        ),
        police_force=police_force,
        police_reference=body.police_reference,
        custody_suite=body.custody_suite,
        detained_at=(
            body.detained_at or body.occurred_at
            if kind is IncidentKind.CUSTODY_DETENTION
            else body.detained_at
        ),
        released_at=(
            body.released_at or body.occurred_at
            if kind is IncidentKind.RELEASE
            else body.released_at
        ),
        outcome=_value(outcome),
        outcome_date=outcome_date,
        sentenced_on=(
            body.sentenced_on or local_date(body.occurred_at)
            if kind is IncidentKind.CUSTODIAL_SENTENCE
            else None
        ),
        expected_release_date=body.expected_release_date,
        sex=_value(body.sex),
        ethnicity=_value(body.ethnicity),
    )


def _value(member: object | None) -> str | None:
    return None if member is None else str(getattr(member, "value", member))


def _add_events(session: AsyncSession, incident: Incident, events: list[EventToSend]) -> None:
    for event in events:
        add_event(
            session,
            type=event.type,
            source=SOURCE,
            subject=incident.person_ref,
            data=event.data,
            time=event.time,
        )


async def record_incident(
    session: AsyncSession,
    principal: Principal,
    body: IncidentCreate,
    *,
    care_status: CareStatusClient,
    directory: OrganisationDirectory,
    now: datetime,
) -> Incident:
    """Record an incident and announce it; facts are read now, or later by the relay.

    Raises InvalidFields or Invalid (`body.person_ref` unknown to care-status-api).
    """
    recorder = recorder_of(principal, directory)
    _check_new(body, directory, now)
    incident = _new_incident(body, recorder)
    try:
        store_facts(incident, await read_facts(care_status, body.person_ref, body.occurred_at))
    except PersonNotFound as error:
        raise Invalid("body.person_ref", "care-status-api does not know this person_ref") from error
    except CareStatusUnavailable:
        logger.warning("status facts pending", extra={"incident_id": str(incident.id)})
    session.add(incident)
    await session.flush()
    _add_events(session, incident, creation_events(incident))
    record_audit(
        session,
        principal,
        "incident.create",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
        outcome=incident.facts_status,
        details={"kind": incident.kind},
    )
    return incident


def etag(incident: Incident) -> str:
    return f'"{incident.version}"'


def check_if_match(incident: Incident, if_match: str | None) -> None:
    """ETag / If-Match: 428 without the header, 412 when it names an older version."""
    if if_match is None:
        raise PreconditionRequired("Send If-Match with the ETag of the incident you read")
    tags = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
    if "*" not in tags and etag(incident) not in tags:
        raise PreconditionFailed(
            "The incident changed since you read it; read it again",
            headers={"ETag": etag(incident)},
        )


def _check_update(
    incident: Incident, body: IncidentUpdate, directory: OrganisationDirectory, now: datetime
) -> None:
    kind = IncidentKind(incident.kind)
    issues: list[FieldIssue] = []
    if body.outcome is not None and kind in rules.OUTCOMES_BY_KIND:
        issues += rules.check_outcome(kind, body.outcome)
    if body.outcome_date is not None and body.outcome is None and incident.outcome is None:
        issues.append(FieldIssue("body.outcome_date", "give the outcome it is the date of"))
    if body.outcome is not None or body.outcome_date is not None:
        issues += rules.check_outcome_date(
            incident.occurred_at, body.outcome_date or local_date(now)
        )
    issues += rules.check_release_date(kind, incident.sentenced_on, body.expected_release_date)
    if body.released_at is not None:
        issues += rules.check_custody_times(
            incident.occurred_at, incident.detained_at, body.released_at
        )
    if body.nrm_referral_ref is not None:
        concern = bool(body.exploitation_concern) or incident.exploitation_concern
        issues += rules.check_exploitation(concern, body.nrm_referral_ref)
    issues += _check_police_force(body.police_force, directory, "body.police_force")
    _raise_if(issues)


async def update_incident(
    session: AsyncSession,
    principal: Principal,
    incident: Incident,
    body: IncidentUpdate,
    *,
    if_match: str | None,
    care_status: CareStatusClient,
    directory: OrganisationDirectory,
    now: datetime,
) -> Incident:
    """Add or change an outcome, a release date, a restorative result and the like.

    A PATCH adds or changes; it never clears a field. A changed outcome announces
    `outcome.recorded`, a changed release date `release_date.set`.
    """
    check_if_match(incident, if_match)
    _check_update(incident, body, directory, now)
    if not body.model_dump(exclude_none=True):
        return incident  # nothing to add: the incident and its ETag stay as they are
    outcome_changed = body.outcome is not None and (
        body.outcome.value != incident.outcome
        or (body.outcome_date is not None and body.outcome_date != incident.outcome_date)
    )
    release_changed = (
        body.expected_release_date is not None
        and body.expected_release_date != incident.expected_release_date
    )
    _apply(incident, body, now)
    if incident.status_facts is None and (outcome_changed or release_changed):
        try:
            store_facts(
                incident, await read_facts(care_status, incident.person_ref, incident.occurred_at)
            )
        except (PersonNotFound, CareStatusUnavailable):
            logger.warning("status facts pending", extra={"incident_id": str(incident.id)})
    incident.version += 1
    incident.updated_at = now
    events: list[EventToSend] = []
    if outcome_changed:
        events.append(outcome_event(incident, now))
    if release_changed:
        events.append(release_date_event(incident, now))
    _add_events(session, incident, events)
    record_audit(
        session,
        principal,
        "incident.update",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
        details={"fields": sorted(body.model_fields_set)},
    )
    await session.flush()
    return incident


def _apply(incident: Incident, body: IncidentUpdate, now: datetime) -> None:
    if body.outcome is not None:
        incident.outcome = body.outcome.value
        incident.outcome_date = body.outcome_date or local_date(now)
    elif body.outcome_date is not None:
        incident.outcome_date = body.outcome_date
    if body.expected_release_date is not None:
        incident.expected_release_date = body.expected_release_date
    for name in (
        "restorative_approach",
        "restorative_outcome",
        "restorative_notes",
        "police_reference",
        "released_at",
        "exploitation_concern",
        "nrm_referral_ref",
        "sex",
        "ethnicity",
    ):
        value = getattr(body, name)
        if isinstance(value, datetime):
            value = _utc(value)
        elif isinstance(value, StrEnum):
            value = value.value
        if value is not None:
            setattr(incident, name, value)
    if body.police_force is not None:
        incident.police_force = body.police_force
    if body.police_involved_at is not None:
        incident.police_involved_at = _utc(body.police_involved_at)
    if body.police_force is not None or body.police_involved_at is not None:
        incident.police_involved = True
        if incident.police_involved_at is None:
            incident.police_involved_at = now
