from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_status_end import LegalStatusEnd
from ...models.legal_status_out import LegalStatusOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    legal_status_id: UUID,
    *,
    body: LegalStatusEnd,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/care-status-api/v1/children/{child_id}/legal-statuses/{legal_status_id}".format(
            child_id=quote(str(child_id), safe=""),
            legal_status_id=quote(str(legal_status_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalStatusOut | Problem | None:
    if response.status_code == 200:
        response_200 = LegalStatusOut.from_dict(response.json())

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
) -> Response[LegalStatusOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    child_id: UUID,
    legal_status_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusEnd,
    if_match: None | str | Unset = UNSET,
) -> Response[LegalStatusOut | Problem]:
    """End Legal Status

     Record (or correct) the day the legal status ceased; emits `care.ended`.

    Requires If-Match with the legal status's ETag (its `version`).

    Args:
        child_id (UUID):
        legal_status_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (LegalStatusEnd): Records (or corrects) the day the legal status ceased.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        legal_status_id=legal_status_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    legal_status_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusEnd,
    if_match: None | str | Unset = UNSET,
) -> LegalStatusOut | Problem | None:
    """End Legal Status

     Record (or correct) the day the legal status ceased; emits `care.ended`.

    Requires If-Match with the legal status's ETag (its `version`).

    Args:
        child_id (UUID):
        legal_status_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (LegalStatusEnd): Records (or corrects) the day the legal status ceased.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalStatusOut | Problem
    """

    return sync_detailed(
        child_id=child_id,
        legal_status_id=legal_status_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    legal_status_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusEnd,
    if_match: None | str | Unset = UNSET,
) -> Response[LegalStatusOut | Problem]:
    """End Legal Status

     Record (or correct) the day the legal status ceased; emits `care.ended`.

    Requires If-Match with the legal status's ETag (its `version`).

    Args:
        child_id (UUID):
        legal_status_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (LegalStatusEnd): Records (or corrects) the day the legal status ceased.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalStatusOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        legal_status_id=legal_status_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    legal_status_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LegalStatusEnd,
    if_match: None | str | Unset = UNSET,
) -> LegalStatusOut | Problem | None:
    """End Legal Status

     Record (or correct) the day the legal status ceased; emits `care.ended`.

    Requires If-Match with the legal status's ETag (its `version`).

    Args:
        child_id (UUID):
        legal_status_id (UUID):
        if_match (None | str | Unset): The ETag of the version being changed, e.g. `"3"`
            (required)
        body (LegalStatusEnd): Records (or corrects) the day the legal status ceased.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalStatusOut | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            legal_status_id=legal_status_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
