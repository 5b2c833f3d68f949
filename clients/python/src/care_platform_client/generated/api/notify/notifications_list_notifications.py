import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.notification_page import NotificationPage
from ...models.notification_status import NotificationStatus
from ...models.problem import Problem
from ...models.recipient_role import RecipientRole
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: None | NotificationStatus | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    role: None | RecipientRole | Unset = UNSET,
    after_sequence: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, NotificationStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_due_before: None | str | Unset
    if isinstance(due_before, Unset):
        json_due_before = UNSET
    elif isinstance(due_before, datetime.datetime):
        json_due_before = due_before.isoformat()
    else:
        json_due_before = due_before
    params["due_before"] = json_due_before

    json_rule: None | str | Unset
    if isinstance(rule, Unset):
        json_rule = UNSET
    else:
        json_rule = rule
    params["rule"] = json_rule

    json_role: None | str | Unset
    if isinstance(role, Unset):
        json_role = UNSET
    elif isinstance(role, RecipientRole):
        json_role = role.value
    else:
        json_role = role
    params["role"] = json_role

    json_after_sequence: int | None | Unset
    if isinstance(after_sequence, Unset):
        json_after_sequence = UNSET
    else:
        json_after_sequence = after_sequence
    params["after_sequence"] = json_after_sequence

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notify-api/v1/notifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NotificationPage | Problem | None:
    if response.status_code == 200:
        response_200 = NotificationPage.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NotificationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | NotificationStatus | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    role: None | RecipientRole | Unset = UNSET,
    after_sequence: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[NotificationPage | Problem]:
    """List Notifications

     The caller organisation's notifications in `sequence` order, filtered and paged.

    Args:
        status (None | NotificationStatus | Unset):
        due_before (datetime.datetime | None | Unset): Due strictly before this. An ISO 8601
            instant with an offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00
            Europe/London on it
        rule (None | str | Unset):
        role (None | RecipientRole | Unset):
        after_sequence (int | None | Unset): Only sequence numbers above this (gap recovery)
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        due_before=due_before,
        rule=rule,
        role=role,
        after_sequence=after_sequence,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: None | NotificationStatus | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    role: None | RecipientRole | Unset = UNSET,
    after_sequence: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> NotificationPage | Problem | None:
    """List Notifications

     The caller organisation's notifications in `sequence` order, filtered and paged.

    Args:
        status (None | NotificationStatus | Unset):
        due_before (datetime.datetime | None | Unset): Due strictly before this. An ISO 8601
            instant with an offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00
            Europe/London on it
        rule (None | str | Unset):
        role (None | RecipientRole | Unset):
        after_sequence (int | None | Unset): Only sequence numbers above this (gap recovery)
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        due_before=due_before,
        rule=rule,
        role=role,
        after_sequence=after_sequence,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | NotificationStatus | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    role: None | RecipientRole | Unset = UNSET,
    after_sequence: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[NotificationPage | Problem]:
    """List Notifications

     The caller organisation's notifications in `sequence` order, filtered and paged.

    Args:
        status (None | NotificationStatus | Unset):
        due_before (datetime.datetime | None | Unset): Due strictly before this. An ISO 8601
            instant with an offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00
            Europe/London on it
        rule (None | str | Unset):
        role (None | RecipientRole | Unset):
        after_sequence (int | None | Unset): Only sequence numbers above this (gap recovery)
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NotificationPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        due_before=due_before,
        rule=rule,
        role=role,
        after_sequence=after_sequence,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | NotificationStatus | Unset = UNSET,
    due_before: datetime.datetime | None | Unset = UNSET,
    rule: None | str | Unset = UNSET,
    role: None | RecipientRole | Unset = UNSET,
    after_sequence: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> NotificationPage | Problem | None:
    """List Notifications

     The caller organisation's notifications in `sequence` order, filtered and paged.

    Args:
        status (None | NotificationStatus | Unset):
        due_before (datetime.datetime | None | Unset): Due strictly before this. An ISO 8601
            instant with an offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00
            Europe/London on it
        rule (None | str | Unset):
        role (None | RecipientRole | Unset):
        after_sequence (int | None | Unset): Only sequence numbers above this (gap recovery)
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NotificationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            due_before=due_before,
            rule=rule,
            role=role,
            after_sequence=after_sequence,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
