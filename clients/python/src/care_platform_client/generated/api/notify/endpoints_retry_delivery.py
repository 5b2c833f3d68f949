from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_retried import DeliveryRetried
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    delivery_id: UUID,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notify-api/v1/deliveries/{delivery_id}/retry".format(
            delivery_id=quote(str(delivery_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryRetried | Problem | None:
    if response.status_code == 202:
        response_202 = DeliveryRetried.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeliveryRetried | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DeliveryRetried | Problem]:
    """Retry Delivery

     Push a failed delivery again now, with its original `webhook-id`.

    One attempt, logged with trigger `manual`; not accepted, the delivery is failed
    again. A delivery already retried and not yet attempted answers as the first retry
    did. 409 for a delivery that is not failed or whose notification is no longer open;
    422 when its endpoint is disabled (re-enable it first).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRetried | Problem]
    """

    kwargs = _get_kwargs(
        delivery_id=delivery_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> DeliveryRetried | Problem | None:
    """Retry Delivery

     Push a failed delivery again now, with its original `webhook-id`.

    One attempt, logged with trigger `manual`; not accepted, the delivery is failed
    again. A delivery already retried and not yet attempted answers as the first retry
    did. 409 for a delivery that is not failed or whose notification is no longer open;
    422 when its endpoint is disabled (re-enable it first).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRetried | Problem
    """

    return sync_detailed(
        delivery_id=delivery_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[DeliveryRetried | Problem]:
    """Retry Delivery

     Push a failed delivery again now, with its original `webhook-id`.

    One attempt, logged with trigger `manual`; not accepted, the delivery is failed
    again. A delivery already retried and not yet attempted answers as the first retry
    did. 409 for a delivery that is not failed or whose notification is no longer open;
    422 when its endpoint is disabled (re-enable it first).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryRetried | Problem]
    """

    kwargs = _get_kwargs(
        delivery_id=delivery_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    delivery_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> DeliveryRetried | Problem | None:
    """Retry Delivery

     Push a failed delivery again now, with its original `webhook-id`.

    One attempt, logged with trigger `manual`; not accepted, the delivery is failed
    again. A delivery already retried and not yet attempted answers as the first retry
    did. 409 for a delivery that is not failed or whose notification is no longer open;
    422 when its endpoint is disabled (re-enable it first).

    Args:
        delivery_id (UUID):
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryRetried | Problem
    """

    return (
        await asyncio_detailed(
            delivery_id=delivery_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
