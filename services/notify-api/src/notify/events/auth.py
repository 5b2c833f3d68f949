"""Scopes of the event intake."""

from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes

EventsPublisher = Annotated[Principal, Security(require_scopes, scopes=["events:publish"])]
