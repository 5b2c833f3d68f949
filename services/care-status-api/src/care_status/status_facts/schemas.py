"""The status facts block of docs/events.md, as an API schema: the platform's contract."""

from __future__ import annotations

from platform_shared.contracts.facts import StatusFacts

__all__ = ["StatusFacts"]
