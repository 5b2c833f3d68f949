from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cps_checklist import CpsChecklist
from ...models.problem import Problem
from ...models.section_write import SectionWrite
from ...types import Response


def _get_kwargs(
    incident_id: UUID,
    section: int,
    *,
    body: SectionWrite,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/incident-api/v1/incidents/{incident_id}/cps-checklist/{section}".format(
            incident_id=quote(str(incident_id), safe=""),
            section=quote(str(section), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[CpsChecklist | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    incident_id: UUID,
    section: int,
    *,
    client: AuthenticatedClient,
    body: SectionWrite,
) -> Response[CpsChecklist | Problem]:
    """Put Cps Checklist Section

     Write one section. Providers and local authorities write sections 1-8 (due 24
    hours after police involvement), police forces sections 9-10; others get 403. 409
    when the child's responsible authority has not adopted the Derbyshire protocol.

    Args:
        incident_id (UUID):
        section (int): Section number, 1 to 10
        body (SectionWrite): The text of one section, as its writer gives it (kept verbatim).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CpsChecklist | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        section=section,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    incident_id: UUID,
    section: int,
    *,
    client: AuthenticatedClient,
    body: SectionWrite,
) -> CpsChecklist | Problem | None:
    """Put Cps Checklist Section

     Write one section. Providers and local authorities write sections 1-8 (due 24
    hours after police involvement), police forces sections 9-10; others get 403. 409
    when the child's responsible authority has not adopted the Derbyshire protocol.

    Args:
        incident_id (UUID):
        section (int): Section number, 1 to 10
        body (SectionWrite): The text of one section, as its writer gives it (kept verbatim).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CpsChecklist | Problem
    """

    return sync_detailed(
        incident_id=incident_id,
        section=section,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    incident_id: UUID,
    section: int,
    *,
    client: AuthenticatedClient,
    body: SectionWrite,
) -> Response[CpsChecklist | Problem]:
    """Put Cps Checklist Section

     Write one section. Providers and local authorities write sections 1-8 (due 24
    hours after police involvement), police forces sections 9-10; others get 403. 409
    when the child's responsible authority has not adopted the Derbyshire protocol.

    Args:
        incident_id (UUID):
        section (int): Section number, 1 to 10
        body (SectionWrite): The text of one section, as its writer gives it (kept verbatim).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CpsChecklist | Problem]
    """

    kwargs = _get_kwargs(
        incident_id=incident_id,
        section=section,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    incident_id: UUID,
    section: int,
    *,
    client: AuthenticatedClient,
    body: SectionWrite,
) -> CpsChecklist | Problem | None:
    """Put Cps Checklist Section

     Write one section. Providers and local authorities write sections 1-8 (due 24
    hours after police involvement), police forces sections 9-10; others get 403. 409
    when the child's responsible authority has not adopted the Derbyshire protocol.

    Args:
        incident_id (UUID):
        section (int): Section number, 1 to 10
        body (SectionWrite): The text of one section, as its writer gives it (kept verbatim).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CpsChecklist | Problem
    """

    return (
        await asyncio_detailed(
            incident_id=incident_id,
            section=section,
            client=client,
            body=body,
        )
    ).parsed
