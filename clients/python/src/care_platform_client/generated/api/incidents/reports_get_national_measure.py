import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.national_measure import NationalMeasure
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    year_ending: datetime.date,
    authority: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_year_ending = year_ending.isoformat()
    params["year_ending"] = json_year_ending

    json_authority: None | str | Unset
    if isinstance(authority, Unset):
        json_authority = UNSET
    else:
        json_authority = authority
    params["authority"] = json_authority

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/incident-api/v1/reports/national-measure",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NationalMeasure | Problem | None:
    if response.status_code == 200:
        response_200 = NationalMeasure.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[NationalMeasure | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    year_ending: datetime.date,
    authority: None | str | Unset = UNSET,
) -> Response[NationalMeasure | Problem]:
    """Get National Measure

     The DfE national measure the protocol is judged by (national protocol 1.4
    footnote 2, 10.5): of the children looked after continuously for 12 months or more
    at 31 March, aged 10 or over (the cohort, from care-status-api), how many were
    convicted or given a youth caution or youth conditional caution during the year
    (1 April to 31 March), and what percentage of the cohort they are. 503 while
    care-status-api cannot give the cohort.

    Args:
        year_ending (datetime.date): The 31 March the year ends on (the cohort's day)
        authority (None | str | Unset): Defaults to the caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalMeasure | Problem]
    """

    kwargs = _get_kwargs(
        year_ending=year_ending,
        authority=authority,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    year_ending: datetime.date,
    authority: None | str | Unset = UNSET,
) -> NationalMeasure | Problem | None:
    """Get National Measure

     The DfE national measure the protocol is judged by (national protocol 1.4
    footnote 2, 10.5): of the children looked after continuously for 12 months or more
    at 31 March, aged 10 or over (the cohort, from care-status-api), how many were
    convicted or given a youth caution or youth conditional caution during the year
    (1 April to 31 March), and what percentage of the cohort they are. 503 while
    care-status-api cannot give the cohort.

    Args:
        year_ending (datetime.date): The 31 March the year ends on (the cohort's day)
        authority (None | str | Unset): Defaults to the caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalMeasure | Problem
    """

    return sync_detailed(
        client=client,
        year_ending=year_ending,
        authority=authority,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    year_ending: datetime.date,
    authority: None | str | Unset = UNSET,
) -> Response[NationalMeasure | Problem]:
    """Get National Measure

     The DfE national measure the protocol is judged by (national protocol 1.4
    footnote 2, 10.5): of the children looked after continuously for 12 months or more
    at 31 March, aged 10 or over (the cohort, from care-status-api), how many were
    convicted or given a youth caution or youth conditional caution during the year
    (1 April to 31 March), and what percentage of the cohort they are. 503 while
    care-status-api cannot give the cohort.

    Args:
        year_ending (datetime.date): The 31 March the year ends on (the cohort's day)
        authority (None | str | Unset): Defaults to the caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalMeasure | Problem]
    """

    kwargs = _get_kwargs(
        year_ending=year_ending,
        authority=authority,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    year_ending: datetime.date,
    authority: None | str | Unset = UNSET,
) -> NationalMeasure | Problem | None:
    """Get National Measure

     The DfE national measure the protocol is judged by (national protocol 1.4
    footnote 2, 10.5): of the children looked after continuously for 12 months or more
    at 31 March, aged 10 or over (the cohort, from care-status-api), how many were
    convicted or given a youth caution or youth conditional caution during the year
    (1 April to 31 March), and what percentage of the cohort they are. 503 while
    care-status-api cannot give the cohort.

    Args:
        year_ending (datetime.date): The 31 March the year ends on (the cohort's day)
        authority (None | str | Unset): Defaults to the caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalMeasure | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            year_ending=year_ending,
            authority=authority,
        )
    ).parsed
