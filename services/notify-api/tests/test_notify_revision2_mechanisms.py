"""rules.md Revision 2's general mechanisms: duties met before a later event, visits actually
made, local protocols and windows per authority, and the refusals at start."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from notify.main import create_app
from notify.notifications import service as inbox
from notify.rules.catalogue import RuleFileError, load_catalogue
from notify.rules.evaluation import evaluate_event
from notify.settings import Settings
from notify.testing import Clock, care_leaver_facts, cloud_event, incident_data
from platform_shared.auth import Principal
from platform_shared.organisations import load_directory
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import make_settings

TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
POLICE = "police-metropolitan"


async def _post(
    service: InProcessService, event_type: str, data: dict[str, Any], time: datetime = TIME
) -> dict[str, Any]:
    platform = await service.as_client("platform-services")
    event = cloud_event(event_type, data, time=time)
    response = await platform.post("/v1/events", json=event)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = {**response.json(), "event_id": event["id"]}
    return result


def _police(kind: str, **overrides: Any) -> dict[str, Any]:
    return incident_data(
        kind,
        TIME,
        **{
            "setting": "community",
            "recorded_by": POLICE,
            "recorded_by_kind": "police",
            **overrides,
        },
    )


async def _arrest_with_cif(service: InProcessService) -> tuple[str, str]:
    """An arrest of a Camden child by the Met: the incident id and the CIF duty's id."""
    data = _police("arrest")
    receipt = await _post(service, "arrest.recorded", data)
    [cif] = [n for n in receipt["notifications"] if n["rule"] == "london-child-information-form"]
    return data["incident_id"], cif["id"]


