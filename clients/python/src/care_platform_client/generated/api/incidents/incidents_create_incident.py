from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.incident_create import IncidentCreate
from ...models.incident_out import IncidentOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IncidentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/incident-api/v1/incidents",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IncidentOut | Problem | None:
    if response.status_code == 201:
        response_201 = IncidentOut.from_dict(response.json())

        return response_201

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
) -> Response[IncidentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IncidentOut | Problem]:
    """Create Incident

     Record an incident or a police contact record about a person_ref.

    Its status facts are read from care-status-api as of occurred_at's Europe/London
    date. When care-status-api is unreachable the incident is still recorded
    (`facts_pending: true`) and its event waits until the facts can be read. A
    person_ref care-status-api does not know is refused (422, `body.person_ref`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (IncidentCreate): An incident, or a police contact record, about a person_ref.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> IncidentOut | Problem | None:
    """Create Incident

     Record an incident or a police contact record about a person_ref.

    Its status facts are read from care-status-api as of occurred_at's Europe/London
    date. When care-status-api is unreachable the incident is still recorded
    (`facts_pending: true`) and its event waits until the facts can be read. A
    person_ref care-status-api does not know is refused (422, `body.person_ref`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (IncidentCreate): An incident, or a police contact record, about a person_ref.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[IncidentOut | Problem]:
    """Create Incident

     Record an incident or a police contact record about a person_ref.

    Its status facts are read from care-status-api as of occurred_at's Europe/London
    date. When care-status-api is unreachable the incident is still recorded
    (`facts_pending: true`) and its event waits until the facts can be read. A
    person_ref care-status-api does not know is refused (422, `body.person_ref`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (IncidentCreate): An incident, or a police contact record, about a person_ref.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IncidentOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IncidentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> IncidentOut | Problem | None:
    """Create Incident

     Record an incident or a police contact record about a person_ref.

    Its status facts are read from care-status-api as of occurred_at's Europe/London
    date. When care-status-api is unreachable the incident is still recorded
    (`facts_pending: true`) and its event waits until the facts can be read. A
    person_ref care-status-api does not know is refused (422, `body.person_ref`).

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (IncidentCreate): An incident, or a police contact record, about a person_ref.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IncidentOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
