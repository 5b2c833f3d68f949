"""A real webhook receiver for system tests: verifies Standard Webhooks signatures, dedups.

It is what an organisation runs on its side: every request's signature is checked with
the `standardwebhooks` library and the secret the platform issued; deliveries are
counted per `webhook-id` so a repeat is visible.

One receiver can stand for several endpoints: `/hooks` and `/hooks/<name>`, each with
its own secret (`secrets[name]`; `secret` is the one of `/hooks`). A test can make it
refuse: `status_code` for every endpoint (with `retry_after` as the `Retry-After` of a
429 or 503), `endpoint_status[name]` for one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


class WebhookReceiver:
    def __init__(self, status_code: int = 204) -> None:
        self.secrets: dict[str, str] = {"": ""}
        self.status_code = status_code
        self.retry_after: str | None = None
        self.endpoint_status: dict[str, int] = {}
        #: Accepted (2xx) deliveries per `webhook-id`.
        self.by_webhook_id: Counter[str] = Counter()
        self.payloads: dict[str, dict[str, Any]] = {}
        #: The endpoint (name) each accepted `webhook-id` came to.
        self.endpoint_of: dict[str, str] = {}
        #: Every request that reached the receiver, and every answer it gave, by status.
        self.requests = 0
        self.answers: Counter[int] = Counter()
        #: When each status was first answered.
        self.first_answered: dict[int, datetime] = {}
        self.bad_signatures = 0
        self.app = Starlette(
            routes=[
                Route("/hooks", self.hook, methods=["POST"]),
                Route("/hooks/{name}", self.hook, methods=["POST"]),
            ]
        )

    @property
    def secret(self) -> str:
        return self.secrets[""]

    @secret.setter
    def secret(self, value: str) -> None:
        self.secrets[""] = value

    async def hook(self, request: Request) -> Response:
        self.requests += 1
        name = str(request.path_params.get("name", ""))
        status_code = self.endpoint_status.get(name, self.status_code)
        if status_code >= 300:
            return self._answer(status_code)
        body = await request.body()
        try:
            payload: dict[str, Any] = Webhook(self.secrets[name]).verify(
                body, dict(request.headers)
            )
        except (KeyError, WebhookVerificationError):
            self.bad_signatures += 1
            return self._answer(400)
        webhook_id = request.headers["webhook-id"]
        self.by_webhook_id[webhook_id] += 1
        self.payloads[webhook_id] = payload
        self.endpoint_of[webhook_id] = name
        return self._answer(status_code)

    def _answer(self, status_code: int) -> Response:
        self.answers[status_code] += 1
        self.first_answered.setdefault(status_code, datetime.now(UTC))
        headers = {}
        if status_code in (429, 503) and self.retry_after is not None:
            headers["Retry-After"] = self.retry_after
        return Response(status_code=status_code, headers=headers)

    def notifications(self) -> list[dict[str, Any]]:
        """The notifications received, once each."""
        return [payload["data"] for payload in self.payloads.values()]

    def repeats(self) -> int:
        return sum(count - 1 for count in self.by_webhook_id.values())

    def webhook_ids_by_notification(self) -> dict[tuple[str, str], set[str]]:
        """The `webhook-id`s each (endpoint name, notification id) was accepted under."""
        found: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
        for webhook_id, payload in self.payloads.items():
            found[(self.endpoint_of[webhook_id], payload["data"]["id"])].add(webhook_id)
        return dict(found)