async def _read(service: InProcessService, client: str, notification_id: str) -> dict[str, Any]:
    caller = await service.as_client(client)
    response = await caller.get(f"/v1/notifications/{notification_id}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# before_event: the London Child Information Form ------------------------------------------


async def test_the_cif_duty_has_no_fixed_instant_and_names_what_it_must_come_before(
    service: InProcessService,
) -> None:
    """London protocol, "Police roles and responsibilities": the CIF before the charging
    decision; the force sees its own duty in its inbox."""
    _, cif_id = await _arrest_with_cif(service)

    cif = await _read(service, "demo-met-custody", cif_id)

    assert cif["due_at"] is None
    assert cif["before_events"] == ["charged", "outcome.recorded"]
    assert (cif["status"], cif["breach"], cif["breached_by_event"]) == ("pending", False, None)
    assert cif["duty_holder"] == POLICE


async def test_a_charge_recorded_before_the_cif_is_acknowledged_is_a_breach(
    service: InProcessService,
) -> None:
    """London protocol, "Prosecution of incidents": the CIF "must be completed by the police
    in all cases" before the charging decision; a charge first is a breach, shown as a
    passed deadline is (overdue, breach, an escalation). The form is the force's own
    duty: the force's escalation contact is told, never Camden, which cannot complete it."""
    incident_id, cif_id = await _arrest_with_cif(service)

    charge = await _post(
        service,
        "charged",
        _police("charge", related_incident_id=incident_id),
        time=TIME + timedelta(hours=5),
    )

    assert charge["breached"] == [cif_id]
    cif = await _read(service, "demo-met-custody", cif_id)
    assert (cif["status"], cif["breach"]) == ("overdue", True)
    assert cif["breached_by_event"] == charge["event_id"]
    met = await service.as_client("demo-met-custody")
    contact = (await met.get("/v1/notifications", params={"role": "escalation_contact"})).json()
    assert [n["escalation_of"] for n in contact["items"]] == [cif_id]
    camden = await service.as_client("demo-camden")
    inbox = (await camden.get("/v1/notifications")).json()
    assert [n for n in inbox["items"] if n["escalation_of"] == cif_id] == []


async def test_an_outcome_of_charge_for_the_same_incident_is_a_breach_too(
    service: InProcessService,
) -> None:
    """London protocol, "Police roles and responsibilities": the outcome `charged` of the
    same incident is the charging decision."""
    incident_id, cif_id = await _arrest_with_cif(service)

    other = await _post(
        service, "outcome.recorded", _police("outcome", incident_id=incident_id, outcome="nfa")
    )
    charged = await _post(
        service,
        "outcome.recorded",
        _police("outcome", incident_id=incident_id, outcome="charged"),
    )

    assert (other["breached"], charged["breached"]) == ([], [cif_id])


async def test_a_charge_for_another_incident_breaches_nothing(service: InProcessService) -> None:
    """London protocol: the CIF of one incident waits for that incident's charge only."""
    _, cif_id = await _arrest_with_cif(service)

    charge = await _post(service, "charged", _police("charge", related_incident_id="in_other"))

    assert charge["breached"] == []
    assert (await _read(service, "demo-met-custody", cif_id))["status"] == "pending"


async def test_a_cif_acknowledged_before_the_charge_stays_met(service: InProcessService) -> None:
    """London protocol: the duty is met when the force acknowledges it. (The dev police
    clients hold no `notifications:ack` scope, so the force acknowledges through the
    service layer as its principal.)"""
    incident_id, cif_id = await _arrest_with_cif(service)
    force = Principal(client_id="met", org=POLICE, scopes=frozenset({"notifications:ack"}))
    async with service.session_factory() as session, session.begin():
        await inbox.acknowledge(
            session,
            force,
            uuid.UUID(cif_id),
            catalogue=load_catalogue(),
            now=TIME + timedelta(hours=1),
            cutoff=timedelta(hours=72),
        )

    charge = await _post(service, "charged", _police("charge", related_incident_id=incident_id))

    assert charge["breached"] == []
    cif = await _read(service, "demo-met-custody", cif_id)
    assert (cif["status"], cif["breach"]) == ("acknowledged", False)


# Visits actually made ---------------------------------------------------------------------


def _sentence(sentenced_on: str) -> dict[str, Any]:
    return incident_data("custodial_sentence", TIME, sentenced_on=sentenced_on)


async def _visits(service: InProcessService) -> list[tuple[int, str, str]]:
    camden = await service.as_client("demo-camden")
    items = (
        await camden.get("/v1/notifications", params={"rule": "sentenced-care-order-visits"})
    ).json()["items"]
    return [(n["occurrence"], n["status"], n["due_at"]) for n in items]


async def test_the_next_visit_is_due_six_weeks_after_the_first_visit_made(
    clocked_service: InProcessService, clock: Clock
) -> None:
    """National protocol 8.5 (reg 28: "intervals of not more than six weeks"): sentenced 2
    December 2026, first visit acknowledged 4 December: the next is due 6 weeks after it,
    15 January 2027, not 20 January (the series from the sentence date)."""
    service = clocked_service
    clock.now = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    receipt = await _post(service, "sentenced.custodial", _sentence("2026-12-02"), clock.now)
    [first] = [
        n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-first-visit"
    ]
    assert await _visits(service) == [(1, "pending", "2027-01-20T23:59:59Z")]
    camden = await service.as_client("demo-camden")
    clock.now = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)

    response = await camden.post(f"/v1/notifications/{first['id']}/acknowledge")

    assert response.json()["visited_on"] == "2026-12-04"
    assert await _visits(service) == [(1, "pending", "2027-01-15T23:59:59Z")]


