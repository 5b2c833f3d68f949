"""Journey: a child detained in custody whose appropriate-adult notification nobody
acknowledges climbs the escalation ladder, through real processes and a signed webhook;
the acknowledgement, saying who and what was done, closes every step."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from journeys import (
    CAMDEN,
    DEMO_HOME,
    DERBYSHIRE,
    at,
    looked_after_child_placed_in,
    lookup,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform, eventually, running_platform
from webhook_receiver import WebhookReceiver

from platform_shared.testing import postgres_unavailable_reason, serve_over_http

pytestmark = [pytest.mark.system]

MET = "police-metropolitan"
RULE = "custody-child-appropriate-adult"
#: Detained at 02:10 on Friday 27 November 2026; the appropriate adult was due at 03:10,
#: long passed: the first sweep finds it overdue.
DETAINED_AT = at("2026-11-27T02:10:00+00:00")
#: Steps wait one minute (not four hours) before the next, and Camden keeps no office
#: hours here, so the top step reaches the emergency duty team whenever the test runs.
LADDER = {"*": {"statutory_guidance": {"step_window": "PT1M", "office_hours": None}}}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def ladder_platform(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    backend = str(request.param)
    if backend == "postgresql" and (reason := postgres_unavailable_reason()):
        pytest.skip(reason)
    worker_env = {"NOTIFY_ESCALATION_LADDER": json.dumps(LADDER)}
    with running_platform(
        backend, tmp_path_factory.mktemp(f"ladder-{backend}"), worker_env=worker_env
    ) as running:
        yield running


async def _steps(inbox: httpx.AsyncClient, original: str) -> list[dict[str, Any]]:
    response = await inbox.get("/v1/notifications", params={"limit": "200", "rule": RULE})
    assert response.status_code == 200, response.text
    return [n for n in response.json()["items"] if n["escalation_of"] == original]


async def test_an_unacknowledged_detention_climbs_the_ladder_and_one_acknowledgement_closes_it(
    ladder_platform: Platform,
) -> None:
    platform = ladder_platform
    edt_receiver = WebhookReceiver()
    async with (
        serve_over_http(edt_receiver.app) as receiver_url,
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met_status,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
        platform.aclient("notify-api", "demo-met-custody") as met_inbox,
    ):
        # Camden's out-of-hours team registers its own route: only the `emergency_duty`
        # steps reach it.
        response = await camden_inbox.post(
            "/v1/endpoints",
            json={
                "channel": "webhook",
                "url": f"{receiver_url}/hooks",
                "roles": ["emergency_duty"],
            },
        )
        assert response.status_code == 201, response.text
        edt_receiver.secrets[""] = response.json()["secret"]

        child = await looked_after_child_placed_in(
            camden,
            DERBYSHIRE,
            care_order_from="2024-02-01",
            placed_from="2026-09-14",
            placement={"provider": DEMO_HOME},
            date_of_birth="2011-06-14",
        )
        answer = await lookup(
            met_status,
            given_name=child["given_name"],
            family_name=child["family_name"],
            date_of_birth="2011-06-14",
            purpose="custody",
            requester_reference="01MET/5521/26",
            as_of="2026-11-27",
        )
        person_ref = answer["person_ref"]
        await record_incident(
            met_incidents,
            person_ref,
            "custody_detention",
            DETAINED_AT,
            "custody",
            custody_suite="Holborn custody suite",
            detained_at=DETAINED_AT.isoformat(),
            police_reference="01MET/5521/26",
        )
        [adult] = await wait_for_notifications(camden_inbox, person_ref, RULE, kind="rule")
        assert adult["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        assert adult["duty_holder"] == MET
        assert adult["explain"].startswith(f"rule {RULE}: every condition held")

        # Overdue: Camden's own escalation contact, and the force whose duty it is.
        async def overdue_steps() -> list[dict[str, Any]] | None:
            camden_steps = await _steps(camden_inbox, adult["id"])
            police_steps = await _steps(met_inbox, adult["id"])
            found = camden_steps + police_steps
            return found if len(found) >= 2 else None

        first = await eventually(overdue_steps, timeout=60, message="no overdue step")
        assert {(n["recipient"]["org"], n["recipient"]["role"]) for n in first} == {
            (CAMDEN, "escalation_contact"),
            (MET, "duty_holder"),
        }
        assert {n["escalation_step"] for n in first} == {"overdue"}

        # Left a minute unacknowledged: the head of service and the emergency duty team.
        async def top_steps() -> list[dict[str, Any]] | None:
            found = [
                n
                for n in await _steps(camden_inbox, adult["id"])
                if n["escalation_step"] == "breach"
            ]
            return found if len(found) >= 2 else None

        top = await eventually(top_steps, timeout=150, message="the ladder did not climb")
        assert {n["recipient"]["role"] for n in top} == {"escalation", "emergency_duty"}
        [edt] = [n for n in top if n["recipient"]["role"] == "emergency_duty"]
        detail = (await camden_inbox.get(f"/v1/notifications/{edt['id']}")).json()
        assert detail["trace"]["step"]["of"] == adult["id"]
        assert detail["trace"]["step"]["because"] == (
            "the overdue escalation was left unacknowledged"
        )

        # Pushed, signed, to the out-of-hours route, with its one-line explanation.
        async def pushed() -> dict[str, Any] | None:
            matching = [n for n in edt_receiver.notifications() if n["id"] == edt["id"]]
            return matching[0] if matching else None

        delivered = await eventually(pushed, timeout=60, message="the EDT was not pushed")
        assert delivered["escalation_step"] == "breach"
        assert "emergency duty team" in delivered["explain"]
        assert edt_receiver.bad_signatures == 0
        assert {n["recipient"]["role"] for n in edt_receiver.notifications()} == {"emergency_duty"}

        # Camden acts, and says who and what.
        response = await camden_inbox.post(
            f"/v1/notifications/{adult['id']}/acknowledge",
            json={"by": "Camden emergency duty team", "action": "social worker attending custody"},
        )
        assert response.status_code == 200, response.text

        steps = await _steps(camden_inbox, adult["id"]) + await _steps(met_inbox, adult["id"])
        assert len(steps) == 4
        assert {(n["status"], n["ended_reason"]) for n in steps} == {
            ("ended", "original_acknowledged")
        }
        board = (await met_inbox.get("/v1/duties", params={"state": "met"})).json()
        [duty] = [d for d in board["items"] if d["notification_id"] == adult["id"]]
        assert duty["acknowledgement"] == {
            "by": "Camden emergency duty team",
            "note": None,
            "action": "social worker attending custody",
        }
        assert await notifications_about(camden_inbox, person_ref, RULE, kind="reminder") == []
