"""Journey 2: custody at night. A child placed out of area, found by a name written
differently, detained; the home authority, both YOTs and an appropriate adult are told in
time."""

from __future__ import annotations

from datetime import datetime

import pytest
from journeys import (
    CAMDEN,
    DEMO_HOME,
    DERBYSHIRE,
    YOT_CAMDEN,
    YOT_DERBYSHIRE,
    at,
    due,
    looked_after_child_placed_in,
    lookup,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform

pytestmark = [pytest.mark.system]

#: Friday 27 November 2026, 02:10 GMT: detained at night. The journey is set on that
#: date (facts are read as of the incident's date), so it holds on any later day.
NIGHT = "2026-11-27"
DETAINED_AT = at("2026-11-27T02:10:00+00:00")
#: Police contact with a looked-after child: 2 hours from the detention.
POLICE_CONTACT_DUE = at("2026-11-27T04:10:00+00:00")
#: Under 18 in custody: an appropriate adult within the hour.
APPROPRIATE_ADULT_DUE = at("2026-11-27T03:10:00+00:00")


async def test_child_placed_out_of_area_detained_in_custody_is_told_to_home_authority_and_yots(
    platform: Platform,
) -> None:
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met_status,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
        platform.aclient("notify-api", "demo-yot-camden") as camden_yot_inbox,
        platform.aclient("notify-api", "demo-yot-derbyshire") as derbyshire_yot_inbox,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire_inbox,
    ):
        # Camden's record: a child of 15 that night, on a care order, in a children's home
        # in Derbyshire.
        child = await looked_after_child_placed_in(
            camden,
            DERBYSHIRE,
            care_order_from="2024-02-01",
            placed_from="2026-09-14",
            placement={"provider": DEMO_HOME},
            given_name="Zoë",
            family_name="Smith-Jones",
            date_of_birth="2011-06-14",
        )

        # The custody sergeant types the name as the child gives it.
        answer = await lookup(
            met_status,
            given_name="ZOE",
            family_name="smith jones",
            date_of_birth="2011-06-14",
            purpose="custody",
            requester_reference="01MET/4417/26",
            as_of=NIGHT,
        )
        assert answer["result"] == "looked_after"
        assert answer["person_ref"] == child["person_ref"]
        assert answer["age"] == 15
        assert answer["under_25"] is True
        assert answer["care_leaver_category"] is None
        assert answer["responsible_authority"] == {"code": CAMDEN, "name": "Camden"}
        assert answer["placed_out_of_area"] is True
        assert answer["area_authority"] == {"code": DERBYSHIRE, "name": "Derbyshire"}
        assert answer["contact_route"] == f"route:{CAMDEN}:children-services"

        incident, _ = await record_incident(
            met_incidents,
            answer["person_ref"],
            "custody_detention",
            DETAINED_AT,
            "custody",
            custody_suite="Holborn custody suite",
            detained_at=DETAINED_AT.isoformat(),
            police_reference="01MET/4417/26",
        )
        assert incident["recorded_by"] == "police-metropolitan"
        # The force sees what a lookup tells it, not the care record (issue 15 finding 2).
        assert incident["status_facts"] is None
        assert incident["status_summary"]["status"] == "looked_after"
        assert incident["status_summary"]["placed_out_of_area"] is True
        assert incident["status_summary"]["under_25"] is True

        person_ref = answer["person_ref"]
        expected = [
            (camden_inbox, CAMDEN, "responsible_authority"),
            (camden_yot_inbox, YOT_CAMDEN, "home_yot"),
            (derbyshire_yot_inbox, YOT_DERBYSHIRE, "area_yot"),
        ]
        for inbox, org, role in expected:
            # Its own notification (an escalation, once it is overdue, carries the rule too).
            [told] = await wait_for_notifications(
                inbox, person_ref, "police-contact-looked-after", kind="rule"
            )
            assert told["recipient"] == {"org": org, "role": role}
            # Overdue once the sweeper has seen its (literal, past) deadline.
            assert told["status"] in ("pending", "delivered", "overdue")
            assert due(told) == POLICE_CONTACT_DUE
            assert told["duty_holder"] == "police-metropolitan"
            assert told["subject"]["incident_id"] == incident["id"]
            assert told["subject"]["custody_suite"] == "Holborn custody suite"
            assert told["subject"]["responsible_authority"] == CAMDEN
            assert told["subject"]["area_authority"] == DERBYSHIRE
            assert told["subject"]["placed_out_of_area"] is True

        # Under 18 in custody: Camden provides an appropriate adult, within the hour.
        [appropriate_adult] = await wait_for_notifications(
            camden_inbox, person_ref, "custody-child-appropriate-adult", kind="rule"
        )
        assert appropriate_adult["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        assert due(appropriate_adult) == APPROPRIATE_ADULT_DUE
        assert appropriate_adult["basis"] == "statutory_guidance"
        assert appropriate_adult["subject"]["detained_at"] is not None
        assert datetime.fromisoformat(appropriate_adult["subject"]["detained_at"]) == DETAINED_AT

        # Derbyshire's children's services are not a recipient of a police contact.
        assert (
            await notifications_about(derbyshire_inbox, person_ref, "police-contact-looked-after")
            == []
        )
