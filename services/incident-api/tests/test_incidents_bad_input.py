"""Bad input: a problem naming the field, and nothing written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService

Body = Callable[..., dict[str, Any]]
Events = Callable[[], Awaitable[list[OutboxEvent]]]


def _fields(response: httpx.Response) -> list[str]:
    assert response.headers["content-type"] == "application/problem+json"
    return [error["field"] for error in response.json()["errors"]]


async def test_person_ref_unknown_to_care_status_is_refused_naming_it(
    service: InProcessService, body: Body, events: Events
) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(person_ref="nobody-known"))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.person_ref"]
    assert await events() == []


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"kind": "fight"}, "body.kind"),
        ({"response_category": "call_999"}, "body.response_category"),
        ({"setting": "street"}, "body.setting"),
        ({"outcome": "aggressive"}, "body.outcome"),
        ({"occurred_at": "2026-06-10T14:00:00"}, "body.occurred_at"),
        ({"occurred_at": "2099-01-01T00:00:00+00:00"}, "body.occurred_at"),
        ({"label": "violent"}, "body.label"),
        ({"person_ref": "../children"}, "body.person_ref"),
        ({"cooling_off_applies": "yes"}, "body.cooling_off_applies"),
        ({"kind": "court_outcome"}, "body.outcome"),
        ({"kind": "court_outcome", "outcome": "youth_caution"}, "body.outcome"),
        ({"outcome": "youth_caution", "outcome_date": "2026-06-09"}, "body.outcome_date"),
        ({"nrm_referral_ref": "NRM-1"}, "body.nrm_referral_ref"),
        ({"police_force": "provider-demo-home"}, "body.police_force"),
        ({"expected_release_date": "2026-12-01"}, "body.expected_release_date"),
        (
            {
                "kind": "custodial_sentence",
                "sentenced_on": "2026-06-10",
                "expected_release_date": "2026-06-09",
            },
            "body.expected_release_date",
        ),
        (
            {
                "kind": "custody_detention",
                "detained_at": "2026-06-10T15:00:00+01:00",
                "released_at": "2026-06-10T14:30:00+01:00",
            },
            "body.released_at",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
async def test_invalid_incident_is_refused_naming_the_field(
    service: InProcessService,
    body: Body,
    events: Events,
    overrides: dict[str, Any],
    field: str,
) -> None:
    police = await service.as_client("demo-met-custody")

    refused = await police.post("/v1/incidents", json=body(**overrides))

    assert refused.status_code == 422
    assert field in _fields(refused)
    assert await events() == []


async def test_outcome_dated_before_the_incident_is_refused_on_change(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await police.post("/v1/incidents", json=body(kind="arrest"))

    refused = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"outcome": "youth_caution", "outcome_date": "2026-06-09"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.outcome_date"]
    assert [event.type for event in await events()] == ["arrest.recorded"]


async def test_release_date_before_the_sentence_is_refused_on_change(
    service: InProcessService, body: Body, events: Events
) -> None:
    police = await service.as_client("demo-met-custody")
    created = await police.post(
        "/v1/incidents",
        json=body(kind="custodial_sentence", setting="custody", sentenced_on="2026-06-10"),
    )

    refused = await police.patch(
        f"/v1/incidents/{created.json()['id']}",
        json={"expected_release_date": "2026-06-01"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert refused.status_code == 422
    assert _fields(refused) == ["body.expected_release_date"]
    assert [event.type for event in await events()] == ["sentenced.custodial"]
    read = await police.get(f"/v1/incidents/{created.json()['id']}")
    assert read.json()["expected_release_date"] is None
    assert read.headers["etag"] == '"1"'


async def test_overlong_child_account_is_refused(service: InProcessService, body: Body) -> None:
    home = await service.as_client("demo-home-provider")

    refused = await home.post("/v1/incidents", json=body(child_account="x" * 20_001))

    assert refused.status_code == 422
    assert _fields(refused) == ["body.child_account"]
