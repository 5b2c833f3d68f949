"""The rules in force as the API lists them: the rule file's validated shape, plus where
each applies and the windows authorities set for themselves (rules.md Revision 2)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from notify.rules.catalogue import Catalogue, EventWindow, Recurrence, Rule, Window
from platform_shared.organisations import OrganisationDirectory
from platform_shared.web.pagination import Page


class RuleInForce(Rule):
    """A rule in force: the rule file's entry with the deployment's windows applied."""

    applies_to: Literal["all"] | list[str] = Field(
        description="`all`, or for a local protocol's rule the codes of the responsible "
        "authorities that adopted it (setting `local_protocols`)",
        examples=["all", ["E10000007"]],
    )
    authority_windows: dict[str, list[Window | EventWindow]] = Field(
        default_factory=dict,
        description="Responsible authority code -> the rule's deadlines where that authority "
        "set its own (tighter) local policy window; absent authorities use `deadlines`",
    )
    authority_recurrences: dict[str, Recurrence] = Field(
        default_factory=dict,
        description="Responsible authority code -> the recurrence where that authority set "
        "its own (shorter) local policy interval; absent authorities use `recurrence`",
    )


def rule_in_force(
    rule: Rule, catalogue: Catalogue, directory: OrganisationDirectory
) -> RuleInForce:
    applies_to: Literal["all"] | list[str] = (
        "all"
        if rule.protocol is None
        else catalogue.protocols.authorities(rule.protocol, directory)
    )
    local = catalogue.local_rules.get(rule.id, {})
    return RuleInForce.model_validate(
        {
            **rule.model_dump(),
            "applies_to": applies_to,
            "authority_windows": {
                code: [window.model_dump() for window in local_rule.deadlines]
                for code, local_rule in sorted(local.items())
                if local_rule.deadlines
            },
            "authority_recurrences": {
                code: local_rule.recurrence.model_dump()
                for code, local_rule in sorted(local.items())
                if local_rule.recurrence is not None
            },
        }
    )


class RulePage(Page[RuleInForce]):
    """Every rule in force, with the rule file's version; local overrides applied."""

    version: str = Field(description="The version of the rule file")
    next_cursor: str | None = Field(default=None, description="Always null: one page")
