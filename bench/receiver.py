"""A webhook receiver for the fan-out benchmark: verifies every Standard Webhooks signature.

One process (its counts are in memory). Each registered endpoint posts to
`/hooks/<name>`; the bench gives the receiver each endpoint's `whsec_` secret with
`PUT /control/secrets`. Every delivery is verified with the `standardwebhooks` library,
as a recipient organisation would, and noted once per `webhook-id` with the instant it
arrived, so the bench can compute event-to-delivery latency.

    uvicorn receiver:app --app-dir bench --port 8006
"""

from __future__ import annotations

import json
import time
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


class Receiver:
    def __init__(self) -> None:
        self.verifiers: dict[str, Webhook] = {}
        self.seen: set[str] = set()
        #: (event id, endpoint name, arrival instant, notification id) of each first delivery.
        self.receipts: list[tuple[str, str, float, str]] = []
        self.repeats = 0
        self.bad_signatures = 0

    async def hook(self, request: Request) -> Response:
        arrived = time.time()
        name = request.path_params["name"]
        body = await request.body()
        verifier = self.verifiers.get(name)
        if verifier is None:
            self.bad_signatures += 1
            return Response(status_code=400)
        try:
            payload: dict[str, Any] = verifier.verify(body, dict(request.headers))
        except WebhookVerificationError:
            self.bad_signatures += 1
            return Response(status_code=400)
        webhook_id = request.headers["webhook-id"]
        if webhook_id in self.seen:
            self.repeats += 1
        else:
            self.seen.add(webhook_id)
            data = payload["data"]
            self.receipts.append((str(data.get("event_id")), name, arrived, str(data.get("id"))))
        return Response(status_code=204)

    async def set_secrets(self, request: Request) -> Response:
        secrets: dict[str, str] = json.loads(await request.body())
        self.verifiers.update({name: Webhook(secret) for name, secret in secrets.items()})
        return Response(status_code=204)

    async def stats(self, request: Request) -> Response:
        return JSONResponse(
            {
                "received": len(self.receipts),
                "notifications": len({receipt[3] for receipt in self.receipts}),
                "repeats": self.repeats,
                "bad_signatures": self.bad_signatures,
            }
        )

    async def receipts_since(self, request: Request) -> Response:
        start = int(request.query_params.get("from", "0"))
        return JSONResponse({"receipts": self.receipts[start:]})

    async def healthz(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})


receiver = Receiver()
app = Starlette(
    routes=[
        Route("/hooks/{name}", receiver.hook, methods=["POST"]),
        Route("/control/secrets", receiver.set_secrets, methods=["PUT"]),
        Route("/control/stats", receiver.stats),
        Route("/control/receipts", receiver.receipts_since),
        Route("/healthz", receiver.healthz),
    ]
)
