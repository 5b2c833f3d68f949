import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.child_record import ChildRecord
from ...models.placed_child_view import PlacedChildView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    child_id: UUID,
    *,
    as_of: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/care-status-api/v1/children/{child_id}".format(
            child_id=quote(str(child_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ChildRecord | PlacedChildView | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ChildRecord | PlacedChildView:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_child_view_type_0 = ChildRecord.from_dict(data)

                return componentsschemas_child_view_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_child_view_type_1 = PlacedChildView.from_dict(data)

            return componentsschemas_child_view_type_1

        response_200 = _parse_response_200(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ChildRecord | PlacedChildView | Problem]:
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
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[ChildRecord | PlacedChildView | Problem]:
    """Get Child

     The full record (`view: full`) for the responsible authority; for an area authority
    where the child is placed, the placements in its area only (`view: placement`).

    Audited. The ETag is the record's version (If-Match of a PATCH).

    Args:
        child_id (UUID):
        as_of (datetime.date | None | Unset): The date the status is computed for (default: today,
            Europe/London)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChildRecord | PlacedChildView | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> ChildRecord | PlacedChildView | Problem | None:
    """Get Child

     The full record (`view: full`) for the responsible authority; for an area authority
    where the child is placed, the placements in its area only (`view: placement`).

    Audited. The ETag is the record's version (If-Match of a PATCH).

    Args:
        child_id (UUID):
        as_of (datetime.date | None | Unset): The date the status is computed for (default: today,
            Europe/London)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChildRecord | PlacedChildView | Problem
    """

    return sync_detailed(
        child_id=child_id,
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> Response[ChildRecord | PlacedChildView | Problem]:
    """Get Child

     The full record (`view: full`) for the responsible authority; for an area authority
    where the child is placed, the placements in its area only (`view: placement`).

    Audited. The ETag is the record's version (If-Match of a PATCH).

    Args:
        child_id (UUID):
        as_of (datetime.date | None | Unset): The date the status is computed for (default: today,
            Europe/London)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChildRecord | PlacedChildView | Problem]
    """

    kwargs = _get_kwargs(
        child_id=child_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    child_id: UUID,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | None | Unset = UNSET,
) -> ChildRecord | PlacedChildView | Problem | None:
    """Get Child

     The full record (`view: full`) for the responsible authority; for an area authority
    where the child is placed, the placements in its area only (`view: placement`).

    Audited. The ETag is the record's version (If-Match of a PATCH).

    Args:
        child_id (UUID):
        as_of (datetime.date | None | Unset): The date the status is computed for (default: today,
            Europe/London)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChildRecord | PlacedChildView | Problem
    """

    return (
        await asyncio_detailed(
            child_id=child_id,
            client=client,
            as_of=as_of,
        )
    ).parsed
