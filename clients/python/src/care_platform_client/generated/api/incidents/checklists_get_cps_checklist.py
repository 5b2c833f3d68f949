from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cps_checklist import CpsChecklist
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    incident_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/incident-api/v1/incidents/{incident_id}/cps-checklist".format(
            incident_id=quote(str(incident_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CpsChecklist | Problem | None:
    if response.status_code == 200:
        response_200 = CpsChecklist.from_dict(response.json())

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
) -> Response[CpsChecklist | Problem]:
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
) -> Response[CpsChecklist | Problem]:
    """Get Cps Checklist

     The incident's CPS 10-point checklist: sections, what is missing, when it was due.

    Due (sections 1-8, 24 hours after police involvement) only where the child's
    responsible authority adopted the Derbyshire protocol; elsewhere `required` is false,
    `due_at` null and `not_required_reason` says why (London uses the police's Child
    Information Form instead).

    Args:
        incident_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CpsChecklist | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CpsChecklist | Problem | None:
    """Get Cps Checklist

     The incident's CPS 10-point checklist: sections, what is missing, when it was due.

    Due (sections 1-8, 24 hours after police involvement) only where the child's
    responsible authority adopted the Derbyshire protocol; elsewhere `required` is false,
    `due_at` null and `not_required_reason` says why (London uses the police's Child
    Information Form instead).

    Args:
        incident_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CpsChecklist | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[CpsChecklist | Problem]:
    """Get Cps Checklist

     The incident's CPS 10-point checklist: sections, what is missing, when it was due.

    Due (sections 1-8, 24 hours after police involvement) only where the child's
    responsible authority adopted the Derbyshire protocol; elsewhere `required` is false,
    `due_at` null and `not_required_reason` says why (London uses the police's Child
    Information Form instead).

    Args:
        incident_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CpsChecklist | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    *,
    client: AuthenticatedClient,
) -> CpsChecklist | Problem | None:
    """Get Cps Checklist

     The incident's CPS 10-point checklist: sections, what is missing, when it was due.

    Due (sections 1-8, 24 hours after police involvement) only where the child's
    responsible authority adopted the Derbyshire protocol; elsewhere `required` is false,
    `due_at` null and `not_required_reason` says why (London uses the police's Child
    Information Form instead).

    Args:
        incident_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CpsChecklist | Problem
    """

    return (
        await asyncio_detailed(
            incident_id=incident_id,
            client=client,
        )
    ).parsed
