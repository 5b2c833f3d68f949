"""Journey 3: a care leaver arrested. The personal adviser is told when the young person
consented, the decision not to tell is recorded when they refused, and at 25 they are out
of scope: the lookup finds no record and nobody is told."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from journeys import (
    CAMDEN,
    add_legal_status,
    at,
    create_child,
    due,
    lookup,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform
from webhook_receiver import WebhookReceiver

from platform_shared.testing import serve_over_http

pytestmark = [pytest.mark.system]

#: Friday 27 November 2026, 08:15 GMT: one working day later is Monday 30 November.
#: Facts are read as of the arrest's date, so the journeys hold on any later day.
ARRESTED_ON = "2026-11-27"
ARRESTED_AT = at("2026-11-27T08:15:00+00:00")
ADVISER_DUE = at("2026-11-30T23:59:59+00:00")


async def care_leaver(
    camden: httpx.AsyncClient, *, date_of_birth: str, consent: bool | None, **fields: Any
) -> dict[str, Any]:
    """A Camden care leaver: a care order from 14 to 17 (so eligible, then former
    relevant), leaving care recorded, a personal adviser and their answer on consent."""
    child = await create_child(camden, date_of_birth=date_of_birth, **fields)
    child_id = child["id"]
    await add_legal_status(camden, child_id, "care_order_s31", "2016-05-01", end_date="2019-09-01")
    response = await camden.put(
        f"/v1/children/{child_id}/leaving-care", json={"left_care_on": "2019-09-01"}
    )
    assert response.status_code == 200, response.text
    response = await camden.put(
        f"/v1/children/{child_id}/personal-adviser",
        json={"name": "Priya Okonkwo-Hart", "appointed_on": "2019-06-01"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["contact_route"] == f"route:{CAMDEN}:leaving-care"
    if consent is not None:
        response = await camden.put(
            f"/v1/children/{child_id}/consents/notify_personal_adviser",
            json={"given": consent, "recorded_on": "2026-01-12", "recorded_by": "PA pathway plan"},
        )
        assert response.status_code == 200, response.text
    return child


async def test_consenting_care_leaver_arrested_is_told_to_the_personal_adviser(
    platform: Platform,
) -> None:
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met_status,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
    ):
        child = await care_leaver(
            camden, given_name="Jordan", date_of_birth="2002-03-10", consent=True
        )
        answer = await lookup(
            met_status,
            given_name="jordan",
            family_name=child["family_name"].upper(),
            date_of_birth="2002-03-10",
            purpose="custody",
            as_of=ARRESTED_ON,
        )
        assert answer["result"] == "care_leaver"
        assert answer["care_leaver_category"] == "former_relevant"
        assert answer["age"] == 24
        assert answer["under_25"] is True
        assert answer["notify_personal_adviser_consent"] == "given"
        assert answer["responsible_authority"] == {"code": CAMDEN, "name": "Camden"}

        incident, _ = await record_incident(
            met_incidents, answer["person_ref"], "arrest", ARRESTED_AT, "community"
        )

        [told] = await wait_for_notifications(
            camden_inbox, answer["person_ref"], "police-contact-care-leaver", kind="rule"
        )
        assert told["recipient"] == {"org": CAMDEN, "role": "personal_adviser"}
        # Overdue once the sweeper has seen its (literal, past) deadline.
        assert told["status"] in ("pending", "delivered", "overdue")
        assert told["withheld_reason"] is None
        assert due(told) == ADVISER_DUE
        assert told["subject"]["incident_id"] == incident["id"]
        assert told["subject"]["status"] == "care_leaver"
        assert told["subject"]["care_leaver_category"] == "former_relevant"
        # A care leaver is not a looked-after child: no social worker rule fires.
        assert (
            await notifications_about(
                camden_inbox, answer["person_ref"], "police-contact-looked-after"
            )
            == []
        )


async def test_care_leaver_who_refused_consent_is_withheld_with_its_reason(
    platform: Platform,
) -> None:
    receiver = WebhookReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met_status,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
    ):
        endpoint = await camden_inbox.post(
            "/v1/endpoints",
            json={
                "channel": "webhook",
                "url": f"{receiver_url}/hooks",
                "roles": ["personal_adviser"],
            },
        )
        assert endpoint.status_code == 201, endpoint.text
        receiver.secret = endpoint.json()["secret"]

        child = await care_leaver(
            camden, given_name="Kai", date_of_birth="2002-07-21", consent=False
        )
        answer = await lookup(
            met_status,
            given_name="Kai",
            family_name=child["family_name"],
            date_of_birth="2002-07-21",
            purpose="custody",
            as_of=ARRESTED_ON,
        )
        assert answer["result"] == "care_leaver"
        assert answer["notify_personal_adviser_consent"] == "refused"

        incident, _ = await record_incident(
            met_incidents, answer["person_ref"], "arrest", ARRESTED_AT, "community"
        )

        [withheld] = await wait_for_notifications(
            camden_inbox, answer["person_ref"], "police-contact-care-leaver-no-consent"
        )
        assert withheld["status"] == "withheld"
        assert withheld["withheld_reason"] == ("consent to notify the personal adviser is refused")
        assert withheld["recipient"] == {"org": CAMDEN, "role": "personal_adviser"}
        assert withheld["due_at"] is None
        assert withheld["subject"]["incident_id"] == incident["id"]
        assert (
            await notifications_about(
                camden_inbox, answer["person_ref"], "police-contact-care-leaver"
            )
            == []
        )

        detail = await camden_inbox.get(f"/v1/notifications/{withheld['id']}")
        assert detail.status_code == 200, detail.text
        assert detail.json()["deliveries"] == []  # never pushed to the adviser's route
        assert receiver.notifications() == []


async def test_care_leaver_aged_25_has_no_record_and_nobody_is_told(
    platform: Platform,
) -> None:
    # The young person turned 25 on Tuesday 24 November 2026, three days before the arrest.
    # (care-status-api refuses to create a record of someone 25 or over: `create_child`
    # creates it with a stand-in date of birth and Camden corrects it, as a record made
    # while they were under 25 would have been.)
    born = "2001-11-24"
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met_status,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
        platform.aclient("notify-api", "demo-yot-camden") as camden_yot_inbox,
    ):
        child = await care_leaver(camden, given_name="Rhiannon", date_of_birth=born, consent=True)
        record = await camden.get(f"/v1/children/{child['id']}")
        assert record.status_code == 200, record.text
        assert record.json()["date_of_birth"] == born

        by_name = {
            "given_name": "RHIANNON",
            "family_name": child["family_name"],
            "date_of_birth": born,
            "purpose": "custody",
        }
        # The day before the 25th birthday they were a care leaver in scope...
        before = await lookup(met_status, **by_name, as_of="2026-11-23")
        assert before["result"] == "care_leaver"
        assert before["person_ref"] == child["person_ref"]
        assert before["age"] == 24
        # ...from the birthday on, and today (whatever day that is, later still), the
        # lookup finds no record and discloses nothing.
        for as_of in ("2026-11-24", "2026-11-27", None):
            answer = await lookup(met_status, **by_name, **({"as_of": as_of} if as_of else {}))
            assert {key: value for key, value in answer.items() if value is not None} == {
                "result": "no_record"
            }

        # Arrested on the Friday all the same, under the person_ref the Met already held.
        out_of_scope, _ = await record_incident(
            met_incidents, child["person_ref"], "arrest", ARRESTED_AT, "community"
        )
        assert out_of_scope["status_facts"] is None  # the force is not entitled to them
        assert out_of_scope["status_summary"]["status"] == "no_record"
        assert out_of_scope["status_summary"]["under_25"] is False

        # A control: a consenting 24-year-old arrested after them is told to the adviser.
        control = await care_leaver(
            camden, given_name="Jordan", date_of_birth="2002-03-10", consent=True
        )
        await record_incident(
            met_incidents, control["person_ref"], "arrest", ARRESTED_AT, "community"
        )
        [told] = await wait_for_notifications(
            camden_inbox, control["person_ref"], "police-contact-care-leaver", kind="rule"
        )
        assert told["recipient"] == {"org": CAMDEN, "role": "personal_adviser"}
        assert due(told) == ADVISER_DUE

        # The events go out in order: had the first been told, it would be here by now.
        assert await notifications_about(camden_inbox, child["person_ref"]) == []
        assert await notifications_about(camden_yot_inbox, child["person_ref"]) == []
