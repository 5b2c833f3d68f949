"""Scopes of the figures."""

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

ReportsReader = Annotated[Principal, Security(require_scopes, scopes=["reports:read"])]
