from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_out import IncidentOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_id: UUID,
    *,
    if_none_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/incident-api/v1/incidents/{incident_id}".format(
            incident_id=quote(str(incident_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IncidentOut | Problem | None:
    if response.status_code == 200:
        response_200 = IncidentOut.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | IncidentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | IncidentOut | Problem]:
    """Get Incident

     One incident, with the child's account and the victim's wishes as recorded.

    Answers 304 (no body) when `If-None-Match` names the current ETag.

    Args:
        incident_id (UUID):
        if_none_match (None | str | Unset): The ETag already held: 304 Not Modified when it is
            still current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | IncidentOut | Problem | None:
    """Get Incident

     One incident, with the child's account and the victim's wishes as recorded.

    Answers 304 (no body) when `If-None-Match` names the current ETag.

    Args:
        incident_id (UUID):
        if_none_match (None | str | Unset): The ETag already held: 304 Not Modified when it is
            still current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IncidentOut | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Response[Any | IncidentOut | Problem]:
    """Get Incident

     One incident, with the child's account and the victim's wishes as recorded.

    Answers 304 (no body) when `If-None-Match` names the current ETag.

    Args:
        incident_id (UUID):
        if_none_match (None | str | Unset): The ETag already held: 304 Not Modified when it is
            still current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    if_none_match: None | str | Unset = UNSET,
) -> Any | IncidentOut | Problem | None:
    """Get Incident

     One incident, with the child's account and the victim's wishes as recorded.

    Answers 304 (no body) when `If-None-Match` names the current ETag.

    Args:
        incident_id (UUID):
        if_none_match (None | str | Unset): The ETag already held: 304 Not Modified when it is
            still current

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IncidentOut | Problem
    """

    return (
        await asyncio_detailed(
            incident_id=incident_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
