"""ETags are record versions: `ETag` on every read, If-Match on every change, and
If-None-Match on a GET for a 304 when nothing changed (RFC 9110 sections 8.8.3, 13.1)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Header, Response

from platform_shared.problems import PreconditionFailed, PreconditionRequired

IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=100,
        description='The ETag of the version being changed, e.g. `"3"` (required)',
    ),
]
IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=100,
        description="The ETag already held: 304 Not Modified when it is still current",
    ),
]


def etag(version: int) -> str:
    """The strong ETag of a record version: `"3"`."""
    return f'"{version}"'


def _tags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/").strip('"') for tag in header.split(",")}


def require_version(if_match: str | None, current: int) -> None:
    """Refuse a change that does not name the current version (428 when none is named)."""
    if if_match is None:
        raise PreconditionRequired("Send If-Match with the ETag of the record you change")
    accepted = _tags(if_match)
    if "*" not in accepted and str(current) not in accepted:
        raise PreconditionFailed(
            "The record has changed since that version; read it again",
            headers={"ETag": etag(current)},
        )


def is_unchanged(if_none_match: str | None, current: int) -> bool:
    """Whether the caller already holds the current version (answer 304)."""
    if if_none_match is None:
        return False
    held = _tags(if_none_match)
    return "*" in held or str(current) in held


def not_modified(current: int) -> Response:
    """The 304 for a version the caller holds: no body, the ETag again."""
    return Response(status_code=304, headers={"ETag": etag(current)})


def set_version(response: Response, version: int) -> None:
    """The `ETag` of the version a response carries."""
    response.headers["ETag"] = etag(version)


def answer_versioned(response: Response, if_none_match: str | None, version: int, body: Any) -> Any:
    """A GET's answer: 304 when the caller holds `version` already, else `body` with its ETag.

    `body` is only serialised when it is sent: pass the response model itself.
    """
    if is_unchanged(if_none_match, version):
        return not_modified(version)
    set_version(response, version)
    return body


def set_created(response: Response, location: str, version: int | None = None) -> None:
    """The headers of a 201: where the new resource is, and its version when it has one."""
    response.headers["Location"] = location
    if version is not None:
        set_version(response, version)


_ETAG_HEADER = {
    "description": 'The version of the record, e.g. `"3"` (If-Match of a change)',
    "schema": {"type": "string"},
}
_LOCATION_HEADER = {
    "description": "The path of the resource created",
    "schema": {"type": "string"},
}


def versioned(status: int = 200, *, not_modified_too: bool = False) -> dict[int | str, Any]:
    """OpenAPI `responses=` for an answer that carries an `ETag` (and 304 on a GET)."""
    responses: dict[int | str, Any] = {status: {"headers": {"ETag": _ETAG_HEADER}}}
    if not_modified_too:
        responses[304] = {
            "description": "Not modified: the `If-None-Match` ETag is current",
            "headers": {"ETag": _ETAG_HEADER},
        }
    return responses


def created(*, with_version: bool = True) -> dict[int | str, Any]:
    """OpenAPI `responses=` for a 201 with `Location` (and `ETag` when versioned)."""
    headers: dict[str, Any] = {"Location": _LOCATION_HEADER}
    if with_version:
        headers["ETag"] = _ETAG_HEADER
    return {201: {"headers": headers}}
