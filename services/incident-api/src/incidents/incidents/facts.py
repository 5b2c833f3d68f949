"""Status facts on an incident: read them as of the incident's date, keep them on the row,
and say who may see them whole.

docs/events.md: facts are read "as of occurred_at's London date". One function reads
them (through `CareStatusClient`, the only HTTP client to care-status-api) and one
stores them, for the API (at the time of the write) and the relay (when
care-status-api answers again) alike.
"""

from __future__ import annotations

from datetime import date, datetime

from incidents.auth import Scope
from incidents.care_status_client import CareStatusClient, Reader
from incidents.incidents.models import Incident
from incidents.incidents.vocabulary import FactsStatus
from platform_shared.auth import Principal
from platform_shared.calendar import local_date
from platform_shared.contracts.facts import StatusFacts


def facts_date(occurred_at: datetime) -> date:
    """The date facts are read for: the incident's Europe/London date (an incident at
    23:30 on 30 June BST is read as of 30 June; at 23:30 UTC that night, 1 July)."""
    return local_date(occurred_at)


async def read_facts(
    client: CareStatusClient, person_ref: str, occurred_at: datetime, reader: Reader | None
) -> StatusFacts:
    """The facts of the person on the incident's date, read on behalf of `reader`
    (raises as the client does)."""
    return await client.status_facts(person_ref, facts_date(occurred_at), on_behalf_of=reader)


def recorder_reader(incident: Incident) -> Reader | None:
    """Who a late read of the incident's facts is made for: its recorder (None for an
    incident stored before the recorder's client was kept)."""
    if incident.recorded_by_client is None:
        return None
    return Reader(incident.recorded_by, incident.recorded_by_client)


def store_facts(incident: Incident, facts: StatusFacts) -> None:
    """Keep the facts on the incident, with the authorities that decide who reads it."""
    incident.status_facts = facts.model_dump(mode="json")
    incident.responsible_authority = facts.responsible_authority
    incident.area_authority = facts.area_authority
    incident.facts_status = FactsStatus.RESOLVED.value


def may_see_care_record(caller: Principal, incident: Incident) -> bool:
    """Whether the caller is entitled to the child's care record, hence to the full facts
    on an incident (issue 15 finding 2): the organisations care-status-api lets read the
    child's record, that is the responsible authority or the area authority of the
    open placement (as the stored facts say) with a token that holds `care-status:read`.
    Everyone else who may read the incident (its recorder, the police force named on it)
    sees no more than a care-status lookup answers."""
    if incident.status_facts is None or not caller.has(Scope.CARE_STATUS_READ):
        return False
    return caller.org in {incident.responsible_authority, incident.area_authority}
