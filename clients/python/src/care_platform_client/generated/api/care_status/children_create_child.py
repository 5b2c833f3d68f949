from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.child_create import ChildCreate
from ...models.child_record import ChildRecord
from ...models.duplicate_child_problem import DuplicateChildProblem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ChildCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/care-status-api/v1/children",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChildRecord | DuplicateChildProblem | Problem | None:
    if response.status_code == 201:
        response_201 = ChildRecord.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = DuplicateChildProblem.from_dict(response.json())

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
) -> Response[ChildRecord | DuplicateChildProblem | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ChildCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ChildRecord | DuplicateChildProblem | Problem]:
    """Create Child

     Create a child record; the caller's authority becomes the responsible authority.

    Honours `Idempotency-Key` (a retry answers the first 201). A person aged 25 or over,
    or born in the future, is refused. A name and date of birth your authority already
    holds is a 409 naming the existing record, unless `different_person` is true.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (ChildCreate): A new child record; the caller's organisation becomes the responsible
            authority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChildRecord | DuplicateChildProblem | Problem]
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
    body: ChildCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ChildRecord | DuplicateChildProblem | Problem | None:
    """Create Child

     Create a child record; the caller's authority becomes the responsible authority.

    Honours `Idempotency-Key` (a retry answers the first 201). A person aged 25 or over,
    or born in the future, is refused. A name and date of birth your authority already
    holds is a 409 naming the existing record, unless `different_person` is true.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (ChildCreate): A new child record; the caller's organisation becomes the responsible
            authority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChildRecord | DuplicateChildProblem | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ChildCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ChildRecord | DuplicateChildProblem | Problem]:
    """Create Child

     Create a child record; the caller's authority becomes the responsible authority.

    Honours `Idempotency-Key` (a retry answers the first 201). A person aged 25 or over,
    or born in the future, is refused. A name and date of birth your authority already
    holds is a 409 naming the existing record, unless `different_person` is true.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (ChildCreate): A new child record; the caller's organisation becomes the responsible
            authority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChildRecord | DuplicateChildProblem | Problem]
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
    body: ChildCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> ChildRecord | DuplicateChildProblem | Problem | None:
    """Create Child

     Create a child record; the caller's authority becomes the responsible authority.

    Honours `Idempotency-Key` (a retry answers the first 201). A person aged 25 or over,
    or born in the future, is refused. A name and date of birth your authority already
    holds is a 409 naming the existing record, unless `different_person` is true.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (ChildCreate): A new child record; the caller's organisation becomes the responsible
            authority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChildRecord | DuplicateChildProblem | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