async def test_a_visit_date_recorded_moves_the_next_visit(
    clocked_service: InProcessService, clock: Clock
) -> None:
    """National protocol 8.5: the visit made on 10 January 2027, recorded on the 12th:
    the next is due 21 February 2027 (six weeks), before the series' 3 March."""
    service = clocked_service
    clock.now = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    receipt = await _post(service, "sentenced.custodial", _sentence("2026-12-01"), clock.now)
    [visit] = [n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-visits"]
    camden = await service.as_client("demo-camden")
    clock.now = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)

    response = await camden.post(
        f"/v1/notifications/{visit['id']}/acknowledge", json={"visited_on": "2027-01-10"}
    )

    assert response.status_code == 200, response.text
    assert await _visits(service) == [
        (1, "acknowledged", "2027-01-19T23:59:59Z"),
        (2, "pending", "2027-02-21T23:59:59Z"),
    ]


async def test_a_late_visit_never_puts_the_next_later_than_the_series(
    clocked_service: InProcessService, clock: Clock
) -> None:
    """National protocol 8.5: never later than the series from the sentence date (1 Dec
    2026: 19 January, 2 March 2027); a visit made late, on 25 January, leaves 2 March."""
    service = clocked_service
    clock.now = datetime(2026, 12, 1, 15, 0, tzinfo=UTC)
    receipt = await _post(service, "sentenced.custodial", _sentence("2026-12-01"), clock.now)
    [visit] = [n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-visits"]
    camden = await service.as_client("demo-camden")
    clock.now = datetime(2027, 1, 26, 9, 0, tzinfo=UTC)

    await camden.post(
        f"/v1/notifications/{visit['id']}/acknowledge", json={"visited_on": "2027-01-25"}
    )

    assert (await _visits(service))[1] == (2, "pending", "2027-03-02T23:59:59Z")


@pytest.mark.parametrize(
    ("visited_on", "reason"),
    [("2026-12-23", "in the future"), ("2026-11-30", "before the sentence")],
)
async def test_a_visit_date_in_the_future_or_before_the_sentence_is_refused(
    clocked_service: InProcessService, clock: Clock, visited_on: str, reason: str
) -> None:
    """National protocol 8.5: a visit is made in custody, after the sentence and not yet
    tomorrow; nothing is written (the duty stays open)."""
    service = clocked_service
    receipt = await _post(service, "sentenced.custodial", _sentence("2026-12-01"))
    [first] = [
        n for n in receipt["notifications"] if n["rule"] == "sentenced-care-order-first-visit"
    ]
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        f"/v1/notifications/{first['id']}/acknowledge", json={"visited_on": visited_on}
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body.visited_on"
    assert reason in error["reason"]
    assert (await _read(service, "demo-camden", first["id"]))["status"] == "pending"


async def test_a_visit_date_on_a_duty_that_is_not_a_visit_is_refused(
    service: InProcessService,
) -> None:
    """A visit date belongs to visit duties only (national protocol 8.5)."""
    receipt = await _post(service, "incident.recorded", incident_data("behaviour", TIME))
    [to_camden] = [n for n in receipt["notifications"] if n["recipient"]["org"] == CAMDEN]
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        f"/v1/notifications/{to_camden['id']}/acknowledge", json={"visited_on": "2026-12-22"}
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.visited_on"


# Local protocols and windows per authority ----------------------------------------------------


def _due_of(catalogue: Any, rule: str, authority: str) -> set[datetime | None]:
    data = {
        **incident_data("arrest", TIME, recorded_by=POLICE, recorded_by_kind="police"),
        "responsible_authority": authority,
        "area_authority": CAMDEN if authority != CAMDEN else DERBYSHIRE,
    }
    evaluation = evaluate_event(catalogue, "arrest.recorded", TIME, data, load_directory())
    assert evaluation.issues == []
    return {p.due_at for p in evaluation.notifications if p.rule.id == rule}


def test_an_authority_may_tighten_a_local_policy_window_for_itself() -> None:
    """rules.md Revision 2, "Local protocols are per authority": every authority 90
    minutes, Camden 1 hour (national protocol 5.1, "as soon as possible")."""
    catalogue = load_catalogue(
        overrides={"police-contact-looked-after": {"*": "PT90M", CAMDEN: "PT1H"}},
        directory=load_directory(),
    )

    assert _due_of(catalogue, "police-contact-looked-after", CAMDEN) == {TIME + timedelta(hours=1)}
    assert _due_of(catalogue, "police-contact-looked-after", DERBYSHIRE) == {
        TIME + timedelta(minutes=90)
    }


@pytest.mark.parametrize(
    ("windows", "message"),
    [
        (
            {"police-contact-looked-after": {CAMDEN: "PT3H"}},
            r"police-contact-looked-after \(authority E09000007\).*looser",
        ),
        (
            {"police-contact-looked-after": "PT3H"},
            r"police-contact-looked-after \(every authority\).*looser",
        ),
        (
            {"police-contact-looked-after": {"E09999999": "PT1H"}},
            r"police-contact-looked-after: 'E09999999' is not a local authority",
        ),
        (
            {"placement-out-of-area": {CAMDEN: {"working_days": 1}}},
            r"placement-out-of-area is statutory.*authority E09000007",
        ),
        (
            {"cps-checklist-due": {DERBYSHIRE: "PT12H"}},
            r"cps-checklist-due has no local policy window",
        ),
    ],
)
def test_the_service_refuses_to_start_on_a_window_it_may_not_take(
    tmp_path: Path, windows: dict[str, Any], message: str
) -> None:
    """rules.md Revision 2: a local window only ever tighter; a statutory one not at all;
    a protocol window that is not local policy not at all; naming the rule and authority."""
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path}/n.db", rule_windows=windows)

    with pytest.raises(RuleFileError, match=message):
        create_app(settings)


