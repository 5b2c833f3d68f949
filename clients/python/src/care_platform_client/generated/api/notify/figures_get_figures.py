import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.figures import Figures
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.datetime):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.datetime):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notify-api/v1/figures",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Figures | Problem | None:
    if response.status_code == 200:
        response_200 = Figures.from_dict(response.json())

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
) -> Response[Figures | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Response[Figures | Problem]:
    """Get Figures

     Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.

    Args:
        from_ (datetime.datetime | None | Unset): From this, included. An ISO 8601 instant with an
            offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        to (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or a
            day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Figures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Figures | Problem | None:
    """Get Figures

     Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.

    Args:
        from_ (datetime.datetime | None | Unset): From this, included. An ISO 8601 instant with an
            offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        to (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or a
            day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Figures | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Response[Figures | Problem]:
    """Get Figures

     Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.

    Args:
        from_ (datetime.datetime | None | Unset): From this, included. An ISO 8601 instant with an
            offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        to (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or a
            day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Figures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.datetime | None | Unset = UNSET,
    to: datetime.datetime | None | Unset = UNSET,
) -> Figures | Problem | None:
    """Get Figures

     Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.

    Args:
        from_ (datetime.datetime | None | Unset): From this, included. An ISO 8601 instant with an
            offset (`2026-12-22T09:00:00Z`), or a day (`2026-12-22`): 00:00 Europe/London on it
        to (datetime.datetime | None | Unset): An ISO 8601 instant with an offset, excluded; or a
            day, included (the period ends at 00:00 Europe/London on the next day)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Figures | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
        )
    ).parsed
