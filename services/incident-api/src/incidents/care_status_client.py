"""The HTTP client to care-status-api: the status facts of a person_ref as of a date, and
the cohort of an authority's children looked after continuously for 12 months.

All resolution of a `person_ref` goes through `CareStatusClient.status_facts`, which calls
`GET {care_status_url}/v1/status-facts/{person_ref}?as_of=YYYY-MM-DD` with incident-api's
own client-credentials token (scope `care-status:facts`) and answers one of three ways:
the facts block of the contract (`platform_shared.contracts.facts.StatusFacts`),
`PersonNotFound` (care-status-api answered 404), or `CareStatusUnavailable` (unreachable, timed out, refused our token, answered 5xx or a
block that does not match the contract). Callers decide what unavailability means: a
new incident is still recorded, its event waits for the facts.

Every read names the organisation and client it is made for (issue 15 finding 2): the
header `Platform-On-Behalf-Of: org=<org code>; client=<client_id>` goes with incident-api's
own token, so that care-status-api (which honours it only from a token holding
`care-status:facts`) audits the real reader, not `platform`. Both values are
percent-encoded outside RFC 3986's unreserved characters, so neither can break the
header's `;`/`=` structure.

`CareStatusClient.continuously_looked_after` calls
`GET {care_status_url}/v1/status-facts/cohorts/continuously-looked-after?authority=&on=&min_age=`
(same token and scope) for the denominator of the DfE national measure (national protocol
1.4 footnote 2): `{"authority", "on", "min_age", "count", "person_refs": [...]}`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import quote

import httpx
from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from incidents.auth import Scope
from platform_shared.auth import ClientCredentials, OidcDiscovery
from platform_shared.contracts.facts import OrganisationCode, PersonRef, StatusFacts

logger = logging.getLogger("incidents.care_status")

#: The header naming the caller a platform read is made for (see the module docstring).
ON_BEHALF_OF = "Platform-On-Behalf-Of"


@dataclass(frozen=True)
class Reader:
    """The organisation and client a read of care-status-api is made on behalf of."""

    org: str
    client_id: str

    def header_value(self) -> str:
        return f"org={quote(self.org, safe='')}; client={quote(self.client_id, safe='')}"


class CareStatusUnavailable(Exception):
    """care-status-api could not give an answer now; asking again later may work."""


class PersonNotFound(Exception):
    """care-status-api does not know the person_ref (it answered 404)."""


class Cohort(BaseModel):
    """Children of `authority` looked after continuously for 12 months or more on `on`,
    aged `min_age` or over then (care-status-api's answer, as incident-api reads it)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    authority: OrganisationCode
    on: date
    min_age: StrictInt
    count: Annotated[int, Field(ge=0, strict=True)]
    person_refs: list[PersonRef]


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

    async def status_facts(
        self, person_ref: str, as_of: date, *, on_behalf_of: Reader | None
    ) -> StatusFacts:
        """The facts of `person_ref` on `as_of`, read for `on_behalf_of` (None only for an
        incident stored before its recorder's client was kept: care-status-api then
        audits the read as incident-api's own).

        Raises PersonNotFound on a 404 and CareStatusUnavailable on anything else that
        is not a valid facts block (a 401 is retried once with a fresh token).
        """
        url = f"{self.base_url}/v1/status-facts/{quote(person_ref, safe='')}"
        response = await self._get(url, as_of, on_behalf_of)
        if response.status_code == 401:
            self._credentials.forget()
            response = await self._get(url, as_of, on_behalf_of)
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

    async def continuously_looked_after(
        self, authority: str, on: date, min_age: int, *, on_behalf_of: Reader
    ) -> Cohort:
        """The cohort of the DfE national measure for `authority` on `on`, read for
        `on_behalf_of`.

        Raises CareStatusUnavailable on anything that is not the cohort asked for (a 401
        is retried once with a fresh token).
        """
        url = f"{self.base_url}/v1/status-facts/cohorts/continuously-looked-after"
        params = {"authority": authority, "on": on.isoformat(), "min_age": str(min_age)}
        response = await self._get(url, params, on_behalf_of)
        if response.status_code == 401:
            self._credentials.forget()
            response = await self._get(url, params, on_behalf_of)
        if not response.is_success:
            logger.warning("care-status-api refused", extra={"status": response.status_code})
            raise CareStatusUnavailable(f"HTTP {response.status_code}")
        try:
            cohort = Cohort.model_validate(response.json())
        except (ValueError, ValidationError) as error:
            logger.warning("care-status-api answered a malformed cohort")
            raise CareStatusUnavailable("malformed cohort") from error
        asked = (authority, on, min_age)
        if (cohort.authority, cohort.on, cohort.min_age) != asked or cohort.count != len(
            set(cohort.person_refs)
        ):
            logger.warning("care-status-api answered another cohort than asked")
            raise CareStatusUnavailable("inconsistent cohort")
        return cohort

    async def _get(
        self, url: str, params: date | dict[str, str], on_behalf_of: Reader | None
    ) -> httpx.Response:
        try:
            token = await self._credentials.token()
        except (httpx.HTTPError, KeyError, ValueError) as error:
            raise CareStatusUnavailable(f"no token: {type(error).__name__}") from error
        client = self._http or httpx.AsyncClient(timeout=self._timeout)
        try:
            if isinstance(params, date):
                params = {"as_of": params.isoformat()}
            headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
            if on_behalf_of is not None:
                headers[ON_BEHALF_OF] = on_behalf_of.header_value()
            return await client.get(url, params=params, headers=headers)
        except httpx.HTTPError as error:
            raise CareStatusUnavailable(type(error).__name__) from error
        finally:
            if self._http is None:
                await client.aclose()


def facts_credentials(
    *,
    token_url: str,
    client_id: str,
    client_secret: str,
    http: httpx.AsyncClient | None = None,
    discovery: OidcDiscovery | None = None,
    request_scope: str | None = None,
) -> ClientCredentials:
    """incident-api's client-credentials for care-status-api (scope `care-status:facts`,
    unless the provider wants its own, e.g. Entra ID's `api://.../.default`)."""
    return ClientCredentials(
        token_url=token_url,
        client_id=client_id,
        client_secret=client_secret,
        scope=request_scope or Scope.CARE_STATUS_FACTS,
        http=http,
        discovery=discovery,
    )
