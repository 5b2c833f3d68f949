from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dry_run_answer import DryRunAnswer
from ...models.dry_run_request import DryRunRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: DryRunRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/notify-api/v1/rules/evaluate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DryRunAnswer | Problem | None:
    if response.status_code == 200:
        response_200 = DryRunAnswer.from_dict(response.json())

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
) -> Response[DryRunAnswer | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DryRunRequest,
) -> Response[DryRunAnswer | Problem]:
    """Evaluate

     A dry run: what the platform would do with this event, writing nothing.

    Every rule considered, matched or not and why; the notifications it would make, with
    recipients, deadlines, reminders and traces; those it would withhold. The same
    evaluation as `POST /v1/events`: an event lacking what the rules need is answered 422
    naming every field, as the intake would. Nothing is stored, pushed or audited.

    Args:
        body (DryRunRequest): An event as it would be posted to `POST /v1/events` (CloudEvents
            attributes, `data`),
            or a simpler form: its `type`, the status `facts` and the event's `dates`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunAnswer | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DryRunRequest,
) -> DryRunAnswer | Problem | None:
    """Evaluate

     A dry run: what the platform would do with this event, writing nothing.

    Every rule considered, matched or not and why; the notifications it would make, with
    recipients, deadlines, reminders and traces; those it would withhold. The same
    evaluation as `POST /v1/events`: an event lacking what the rules need is answered 422
    naming every field, as the intake would. Nothing is stored, pushed or audited.

    Args:
        body (DryRunRequest): An event as it would be posted to `POST /v1/events` (CloudEvents
            attributes, `data`),
            or a simpler form: its `type`, the status `facts` and the event's `dates`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunAnswer | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DryRunRequest,
) -> Response[DryRunAnswer | Problem]:
    """Evaluate

     A dry run: what the platform would do with this event, writing nothing.

    Every rule considered, matched or not and why; the notifications it would make, with
    recipients, deadlines, reminders and traces; those it would withhold. The same
    evaluation as `POST /v1/events`: an event lacking what the rules need is answered 422
    naming every field, as the intake would. Nothing is stored, pushed or audited.

    Args:
        body (DryRunRequest): An event as it would be posted to `POST /v1/events` (CloudEvents
            attributes, `data`),
            or a simpler form: its `type`, the status `facts` and the event's `dates`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DryRunAnswer | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DryRunRequest,
) -> DryRunAnswer | Problem | None:
    """Evaluate

     A dry run: what the platform would do with this event, writing nothing.

    Every rule considered, matched or not and why; the notifications it would make, with
    recipients, deadlines, reminders and traces; those it would withhold. The same
    evaluation as `POST /v1/events`: an event lacking what the rules need is answered 422
    naming every field, as the intake would. Nothing is stored, pushed or audited.

    Args:
        body (DryRunRequest): An event as it would be posted to `POST /v1/events` (CloudEvents
            attributes, `data`),
            or a simpler form: its `type`, the status `facts` and the event's `dates`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DryRunAnswer | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
