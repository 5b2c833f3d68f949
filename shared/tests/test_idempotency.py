"""Idempotency-Key: a retry replays the first answer and creates nothing new."""

from __future__ import annotations

from platform_shared.testing import InProcessService


async def test_retry_with_same_key_replays_first_response_and_creates_nothing(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")
    headers = {"Idempotency-Key": "create-note-1"}

    first = await camden.post("/v1/notes", json={"text": "a"}, headers=headers)
    retry = await camden.post("/v1/notes", json={"text": "a"}, headers=headers)

    assert first.status_code == 201
    assert retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    count = await (await service.as_client("demo-camden")).get("/v1/notes/count")
    assert count.json() == {"events": 1}


async def test_a_replay_says_again_where_the_resource_is_and_its_version(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")
    headers = {"Idempotency-Key": "create-note-located"}

    first = await camden.post("/v1/notes", json={"text": "a"}, headers=headers)
    retry = await camden.post("/v1/notes", json={"text": "a"}, headers=headers)

    assert first.headers["Location"] == f"/v1/notes/{first.json()['event_id']}"
    assert retry.headers["Location"] == first.headers["Location"]
    assert retry.headers["ETag"] == first.headers["ETag"] == '"1"'


async def test_same_key_with_a_different_body_is_refused(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    headers = {"Idempotency-Key": "create-note-2"}
    await camden.post("/v1/notes", json={"text": "a"}, headers=headers)

    reused = await camden.post("/v1/notes", json={"text": "b"}, headers=headers)

    assert reused.status_code == 422
    assert reused.headers["content-type"] == "application/problem+json"
    assert reused.json()["errors"][0]["field"] == "header.Idempotency-Key"
    count = await camden.get("/v1/notes/count")
    assert count.json() == {"events": 1}


async def test_keys_are_scoped_to_the_calling_organisation(service: InProcessService) -> None:
    headers = {"Idempotency-Key": "shared-key"}
    camden = await service.as_client("demo-camden")
    derbyshire = await service.as_client("demo-derbyshire")

    from_camden = await camden.post("/v1/notes", json={"text": "a"}, headers=headers)
    from_derbyshire = await derbyshire.post("/v1/notes", json={"text": "a"}, headers=headers)

    assert from_camden.json()["org"] == "E09000007"
    assert from_derbyshire.json()["org"] == "E10000007"
    assert from_camden.json()["event_id"] != from_derbyshire.json()["event_id"]


async def test_requests_without_a_key_each_create(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    await camden.post("/v1/notes", json={"text": "a"})
    await camden.post("/v1/notes", json={"text": "a"})

    count = await camden.get("/v1/notes/count")

    assert count.json() == {"events": 2}
