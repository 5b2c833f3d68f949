"""The scopes of the incident endpoints, as types the router signatures carry."""

from __future__ import annotations

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

IncidentsRead = Annotated[Principal, Security(require_scopes, scopes=["incidents:read"])]
IncidentsWrite = Annotated[Principal, Security(require_scopes, scopes=["incidents:write"])]
