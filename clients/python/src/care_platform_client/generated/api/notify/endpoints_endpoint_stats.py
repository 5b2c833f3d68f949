import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.endpoint_stats import EndpointStats
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.datetime):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notify-api/v1/endpoints/{endpoint_id}/stats".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointStats | Problem | None:
    if response.status_code == 200:
        response_200 = EndpointStats.from_dict(response.json())

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
) -> Response[EndpointStats | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[EndpointStats | Problem]:
    """Endpoint Stats

     Deliveries made in the period by status (default the last 7 days, at most 90),
    the last accepted attempt, the current run of attempts not accepted, and when the
    endpoint will be disabled if that run goes on.

    Args:
        endpoint_id (UUID):
        since (datetime.datetime | None | Unset): An ISO 8601 instant with an offset
            (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        until (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or
            a day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointStats | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> EndpointStats | Problem | None:
    """Endpoint Stats

     Deliveries made in the period by status (default the last 7 days, at most 90),
    the last accepted attempt, the current run of attempts not accepted, and when the
    endpoint will be disabled if that run goes on.

    Args:
        endpoint_id (UUID):
        since (datetime.datetime | None | Unset): An ISO 8601 instant with an offset
            (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        until (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or
            a day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointStats | Problem
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> Response[EndpointStats | Problem]:
    """Endpoint Stats

     Deliveries made in the period by status (default the last 7 days, at most 90),
    the last accepted attempt, the current run of attempts not accepted, and when the
    endpoint will be disabled if that run goes on.

    Args:
        endpoint_id (UUID):
        since (datetime.datetime | None | Unset): An ISO 8601 instant with an offset
            (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        until (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or
            a day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointStats | Problem]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | None | Unset = UNSET,
    until: datetime.datetime | None | Unset = UNSET,
) -> EndpointStats | Problem | None:
    """Endpoint Stats

     Deliveries made in the period by status (default the last 7 days, at most 90),
    the last accepted attempt, the current run of attempts not accepted, and when the
    endpoint will be disabled if that run goes on.

    Args:
        endpoint_id (UUID):
        since (datetime.datetime | None | Unset): An ISO 8601 instant with an offset
            (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        until (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or
            a day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointStats | Problem
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            since=since,
            until=until,
        )
    ).parsed
