"""The events an incident announces, built from the row: pure, no I/O.

docs/events.md, "incident-api events": each event carries the status facts block (as of
occurred_at's Europe/London date) plus the incident's own fields and the extras of its
type. An event written while the facts are unknown carries `facts_pending: true`
instead of the block; the relay's prepare hook (`incidents.enrichment`) replaces it with
the facts before the event leaves, so notify-api never sees an event without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from incidents.incidents.models import Incident
from incidents.incidents.rules import (
    COURT_HEARING_LISTED,
    EVENT_TYPES,
    EXPLOITATION_CONCERN_RAISED,
    OUTCOME_RECORDED,
    POLICE_INVOLVEMENT_RECORDED,
    RELEASE_DATE_SET,
)
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.contracts.events import EventSource, EventType

SOURCE = EventSource.INCIDENT_API
#: Marks an event whose status facts are still to be read from care-status-api.
FACTS_PENDING = "facts_pending"


@dataclass(frozen=True)
class EventToSend:
    type: EventType
    data: dict[str, Any]
    time: datetime


def _instant(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _incident_fields(incident: Incident) -> dict[str, Any]:
    return {
        "incident_id": str(incident.id),
        "occurred_at": _instant(incident.occurred_at),
        "kind": incident.kind,
        "setting": incident.setting,
        "recorded_by": incident.recorded_by,
        "recorded_by_kind": incident.recorded_by_kind,
        "response_category": incident.response_category,
        "staff_involved": incident.staff_involved,
        "police_involved": incident.police_involved,
        # The instant the CPS checklist's 24 hours run from, so that notify-api and
        # incident-api give the same due time (rules.md Revision 2, `cps-checklist-due`).
        "police_involved_at": (
            _instant(incident.police_involved_at) if incident.police_involved else None
        ),
        "exploitation_concern": incident.exploitation_concern,
        "measure_of_control": incident.measure_of_control,
        "measure_planned_in_ehc_plan": incident.measure_planned_in_ehc_plan,
        "related_incident_id": (
            str(incident.related_incident_id) if incident.related_incident_id else None
        ),
    }


def _with_facts(incident: Incident, fields: dict[str, Any]) -> dict[str, Any]:
    if incident.status_facts is None:
        return {**fields, FACTS_PENDING: True}
    return {**incident.status_facts, **fields}


def complete_with_facts(data: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """An event's data with the facts block in place of the pending mark."""
    fields = {key: value for key, value in data.items() if key != FACTS_PENDING}
    return {**facts, **fields}


def _kind_extras(incident: Incident) -> dict[str, Any]:
    kind = IncidentKind(incident.kind)
    if kind is IncidentKind.CUSTODY_DETENTION:
        return {
            "custody_suite": incident.custody_suite,
            "detained_at": _instant(incident.detained_at),
        }
    if kind is IncidentKind.CUSTODIAL_SENTENCE:
        return {
            "sentenced_on": incident.sentenced_on.isoformat() if incident.sentenced_on else None,
            "expected_release_date": (
                incident.expected_release_date.isoformat()
                if incident.expected_release_date
                else None
            ),
        }
    if kind is IncidentKind.RELEASE:
        return {"released_at": _instant(incident.released_at)}
    if kind is IncidentKind.COURT_HEARING:
        return _hearing(incident)
    return {}


def _hearing(incident: Incident) -> dict[str, Any]:
    assert incident.hearing_date is not None
    return {"hearing_date": incident.hearing_date.isoformat()}


def creation_events(incident: Incident) -> list[EventToSend]:
    """The event of a new record (its kind's type); a custodial sentence recorded with
    its release date also announces `release_date.set` (docs/events.md, "or create")."""
    kind = IncidentKind(incident.kind)
    extras = _kind_extras(incident)
    if incident.outcome is not None:
        extras["outcome"] = incident.outcome
    data = _with_facts(incident, {**_incident_fields(incident), **extras})
    events = [EventToSend(EVENT_TYPES[kind], data, incident.occurred_at)]
    if incident.expected_release_date is not None:
        events.append(release_date_event(incident, incident.occurred_at))
    return events


def outcome_event(incident: Incident, now: datetime) -> EventToSend:
    """`outcome.recorded`: an outcome was set or changed on an existing record."""
    fields = {**_incident_fields(incident), "outcome": incident.outcome}
    if incident.outcome_date is not None:
        fields["outcome_date"] = incident.outcome_date.isoformat()
    return EventToSend(OUTCOME_RECORDED, _with_facts(incident, fields), now)


def release_date_event(incident: Incident, now: datetime) -> EventToSend:
    """`release_date.set`: a custodial sentence's release date was recorded or changed."""
    assert incident.expected_release_date is not None
    fields = {
        **_incident_fields(incident),
        "release_date": incident.expected_release_date.isoformat(),
    }
    return EventToSend(RELEASE_DATE_SET, _with_facts(incident, fields), now)


def exploitation_concern_event(incident: Incident, now: datetime) -> EventToSend:
    """`exploitation_concern.raised`: a concern raised on an existing record (a concern
    recorded at creation travels in the creation event's `exploitation_concern`)."""
    fields = _incident_fields(incident)
    return EventToSend(EXPLOITATION_CONCERN_RAISED, _with_facts(incident, fields), now)


def hearing_listed_event(incident: Incident, now: datetime) -> EventToSend:
    """`court_hearing.listed` again: the hearing was listed for another day."""
    fields = {**_incident_fields(incident), **_hearing(incident)}
    return EventToSend(COURT_HEARING_LISTED, _with_facts(incident, fields), now)


def police_involvement_event(incident: Incident, now: datetime) -> EventToSend:
    """`police_involvement.recorded`: the police became involved on an existing record, or
    the instant of their involvement moved (the CPS checklist's anchor, `cps-checklist-due`)."""
    fields = _incident_fields(incident)
    return EventToSend(POLICE_INVOLVEMENT_RECORDED, _with_facts(incident, fields), now)
