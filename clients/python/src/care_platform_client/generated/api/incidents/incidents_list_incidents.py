import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_kind import IncidentKind
from ...models.incident_page import IncidentPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_ref: None | str | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    authority: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_ref: None | str | Unset
    if isinstance(person_ref, Unset):
        json_person_ref = UNSET
    else:
        json_person_ref = person_ref
    params["person_ref"] = json_person_ref

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, IncidentKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_authority: None | str | Unset
    if isinstance(authority, Unset):
        json_authority = UNSET
    else:
        json_authority = authority
    params["authority"] = json_authority

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/incident-api/v1/incidents",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentPage | Problem | None:
    if response.status_code == 200:
        response_200 = IncidentPage.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IncidentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    person_ref: None | str | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    authority: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[IncidentPage | Problem]:
    """List Incidents

     The incidents the caller may read, newest first, with filters and a cursor.

    Args:
        person_ref (None | str | Unset):
        kind (IncidentKind | None | Unset):
        from_ (datetime.date | None | Unset): First Europe/London date, inclusive
        to (datetime.date | None | Unset): Last Europe/London date, inclusive
        authority (None | str | Unset): Responsible or area authority
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentPage | Problem]
    """

    kwargs = _get_kwargs(
        person_ref=person_ref,
        kind=kind,
        from_=from_,
        to=to,
        authority=authority,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    person_ref: None | str | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    authority: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> IncidentPage | Problem | None:
    """List Incidents

     The incidents the caller may read, newest first, with filters and a cursor.

    Args:
        person_ref (None | str | Unset):
        kind (IncidentKind | None | Unset):
        from_ (datetime.date | None | Unset): First Europe/London date, inclusive
        to (datetime.date | None | Unset): Last Europe/London date, inclusive
        authority (None | str | Unset): Responsible or area authority
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentPage | Problem
    """

    return sync_detailed(
        client=client,
        person_ref=person_ref,
        kind=kind,
        from_=from_,
        to=to,
        authority=authority,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_ref: None | str | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    authority: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[IncidentPage | Problem]:
    """List Incidents

     The incidents the caller may read, newest first, with filters and a cursor.

    Args:
        person_ref (None | str | Unset):
        kind (IncidentKind | None | Unset):
        from_ (datetime.date | None | Unset): First Europe/London date, inclusive
        to (datetime.date | None | Unset): Last Europe/London date, inclusive
        authority (None | str | Unset): Responsible or area authority
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentPage | Problem]
    """

    kwargs = _get_kwargs(
        person_ref=person_ref,
        kind=kind,
        from_=from_,
        to=to,
        authority=authority,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    person_ref: None | str | Unset = UNSET,
    kind: IncidentKind | None | Unset = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    authority: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> IncidentPage | Problem | None:
    """List Incidents

     The incidents the caller may read, newest first, with filters and a cursor.

    Args:
        person_ref (None | str | Unset):
        kind (IncidentKind | None | Unset):
        from_ (datetime.date | None | Unset): First Europe/London date, inclusive
        to (datetime.date | None | Unset): Last Europe/London date, inclusive
        authority (None | str | Unset): Responsible or area authority
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            person_ref=person_ref,
            kind=kind,
            from_=from_,
            to=to,
            authority=authority,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
