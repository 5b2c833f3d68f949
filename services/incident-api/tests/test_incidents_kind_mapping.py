"""docs/events.md's table of incident kinds and event types is incident-api's mapping.

The table is prose kept in platform_shared.contracts.document (which cannot import a
service), so this test holds the two together: every kind is documented with the event
type it sends, and nothing is documented that it does not send.
"""

from __future__ import annotations

import re

from incidents.incidents.rules import EVENT_TYPES
from incidents.incidents.vocabulary import IncidentKind
from platform_shared.contracts.document import INCIDENT_KIND_EVENTS


def _documented() -> dict[str, str]:
    documented: dict[str, str] = {}
    for kinds, event_type in INCIDENT_KIND_EVENTS:
        if kinds.startswith("PATCH"):
            continue  # a change to a record, not a kind
        for kind in re.findall(r"`([a-z_]+)`", re.sub(r"\(.*\)", "", kinds)):
            documented[kind] = str(event_type)
    return documented


def test_every_incident_kind_is_documented_with_the_event_it_sends() -> None:
    sent = {str(kind): str(event_type) for kind, event_type in EVENT_TYPES.items()}

    assert _documented() == sent
    assert set(sent) == {str(kind) for kind in IncidentKind}
    assert sent["custody_detention"] == "custody.detained"
