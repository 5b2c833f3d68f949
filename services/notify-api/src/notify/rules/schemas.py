"""The rules in force as the API lists them (the rule file's own validated shape)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from notify.rules.catalogue import Rule


class RulePage(BaseModel):
    """Every rule in force, with the rule file's version; local overrides applied."""

    version: str = Field(description="The version of the rule file")
    items: list[Rule]
    next_cursor: str | None = None
