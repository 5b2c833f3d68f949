"""Use cases of incidents: record one, change one, list and read them. No FastAPI here.

Each write adds its outbox events and audit row to the caller's transaction (the
session dependency commits once): the incident and its announcement exist together or
not at all.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from incidents.care_status_client import (
    CareStatusClient,
    CareStatusUnavailable,
    PersonNotFound,
    Reader,
)
from incidents.incidents import repository, rules
from incidents.incidents.events import (
    SOURCE,
    EventToSend,
    creation_events,
    exploitation_concern_event,
    hearing_listed_event,
    outcome_event,
    police_involvement_event,
    release_date_event,
)
from incidents.incidents.facts import read_facts, store_facts
from incidents.incidents.models import Incident
from incidents.incidents.schemas import IncidentCreate, IncidentFilters, IncidentUpdate
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.organisations import OrganisationDirectory, OrganisationKind
from platform_shared.outbox import add_event
from platform_shared.problems import FieldIssue, Forbidden, Invalid, NotFound
from platform_shared.web.etags import require_version

logger = logging.getLogger("incidents.service")


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


def reader_of(principal: Principal) -> Reader:
    """The caller a read of care-status-api is made for (issue 15 finding 2)."""
    return Reader(principal.org, principal.client_id)


def _raise_if(issues: list[FieldIssue]) -> None:
    if issues:
        raise Invalid.of(issues, "The record breaks the rules of an incident")


def _check_police_force(
    code: str | None, directory: OrganisationDirectory, field: str
) -> list[FieldIssue]:
    if code is None:
        return []
    organisation = directory.get(code)
    if organisation is None or organisation.kind is not OrganisationKind.POLICE:
        return [FieldIssue(field, "not a police force of the reference organisations")]
    return []


def _new_issues(
    body: IncidentCreate, directory: OrganisationDirectory, now: datetime
) -> list[FieldIssue]:
    sentenced_on = body.sentenced_on
    if body.kind is IncidentKind.CUSTODIAL_SENTENCE and sentenced_on is None:
        sentenced_on = local_date(body.occurred_at)
    outcome = body.outcome or rules.default_outcome(body.kind)
    return [
        *rules.check_occurred_at(body.occurred_at, now),
        *rules.check_outcome(body.kind, outcome),
        *rules.check_outcome_date(body.occurred_at, body.outcome_date),
        *rules.check_sentence(body.kind, body.sentenced_on),
        *rules.check_release_date(body.kind, sentenced_on, body.expected_release_date),
        *rules.check_custody_times(body.occurred_at, body.detained_at, body.released_at),
        *rules.check_exploitation(body.exploitation_concern, body.nrm_referral_ref),
        *_check_police_force(body.police_force, directory, "body.police_force"),
        *rules.check_police_involved_at(body.occurred_at, body.police_involved_at, now),
        *rules.check_hearing_date(body.kind, body.occurred_at, body.hearing_date),
        *rules.check_measure_of_control(body.measure_of_control, body.measure_planned_in_ehc_plan),
        *rules.check_child_told(
            body.occurred_at, body.child_told_at, body.child_challenge, False, now
        ),
    ]


async def _related_issues(
    session: AsyncSession, org: str, body: IncidentCreate
) -> list[FieldIssue]:
    """The incident a record follows is one the caller may read, of the same person, and
    not later than the record itself."""
    if body.related_incident_id is None:
        return []
    field = "body.related_incident_id"
    try:
        related = await repository.get_readable(session, org, body.related_incident_id)
    except NotFound:
        return [FieldIssue(field, "no incident the caller may read has this id")]
    if related.person_ref != body.person_ref:
        return [FieldIssue(field, "the related incident is about another person_ref")]
    if related.occurred_at > body.occurred_at:
        return [FieldIssue(field, "the related incident happened after this one")]
    return []


def _utc(instant: datetime | None) -> datetime | None:
    return instant.astimezone(UTC) if instant is not None else None


def _in_utc(body: IncidentCreate) -> IncidentCreate:
    return body.model_copy(
        update={
            name: _utc(getattr(body, name))
            for name in (
                "occurred_at",
                "police_involved_at",
                "detained_at",
                "released_at",
                "child_told_at",
            )
        }
    )


@dataclass(frozen=True)
class _Police:
    """Whether and when the police are involved, and which force."""

    involved: bool
    involved_at: datetime | None
    force: str | None


def _police_of(
    body: IncidentCreate, recorder: Recorder, cooling_off_until: datetime | None
) -> _Police:
    """A police recorder is the force involved unless another is named."""
    force = body.police_force
    if force is None and recorder.kind is OrganisationKind.POLICE:
        force = recorder.org
    involved = rules.is_police_involved(
        body.kind, body.response_category, body.police_involved_at, force
    )
    involved_at = (
        rules.police_involvement_time(body.occurred_at, body.police_involved_at, cooling_off_until)
        if involved
        else None
    )
    return _Police(involved, involved_at, force)


def _custody_times(body: IncidentCreate) -> dict[str, Any]:
    """A detention starts, a release ends, a sentence is passed on the incident's time
    unless the record says otherwise."""
    kind = body.kind
    return {
        "detained_at": (
            body.detained_at or body.occurred_at
            if kind is IncidentKind.CUSTODY_DETENTION
            else body.detained_at
        ),
        "released_at": (
            body.released_at or body.occurred_at
            if kind is IncidentKind.RELEASE
            else body.released_at
        ),
        "sentenced_on": (
            body.sentenced_on or local_date(body.occurred_at)
            if kind is IncidentKind.CUSTODIAL_SENTENCE
            else None
        ),
    }


def _outcome_fields(body: IncidentCreate) -> dict[str, Any]:
    """The outcome given (or the kind's default), dated the incident's day unless given."""
    outcome = body.outcome or rules.default_outcome(body.kind)
    outcome_date = body.outcome_date
    if outcome is not None and outcome_date is None:
        outcome_date = local_date(body.occurred_at)
    return {"outcome": _value(outcome), "outcome_date": outcome_date}


def _decision_record(body: IncidentCreate, cooling_off_until: datetime | None) -> dict[str, Any]:
    """The protocol's decision record as given: category, tests, restorative work."""
    test = body.reasonable_parent_test
    return {
        "response_category": _value(body.response_category),
        "reasonable_parent_answer": test.answer if test else None,
        "reasonable_parent_reason": test.reason if test else None,
        "cooling_off_applies": body.cooling_off_applies,
        "cooling_off_until": cooling_off_until,
        "child_account": body.child_account,
        "victim_wishes": body.victim_wishes,
        "restorative_approach": _value(body.restorative_approach),
        "restorative_outcome": _value(body.restorative_outcome),
        "restorative_notes": body.restorative_notes,
        "exploitation_concern": body.exploitation_concern,
        "nrm_referral_ref": body.nrm_referral_ref,
        "staff_involved": body.staff_involved,
        "london_incident_level": _level(body),
        "child_told_at": body.child_told_at,
        "child_challenge": body.child_challenge,
        "measure_of_control": _value(body.measure_of_control),
        "measure_planned_in_ehc_plan": body.measure_planned_in_ehc_plan,
    }


def _level(body: IncidentCreate) -> int | None:
    return int(body.london_incident_level) if body.london_incident_level is not None else None


def _new_incident(body: IncidentCreate, recorder: Recorder, client_id: str) -> Incident:
    body = _in_utc(body)
    cooling_off_until = (
        rules.cooling_off_until(body.occurred_at) if body.cooling_off_applies else None
    )
    police = _police_of(body, recorder, cooling_off_until)
    return Incident(
        id=uuid.uuid4(),
        person_ref=body.person_ref,
        occurred_at=body.occurred_at,
        kind=body.kind.value,
        setting=body.setting.value,
        description=body.description,
        recorded_by=recorder.org,
        recorded_by_kind=recorder.kind.value,
        recorded_by_client=client_id,
        **_decision_record(body, cooling_off_until),
        police_involved=police.involved,
        police_involved_at=police.involved_at,
        police_force=police.force,
        police_reference=body.police_reference,
        custody_suite=body.custody_suite,
        **_custody_times(body),
        **_outcome_fields(body),
        expected_release_date=body.expected_release_date,
        hearing_date=body.hearing_date,
        related_incident_id=body.related_incident_id,
        sex=_value(body.sex),
        ethnicity=_value(body.ethnicity),
        send_or_disability=_value(body.send_or_disability),
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

    Raises Invalid (the fields breaking the record's rules, or `body.person_ref` unknown to
    care-status-api).
    """
    recorder = recorder_of(principal, directory)
    _raise_if(
        [*_new_issues(body, directory, now), *await _related_issues(session, principal.org, body)]
    )
    incident = _new_incident(body, recorder, principal.client_id)
    try:
        store_facts(
            incident,
            await read_facts(care_status, body.person_ref, body.occurred_at, reader_of(principal)),
        )
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
    if body.police_involved_at is not None:
        issues += rules.check_police_involved_at(incident.occurred_at, body.police_involved_at, now)
    issues += rules.check_child_told(
        incident.occurred_at,
        body.child_told_at,
        body.child_challenge,
        incident.child_told_at is not None,
        now,
    )
    if body.hearing_date is not None:
        issues += rules.check_hearing_date(kind, incident.occurred_at, body.hearing_date)
    _raise_if(issues)


@dataclass(frozen=True)
class _Changes:
    """What a change announces: a new or changed outcome, a new or changed release date,
    an exploitation concern raised, a hearing listed for another day."""

    outcome: bool
    release_date: bool
    exploitation_concern: bool
    hearing_date: bool
    #: Set after the change is applied: the police involvement instant moved.
    police_involvement: bool = False

    @property
    def any(self) -> bool:
        return (
            self.outcome
            or self.release_date
            or self.exploitation_concern
            or self.hearing_date
            or self.police_involvement
        )


def _changes_of(incident: Incident, body: IncidentUpdate) -> _Changes:
    outcome = body.outcome is not None and (
        body.outcome.value != incident.outcome
        or (body.outcome_date is not None and body.outcome_date != incident.outcome_date)
    )
    release_date = (
        body.expected_release_date is not None
        and body.expected_release_date != incident.expected_release_date
    )
    exploitation_concern = bool(body.exploitation_concern) and not incident.exploitation_concern
    hearing_date = body.hearing_date is not None and body.hearing_date != incident.hearing_date
    return _Changes(outcome, release_date, exploitation_concern, hearing_date)


async def _complete_facts(
    incident: Incident, care_status: CareStatusClient, reader: Reader
) -> None:
    """Try once more to read facts still pending (an event is about to be written), on
    behalf of the caller of the change."""
    try:
        store_facts(
            incident,
            await read_facts(care_status, incident.person_ref, incident.occurred_at, reader),
        )
    except (PersonNotFound, CareStatusUnavailable):
        logger.warning("status facts pending", extra={"incident_id": str(incident.id)})


def _change_events(incident: Incident, changes: _Changes, now: datetime) -> list[EventToSend]:
    events: list[EventToSend] = []
    if changes.outcome:
        events.append(outcome_event(incident, now))
    if changes.release_date:
        events.append(release_date_event(incident, now))
    if changes.exploitation_concern:
        events.append(exploitation_concern_event(incident, now))
    if changes.hearing_date:
        events.append(hearing_listed_event(incident, now))
    if changes.police_involvement:
        events.append(police_involvement_event(incident, now))
    return events


def _involvement(incident: Incident) -> datetime | None:
    return incident.police_involved_at if incident.police_involved else None


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
    `outcome.recorded`, a changed release date `release_date.set`, an exploitation
    concern raised (false to true) `exploitation_concern.raised`, a hearing listed for
    another day `court_hearing.listed`, the police involved (or the instant of their
    involvement moved) `police_involvement.recorded`. Needs the current
    version in `if_match` (PreconditionRequired without, PreconditionFailed when stale).
    """
    require_version(if_match, incident.version)
    _check_update(incident, body, directory, now)
    if not body.model_dump(exclude_none=True):
        return incident  # nothing to add: the incident and its ETag stay as they are
    changes = _changes_of(incident, body)
    involved_before = _involvement(incident)
    _apply(incident, body, now)
    changes = replace(changes, police_involvement=_involvement(incident) != involved_before)
    if incident.status_facts is None and changes.any:
        await _complete_facts(incident, care_status, reader_of(principal))
    incident.version += 1
    incident.updated_at = now
    _add_events(session, incident, _change_events(incident, changes, now))
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


async def list_incidents(
    session: AsyncSession,
    principal: Principal,
    filters: IncidentFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[Incident], str | None]:
    """One page of the incidents the caller may read, newest first; the read is audited.

    Raises Invalid when the date range ends before it starts.
    """
    if (
        filters.occurred_from
        and filters.occurred_to
        and filters.occurred_to < filters.occurred_from
    ):
        raise Invalid("query.to", "the range ends before it starts")
    items, next_cursor = await repository.list_readable(
        session, principal.org, filters, cursor=cursor, limit=limit
    )
    record_audit(
        session,
        principal,
        "incident.list",
        subject_type="incident",
        details={"count": len(items), "incident_ids": [str(item.id) for item in items]},
    )
    return items, next_cursor


def read_incident(session: AsyncSession, principal: Principal, incident: Incident) -> Incident:
    """The incident the caller may read (loaded by the router's dependency), audited."""
    record_audit(
        session,
        principal,
        "incident.read",
        subject_type="incident",
        subject_id=incident.id,
        subject_owner=incident.responsible_authority,
    )
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
        "child_told_at",
        "child_challenge",
        "hearing_date",
        "sex",
        "ethnicity",
        "send_or_disability",
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
