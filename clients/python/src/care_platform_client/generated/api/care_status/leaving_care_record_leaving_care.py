from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.leaving_care_out import LeavingCareOut
from ...models.leaving_care_put import LeavingCarePut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    child_id: UUID,
    *,
    body: LeavingCarePut,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/care-status-api/v1/children/{child_id}/leaving-care".format(
            child_id=quote(str(child_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LeavingCareOut | Problem | None:
    if response.status_code == 200:
        response_200 = LeavingCareOut.from_dict(response.json())

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
) -> Response[LeavingCareOut | Problem]:
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
    body: LeavingCarePut,
) -> Response[LeavingCareOut | Problem]:
    """Record Leaving Care

     Record when the young person left care, with an optional explicit category.

    Emits `care_leaver.recorded` when the record changes. A legal status still open on
    `left_care_on` must be ended first. An explicit category is audited. A qualifying care
    leaver is in scope to 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only with
    `in_education_or_training` true and the day it was recorded (s.24B).

    Args:
        child_id (UUID):
        body (LeavingCarePut): The whole leaving-care record (a PUT: an omitted field takes its
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeavingCareOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeavingCarePut,
) -> LeavingCareOut | Problem | None:
    """Record Leaving Care

     Record when the young person left care, with an optional explicit category.

    Emits `care_leaver.recorded` when the record changes. A legal status still open on
    `left_care_on` must be ended first. An explicit category is audited. A qualifying care
    leaver is in scope to 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only with
    `in_education_or_training` true and the day it was recorded (s.24B).

    Args:
        child_id (UUID):
        body (LeavingCarePut): The whole leaving-care record (a PUT: an omitted field takes its
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeavingCareOut | Problem
    """

    return sync_detailed(
        child_id=child_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeavingCarePut,
) -> Response[LeavingCareOut | Problem]:
    """Record Leaving Care

     Record when the young person left care, with an optional explicit category.

    Emits `care_leaver.recorded` when the record changes. A legal status still open on
    `left_care_on` must be ended first. An explicit category is audited. A qualifying care
    leaver is in scope to 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only with
    `in_education_or_training` true and the day it was recorded (s.24B).

    Args:
        child_id (UUID):
        body (LeavingCarePut): The whole leaving-care record (a PUT: an omitted field takes its
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LeavingCareOut | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    body: LeavingCarePut,
) -> LeavingCareOut | Problem | None:
    """Record Leaving Care

     Record when the young person left care, with an optional explicit category.

    Emits `care_leaver.recorded` when the record changes. A legal status still open on
    `left_care_on` must be ended first. An explicit category is audited. A qualifying care
    leaver is in scope to 21 (Children Act 1989 s.24(1B)(a)), and from 21 to 25 only with
    `in_education_or_training` true and the day it was recorded (s.24B).

    Args:
        child_id (UUID):
        body (LeavingCarePut): The whole leaving-care record (a PUT: an omitted field takes its
            default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LeavingCareOut | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            client=client,
            body=body,
        )
    ).parsed
