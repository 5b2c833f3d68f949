from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lookup_request import LookupRequest
from ...models.lookup_result import LookupResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: LookupRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/care-status-api/v1/lookups",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LookupResult | Problem | None:
    if response.status_code == 200:
        response_200 = LookupResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LookupResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LookupRequest,
) -> Response[LookupResult | Problem]:
    """Lookup Person

     Is this person looked after, or a care leaver under 25, and who must be told?

    Match by identifiers (NHS number, PNC id, person_ref) or by given name, family name
    and date of birth. Returns the minimum: never the placement address, the care plan
    or the legal basis. Every lookup is audited with the caller, purpose and result.

    Who is in scope, by age on `as_of`: `looked_after` under 18 (care ends at 18);
    `eligible` and `relevant` care leavers under 18; `former_relevant` under 25;
    `qualifying` under 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only when
    the responsible authority has recorded, on or before `as_of`, that they are in
    education or training (s.24B); otherwise a lookup at 21 or later answers `no_record`.
    Nobody is in scope from their 25th birthday. A record with no care episode at all (no
    legal status and no leaving-care record) takes no part: it is never matched, and so
    cannot make the lookup `ambiguous`.

    When several authorities each hold one record of the person (one date of birth) and
    every record is in scope, the answer is `match: several_authorities` with each
    authority and its contact route (`authorities`): tell each of them. Each authority's
    lookup audit names the others that hold a record (never their records).

    Args:
        body (LookupRequest): Identifiers, or given name + family name + date of birth; and why
            you ask.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: LookupRequest,
) -> LookupResult | Problem | None:
    """Lookup Person

     Is this person looked after, or a care leaver under 25, and who must be told?

    Match by identifiers (NHS number, PNC id, person_ref) or by given name, family name
    and date of birth. Returns the minimum: never the placement address, the care plan
    or the legal basis. Every lookup is audited with the caller, purpose and result.

    Who is in scope, by age on `as_of`: `looked_after` under 18 (care ends at 18);
    `eligible` and `relevant` care leavers under 18; `former_relevant` under 25;
    `qualifying` under 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only when
    the responsible authority has recorded, on or before `as_of`, that they are in
    education or training (s.24B); otherwise a lookup at 21 or later answers `no_record`.
    Nobody is in scope from their 25th birthday. A record with no care episode at all (no
    legal status and no leaving-care record) takes no part: it is never matched, and so
    cannot make the lookup `ambiguous`.

    When several authorities each hold one record of the person (one date of birth) and
    every record is in scope, the answer is `match: several_authorities` with each
    authority and its contact route (`authorities`): tell each of them. Each authority's
    lookup audit names the others that hold a record (never their records).

    Args:
        body (LookupRequest): Identifiers, or given name + family name + date of birth; and why
            you ask.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LookupRequest,
) -> Response[LookupResult | Problem]:
    """Lookup Person

     Is this person looked after, or a care leaver under 25, and who must be told?

    Match by identifiers (NHS number, PNC id, person_ref) or by given name, family name
    and date of birth. Returns the minimum: never the placement address, the care plan
    or the legal basis. Every lookup is audited with the caller, purpose and result.

    Who is in scope, by age on `as_of`: `looked_after` under 18 (care ends at 18);
    `eligible` and `relevant` care leavers under 18; `former_relevant` under 25;
    `qualifying` under 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only when
    the responsible authority has recorded, on or before `as_of`, that they are in
    education or training (s.24B); otherwise a lookup at 21 or later answers `no_record`.
    Nobody is in scope from their 25th birthday. A record with no care episode at all (no
    legal status and no leaving-care record) takes no part: it is never matched, and so
    cannot make the lookup `ambiguous`.

    When several authorities each hold one record of the person (one date of birth) and
    every record is in scope, the answer is `match: several_authorities` with each
    authority and its contact route (`authorities`): tell each of them. Each authority's
    lookup audit names the others that hold a record (never their records).

    Args:
        body (LookupRequest): Identifiers, or given name + family name + date of birth; and why
            you ask.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LookupResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LookupRequest,
) -> LookupResult | Problem | None:
    """Lookup Person

     Is this person looked after, or a care leaver under 25, and who must be told?

    Match by identifiers (NHS number, PNC id, person_ref) or by given name, family name
    and date of birth. Returns the minimum: never the placement address, the care plan
    or the legal basis. Every lookup is audited with the caller, purpose and result.

    Who is in scope, by age on `as_of`: `looked_after` under 18 (care ends at 18);
    `eligible` and `relevant` care leavers under 18; `former_relevant` under 25;
    `qualifying` under 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only when
    the responsible authority has recorded, on or before `as_of`, that they are in
    education or training (s.24B); otherwise a lookup at 21 or later answers `no_record`.
    Nobody is in scope from their 25th birthday. A record with no care episode at all (no
    legal status and no leaving-care record) takes no part: it is never matched, and so
    cannot make the lookup `ambiguous`.

    When several authorities each hold one record of the person (one date of birth) and
    every record is in scope, the answer is `match: several_authorities` with each
    authority and its contact route (`authorities`): tell each of them. Each authority's
    lookup audit names the others that hold a record (never their records).

    Args:
        body (LookupRequest): Identifiers, or given name + family name + date of birth; and why
            you ask.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LookupResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
