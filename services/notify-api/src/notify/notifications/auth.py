"""Scopes of the inbox."""

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

InboxReader = Annotated[Principal, Security(require_scopes, scopes=["notifications:read"])]
InboxAcknowledger = Annotated[Principal, Security(require_scopes, scopes=["notifications:ack"])]
