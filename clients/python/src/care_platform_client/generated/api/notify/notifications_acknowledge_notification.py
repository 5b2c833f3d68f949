from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.acknowledge_request import AcknowledgeRequest
from ...models.notification import Notification
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    notification_id: UUID,
    *,
    body: AcknowledgeRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notify-api/v1/notifications/{notification_id}/acknowledge".format(
            notification_id=quote(str(notification_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Notification | Problem | None:
    if response.status_code == 200:
        response_200 = Notification.from_dict(response.json())

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
) -> Response[Notification | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    notification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AcknowledgeRequest | Unset = UNSET,
) -> Response[Notification | Problem]:
    """Acknowledge Notification

     Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop,
    and every open step of its escalation ladder is closed. The body may say who
    acknowledged, a note and the action taken: kept with the notification, shown to the
    duty holder (`GET /v1/duties`).
    A visit duty may say when the visit was made (`visited_on`); the next visit is due
    the interval after it.

    Args:
        notification_id (UUID):
        body (AcknowledgeRequest | Unset): What an acknowledgement may say beyond "done"; the body
            is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Notification | Problem]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    notification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AcknowledgeRequest | Unset = UNSET,
) -> Notification | Problem | None:
    """Acknowledge Notification

     Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop,
    and every open step of its escalation ladder is closed. The body may say who
    acknowledged, a note and the action taken: kept with the notification, shown to the
    duty holder (`GET /v1/duties`).
    A visit duty may say when the visit was made (`visited_on`); the next visit is due
    the interval after it.

    Args:
        notification_id (UUID):
        body (AcknowledgeRequest | Unset): What an acknowledgement may say beyond "done"; the body
            is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Notification | Problem
    """

    return sync_detailed(
        notification_id=notification_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    notification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AcknowledgeRequest | Unset = UNSET,
) -> Response[Notification | Problem]:
    """Acknowledge Notification

     Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop,
    and every open step of its escalation ladder is closed. The body may say who
    acknowledged, a note and the action taken: kept with the notification, shown to the
    duty holder (`GET /v1/duties`).
    A visit duty may say when the visit was made (`visited_on`); the next visit is due
    the interval after it.

    Args:
        notification_id (UUID):
        body (AcknowledgeRequest | Unset): What an acknowledgement may say beyond "done"; the body
            is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Notification | Problem]
    """

    kwargs = _get_kwargs(
        notification_id=notification_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    notification_id: UUID,
    *,
    client: AuthenticatedClient,
    body: AcknowledgeRequest | Unset = UNSET,
) -> Notification | Problem | None:
    """Acknowledge Notification

     Acknowledge a notification addressed to the caller's organisation.

    Idempotent: acknowledging again answers the same notification and changes nothing.
    The deadline is met by acknowledgement, not by delivery; pushes still pending stop,
    and every open step of its escalation ladder is closed. The body may say who
    acknowledged, a note and the action taken: kept with the notification, shown to the
    duty holder (`GET /v1/duties`).
    A visit duty may say when the visit was made (`visited_on`); the next visit is due
    the interval after it.

    Args:
        notification_id (UUID):
        body (AcknowledgeRequest | Unset): What an acknowledgement may say beyond "done"; the body
            is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Notification | Problem
    """

    return (
        await asyncio_detailed(
            notification_id=notification_id,
            client=client,
            body=body,
        )
    ).parsed
