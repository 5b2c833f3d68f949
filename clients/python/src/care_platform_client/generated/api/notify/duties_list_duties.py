from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duty_page import DutyPage
from ...models.duty_state import DutyState
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    state: DutyState | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

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
        "url": "/notify-api/v1/duties",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DutyPage | Problem | None:
    if response.status_code == 200:
        response_200 = DutyPage.from_dict(response.json())

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
) -> Response[DutyPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    state: DutyState | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[DutyPage | Problem]:
    """List Duties

     Deadlines the caller's organisation receives or holds the duty of, soonest first.

    As recipient it must acknowledge them; as duty holder the platform notified on its
    behalf and sees when the recipient's acknowledgement met its duty (`met_at`,
    `met_on_time`). Includes recurring visit duties (one entry per occurrence) and
    escalations. Open ones past their deadline are flagged `overdue`.

    Args:
        state (DutyState | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DutyPage | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
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
    state: DutyState | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> DutyPage | Problem | None:
    """List Duties

     Deadlines the caller's organisation receives or holds the duty of, soonest first.

    As recipient it must acknowledge them; as duty holder the platform notified on its
    behalf and sees when the recipient's acknowledgement met its duty (`met_at`,
    `met_on_time`). Includes recurring visit duties (one entry per occurrence) and
    escalations. Open ones past their deadline are flagged `overdue`.

    Args:
        state (DutyState | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DutyPage | Problem
    """

    return sync_detailed(
        client=client,
        state=state,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    state: DutyState | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[DutyPage | Problem]:
    """List Duties

     Deadlines the caller's organisation receives or holds the duty of, soonest first.

    As recipient it must acknowledge them; as duty holder the platform notified on its
    behalf and sees when the recipient's acknowledgement met its duty (`met_at`,
    `met_on_time`). Includes recurring visit duties (one entry per occurrence) and
    escalations. Open ones past their deadline are flagged `overdue`.

    Args:
        state (DutyState | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DutyPage | Problem]
    """

    kwargs = _get_kwargs(
        state=state,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    state: DutyState | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
) -> DutyPage | Problem | None:
    """List Duties

     Deadlines the caller's organisation receives or holds the duty of, soonest first.

    As recipient it must acknowledge them; as duty holder the platform notified on its
    behalf and sees when the recipient's acknowledgement met its duty (`met_at`,
    `met_on_time`). Includes recurring visit duties (one entry per occurrence) and
    escalations. Open ones past their deadline are flagged `overdue`.

    Args:
        state (DutyState | Unset):
        cursor (None | str | Unset): `next_cursor` of the previous page
        limit (int | Unset): Items per page (at most 200) Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DutyPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            state=state,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
