"""From a recipient role to the organisation that receives for it: a pure function.

- responsible authority, personal adviser (through the authority's leaving-care
  service, api.md) and the escalation route: the responsible authority's GSS code;
- area authority: the placement's area authority;
- area health services: `health-<area GSS>`; home YOT: `yot-<responsible GSS>`;
  area YOT: `yot-<area GSS>` (platform_shared.organisations explains the codes);
- home health: `health-<responsible GSS>` (reg 13(2)(f): the health body of the
  child's home area);
- provider: the `recorded_by` organisation of an incident, else the placement's
  `provider`; placement provider: the open placement's provider of the facts
  (`placement_provider`, the carer or the fostering service);
- recorded_by (a duty holder only, never a recipient): the organisation that recorded
  the incident, e.g. the police force of a custody detention. A duty of the recorder
  itself (the London Child Information Form of the police) is addressed to `provider`,
  which reads `recorded_by` first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from platform_shared.contracts.vocabularies import (
    DUTY_HOLDER_ROLES,
    RECIPIENT_ROLES,
    RULE_RECIPIENT_ROLES,
    SERVICE_ROLES,
    Role,
)
from platform_shared.organisations import health_code, yot_code

__all__ = [
    "DUTY_HOLDER_ROLES",
    "RECIPIENT_ROLES",
    "RULE_RECIPIENT_ROLES",
    "SERVICE_ROLES",
    "DutyHolderRole",
    "RecipientRole",
    "Role",
    "recipient_org",
    "source_field",
]


class RoleSet:
    """`Annotated[Role, RoleSet(...)]`: the one `Role` enum, restricted to a named set.

    The value is a `Role`; one outside the set is refused. The OpenAPI document shows the
    set as its own named schema with only its values, as each field allowed before the
    roles became one enum.
    """

    def __init__(self, name: str, roles: frozenset[Role], description: str) -> None:
        self.name = name
        self.roles = roles
        self.description = description

    def _check(self, role: Role) -> Role:
        if role not in self.roles:
            allowed = ", ".join(f"'{r.value}'" for r in Role if r in self.roles)
            raise ValueError(f"Input should be one of {allowed}")
        return role

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        members = [role for role in Role if role in self.roles]
        return core_schema.no_info_after_validator_function(
            self._check,
            core_schema.enum_schema(Role, members, sub_type="str"),
            ref=f"{__name__}.{self.name}:{id(self)}",
        )

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        json_schema = handler(schema)
        target = handler.resolve_ref_schema(json_schema)
        target["title"] = self.name
        target["description"] = self.description
        return json_schema


#: The role an organisation receives a notification in.
RecipientRole = Annotated[
    Role,
    RoleSet(
        "RecipientRole",
        RECIPIENT_ROLES,
        "The role an organisation receives a notification in.\n\n"
        "A rule may address every role but the service's own: the escalation ladder's\n"
        "`escalation_contact` (the recipient's own), `duty_holder`, `escalation` (the "
        "responsible\nauthority's head of service) and `emergency_duty` (its out-of-hours "
        "team), and\n`platform` (a notice such as a disabled endpoint).",
    ),
]
#: Whose duty a rule's notification discharges.
DutyHolderRole = Annotated[
    Role,
    RoleSet(
        "DutyHolderRole",
        DUTY_HOLDER_ROLES,
        "Whose duty a rule's notification discharges: a role a rule may address, or\n"
        "`recorded_by`, the organisation that recorded the incident (e.g. the police force).",
    ),
]


def _same(code: str) -> str:
    return code


#: role -> (data fields holding the code, first given wins; how the org code is made)
_SOURCES: dict[str, tuple[tuple[str, ...], Callable[[str], str]]] = {
    Role.RESPONSIBLE_AUTHORITY: (("responsible_authority",), _same),
    Role.PERSONAL_ADVISER: (("responsible_authority",), _same),
    Role.ESCALATION: (("responsible_authority",), _same),
    Role.AREA_AUTHORITY: (("area_authority",), _same),
    Role.AREA_HEALTH: (("area_authority",), health_code),
    Role.HOME_HEALTH: (("responsible_authority",), health_code),
    Role.HOME_YOT: (("responsible_authority",), yot_code),
    Role.AREA_YOT: (("area_authority",), yot_code),
    Role.PROVIDER: (("recorded_by", "provider"), _same),
    Role.PLACEMENT_PROVIDER: (("placement_provider",), _same),
    Role.RECORDED_BY: (("recorded_by",), _same),
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


#: role -> how its organisation is found, per data field read (the explain trace).
_HOW: dict[str, str] = {
    Role.RESPONSIBLE_AUTHORITY: "responsible authority from the legal status",
    Role.PERSONAL_ADVISER: "leaving-care service of the responsible authority",
    Role.ESCALATION: "escalation route of the responsible authority",
    Role.AREA_AUTHORITY: "area authority of the placement",
    Role.AREA_HEALTH: "health body of the placement's area",
    Role.HOME_HEALTH: "health body of the responsible authority's area",
    Role.HOME_YOT: "home YOT of the responsible authority",
    Role.AREA_YOT: "YOT of the placement's area",
    Role.PLACEMENT_PROVIDER: "provider of the open placement",
    Role.RECORDED_BY: "the organisation that recorded the incident",
}


def resolution(role: str, data: Mapping[str, Any]) -> tuple[str | None, str]:
    """The data field a role's organisation was read from (None: none given), and how."""
    fields, _ = _SOURCES[role]
    used = next((f for f in fields if isinstance(data.get(f), str) and data.get(f)), None)
    if role == Role.PROVIDER:
        how = (
            "the organisation that recorded the incident"
            if used == "recorded_by"
            else "provider of the placement"
        )
        return used, how
    return used, _HOW[role]
