"""Bad input: an RFC 9457 problem naming the field and the reason, and nothing written."""

from __future__ import annotations

import pytest

from platform_shared.testing import InProcessService

PROBLEM = "application/problem+json"


async def _event_count(service: InProcessService) -> int:
    reader = await service.as_client("demo-camden")
    return int((await reader.get("/v1/notes/count")).json()["events"])


async def test_malformed_json_is_a_problem_and_writes_nothing(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/notes", content=b'{"text": ', headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert "malformed JSON" in response.json()["errors"][0]["reason"]
    assert await _event_count(service) == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": 5}, "body.text"),
        ({"text": "a", "count": "3"}, "body.count"),
        ({"text": "a", "colour": "red"}, "body.colour"),
        ({}, "body.text"),
        ({"text": "x" * 201}, "body.text"),
    ],
    ids=["wrong-type", "no-coercion", "unknown-field", "missing", "too-long"],
)
async def test_invalid_body_names_the_field(
    service: InProcessService, body: dict[str, object], field: str
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post("/v1/notes", json=body)

    assert response.status_code == 422
    problem = response.json()
    assert problem["status"] == 422
    assert problem["type"].endswith("/invalid")
    assert [error["field"] for error in problem["errors"]] == [field]
    assert await _event_count(service) == 0


async def test_oversize_body_is_413(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post("/v1/notes", json={"text": "x" * 20_000})

    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert await _event_count(service) == 0


async def test_wrong_content_type_is_415(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/notes",
        content=b"text=a",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 415
    assert response.headers["content-type"] == PROBLEM
    assert await _event_count(service) == 0


async def test_unknown_route_is_a_problem(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.get("/v1/nothing-here")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["status"] == 404


async def test_every_response_carries_a_request_id(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    given = await camden.get("/v1/whoami", headers={"X-Request-ID": "req-123"})
    generated = await camden.get("/v1/whoami")

    assert given.headers["x-request-id"] == "req-123"
    assert len(generated.headers["x-request-id"]) == 36


async def test_method_not_allowed_names_every_allowed_method(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.delete("/v1/notes")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"


async def test_error_responses_are_documented_as_problem_documents(
    service: InProcessService,
) -> None:
    anonymous = await service.as_client(None)

    document = (await anonymous.get("/openapi.json")).json()

    for path_item in document["paths"].values():
        for operation in path_item.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")) and "content" in response:
                    assert list(response["content"]) == ["application/problem+json"]
