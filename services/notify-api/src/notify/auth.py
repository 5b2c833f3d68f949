"""Every scope notify-api checks, and the caller types its routers take.

A caller type is named `<Resource><Verb>`: the principal of a request whose token grants
that scope (`platform_shared.auth.require_scopes`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Security

from platform_shared.auth import Principal, require_scopes


class Scope(StrEnum):
    EVENTS_PUBLISH = "events:publish"
    NOTIFICATIONS_READ = "notifications:read"
    NOTIFICATIONS_ACK = "notifications:ack"
    ENDPOINTS_MANAGE = "endpoints:manage"
    REPORTS_READ = "reports:read"
    RULES_READ = "rules:read"


EventsPublish = Annotated[Principal, Security(require_scopes, scopes=[Scope.EVENTS_PUBLISH])]
InboxRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.NOTIFICATIONS_READ])]
InboxAcknowledge = Annotated[Principal, Security(require_scopes, scopes=[Scope.NOTIFICATIONS_ACK])]
EndpointsManage = Annotated[Principal, Security(require_scopes, scopes=[Scope.ENDPOINTS_MANAGE])]
ReportsRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.REPORTS_READ])]
RulesRead = Annotated[Principal, Security(require_scopes, scopes=[Scope.RULES_READ])]
