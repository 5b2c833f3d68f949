"""A real webhook receiver for system tests: verifies Standard Webhooks signatures, dedups.

It is what an organisation runs on its side: every request's signature is checked with
the `standardwebhooks` library and the secret the platform issued; deliveries are
counted per `webhook-id` so a repeat is visible.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


class WebhookReceiver:
    def __init__(self, status_code: int = 204) -> None:
        self.secret = ""
        self.status_code = status_code
        self.by_webhook_id: Counter[str] = Counter()
        self.payloads: dict[str, dict[str, Any]] = {}
        self.bad_signatures = 0
        self.requests = 0
        self.app = Starlette(routes=[Route("/hooks", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        self.requests += 1
        if self.status_code >= 300:
            return Response(status_code=self.status_code)
        body = await request.body()
        try:
            payload: dict[str, Any] = Webhook(self.secret).verify(body, dict(request.headers))
        except WebhookVerificationError:
            self.bad_signatures += 1
            return Response(status_code=400)
        webhook_id = request.headers["webhook-id"]
        self.by_webhook_id[webhook_id] += 1
        self.payloads[webhook_id] = payload
        return Response(status_code=self.status_code)

    def notifications(self) -> list[dict[str, Any]]:
        """The notifications received, once each."""
        return [payload["data"] for payload in self.payloads.values()]

    def repeats(self) -> int:
        return sum(count - 1 for count in self.by_webhook_id.values())
