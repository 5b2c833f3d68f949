"""Journey 4: a child on a care order sentenced to custody. The social worker's first
visit is due in 7 days, the visits recur every 6 weeks, and a release date raises the
release arrangements, due 10 days before release."""

from __future__ import annotations

from typing import Any

import pytest
from journeys import (
    CAMDEN,
    YOT_CAMDEN,
    acknowledge,
    add_legal_status,
    add_placement,
    at,
    create_child,
    due,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform, eventually

pytestmark = [pytest.mark.system]

#: Sentenced on Wednesday 25 November 2026 (GMT throughout until March). Every date is
#: literal and in the past on a later run: the facts are read as of the sentence, and the
#: deadlines count from the sentence and the release dates, never from today. Once a
#: deadline has passed the sweeper marks the duty overdue (and, for the recurring visits,
#: makes the next occurrence): the assertions allow for it.
SENTENCED_ON = "2026-11-25"
FIRST_VISIT_DUE = at("2026-12-02T23:59:59+00:00")  # 7 calendar days after the sentence
FIRST_VISIT_MADE = "2026-12-02"
VISIT_1_DUE = at("2027-01-13T23:59:59+00:00")  # 6 weeks after the first visit
VISIT_1_MADE = "2026-12-05"
VISIT_2_DUE = at("2027-01-16T23:59:59+00:00")  # 6 weeks after the visit made on 5 December
#: A month after the sentence (set by a PATCH, whose event time is "now": the deadline
#: counts from the release date); the arrangements are due 10 days before.
RELEASE_DATE = "2026-12-27"
RELEASE_ARRANGEMENTS_DUE = at("2026-12-17T23:59:59+00:00")
OPEN = ("pending", "delivered", "overdue")


async def test_sentenced_child_on_care_order_has_visits_and_release_arrangements_due(
    platform: Platform,
) -> None:
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("incident-api", "demo-camden") as camden_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
        platform.aclient("notify-api", "demo-yot-camden") as camden_yot_inbox,
    ):
        child = await create_child(camden, given_name="Tyrone", date_of_birth="2010-04-02")
        await add_legal_status(camden, child["id"], "care_order_s31", "2023-05-01")
        await add_placement(
            camden, child["id"], CAMDEN, "2025-09-01", placement_type="foster", provider=None
        )
        person_ref = child["person_ref"]

        sentence, etag = await record_incident(
            camden_incidents,
            person_ref,
            "custodial_sentence",
            at("2026-11-25T14:30:00+00:00"),
            "custody",
            sentenced_on=SENTENCED_ON,
            description="Detention and training order, 4 months",
        )
        assert sentence["sentenced_on"] == SENTENCED_ON
        assert sentence["status_facts"]["legal_basis"] == "care_order"

        # Its own notification (an escalation, once it is overdue, carries the rule too).
        [first_visit] = await wait_for_notifications(
            camden_inbox, person_ref, "sentenced-care-order-first-visit", kind="rule"
        )
        assert first_visit["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        assert first_visit["status"] in OPEN
        assert due(first_visit) == FIRST_VISIT_DUE
        assert first_visit["basis"] == "statutory"
        assert first_visit["subject"]["sentenced_on"] == SENTENCED_ON

        # Acknowledged with the day of the visit made, 2 December (on a run after its
        # deadline the acknowledgement is late: still met, and counted late). The visit's
        # day, not the acknowledgement's, starts the next interval (rules.md Revision 2).
        acknowledged = await acknowledge(camden_inbox, first_visit, visited_on=FIRST_VISIT_MADE)
        assert acknowledged["status"] == "acknowledged"
        assert acknowledged["visited_on"] == FIRST_VISIT_MADE

        # The next visit, 6 weeks on: a recurring duty on Camden's board. (On a run after
        # its deadline the sweeper may already have made later occurrences.)
        visits = await wait_for_notifications(
            camden_inbox, person_ref, "sentenced-care-order-visits", kind="recurring"
        )
        [visit_1] = [visit for visit in visits if visit["occurrence"] == 1]
        assert visit_1["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        assert visit_1["status"] in OPEN
        assert due(visit_1) == VISIT_1_DUE

        # That visit made early, on 5 December, the one after falls due 6 weeks after it,
        # sooner than the series from the sentence would say (24 February).
        made = await acknowledge(camden_inbox, visit_1, visited_on=VISIT_1_MADE)
        assert made["status"] == "acknowledged"

        async def second_visit() -> dict[str, Any] | None:
            found = await notifications_about(
                camden_inbox, person_ref, "sentenced-care-order-visits", kind="recurring"
            )
            return next((visit for visit in found if visit["occurrence"] == 2), None)

        visit_2 = await eventually(second_visit, message="the next visit was not made")
        assert visit_2["recipient"] == {"org": CAMDEN, "role": "responsible_authority"}
        assert visit_2["status"] in OPEN
        assert due(visit_2) == VISIT_2_DUE

        async def on_the_board() -> dict[str, object] | None:
            board = await camden_inbox.get("/v1/duties", params={"limit": "200"})
            assert board.status_code == 200, board.text
            found = [d for d in board.json()["items"] if d["notification_id"] == visit_2["id"]]
            return found[0] if found else None

        duty = await eventually(on_the_board, message="the next visit is not on the board")
        assert duty["occurrence"] == 2
        assert duty["caller_role"] == "recipient"

        # The release date is set, a month after the sentence.
        patched = await camden_incidents.patch(
            f"/v1/incidents/{sentence['id']}",
            json={"expected_release_date": RELEASE_DATE},
            headers={"If-Match": etag},
        )
        assert patched.status_code == 200, patched.text
        assert patched.json()["expected_release_date"] == RELEASE_DATE
        assert patched.headers["ETag"] != etag

        for inbox, org, role in (
            (camden_inbox, CAMDEN, "responsible_authority"),
            (camden_yot_inbox, YOT_CAMDEN, "home_yot"),
        ):
            [arrangements] = await wait_for_notifications(
                inbox, person_ref, "release-arrangements-confirmed", kind="rule"
            )
            assert arrangements["recipient"] == {"org": org, "role": role}
            assert arrangements["status"] in OPEN
            assert due(arrangements) == RELEASE_ARRANGEMENTS_DUE
            assert arrangements["subject"]["release_date"] == RELEASE_DATE
            assert arrangements["basis"] == "statutory_guidance"

        # A child on a care order: no section 20 visit rule applies.
        assert (
            await notifications_about(camden_inbox, person_ref, "detained-section-20-visit") == []
        )
