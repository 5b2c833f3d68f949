from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.email_endpoint_create import EmailEndpointCreate
from ...models.endpoint_created import EndpointCreated
from ...models.problem import Problem
from ...models.webhook_endpoint_create import WebhookEndpointCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EmailEndpointCreate | WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notify-api/v1/endpoints",
    }

    if isinstance(body, WebhookEndpointCreate):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EndpointCreated | Problem | None:
    if response.status_code == 201:
        response_201 = EndpointCreated.from_dict(response.json())

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
) -> Response[EndpointCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EmailEndpointCreate | WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EndpointCreated | Problem]:
    """Register Endpoint

     Register one of the caller organisation's channels: a webhook or an email address.

    A webhook URL is resolved and every address checked: link-local, metadata and
    private addresses are always refused (also inside an IPv6 form that carries an IPv4
    address); loopback only in development mode; https is required except for loopback
    http in development mode. The answer carries a webhook's `whsec_` secret, shown this
    once; it is stored sealed and never shown again.

    With `since` (at most 90 days ago), the organisation's open notifications made since
    then that the filters accept (never withheld ones) are delivered to the new endpoint
    too, in sequence order; `backfilled` says how many.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (EmailEndpointCreate | WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
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
    body: EmailEndpointCreate | WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EndpointCreated | Problem | None:
    """Register Endpoint

     Register one of the caller organisation's channels: a webhook or an email address.

    A webhook URL is resolved and every address checked: link-local, metadata and
    private addresses are always refused (also inside an IPv6 form that carries an IPv4
    address); loopback only in development mode; https is required except for loopback
    http in development mode. The answer carries a webhook's `whsec_` secret, shown this
    once; it is stored sealed and never shown again.

    With `since` (at most 90 days ago), the organisation's open notifications made since
    then that the filters accept (never withheld ones) are delivered to the new endpoint
    too, in sequence order; `backfilled` says how many.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (EmailEndpointCreate | WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EmailEndpointCreate | WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EndpointCreated | Problem]:
    """Register Endpoint

     Register one of the caller organisation's channels: a webhook or an email address.

    A webhook URL is resolved and every address checked: link-local, metadata and
    private addresses are always refused (also inside an IPv6 form that carries an IPv4
    address); loopback only in development mode; https is required except for loopback
    http in development mode. The answer carries a webhook's `whsec_` secret, shown this
    once; it is stored sealed and never shown again.

    With `since` (at most 90 days ago), the organisation's open notifications made since
    then that the filters accept (never withheld ones) are delivered to the new endpoint
    too, in sequence order; `backfilled` says how many.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (EmailEndpointCreate | WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EndpointCreated | Problem]
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
    body: EmailEndpointCreate | WebhookEndpointCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EndpointCreated | Problem | None:
    """Register Endpoint

     Register one of the caller organisation's channels: a webhook or an email address.

    A webhook URL is resolved and every address checked: link-local, metadata and
    private addresses are always refused (also inside an IPv6 form that carries an IPv4
    address); loopback only in development mode; https is required except for loopback
    http in development mode. The answer carries a webhook's `whsec_` secret, shown this
    once; it is stored sealed and never shown again.

    With `since` (at most 90 days ago), the organisation's open notifications made since
    then that the filters accept (never withheld ones) are delivered to the new endpoint
    too, in sequence order; `backfilled` says how many.

    Args:
        idempotency_key (None | str | Unset): Retries with the same key replay the first response
            and create nothing
        body (EmailEndpointCreate | WebhookEndpointCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EndpointCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
