"""The scopes of care-status-api as dependency types: a router signature shows who may call."""

from __future__ import annotations

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

CareStatusRead = Annotated[Principal, Security(require_scopes, scopes=["care-status:read"])]
CareStatusWrite = Annotated[Principal, Security(require_scopes, scopes=["care-status:write"])]
#: Lookups: `POST /v1/lookups` is a direct route (care_status.lookups.router), which checks
#: its scope itself (`platform_shared.direct`).
LOOKUP_SCOPE = "care-status:lookup"
CareStatusFacts = Annotated[Principal, Security(require_scopes, scopes=["care-status:facts"])]