@pytest.mark.parametrize(
    ("protocols", "message"),
    [
        ({"kent": ["E10000016"]}, r"unknown protocol 'kent'"),
        ({"london": ["E09999999"]}, r"local_protocols\.london: 'E09999999' is not a local"),
    ],
)
def test_the_service_refuses_to_start_on_an_unknown_protocol_or_adopter(
    tmp_path: Path, protocols: dict[str, list[str]], message: str
) -> None:
    """rules.md Revision 2: adopters are validated at start against the directory."""
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path}/n.db", local_protocols=protocols)

    with pytest.raises(RuleFileError, match=message):
        create_app(settings)


def _rule_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(
        f"""
version: "1"
rules:
  - id: odd-rule
    title: A rule of a test
    duty_holder: recorded_by
    recipients: [{{role: provider}}]
    basis: protocol
    citation: nowhere
    source: nowhere.txt
{body}""",
        encoding="utf-8",
    )
    return path


def test_a_before_event_naming_an_event_no_service_emits_stops_the_service(
    tmp_path: Path,
) -> None:
    """The later event a duty waits for must be one some service emits (EVENT_SOURCE)."""
    path = _rule_file(
        tmp_path,
        """    events: [arrest.recorded]
    deadlines:
      - before_event:
          - event: charge.recorded
            match: {incident_id: [incident_id]}
""",
    )
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path}/n.db", rules_file=path)

    with pytest.raises(
        RuleFileError, match=r"rule 'odd-rule', deadlines\.0.*no service emits 'charge\.recorded'"
    ):
        create_app(settings)


def test_a_rule_reacting_to_an_event_no_service_emits_stops_the_service(tmp_path: Path) -> None:
    """Every event type the rule file names is one some service emits."""
    path = _rule_file(
        tmp_path,
        """    events: [arrest.made]
    deadlines: [{anchor: [time], direction: after, unit: hours, amount: 1}]
""",
    )

    with pytest.raises(
        RuleFileError, match=r"rule 'odd-rule'.*events: no service emits 'arrest\.made'"
    ):
        load_catalogue(path)


