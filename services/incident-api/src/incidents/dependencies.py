"""Dependencies of incident-api's routers: the care-status client, the organisations,
the local protocols in force, and incident loaders that 404 for anyone who may not read the incident.

The clock is the app's (`platform_shared.web.clock.Now`, set by `create_app(clock=...)`).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request

from incidents.auth import IncidentsRead, IncidentsWrite
from incidents.care_status_client import CareStatusClient
from incidents.incidents import repository
from incidents.incidents.models import Incident
from platform_shared.dependencies import Session
from platform_shared.organisations import OrganisationDirectory, load_directory
from platform_shared.protocols import LocalProtocols


def get_care_status(request: Request) -> CareStatusClient:
    client: CareStatusClient = request.app.state.care_status
    return client


def get_directory() -> OrganisationDirectory:
    return load_directory()


def get_local_protocols(request: Request) -> LocalProtocols:
    protocols: LocalProtocols = request.app.state.local_protocols
    return protocols


CareStatus = Annotated[CareStatusClient, Depends(get_care_status)]
Directory = Annotated[OrganisationDirectory, Depends(get_directory)]
#: Which authorities adopted which local protocol (the `local_protocols` setting).
Protocols = Annotated[LocalProtocols, Depends(get_local_protocols)]


async def get_readable_incident(
    incident_id: uuid.UUID, caller: IncidentsRead, session: Session
) -> Incident:
    """The incident named in the path, if the caller may read it (else 404)."""
    return await repository.get_readable(session, caller.org, incident_id)


async def get_writable_incident(
    incident_id: uuid.UUID, caller: IncidentsWrite, session: Session
) -> Incident:
    """The incident named in the path, locked for the change, if the caller may read it."""
    return await repository.get_readable(session, caller.org, incident_id, for_update=True)


ReadableIncident = Annotated[Incident, Depends(get_readable_incident)]
WritableIncident = Annotated[Incident, Depends(get_writable_incident)]
