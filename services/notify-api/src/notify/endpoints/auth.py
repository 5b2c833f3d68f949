"""Scopes of endpoint registration."""

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

EndpointsManager = Annotated[Principal, Security(require_scopes, scopes=["endpoints:manage"])]