def test_a_rule_naming_an_unknown_protocol_stops_the_service(tmp_path: Path) -> None:
    """rules.md Revision 2: each local rule names a protocol the platform knows."""
    path = _rule_file(
        tmp_path,
        """    events: [arrest.recorded]
    protocol: kent
    deadlines: [{anchor: [time], direction: after, unit: hours, amount: 1}]
""",
    )

    with pytest.raises(RuleFileError, match=r"rule 'odd-rule', protocol"):
        load_catalogue(path)


# GET /v1/rules ------------------------------------------------------------------------------


@pytest.fixture
async def configured(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    settings: Settings = make_settings(
        database_url,
        rule_windows={
            "police-contact-looked-after": {CAMDEN: "PT1H"},
            "care-leaver-custody-visits": {DERBYSHIRE: "P4W"},
        },
        local_protocols={"derbyshire": [DERBYSHIRE, "E06000015"]},
    )
    app = create_app(settings)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def test_rules_list_their_protocol_adopters_and_authorities_windows(
    configured: InProcessService,
) -> None:
    """rules.md Revision 2: per rule its protocol, the authorities it applies to, and each
    authority's own window."""
    police = await configured.as_client("demo-met-custody")

    items = {r["id"]: r for r in (await police.get("/v1/rules")).json()["items"]}

    cps = items["cps-checklist-due"]
    assert (cps["protocol"], cps["applies_to"]) == ("derbyshire", ["E06000015", DERBYSHIRE])
    cif = items["london-child-information-form"]
    assert cif["protocol"] == "london"
    assert CAMDEN in cif["applies_to"]
    assert {code[:3] for code in cif["applies_to"]} == {"E09"}
    contact = items["police-contact-looked-after"]
    assert (contact["protocol"], contact["applies_to"]) == (None, "all")
    [camden_window] = contact["authority_windows"][CAMDEN]
    assert (camden_window["unit"], camden_window["amount"]) == ("hours", 1)
    assert contact["deadlines"][0]["amount"] == 2
    assert "before_event" in cif["deadlines"][0]
    visits = items["care-leaver-custody-visits"]
    assert visits["authority_windows"] == {}
    assert visits["authority_recurrences"][DERBYSHIRE]["steps"][0]["amount"] == 4
    assert visits["recurrence"]["steps"][0]["amount"] == 8


def _care_leaver_sentenced(authority: str) -> dict[str, Any]:
    return {
        **incident_data("custodial_sentence", TIME, sentenced_on="2026-12-22"),
        **care_leaver_facts(effective_date="2026-12-22", responsible_authority=authority),
    }


def test_an_authority_may_visit_care_leavers_in_custody_more_often() -> None:
    """National protocol 7.2 ("regularly"; 8 weeks the local policy default): Camden every
    6 weeks from 22 Dec 2026 (2 February 2027), the others every 8 (16 February 2027)."""
    catalogue = load_catalogue(
        overrides={"care-leaver-custody-visits": {CAMDEN: "P6W"}}, directory=load_directory()
    )

    def first_visit(authority: str) -> set[datetime | None]:
        data = _care_leaver_sentenced(authority)
        evaluation = evaluate_event(catalogue, "sentenced.custodial", TIME, data, load_directory())
        assert evaluation.issues == []
        return {
            p.due_at for p in evaluation.notifications if p.rule.id == "care-leaver-custody-visits"
        }

    assert first_visit(CAMDEN) == {datetime(2027, 2, 2, 23, 59, 59, tzinfo=UTC)}
    assert first_visit(DERBYSHIRE) == {datetime(2027, 2, 16, 23, 59, 59, tzinfo=UTC)}


def test_a_longer_interval_of_care_leaver_visits_is_refused() -> None:
    """rules.md Revision 2: a local interval may only be shorter than the 8 weeks."""
    with pytest.raises(
        RuleFileError, match=r"care-leaver-custody-visits \(authority E09000007\).*looser"
    ):
        load_catalogue(
            overrides={"care-leaver-custody-visits": {CAMDEN: "P10W"}},
            directory=load_directory(),
        )
