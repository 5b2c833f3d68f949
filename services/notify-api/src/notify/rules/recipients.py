"""From a recipient role to the organisation that receives for it: a pure function.

- responsible authority, personal adviser (through the authority's leaving-care
  service, api.md) and the escalation route: the responsible authority's GSS code;
- area authority: the placement's area authority;
- area health services: `health-<area GSS>`; home YOT: `yot-<responsible GSS>`;
  area YOT: `yot-<area GSS>` (platform_shared.organisations explains the codes);
- provider: the `recorded_by` organisation of an incident, else the placement's
  `provider`;
- recorded_by (a duty holder only, never a recipient): the organisation that recorded
  the incident, e.g. the police force of a custody detention.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from platform_shared.organisations import health_code, yot_code


class RecipientRole(StrEnum):
    """The role an organisation receives a notification in.

    A rule may address the first seven; `escalation` (an overdue notification chased with
    the responsible authority) and `platform` (a notice such as a disabled endpoint) are
    the service's own.
    """

    RESPONSIBLE_AUTHORITY = "responsible_authority"
    AREA_AUTHORITY = "area_authority"
    AREA_HEALTH = "area_health"
    HOME_YOT = "home_yot"
    AREA_YOT = "area_yot"
    PERSONAL_ADVISER = "personal_adviser"
    PROVIDER = "provider"
    ESCALATION = "escalation"
    PLATFORM = "platform"


#: Roles only the service itself addresses, never a rule.
SERVICE_ROLES: frozenset[RecipientRole] = frozenset(
    {RecipientRole.ESCALATION, RecipientRole.PLATFORM}
)


class DutyHolderRole(StrEnum):
    """Whose duty a rule's notification discharges: a role a rule may address, or
    `recorded_by`, the organisation that recorded the incident (e.g. the police force)."""

    RESPONSIBLE_AUTHORITY = "responsible_authority"
    AREA_AUTHORITY = "area_authority"
    AREA_HEALTH = "area_health"
    HOME_YOT = "home_yot"
    AREA_YOT = "area_yot"
    PERSONAL_ADVISER = "personal_adviser"
    PROVIDER = "provider"
    RECORDED_BY = "recorded_by"


def _same(code: str) -> str:
    return code


#: role -> (data fields holding the code, first given wins; how the org code is made)
_SOURCES: dict[str, tuple[tuple[str, ...], Callable[[str], str]]] = {
    "responsible_authority": (("responsible_authority",), _same),
    "personal_adviser": (("responsible_authority",), _same),
    "escalation": (("responsible_authority",), _same),
    "area_authority": (("area_authority",), _same),
    "area_health": (("area_authority",), health_code),
    "home_yot": (("responsible_authority",), yot_code),
    "area_yot": (("area_authority",), yot_code),
    "provider": (("recorded_by", "provider"), _same),
    "recorded_by": (("recorded_by",), _same),
}


def recipient_org(role: str, data: Mapping[str, Any]) -> str | None:
    """The organisation code that receives for `role`, or None when the data lacks it."""
    fields, make = _SOURCES[role]
    for field in fields:
        value = data.get(field)
        if isinstance(value, str) and value:
            return make(value)
    return None


def source_field(role: str) -> str:
    """The data field a role's organisation is read from (named when it is missing)."""
    return _SOURCES[role][0][0]
