"""incident-api's scopes, and the callers its routers accept, as types.

`Scope` lists every scope incident-api checks or asks for; each router signature carries
one of the `<Resource><Verb>` caller types, so the OpenAPI document lists its scopes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes


class Scope(StrEnum):
    INCIDENTS_READ = "incidents:read"
    INCIDENTS_WRITE = "incidents:write"
    REPORTS_READ = "reports:read"
    #: care-status-api's scope of the child's whole record: with it (and as the child's
    #: responsible or area authority) a caller sees the full status facts on an incident.
    CARE_STATUS_READ = "care-status:read"
    #: What incident-api's own token asks care-status-api for (the status facts).
    CARE_STATUS_FACTS = "care-status:facts"


IncidentsRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.INCIDENTS_READ])]
IncidentsWrite = Annotated[Principal, Security(require_scopes, scopes=[Scope.INCIDENTS_WRITE])]
ReportsRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.REPORTS_READ])]
