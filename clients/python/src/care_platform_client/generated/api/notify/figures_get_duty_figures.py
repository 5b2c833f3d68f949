import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duty_figures import DutyFigures
from ...models.figures_format import FiguresFormat
from ...models.problem import Problem
from ...models.series_unit import SeriesUnit
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    series: SeriesUnit | Unset = UNSET,
    partnership: None | str | Unset = UNSET,
    format_: FiguresFormat | None | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept, Unset):
        headers["accept"] = accept

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_series: str | Unset = UNSET
    if not isinstance(series, Unset):
        json_series = series.value

    params["series"] = json_series

    json_partnership: None | str | Unset
    if isinstance(partnership, Unset):
        json_partnership = UNSET
    else:
        json_partnership = partnership
    params["partnership"] = json_partnership

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, FiguresFormat):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/notify-api/v1/figures/duties",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DutyFigures | Problem | None:
    if response.status_code == 200:
        response_200 = DutyFigures.from_dict(response.json())

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
) -> Response[DutyFigures | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    series: SeriesUnit | Unset = UNSET,
    partnership: None | str | Unset = UNSET,
    format_: FiguresFormat | None | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[DutyFigures | Problem]:
    """Get Duty Figures

     Duties of a period (the day each notification was made, Europe/London) per rule and
    recipient organisation: made, met on time, met late, open, overdue, withheld,
    breaches, escalations; the on-time rate with its denominator; the median and 90th
    percentile time to acknowledgement; a weekly or monthly series. Counts only.

    Args:
        from_ (datetime.date | None | Unset): First day (Europe/London); default 12 weeks ago
        to (datetime.date | None | Unset): Last day, inclusive; default today
        series (SeriesUnit | Unset):
        partnership (None | str | Unset): A partnership of authorities (setting `partnerships`)
            the caller's organisation belongs to: the figures of all its authorities
        format_ (FiguresFormat | None | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DutyFigures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        series=series,
        partnership=partnership,
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    series: SeriesUnit | Unset = UNSET,
    partnership: None | str | Unset = UNSET,
    format_: FiguresFormat | None | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> DutyFigures | Problem | None:
    """Get Duty Figures

     Duties of a period (the day each notification was made, Europe/London) per rule and
    recipient organisation: made, met on time, met late, open, overdue, withheld,
    breaches, escalations; the on-time rate with its denominator; the median and 90th
    percentile time to acknowledgement; a weekly or monthly series. Counts only.

    Args:
        from_ (datetime.date | None | Unset): First day (Europe/London); default 12 weeks ago
        to (datetime.date | None | Unset): Last day, inclusive; default today
        series (SeriesUnit | Unset):
        partnership (None | str | Unset): A partnership of authorities (setting `partnerships`)
            the caller's organisation belongs to: the figures of all its authorities
        format_ (FiguresFormat | None | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DutyFigures | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        series=series,
        partnership=partnership,
        format_=format_,
        accept=accept,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    series: SeriesUnit | Unset = UNSET,
    partnership: None | str | Unset = UNSET,
    format_: FiguresFormat | None | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> Response[DutyFigures | Problem]:
    """Get Duty Figures

     Duties of a period (the day each notification was made, Europe/London) per rule and
    recipient organisation: made, met on time, met late, open, overdue, withheld,
    breaches, escalations; the on-time rate with its denominator; the median and 90th
    percentile time to acknowledgement; a weekly or monthly series. Counts only.

    Args:
        from_ (datetime.date | None | Unset): First day (Europe/London); default 12 weeks ago
        to (datetime.date | None | Unset): Last day, inclusive; default today
        series (SeriesUnit | Unset):
        partnership (None | str | Unset): A partnership of authorities (setting `partnerships`)
            the caller's organisation belongs to: the figures of all its authorities
        format_ (FiguresFormat | None | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DutyFigures | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        series=series,
        partnership=partnership,
        format_=format_,
        accept=accept,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    series: SeriesUnit | Unset = UNSET,
    partnership: None | str | Unset = UNSET,
    format_: FiguresFormat | None | Unset = UNSET,
    accept: None | str | Unset = UNSET,
) -> DutyFigures | Problem | None:
    """Get Duty Figures

     Duties of a period (the day each notification was made, Europe/London) per rule and
    recipient organisation: made, met on time, met late, open, overdue, withheld,
    breaches, escalations; the on-time rate with its denominator; the median and 90th
    percentile time to acknowledgement; a weekly or monthly series. Counts only.

    Args:
        from_ (datetime.date | None | Unset): First day (Europe/London); default 12 weeks ago
        to (datetime.date | None | Unset): Last day, inclusive; default today
        series (SeriesUnit | Unset):
        partnership (None | str | Unset): A partnership of authorities (setting `partnerships`)
            the caller's organisation belongs to: the figures of all its authorities
        format_ (FiguresFormat | None | Unset):
        accept (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DutyFigures | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            series=series,
            partnership=partnership,
            format_=format_,
            accept=accept,
        )
    ).parsed
