from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_imports_create_import import BodyImportsCreateImport
from ...models.import_view import ImportView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyImportsCreateImport,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/care-status-api/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportView | Problem | None:
    if response.status_code == 202:
        response_202 = ImportView.from_dict(response.json())

        return response_202

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
) -> Response[ImportView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreateImport,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportView | Problem]:
    """Create Import

     Import an SSDA903 return of the caller's own authority: 202, then follow
    `Location` (`GET /v1/imports/{id}`) until `status` is `done` or `failed`.

    An upload that cannot be imported at all is refused here: a file that is neither CSV
    nor XML or not an SSDA903 file (422 naming it), the Episodes or Header file missing,
    too many rows, a collection year the DfE rules do not cover, another authority's
    return (403), over the size limit (413). The rest is validated by the DfE rules and
    loaded by the worker; `report` says what was refused. Honours `Idempotency-Key`: a
    retry answers the first 202; the same key with other files or fields is a 422.

    Args:
        idempotency_key (None | str | Unset): A retry with the same key and the same files answers
            the first 202 (same import, same `Location`) and queues nothing
        body (BodyImportsCreateImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportView | Problem]
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
    body: BodyImportsCreateImport,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportView | Problem | None:
    """Create Import

     Import an SSDA903 return of the caller's own authority: 202, then follow
    `Location` (`GET /v1/imports/{id}`) until `status` is `done` or `failed`.

    An upload that cannot be imported at all is refused here: a file that is neither CSV
    nor XML or not an SSDA903 file (422 naming it), the Episodes or Header file missing,
    too many rows, a collection year the DfE rules do not cover, another authority's
    return (403), over the size limit (413). The rest is validated by the DfE rules and
    loaded by the worker; `report` says what was refused. Honours `Idempotency-Key`: a
    retry answers the first 202; the same key with other files or fields is a 422.

    Args:
        idempotency_key (None | str | Unset): A retry with the same key and the same files answers
            the first 202 (same import, same `Location`) and queues nothing
        body (BodyImportsCreateImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportView | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportsCreateImport,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportView | Problem]:
    """Create Import

     Import an SSDA903 return of the caller's own authority: 202, then follow
    `Location` (`GET /v1/imports/{id}`) until `status` is `done` or `failed`.

    An upload that cannot be imported at all is refused here: a file that is neither CSV
    nor XML or not an SSDA903 file (422 naming it), the Episodes or Header file missing,
    too many rows, a collection year the DfE rules do not cover, another authority's
    return (403), over the size limit (413). The rest is validated by the DfE rules and
    loaded by the worker; `report` says what was refused. Honours `Idempotency-Key`: a
    retry answers the first 202; the same key with other files or fields is a 422.

    Args:
        idempotency_key (None | str | Unset): A retry with the same key and the same files answers
            the first 202 (same import, same `Location`) and queues nothing
        body (BodyImportsCreateImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportView | Problem]
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
    body: BodyImportsCreateImport,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportView | Problem | None:
    """Create Import

     Import an SSDA903 return of the caller's own authority: 202, then follow
    `Location` (`GET /v1/imports/{id}`) until `status` is `done` or `failed`.

    An upload that cannot be imported at all is refused here: a file that is neither CSV
    nor XML or not an SSDA903 file (422 naming it), the Episodes or Header file missing,
    too many rows, a collection year the DfE rules do not cover, another authority's
    return (403), over the size limit (413). The rest is validated by the DfE rules and
    loaded by the worker; `report` says what was refused. Honours `Idempotency-Key`: a
    retry answers the first 202; the same key with other files or fields is a 422.

    Args:
        idempotency_key (None | str | Unset): A retry with the same key and the same files answers
            the first 202 (same import, same `Location`) and queues nothing
        body (BodyImportsCreateImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
