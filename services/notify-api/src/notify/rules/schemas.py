"""The rules in force as the API lists them: the rule file's validated shape, plus where
each applies and the windows authorities set for themselves (rules.md Revision 2)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notify.notifications.models import NotificationKind, NotificationStatus
from notify.notifications.schemas import Recipient
from notify.rules.catalogue import Catalogue, EventWindow, Recurrence, Rule, Window
from notify.rules.trace import RuleTrace, Trace
from platform_shared.fields import IsoDate, IsoInstant
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


class DryRunRequest(BaseModel):
    """An event as it would be posted to `POST /v1/events` (CloudEvents attributes, `data`),
    or a simpler form: its `type`, the status `facts` and the event's `dates`."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(min_length=1, max_length=100, examples=["custody.detained"])
    time: IsoInstant | None = Field(
        default=None, description="When it happened (default: now); ISO 8601 with an offset"
    )
    data: dict[str, Any] | None = Field(default=None, description="The event's data, as posted")
    facts: dict[str, Any] | None = Field(
        default=None, description="The status facts block (docs/events.md), instead of `data`"
    )
    dates: dict[str, IsoDate] | None = Field(
        default=None,
        description="The event's dates by field (`start_date`, `release_date`), with `facts`",
        examples=[{"start_date": "2026-12-22"}],
    )
    id: str | None = Field(default=None, max_length=200)
    source: str | None = Field(default=None, max_length=200)
    specversion: Literal["1.0"] | None = None
    subject: str | None = Field(default=None, max_length=200)
    datacontenttype: str | None = Field(default=None, max_length=100)


class DryRunNotification(BaseModel):
    """A notification the event would make (or withhold)."""

    rule: str
    recipient: Recipient
    duty_holder: str | None
    kind: NotificationKind
    status: NotificationStatus = Field(description="`pending`, or `withheld`")
    due_at: datetime | None
    due_at_local: datetime | None
    remind_at: datetime | None = Field(description="The escalation ladder's reminder")
    withheld_reason: str | None
    occurrence: int | None
    basis: str
    citation: str
    trace: Trace | None


class DryRunAnswer(BaseModel):
    """What the platform would do with the event; nothing was written."""

    rules_version: str
    event_type: str
    event_time: datetime
    reacts: bool = Field(description="Whether any rule reacts to events of this type")
    matched_rules: list[str]
    considered: list[RuleTrace] = Field(
        description="Every rule of the event's type: matched or not, and why"
    )
    notifications: list[DryRunNotification]
    withheld: list[DryRunNotification]
    ends_recurring_duties: bool = Field(
        description="Whether it would end the person's recurring duties (a release)"
    )
    would_breach_duties_before_event: bool = Field(
        description="Whether it is an event duties must be met before (a charge), which "
        "would make open ones a breach"
    )
