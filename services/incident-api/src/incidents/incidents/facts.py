"""Status facts on an incident: read them as of the incident's date, keep them on the row.

docs/events.md: facts are read "as of occurred_at's London date". One function reads
them (through `CareStatusClient`, the only HTTP client to care-status-api) and one
stores them, for the API (at the time of the write) and the relay (when
care-status-api answers again) alike.
"""

from __future__ import annotations

from datetime import date, datetime

from incidents.care_status_client import CareStatusClient
from incidents.incidents.models import Incident
from incidents.incidents.vocabulary import FactsStatus
from platform_shared.calendar import local_date
from platform_shared.contracts.facts import StatusFacts


def facts_date(occurred_at: datetime) -> date:
    """The date facts are read for: the incident's Europe/London date (an incident at
    23:30 on 30 June BST is read as of 30 June; at 23:30 UTC that night, 1 July)."""
    return local_date(occurred_at)


async def read_facts(
    client: CareStatusClient, person_ref: str, occurred_at: datetime
) -> StatusFacts:
    """The facts of the person on the incident's date (raises as the client does)."""
    return await client.status_facts(person_ref, facts_date(occurred_at))


def store_facts(incident: Incident, facts: StatusFacts) -> None:
    """Keep the facts on the incident, with the authorities that decide who reads it."""
    incident.status_facts = facts.model_dump(mode="json")
    incident.responsible_authority = facts.responsible_authority
    incident.area_authority = facts.area_authority
    incident.facts_status = FactsStatus.RESOLVED.value
