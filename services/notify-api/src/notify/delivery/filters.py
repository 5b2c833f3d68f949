"""An endpoint's optional filters: which notifications of its organisation it receives."""

from __future__ import annotations

from typing import Any, Protocol


class Filters(Protocol):
    @property
    def roles(self) -> list[str] | None: ...
    @property
    def rules(self) -> list[str] | None: ...


def endpoint_accepts(endpoint: Filters, notification: Any) -> bool:
    """Whether the endpoint's optional `roles` and `rules` filters let the notification in
    (`notification`: anything with `recipient_role` and `rule_id`)."""
    if endpoint.roles is not None and notification.recipient_role not in endpoint.roles:
        return False
    return endpoint.rules is None or notification.rule_id in endpoint.rules
