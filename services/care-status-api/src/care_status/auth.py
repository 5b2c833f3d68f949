"""The scopes of care-status-api, and the callers they admit as dependency types: a router
signature shows who may call."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes


class Scope(StrEnum):
    """Every scope care-status-api checks."""

    #: The responsible (or area) authority reads its records and its lookup audit.
    READ = "care-status:read"
    #: The responsible authority records and changes its children's records.
    WRITE = "care-status:write"
    #: Police, courts, YOTs and prisons ask `POST /v1/lookups` (a direct route, which
    #: checks its scope itself: `platform_shared.direct`).
    LOOKUP = "care-status:lookup"
    #: The platform's own services read the status facts of a person_ref.
    FACTS = "care-status:facts"


CareStatusRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.READ])]
CareStatusWrite = Annotated[Principal, Security(require_scopes, scopes=[Scope.WRITE])]
CareStatusFacts = Annotated[Principal, Security(require_scopes, scopes=[Scope.FACTS])]
