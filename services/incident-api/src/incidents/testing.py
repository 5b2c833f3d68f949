"""Stand-ins for incident-api's neighbours, served over real HTTP in tests.

- `CareStatusStandIn`: care-status-api's `GET /v1/status-facts/{person_ref}`, as
  docs/events.md specifies it (token verified against the issuer's JWKS, scope
  `care-status:facts`, 404 for an unknown person_ref; it keeps the
  `Platform-On-Behalf-Of` header of every authorised request, as care-status-api audits
  the reader it names), and
  `GET /v1/status-facts/cohorts/continuously-looked-after` (the national measure's
  cohort, an empty one unless `add_cohort` set it). It can be stopped and started again
  on the same port.
- `NotifyStandIn`: notify-api's `POST /v1/events`, storing each CloudEvent id once.
"""

from __future__ import annotations

import contextlib
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from incidents.auth import Scope
from incidents.care_status_client import ON_BEHALF_OF
from platform_shared.auth import TokenVerifier
from platform_shared.contracts.examples import status_facts_example
from platform_shared.problems import DomainError
from platform_shared.testing import free_port, serve_over_http

DEFAULT_ISSUER = "http://127.0.0.1:8000"
COHORT = "continuously-looked-after"
DEFAULT_AUDIENCE = "care-platform"


class _Served:
    """An ASGI app on one fixed loopback port, started and stopped at will, that verifies
    the bearer token of every request with the development authorization server's keys."""

    def __init__(
        self,
        routes: list[Route],
        jwks_url: str,
        *,
        issuer: str = DEFAULT_ISSUER,
        audience: str = DEFAULT_AUDIENCE,
        port: int | None = None,
    ) -> None:
        self.app = Starlette(routes=routes)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._stack: contextlib.AsyncExitStack | None = None
        self._verifier = TokenVerifier(issuer=issuer, audience=audience, jwks_url=jwks_url)

    async def _refusal(self, request: Request, scope: str) -> JSONResponse | None:
        """The 401 or 403 of a request without a valid token holding `scope`, else None."""
        authorization = request.headers.get("authorization", "")
        try:
            principal = await self._verifier.verify(authorization.removeprefix("Bearer "))
        except DomainError:
            return JSONResponse({"title": "Unauthorized", "status": 401}, status_code=401)
        if not principal.has(scope):
            return JSONResponse({"title": "Forbidden", "status": 403}, status_code=403)
        return None

    async def start(self) -> None:
        stack = contextlib.AsyncExitStack()
        await stack.enter_async_context(serve_over_http(self.app, port=self.port))
        self._stack = stack

    async def stop(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    @property
    def running(self) -> bool:
        return self._stack is not None


class CareStatusStandIn(_Served):
    """care-status-api's status facts endpoint, for the people added to it."""

    def __init__(self, jwks_url: str, **options: Any) -> None:
        routes = [
            Route(f"/v1/status-facts/cohorts/{COHORT}", self._cohort),
            Route("/v1/status-facts/{person_ref}", self._facts),
        ]
        super().__init__(routes, jwks_url, **options)
        self.people: dict[str, dict[str, Any]] = {}
        #: (person_ref, as_of) of every authorised request, in order.
        self.requests: list[tuple[str, str]] = []
        #: The `Platform-On-Behalf-Of` header (None when absent) of every authorised
        #: request, facts and cohort alike, in order.
        self.on_behalf_of: list[str | None] = []
        #: (authority, on, min_age) -> person_refs of the cohort.
        self.cohorts: dict[tuple[str, str, int], list[str]] = {}

    def add(self, person_ref: str, **facts: Any) -> None:
        self.people[person_ref] = status_facts_example(**facts)

    def add_cohort(
        self, authority: str, on: str, person_refs: list[str], *, min_age: int = 10
    ) -> None:
        """The children looked after continuously for 12 months of `authority` on `on`."""
        self.cohorts[(authority, on, min_age)] = list(person_refs)

    async def _cohort(self, request: Request) -> JSONResponse:
        if refusal := await self._refusal(request, Scope.CARE_STATUS_FACTS):
            return refusal
        self.on_behalf_of.append(request.headers.get(ON_BEHALF_OF))
        query = request.query_params
        try:
            authority, on, min_age = query["authority"], query["on"], int(query["min_age"])
        except (KeyError, ValueError):
            return JSONResponse({"title": "Invalid request", "status": 422}, status_code=422)
        refs = self.cohorts.get((authority, on, min_age), [])
        return JSONResponse(
            {
                "authority": authority,
                "on": on,
                "min_age": min_age,
                "count": len(refs),
                "person_refs": refs,
            }
        )

    async def _facts(self, request: Request) -> JSONResponse:
        if refusal := await self._refusal(request, Scope.CARE_STATUS_FACTS):
            return refusal
        person_ref = request.path_params["person_ref"]
        as_of = request.query_params["as_of"]
        self.requests.append((person_ref, as_of))
        self.on_behalf_of.append(request.headers.get(ON_BEHALF_OF))
        facts = self.people.get(person_ref)
        if facts is None:
            return JSONResponse({"title": "Not found", "status": 404}, status_code=404)
        return JSONResponse({**facts, "person_ref": person_ref, "effective_date": as_of})


class NotifyStandIn(_Served):
    """notify-api's event intake: stores each CloudEvent id once (a repeat is 200); a batch
    (`application/cloudevents-batch+json`, what the relays post) gets one receipt per event,
    `accepted` or `duplicate`."""

    def __init__(self, jwks_url: str, **options: Any) -> None:
        routes = [Route("/v1/events", self._intake, methods=["POST"])]
        super().__init__(routes, jwks_url, **options)
        self.events: dict[str, dict[str, Any]] = {}
        self.posts = 0

    async def _intake(self, request: Request) -> JSONResponse:
        if refusal := await self._refusal(request, "events:publish"):
            return refusal
        self.posts += 1
        if request.headers.get("content-type") == "application/cloudevents-batch+json":
            receipts = []
            for index, element in enumerate(await request.json()):
                status = "duplicate" if element["id"] in self.events else "accepted"
                self.events.setdefault(element["id"], element)
                receipts.append({"index": index, "id": element["id"], "status": status})
            return JSONResponse({"receipts": receipts}, status_code=200)
        event = await request.json()
        if event["id"] in self.events:
            return JSONResponse({"id": event["id"], "duplicate": True}, status_code=200)
        self.events[event["id"]] = event
        return JSONResponse({"id": event["id"]}, status_code=201)
