"""The HTTP client to care-status-api: the status facts of a person_ref as of a date.

All resolution of a `person_ref` goes through `CareStatusClient.status_facts`, which calls
`GET {care_status_url}/v1/status-facts/{person_ref}?as_of=YYYY-MM-DD` with incident-api's
own client-credentials token (scope `care-status:facts`) and answers one of three ways:
the facts block of the contract (`platform_shared.contracts.facts.StatusFacts`),
`PersonNotFound` (care-status-api answered 404), or `CareStatusUnavailable` (unreachable, timed out, refused our token, answered 5xx or a
block that does not match the contract). Callers decide what unavailability means: a
new incident is still recorded, its event waits for the facts.
"""

from __future__ import annotations

import logging
from datetime import date
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from incidents.auth import Scope
from platform_shared.auth import ClientCredentials
from platform_shared.contracts.facts import StatusFacts

logger = logging.getLogger("incidents.care_status")


class CareStatusUnavailable(Exception):
    """care-status-api could not give an answer now; asking again later may work."""


class PersonNotFound(Exception):
    """care-status-api does not know the person_ref (it answered 404)."""


class CareStatusClient:
    """Asks care-status-api for status facts with incident-api's own token."""

    def __init__(
        self,
        *,
        base_url: str,
        credentials: ClientCredentials,
        timeout_seconds: float = 5.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._credentials = credentials
        self._timeout = timeout_seconds
        self._http = http

    async def status_facts(self, person_ref: str, as_of: date) -> StatusFacts:
        """The facts of `person_ref` on `as_of`.

        Raises PersonNotFound on a 404 and CareStatusUnavailable on anything else that
        is not a valid facts block (a 401 is retried once with a fresh token).
        """
        url = f"{self.base_url}/v1/status-facts/{quote(person_ref, safe='')}"
        response = await self._get(url, as_of)
        if response.status_code == 401:
            self._credentials.forget()
            response = await self._get(url, as_of)
        if response.status_code == 404:
            raise PersonNotFound(person_ref)
        if not response.is_success:
            logger.warning("care-status-api refused", extra={"status": response.status_code})
            raise CareStatusUnavailable(f"HTTP {response.status_code}")
        try:
            return StatusFacts.model_validate(response.json())
        except (ValueError, ValidationError) as error:
            logger.warning("care-status-api answered a malformed facts block")
            raise CareStatusUnavailable("malformed status facts") from error

    async def _get(self, url: str, as_of: date) -> httpx.Response:
        try:
            token = await self._credentials.token()
        except (httpx.HTTPError, KeyError, ValueError) as error:
            raise CareStatusUnavailable(f"no token: {type(error).__name__}") from error
        client = self._http or httpx.AsyncClient(timeout=self._timeout)
        try:
            return await client.get(
                url,
                params={"as_of": as_of.isoformat()},
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            )
        except httpx.HTTPError as error:
            raise CareStatusUnavailable(type(error).__name__) from error
        finally:
            if self._http is None:
                await client.aclose()


def facts_credentials(
    *, token_url: str, client_id: str, client_secret: str, http: httpx.AsyncClient | None = None
) -> ClientCredentials:
    """incident-api's client-credentials for care-status-api (scope `care-status:facts`)."""
    return ClientCredentials(
        token_url=token_url,
        client_id=client_id,
        client_secret=client_secret,
        scope=Scope.CARE_STATUS_FACTS,
        http=http,
    )
