"""Scopes of the rules listing."""

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

RulesReader = Annotated[Principal, Security(require_scopes, scopes=["rules:read"])]
