"""ETags are record versions: a change names the version it changes, a GET may answer 304."""

from __future__ import annotations

import pytest
from fastapi import Response

from platform_shared.problems import PreconditionFailed, PreconditionRequired
from platform_shared.web.etags import (
    created,
    etag,
    is_unchanged,
    not_modified,
    require_version,
    set_created,
    set_version,
    versioned,
)


def test_a_version_is_a_strong_quoted_etag() -> None:
    assert etag(3) == '"3"'


def test_a_change_without_if_match_is_428() -> None:
    with pytest.raises(PreconditionRequired) as raised:
        require_version(None, 3)

    assert raised.value.status == 428


def test_a_change_naming_an_older_version_is_412_with_the_current_etag() -> None:
    with pytest.raises(PreconditionFailed) as raised:
        require_version('"2"', 3)

    assert raised.value.status == 412
    assert raised.value.headers == {"ETag": '"3"'}


@pytest.mark.parametrize(
    "if_match",
    ['"3"', '"1", "3"', "*", 'W/"3"'],
    ids=["current", "one-of-several", "any", "weak"],
)
def test_a_change_naming_the_current_version_goes_ahead(if_match: str) -> None:
    """A weak tag counts: a gateway that compresses a response weakens its ETag."""
    require_version(if_match, 3)


@pytest.mark.parametrize(
    ("if_none_match", "unchanged"),
    [
        (None, False),
        ('"2"', False),
        ('"3"', True),
        ('W/"3"', True),
        ('"1", "3"', True),
        ("*", True),
    ],
    ids=["absent", "older", "current", "weak", "one-of-several", "any"],
)
def test_if_none_match_is_unchanged_only_when_it_holds_the_current_version(
    if_none_match: str | None, unchanged: bool
) -> None:
    assert is_unchanged(if_none_match, 3) is unchanged


def test_not_modified_is_a_304_without_a_body_with_the_etag() -> None:
    response = not_modified(3)

    assert response.status_code == 304
    assert response.body == b""
    assert response.headers["ETag"] == '"3"'


def test_a_201_carries_location_and_the_version() -> None:
    response = Response()

    set_created(response, "/v1/children/abc", 1)

    assert response.headers["Location"] == "/v1/children/abc"
    assert response.headers["ETag"] == '"1"'


def test_a_201_of_an_unversioned_record_carries_location_only() -> None:
    response = Response()

    set_created(response, "/v1/endpoints/abc")

    assert response.headers["Location"] == "/v1/endpoints/abc"
    assert "ETag" not in response.headers


def test_set_version_sets_the_etag() -> None:
    response = Response()

    set_version(response, 7)

    assert response.headers["ETag"] == '"7"'


def test_the_openapi_helpers_document_etag_location_and_304() -> None:
    assert set(versioned(200, not_modified_too=True)) == {200, 304}
    assert "ETag" in versioned(200)[200]["headers"]
    assert set(created()[201]["headers"]) == {"Location", "ETag"}
    assert set(created(with_version=False)[201]["headers"]) == {"Location"}
