"""The three APIs, called with the signed-in person's own token.

The portal holds no data of its own: every page is a call to care-status-api, incident-api
or notify-api on the person's behalf, so the services' tenancy, scopes and audit apply to
the person. Their problem documents (RFC 9457) become the portal's error summaries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from portal.settings import PortalSettings


@dataclass(frozen=True)
class FieldProblem:
    field: str
    reason: str


class ApiError(Exception):
    """An API refused the request; `status` and its problem document say why."""

    def __init__(self, status: int, problem: Mapping[str, Any]) -> None:
        super().__init__(f"{status} {problem.get('title', '')}")
        self.status = status
        self.title = str(problem.get("title") or "The request was refused")
        self.detail = problem.get("detail")
        self.fields = [
            FieldProblem(str(error.get("field", "")), str(error.get("reason", "")))
            for error in problem.get("errors") or []
            if isinstance(error, Mapping)
        ]


class NotSignedIn(ApiError):
    """The token was refused (expired or revoked): the person signs in again."""


class NotFound(ApiError):
    """Not there, or not the caller's to see (the APIs answer both alike)."""


class Apis:
    """One shared connection pool for all sessions; the token goes on each request."""

    def __init__(self, settings: PortalSettings, transport: httpx.AsyncBaseTransport | None = None):
        self._client = httpx.AsyncClient(timeout=settings.api_timeout_seconds, transport=transport)
        self.bases = {
            "care-status": settings.care_status_url.rstrip("/"),
            "incidents": settings.incidents_url.rstrip("/"),
            "notify": settings.notify_url.rstrip("/"),
        }
        self._schema_fields: dict[tuple[str, str, str], bool] = {}

    async def schema_has(self, service: str, schema: str, field: str) -> bool:
        """Whether the service's OpenAPI schema `schema` has `field` (asked once, then kept).

        Features that other work adds to the APIs (an acknowledgement's note, say) appear in
        the portal as soon as the API offers them, and are left out until then.
        """
        key = (service, schema, field)
        if key not in self._schema_fields:
            try:
                response = await self._client.get(f"{self.bases[service]}/openapi.json")
                document = response.json()
                properties = document["components"]["schemas"][schema].get("properties", {})
                self._schema_fields[key] = field in properties
            except (httpx.HTTPError, ValueError, KeyError, TypeError):
                return False
        return self._schema_fields[key]

    async def aclose(self) -> None:
        await self._client.aclose()

    async def call(
        self,
        token: str,
        service: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        files: Sequence[tuple[str, tuple[str, bytes, str]]] | None = None,
        data: Mapping[str, str] | None = None,
    ) -> Any:
        response = await self.request(
            token,
            service,
            method,
            path,
            json=json,
            params=params,
            headers=headers,
            files=files,
            data=data,
        )
        return response.json() if response.content else None

    async def request(
        self,
        token: str,
        service: str,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        files: Sequence[tuple[str, tuple[str, bytes, str]]] | None = None,
        data: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """One call; `files` and `data` make it a multipart form (an SSDA903 upload)."""
        response = await self._client.request(
            method,
            f"{self.bases[service]}{path}",
            json=json,
            files=files,
            data=data,
            params={k: v for k, v in (params or {}).items() if v},
            headers={"Authorization": f"Bearer {token}", **(headers or {})},
        )
        if response.status_code < 400:
            return response
        try:
            problem = response.json()
        except ValueError:
            problem = {}
        if not isinstance(problem, dict):
            problem = {}
        if response.status_code == 401:
            raise NotSignedIn(401, problem)
        if response.status_code == 404:
            raise NotFound(404, problem)
        raise ApiError(response.status_code, problem)
