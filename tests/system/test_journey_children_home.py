"""Journey 5: an incident in a children's home, resolved in the home. The social worker
is told, the child's own words read back as they were written, and the monitoring
figures count it as dealt with internally."""

from __future__ import annotations

import pytest
from journeys import (
    CAMDEN,
    DEMO_HOME,
    DERBYSHIRE,
    at,
    due,
    looked_after_child_placed_in,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform

pytestmark = [pytest.mark.system]

#: Friday 27 November 2026, 09:30 GMT: one working day later is Monday 30 November.
#: Facts are read as of the incident's date (Maëlle is 14 then), the deadline counts from
#: it and the figures are for that day, so the journey holds on any later day.
OCCURRED_AT = at("2026-11-27T09:30:00+00:00")
SOCIAL_WORKER_DUE = at("2026-11-30T23:59:59+00:00")
CHILD_ACCOUNT = (
    "I didn't mean to break the door, I was angry 'cause Chloë's mum couldn't come. "
    "I've said sorry to Renée — it's not OK and I know that.  "
)
REASON = "A parent would have talked it through at home; nobody was hurt."


async def test_incident_resolved_in_a_childrens_home_is_told_read_back_and_counted(
    platform: Platform,
) -> None:
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("incident-api", "demo-home-provider") as home,
        platform.aclient("incident-api", "demo-camden") as camden_incidents,
        platform.aclient("incident-api", "demo-derbyshire") as derbyshire_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
    ):
        child = await looked_after_child_placed_in(
            camden,
            DERBYSHIRE,
            care_order_from="2023-03-01",
            placed_from="2026-10-05",
            placement={"provider": DEMO_HOME},
            given_name="Maëlle",
            date_of_birth="2012-02-20",
        )
        person_ref = child["person_ref"]

        incident, _ = await record_incident(
            home,
            person_ref,
            "behaviour",
            OCCURRED_AT,
            "placement",
            description="Kicked the lounge door after a cancelled family visit.",
            response_category="internal_resolution",
            reasonable_parent_test={"answer": False, "reason": REASON},
            child_account=CHILD_ACCOUNT,
            restorative_approach="restorative_conversation",
            restorative_outcome="completed",
            sex="female",
            ethnicity="white_and_black_caribbean",
        )
        assert incident["recorded_by"] == DEMO_HOME
        assert incident["recorded_by_kind"] == "provider"
        assert incident["police_involved"] is False
        # The home is not entitled to the care record (issue 15 finding 2): it sees no more
        # than a lookup would tell it; Camden, the responsible authority, sees the facts.
        assert incident["status_facts"] is None
        assert incident["status_summary"]["status"] == "looked_after"
        read = await camden_incidents.get(f"/v1/incidents/{incident['id']}")
        assert read.status_code == 200, read.text
        assert read.json()["status_facts"]["age"] == 14

        # Its own notification (an escalation, once it is overdue, carries the rule too).
        [told] = await wait_for_notifications(
            camden_inbox, person_ref, "incident-in-placement", kind="rule"
        )
        assert told["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        # Overdue once the sweeper has seen its (literal, past) deadline.
        assert told["status"] in ("pending", "delivered", "overdue")
        assert told["duty_holder"] == DEMO_HOME
        assert due(told) == SOCIAL_WORKER_DUE
        assert told["subject"]["incident_id"] == incident["id"]
        assert told["subject"]["setting"] == "placement"
        assert told["subject"]["placed_out_of_area"] is True
        # No police involvement: no CPS checklist is asked of the home.
        async with platform.aclient("notify-api", "demo-home-provider") as home_inbox:
            assert await notifications_about(home_inbox, person_ref, "cps-checklist-due") == []

        read = await camden_incidents.get(f"/v1/incidents/{incident['id']}")
        assert read.status_code == 200, read.text
        record = read.json()
        assert record["child_account"] == CHILD_ACCOUNT
        assert record["reasonable_parent_test"] == {
            "question": "Would a reasonable parent have called the police?",
            "answer": False,
            "reason": REASON,
        }
        assert record["response_category"] == "internal_resolution"
        assert record["responsible_authority"] == CAMDEN
        assert record["area_authority"] == DERBYSHIRE

        period = {"from": "2026-11-27", "to": "2026-11-27"}
        response = await camden_incidents.get("/v1/reports/monitoring", params=period)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/json")
        figures = response.json()
        assert figures["authority"] == CAMDEN
        assert figures["incidents_counted"] == 1
        measures = {measure["measure"]: measure for measure in figures["measures"]}
        internal = measures["dealt_with_internally"]
        assert internal["total"] == 1
        assert internal["breakdown"] == {
            "placement_type": {"childrens_home": 1},
            "out_of_area": {"out_of_area": 1},
            "age_band": {"14_15": 1},
            "sex": {"female": 1},
            "ethnicity": {"white_and_black_caribbean": 1},
            "send_or_disability": {"not_recorded": 1},
            "uasc": {"not_uasc": 1},
        }
        assert all(
            measure["total"] == 0
            for name, measure in measures.items()
            if name != "dealt_with_internally"
        )
        assert figures["records_by_kind"] == {"behaviour": 1}

        # Derbyshire counts it among the children placed in its area.
        response = await derbyshire_incidents.get(
            "/v1/reports/monitoring", params={**period, "relation": "area"}
        )
        assert response.status_code == 200, response.text
        area = {m["measure"]: m["total"] for m in response.json()["measures"]}
        assert area["dealt_with_internally"] == 1
