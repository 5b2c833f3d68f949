"""Monitoring figures of notify-api (rules.md, Monitoring: on time, late, withheld, per rule)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class RuleFigures(BaseModel):
    """Counts of one rule's notifications concerning the organisation."""

    rule: str
    basis: str
    notifications: int = Field(description="Required by the rule (withheld ones excluded)")
    acknowledged_on_time: int
    acknowledged_late: int
    open: int = Field(description="Not yet acknowledged, deadline not passed")
    overdue: int = Field(description="Deadline passed, not acknowledged")
    withheld: int = Field(description="Not sent because a rule said not to (no consent)")
    breaches: int = Field(description="Statutory deadlines missed")
    escalations: int
    deliveries_failed: int = Field(description="Pushes that ended `failed`")


class UnmatchedEvents(BaseModel):
    """Events about the organisation's people (it is their responsible authority) stored
    with no rule matching, by type (no person data)."""

    type: str
    count: int


class Figures(BaseModel):
    organisation: str
    period_from: datetime | None
    period_to: datetime | None
    rules: list[RuleFigures]
    unmatched_events: list[UnmatchedEvents]
