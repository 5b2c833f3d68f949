from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_out import IncidentOut
from ...models.incident_update import IncidentUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    incident_id: UUID,
    *,
    body: IncidentUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/incident-api/v1/incidents/{incident_id}".format(
            incident_id=quote(str(incident_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentOut | Problem | None:
    if response.status_code == 200:
        response_200 = IncidentOut.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IncidentOut | Problem]:
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
    body: IncidentUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[IncidentOut | Problem]:
    """Update Incident

     Add or change the outcome, the release date, the restorative result, the police
    force or time of involvement. Needs If-Match (428 without, 412 when stale).

    Args:
        incident_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (IncidentUpdate): What may be added or changed later: outcome, release date,
            restorative result...

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IncidentUpdate,
    if_match: None | str | Unset = UNSET,
) -> IncidentOut | Problem | None:
    """Update Incident

     Add or change the outcome, the release date, the restorative result, the police
    force or time of involvement. Needs If-Match (428 without, 412 when stale).

    Args:
        incident_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (IncidentUpdate): What may be added or changed later: outcome, release date,
            restorative result...

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentOut | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IncidentUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[IncidentOut | Problem]:
    """Update Incident

     Add or change the outcome, the release date, the restorative result, the police
    force or time of involvement. Needs If-Match (428 without, 412 when stale).

    Args:
        incident_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (IncidentUpdate): What may be added or changed later: outcome, release date,
            restorative result...

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
    body: IncidentUpdate,
    if_match: None | str | Unset = UNSET,
) -> IncidentOut | Problem | None:
    """Update Incident

     Add or change the outcome, the release date, the restorative result, the police
    force or time of involvement. Needs If-Match (428 without, 412 when stale).

    Args:
        incident_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (IncidentUpdate): What may be added or changed later: outcome, release date,
            restorative result...

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentOut | Problem
    """

    return (
        await asyncio_detailed(
            incident_id=incident_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
