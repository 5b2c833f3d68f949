from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_status_create import LegalStatusCreate
from ...models.legal_status_out import LegalStatusOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    *,
    body: LegalStatusCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/care-status-api/v1/children/{child_id}/legal-statuses".format(
            child_id=quote(str(child_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalStatusOut | Problem | None:
    if response.status_code == 201:
        response_201 = LegalStatusOut.from_dict(response.json())

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
) -> Response[LegalStatusOut | Problem]:
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
    body: LegalStatusCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[LegalStatusOut | Problem]:
    """Create Legal Status

     Record a legal status (care episode); emits `care.started` (and `care.ended` when
    the end date is given). Overlapping another legal status of the child is refused.
    Honours `Idempotency-Key`.

    Args:
        child_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (LegalStatusCreate): A care episode. Dates are half-open: `end_date` is the day it
            ceased (SSDA903).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> LegalStatusOut | Problem | None:
    """Create Legal Status

     Record a legal status (care episode); emits `care.started` (and `care.ended` when
    the end date is given). Overlapping another legal status of the child is refused.
    Honours `Idempotency-Key`.

    Args:
        child_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (LegalStatusCreate): A care episode. Dates are half-open: `end_date` is the day it
            ceased (SSDA903).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalStatusOut | Problem
    """

    return sync_detailed(
        child_id=child_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[LegalStatusOut | Problem]:
    """Create Legal Status

     Record a legal status (care episode); emits `care.started` (and `care.ended` when
    the end date is given). Overlapping another legal status of the child is refused.
    Honours `Idempotency-Key`.

    Args:
        child_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (LegalStatusCreate): A care episode. Dates are half-open: `end_date` is the day it
            ceased (SSDA903).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> LegalStatusOut | Problem | None:
    """Create Legal Status

     Record a legal status (care episode); emits `care.started` (and `care.ended` when
    the end date is given). Overlapping another legal status of the child is refused.
    Honours `Idempotency-Key`.

    Args:
        child_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (LegalStatusCreate): A care episode. Dates are half-open: `end_date` is the day it
            ceased (SSDA903).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalStatusOut | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
