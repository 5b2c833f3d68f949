"""Whom the platform's services read on behalf of: the `Platform-On-Behalf-Of` header.

incident-api and notify-api read status facts with their own platform token (scope
`care-status:facts`) for a caller of theirs (the provider that recorded an incident, the
police force that raised it). They name that caller in
`Platform-On-Behalf-Of: org=<org code>; client=<client_id>`, and the facts read is
audited with that caller as the reader and the platform client as `details.via`, so a
responsible authority's access log shows who the reading was for (issue 15 finding 8).

Trust: the header is only as trustworthy as the platform token that carries it. It is
read only on the operations that require `care-status:facts` (a scope only the platform's
own services are given) and ignored everywhere else; care-status-api cannot check that
the platform service really acts for that caller, it records what the service asserted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from platform_shared.auth import Principal
from platform_shared.problems import Invalid

HEADER = "Platform-On-Behalf-Of"
_FIELD = "header.platform-on-behalf-of"
_LONGEST = 200
_FORM = "must be `org=<org code>; client=<client_id>`"
#: The audit columns' sizes bound the values (org 64, client_id 100).
_VALUES = {
    "org": re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
    "client": re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}"),
}


@dataclass(frozen=True)
class Reader:
    """Who an audit row names as the reader: the caller, or whom it read on behalf of."""

    principal: Principal
    via: Principal | None = None

    def details(self, details: dict[str, Any]) -> dict[str, Any]:
        """`details` of an audit row, with the platform client that carried the read."""
        if self.via is None:
            return details
        return {**details, "via": {"org": self.via.org, "client_id": self.via.client_id}}


def parse_on_behalf_of(value: str) -> tuple[str, str]:
    """The (org, client_id) of a header value; a 422 naming the header when malformed."""
    found: dict[str, str] = {}
    if len(value) > _LONGEST:
        raise Invalid(_FIELD, f"longer than {_LONGEST} characters")
    for part in value.split(";"):
        name, equals, given = part.strip().partition("=")
        # The sender percent-encodes each value outside RFC 3986's unreserved characters
        # (a person's client id `portal:<username>` arrives as `portal%3A<username>`).
        name, given = name.strip().lower(), unquote(given.strip())
        pattern = _VALUES.get(name)
        if not equals or pattern is None or name in found:
            raise Invalid(_FIELD, _FORM)
        if not pattern.fullmatch(given):
            raise Invalid(_FIELD, f"{name} is not a valid {name} code")
        found[name] = given
    if set(found) != set(_VALUES):
        raise Invalid(_FIELD, _FORM)
    return found["org"], found["client"]


def reader_of(caller: Principal, on_behalf_of: str | None) -> Reader:
    """The reader of a facts read: the named caller, via the platform client, when the
    header is given; else the caller itself."""
    if on_behalf_of is None:
        return Reader(caller)
    org, client_id = parse_on_behalf_of(on_behalf_of)
    return Reader(Principal(client_id=client_id, org=org, scopes=frozenset()), via=caller)
