"""Local protocols are per authority (rules.md Revision 2): the CPS 10-point checklist of
the Derbyshire protocol is due only for a child whose responsible authority adopted it
(setting `local_protocols`, default Derbyshire E10000007); a bad setting stops the start."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from incidents.main import create_app
from incidents.settings import Settings
from incidents.testing import CareStatusStandIn, NotifyStandIn
from platform_shared.protocols import LocalProtocolError
from platform_shared.testing import InProcessService, serve_in_process

Body = Callable[..., dict[str, Any]]

#: A Camden child in a Camden children's home (London protocol, no Derbyshire checklist).
CAMDEN_AT_HOME = "child-camden-at-home"
POLICE_INVOLVED = {
    "person_ref": CAMDEN_AT_HOME,
    "occurred_at": "2026-03-26T18:00:00+00:00",
    "response_category": "police_advice",
    "police_involved_at": "2026-03-28T00:00:00+00:00",
    "police_force": "police-metropolitan",
}


@pytest.fixture(autouse=True)
def camden_at_home(care_status: CareStatusStandIn) -> None:
    care_status.add(CAMDEN_AT_HOME, area_authority="E09000007", placed_out_of_area=False)


async def test_camden_child_in_a_camden_home_has_no_checklist_due(
    service: InProcessService, body: Body
) -> None:
    """London protocol, "Police roles": "The CIF replaces the previous 10-point checklist
    for offences in Children's homes"; the Derbyshire checklist (Appendix A, B, section 6)
    applies only where the responsible authority adopted that protocol."""
    camden = await service.as_client("demo-camden")
    created = await camden.post("/v1/incidents", json=body(**POLICE_INVOLVED))
    assert created.status_code == 201, created.text

    checklist = (await camden.get(f"/v1/incidents/{created.json()['id']}/cps-checklist")).json()

    assert checklist["required"] is False
    assert checklist["protocol_applies"] is False
    assert checklist["due_at"] is None
    assert checklist["overdue"] is False
    assert checklist["police_involved_at"] == "2026-03-28T00:00:00Z"
    assert "Derbyshire protocol" in checklist["not_required_reason"]
    assert all(section["due_at"] is None for section in checklist["sections"])


async def test_writing_a_checklist_nobody_adopted_is_a_conflict_and_writes_nothing(
    service: InProcessService, body: Body
) -> None:
    camden = await service.as_client("demo-camden")
    created = await camden.post("/v1/incidents", json=body(**POLICE_INVOLVED))
    url = f"/v1/incidents/{created.json()['id']}/cps-checklist"

    refused = await camden.put(f"{url}/1", json={"content": "Behaviour policy attached."})

    assert refused.status_code == 409
    assert refused.headers["content-type"] == "application/problem+json"
    assert "has not adopted the Derbyshire protocol" in refused.json()["detail"]
    assert (await camden.get(url)).json()["missing"] == list(range(1, 11))


async def test_derbyshire_child_checklist_is_due_24_hours_after_police_involvement(
    service: InProcessService, body: Body
) -> None:
    """Derbyshire Appendix B: "send to Police within 24 hours" of police involvement
    (30 hours after an incident at 18:00), not of the incident."""
    home = await service.as_client("demo-home-provider")
    created = await home.post(
        "/v1/incidents",
        json=body(
            **{**POLICE_INVOLVED, "person_ref": "child-derbyshire-1"},
        ),
    )

    checklist = (await home.get(f"/v1/incidents/{created.json()['id']}/cps-checklist")).json()

    assert checklist["protocol_applies"] is True
    assert checklist["not_required_reason"] is None
    assert checklist["due_at"] == "2026-03-29T00:00:00Z"


@pytest.fixture
async def camden_adopts_derbyshire(
    database_url: str,
    auth: Any,
    auth_url: str,
    care_status: CareStatusStandIn,
    notify: NotifyStandIn,
) -> AsyncIterator[InProcessService]:
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        migrate_on_start=False,
        relay_in_process=False,
        care_status_url=care_status.url,
        oauth_token_url=f"{auth_url}/oauth/token",
        notify_url=notify.url,
        local_protocols={"derbyshire": ["E10000007", "E09000007"]},
    )
    async with serve_in_process(
        create_app(settings), tokens=auth.token, issuer_http=auth.http
    ) as running:
        yield running


async def test_an_authority_the_setting_names_has_the_checklist_due(
    camden_adopts_derbyshire: InProcessService, body: Body
) -> None:
    camden = await camden_adopts_derbyshire.as_client("demo-camden")
    created = await camden.post("/v1/incidents", json=body(**POLICE_INVOLVED))

    checklist = (await camden.get(f"/v1/incidents/{created.json()['id']}/cps-checklist")).json()

    assert checklist["required"] is True
    assert checklist["due_at"] == "2026-03-29T00:00:00Z"


@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ({"kent": ["E10000016"]}, "'kent'"),
        ({"derbyshire": ["E99999999"]}, "'E99999999'"),
    ],
)
def test_service_refuses_to_start_on_a_bad_setting_naming_it(
    setting: dict[str, list[str]], named: str
) -> None:
    settings = Settings(_env_file=None, local_protocols=setting)

    with pytest.raises(LocalProtocolError) as refused:
        create_app(settings)

    assert "local_protocols" in str(refused.value)
    assert named in str(refused.value)


def test_setting_is_read_from_the_environment_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENTS_LOCAL_PROTOCOLS", '{"derbyshire": ["E10000007", "E09*"]}')

    app = create_app(Settings(_env_file=None))

    assert app.state.local_protocols.adopts("E09000007", "derbyshire")


async def test_while_the_facts_are_pending_no_checklist_is_due_yet(
    service: InProcessService, care_status: CareStatusStandIn, body: Body
) -> None:
    """The responsible authority is not known until care-status-api answers: nothing is
    due, and whether the protocol applies is not claimed either way."""
    home = await service.as_client("demo-home-provider")
    await care_status.stop()
    created = await home.post(
        "/v1/incidents", json=body(**{**POLICE_INVOLVED, "person_ref": "child-derbyshire-1"})
    )
    assert created.status_code == 201, created.text

    checklist = (await home.get(f"/v1/incidents/{created.json()['id']}/cps-checklist")).json()

    assert checklist["protocol_applies"] is None
    assert checklist["required"] is False
    assert checklist["due_at"] is None
    assert checklist["not_required_reason"] is None
