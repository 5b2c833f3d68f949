import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.authority_relation import AuthorityRelation
from ...models.monitoring_figures import MonitoringFigures
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
    authority: None | str | Unset = UNSET,
    relation: AuthorityRelation | Unset = UNSET,
    format_: None | ReportFormat | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept, Unset):
        headers["accept"] = accept

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_authority: None | str | Unset
    if isinstance(authority, Unset):
        json_authority = UNSET
    else:
        json_authority = authority
    params["authority"] = json_authority

    json_relation: str | Unset = UNSET
    if not isinstance(relation, Unset):
        json_relation = relation.value

    params["relation"] = json_relation

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/incident-api/v1/reports/monitoring",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MonitoringFigures | Problem | None:
    if response.status_code == 200:
        response_200 = MonitoringFigures.from_dict(response.json())

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
) -> Response[MonitoringFigures | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    authority: None | str | Unset = UNSET,
    relation: AuthorityRelation | Unset = UNSET,
    format_: None | ReportFormat | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[MonitoringFigures | Problem]:
    """Get Monitoring Figures

     Monitoring figures for the caller's authority and a period (Derbyshire s.11,
    London protocol disproportionality data): incidents dealt with internally, jointly
    with the police with a formal or informal disposal, discontinued by the CPS, each by
    placement type, out-of-area placement, age band, sex, ethnicity, SEND / disability
    and UASC. An incident
    belongs to the period of its Europe/London date. Per-rule notification figures are
    notify-api's (see `notifications.note`).

    Args:
        from_ (datetime.date): First day (Europe/London)
        to (datetime.date): Last day, inclusive
        authority (None | str | Unset): Defaults to the caller's
        relation (AuthorityRelation | Unset): Which incidents of an authority: of children it is
            responsible for, placed in its
            area, or either.
        format_ (None | ReportFormat | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringFigures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        authority=authority,
        relation=relation,
        format_=format_,
        accept=accept,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    authority: None | str | Unset = UNSET,
    relation: AuthorityRelation | Unset = UNSET,
    format_: None | ReportFormat | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> MonitoringFigures | Problem | None:
    """Get Monitoring Figures

     Monitoring figures for the caller's authority and a period (Derbyshire s.11,
    London protocol disproportionality data): incidents dealt with internally, jointly
    with the police with a formal or informal disposal, discontinued by the CPS, each by
    placement type, out-of-area placement, age band, sex, ethnicity, SEND / disability
    and UASC. An incident
    belongs to the period of its Europe/London date. Per-rule notification figures are
    notify-api's (see `notifications.note`).

    Args:
        from_ (datetime.date): First day (Europe/London)
        to (datetime.date): Last day, inclusive
        authority (None | str | Unset): Defaults to the caller's
        relation (AuthorityRelation | Unset): Which incidents of an authority: of children it is
            responsible for, placed in its
            area, or either.
        format_ (None | ReportFormat | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringFigures | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        authority=authority,
        relation=relation,
        format_=format_,
        accept=accept,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    authority: None | str | Unset = UNSET,
    relation: AuthorityRelation | Unset = UNSET,
    format_: None | ReportFormat | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[MonitoringFigures | Problem]:
    """Get Monitoring Figures

     Monitoring figures for the caller's authority and a period (Derbyshire s.11,
    London protocol disproportionality data): incidents dealt with internally, jointly
    with the police with a formal or informal disposal, discontinued by the CPS, each by
    placement type, out-of-area placement, age band, sex, ethnicity, SEND / disability
    and UASC. An incident
    belongs to the period of its Europe/London date. Per-rule notification figures are
    notify-api's (see `notifications.note`).

    Args:
        from_ (datetime.date): First day (Europe/London)
        to (datetime.date): Last day, inclusive
        authority (None | str | Unset): Defaults to the caller's
        relation (AuthorityRelation | Unset): Which incidents of an authority: of children it is
            responsible for, placed in its
            area, or either.
        format_ (None | ReportFormat | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MonitoringFigures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        authority=authority,
        relation=relation,
        format_=format_,
        accept=accept,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    authority: None | str | Unset = UNSET,
    relation: AuthorityRelation | Unset = UNSET,
    format_: None | ReportFormat | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> MonitoringFigures | Problem | None:
    """Get Monitoring Figures

     Monitoring figures for the caller's authority and a period (Derbyshire s.11,
    London protocol disproportionality data): incidents dealt with internally, jointly
    with the police with a formal or informal disposal, discontinued by the CPS, each by
    placement type, out-of-area placement, age band, sex, ethnicity, SEND / disability
    and UASC. An incident
    belongs to the period of its Europe/London date. Per-rule notification figures are
    notify-api's (see `notifications.note`).

    Args:
        from_ (datetime.date): First day (Europe/London)
        to (datetime.date): Last day, inclusive
        authority (None | str | Unset): Defaults to the caller's
        relation (AuthorityRelation | Unset): Which incidents of an authority: of children it is
            responsible for, placed in its
            area, or either.
        format_ (None | ReportFormat | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MonitoringFigures | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            authority=authority,
            relation=relation,
            format_=format_,
            accept=accept,
        )
    ).parsed
