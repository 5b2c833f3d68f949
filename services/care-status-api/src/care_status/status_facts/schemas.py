"""The status facts block of docs/events.md, as an API schema: the platform's contract;
and the cohort of the national measure."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from platform_shared.contracts.facts import StatusFacts

__all__ = ["ContinuouslyLookedAfterCohort", "StatusFacts"]


class ContinuouslyLookedAfterCohort(BaseModel):
    """The children of `authority` looked after continuously for at least 12 months on
    `on`, aged `min_age` or over on `on` (national protocol 1.4 fn 2; SSDA903 OC2)."""

    authority: str = Field(description="GSS code of the responsible authority")
    on: date
    min_age: int
    count: int = Field(description="How many children are in the cohort")
    person_refs: list[str] = Field(description="Their person_refs, in order")
