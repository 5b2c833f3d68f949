from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_out import ConsentOut
from ...models.consent_put import ConsentPut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    child_id: UUID,
    purpose: Literal["notify_personal_adviser"],
    *,
    body: ConsentPut,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/care-status-api/v1/children/{child_id}/consents/{purpose}".format(
            child_id=quote(str(child_id), safe=""),
            purpose=quote(str(purpose), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsentOut | Problem | None:
    if response.status_code == 200:
        response_200 = ConsentOut.from_dict(response.json())

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
) -> Response[ConsentOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    child_id: UUID,
    purpose: Literal["notify_personal_adviser"],
    *,
    client: AuthenticatedClient,
    body: ConsentPut,
) -> Response[ConsentOut | Problem]:
    """Record Consent

     Record the young person's answer for a purpose, e.g. `notify_personal_adviser`
    (national protocol 7.2: the personal adviser is told only with consent).

    Args:
        child_id (UUID):
        purpose (Literal['notify_personal_adviser']):
        body (ConsentPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        purpose=purpose,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    purpose: Literal["notify_personal_adviser"],
    *,
    client: AuthenticatedClient,
    body: ConsentPut,
) -> ConsentOut | Problem | None:
    """Record Consent

     Record the young person's answer for a purpose, e.g. `notify_personal_adviser`
    (national protocol 7.2: the personal adviser is told only with consent).

    Args:
        child_id (UUID):
        purpose (Literal['notify_personal_adviser']):
        body (ConsentPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentOut | Problem
    """

    return sync_detailed(
        child_id=child_id,
        purpose=purpose,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    purpose: Literal["notify_personal_adviser"],
    *,
    client: AuthenticatedClient,
    body: ConsentPut,
) -> Response[ConsentOut | Problem]:
    """Record Consent

     Record the young person's answer for a purpose, e.g. `notify_personal_adviser`
    (national protocol 7.2: the personal adviser is told only with consent).

    Args:
        child_id (UUID):
        purpose (Literal['notify_personal_adviser']):
        body (ConsentPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        purpose=purpose,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    purpose: Literal["notify_personal_adviser"],
    *,
    client: AuthenticatedClient,
    body: ConsentPut,
) -> ConsentOut | Problem | None:
    """Record Consent

     Record the young person's answer for a purpose, e.g. `notify_personal_adviser`
    (national protocol 7.2: the personal adviser is told only with consent).

    Args:
        child_id (UUID):
        purpose (Literal['notify_personal_adviser']):
        body (ConsentPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentOut | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            purpose=purpose,
            client=client,
            body=body,
        )
    ).parsed
