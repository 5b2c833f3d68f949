from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.recover_request import RecoverRequest
from ...models.recovered import Recovered
from ...types import UNSET, Response, Unset


def _get_kwargs(
    endpoint_id: UUID,
    *,
    body: RecoverRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notify-api/v1/endpoints/{endpoint_id}/recover".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Recovered | None:
    if response.status_code == 202:
        response_202 = Recovered.from_dict(response.json())

        return response_202

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
) -> Response[Problem | Recovered]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | Recovered]:
    """Recover Endpoint

     Push again every delivery to the endpoint that ended `failed` in the window.

    The window is `since` to `until` (default now), at most 14 days, on when each
    delivery ended. Each is made pending, due now, with its original `webhook-id`; its
    next attempt is logged with trigger `manual` and is one attempt (not accepted, it is
    failed again). Failed deliveries of notifications no longer open are left alone and
    counted. 422 for a window too long or reversed, or a disabled endpoint (re-enable it
    first). Repeating a recover finds nothing failed to make pending again.

    Args:
        endpoint_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (RecoverRequest): A window of at most 14 days; `until` defaults to now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recovered]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | Recovered | None:
    """Recover Endpoint

     Push again every delivery to the endpoint that ended `failed` in the window.

    The window is `since` to `until` (default now), at most 14 days, on when each
    delivery ended. Each is made pending, due now, with its original `webhook-id`; its
    next attempt is logged with trigger `manual` and is one attempt (not accepted, it is
    failed again). Failed deliveries of notifications no longer open are left alone and
    counted. 422 for a window too long or reversed, or a disabled endpoint (re-enable it
    first). Repeating a recover finds nothing failed to make pending again.

    Args:
        endpoint_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (RecoverRequest): A window of at most 14 days; `until` defaults to now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recovered
    """

    return sync_detailed(
        endpoint_id=endpoint_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | Recovered]:
    """Recover Endpoint

     Push again every delivery to the endpoint that ended `failed` in the window.

    The window is `since` to `until` (default now), at most 14 days, on when each
    delivery ended. Each is made pending, due now, with its original `webhook-id`; its
    next attempt is logged with trigger `manual` and is one attempt (not accepted, it is
    failed again). Failed deliveries of notifications no longer open are left alone and
    counted. 422 for a window too long or reversed, or a disabled endpoint (re-enable it
    first). Repeating a recover finds nothing failed to make pending again.

    Args:
        endpoint_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (RecoverRequest): A window of at most 14 days; `until` defaults to now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Recovered]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RecoverRequest,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | Recovered | None:
    """Recover Endpoint

     Push again every delivery to the endpoint that ended `failed` in the window.

    The window is `since` to `until` (default now), at most 14 days, on when each
    delivery ended. Each is made pending, due now, with its original `webhook-id`; its
    next attempt is logged with trigger `manual` and is one attempt (not accepted, it is
    failed again). Failed deliveries of notifications no longer open are left alone and
    counted. 422 for a window too long or reversed, or a disabled endpoint (re-enable it
    first). Repeating a recover finds nothing failed to make pending again.

    Args:
        endpoint_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (RecoverRequest): A window of at most 14 days; `until` defaults to now.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Recovered
    """

    return (
        await asyncio_detailed(
            endpoint_id=endpoint_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
