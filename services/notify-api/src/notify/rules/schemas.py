"""The rules in force as the API lists them (the rule file's own validated shape)."""

from __future__ import annotations

from pydantic import Field

from notify.rules.catalogue import Rule
from platform_shared.web.pagination import Page


class RulePage(Page[Rule]):
    """Every rule in force, with the rule file's version; local overrides applied."""

    version: str = Field(description="The version of the rule file")
    next_cursor: str | None = Field(default=None, description="Always null: one page")
