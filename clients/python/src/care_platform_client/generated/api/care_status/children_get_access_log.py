from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_log_page import AccessLogPage
from ...models.export_format import ExportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 25,
    format_: ExportFormat | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ExportFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/care-status-api/v1/children/{child_id}/access-log".format(
            child_id=quote(str(child_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessLogPage | Problem | None:
    if response.status_code == 200:
        response_200 = AccessLogPage.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessLogPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 25,
    format_: ExportFormat | None | Unset = UNSET,
) -> Response[AccessLogPage | Problem]:
    """Get Access Log

     Every access to the record of one of your children, most recent first: lookups,
    reads of the record, facts reads by the platform's services (with the caller they read
    for), and reads or changes refused with a 404, by whom (org, client), when, why, and
    with what outcome; and your own writes. The first page is the 25 most recent (CP-IS).
    The reading is audited (and not listed). `?format=csv` or `Accept: text/csv`: CSV.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200; default 25, the most recent accesses CP-
            IS shows) Default: 25.
        format_ (ExportFormat | None | Unset): `csv` exports the page as text/csv (as `Accept:
            text/csv` does)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessLogPage | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        cursor=cursor,
        limit=limit,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 25,
    format_: ExportFormat | None | Unset = UNSET,
) -> AccessLogPage | Problem | None:
    """Get Access Log

     Every access to the record of one of your children, most recent first: lookups,
    reads of the record, facts reads by the platform's services (with the caller they read
    for), and reads or changes refused with a 404, by whom (org, client), when, why, and
    with what outcome; and your own writes. The first page is the 25 most recent (CP-IS).
    The reading is audited (and not listed). `?format=csv` or `Accept: text/csv`: CSV.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200; default 25, the most recent accesses CP-
            IS shows) Default: 25.
        format_ (ExportFormat | None | Unset): `csv` exports the page as text/csv (as `Accept:
            text/csv` does)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessLogPage | Problem
    """

    return sync_detailed(
        child_id=child_id,
        client=client,
        cursor=cursor,
        limit=limit,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 25,
    format_: ExportFormat | None | Unset = UNSET,
) -> Response[AccessLogPage | Problem]:
    """Get Access Log

     Every access to the record of one of your children, most recent first: lookups,
    reads of the record, facts reads by the platform's services (with the caller they read
    for), and reads or changes refused with a 404, by whom (org, client), when, why, and
    with what outcome; and your own writes. The first page is the 25 most recent (CP-IS).
    The reading is audited (and not listed). `?format=csv` or `Accept: text/csv`: CSV.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200; default 25, the most recent accesses CP-
            IS shows) Default: 25.
        format_ (ExportFormat | None | Unset): `csv` exports the page as text/csv (as `Accept:
            text/csv` does)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessLogPage | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        cursor=cursor,
        limit=limit,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 25,
    format_: ExportFormat | None | Unset = UNSET,
) -> AccessLogPage | Problem | None:
    """Get Access Log

     Every access to the record of one of your children, most recent first: lookups,
    reads of the record, facts reads by the platform's services (with the caller they read
    for), and reads or changes refused with a 404, by whom (org, client), when, why, and
    with what outcome; and your own writes. The first page is the 25 most recent (CP-IS).
    The reading is audited (and not listed). `?format=csv` or `Accept: text/csv`: CSV.

    Args:
        child_id (UUID):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200; default 25, the most recent accesses CP-
            IS shows) Default: 25.
        format_ (ExportFormat | None | Unset): `csv` exports the page as text/csv (as `Accept:
            text/csv` does)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessLogPage | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            client=client,
            cursor=cursor,
            limit=limit,
            format_=format_,
        )
    ).parsed
