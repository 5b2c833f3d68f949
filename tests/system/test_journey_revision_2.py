"""Journeys of rules.md Revision 2, over the real processes: a short break out of area
(no reg 13 duty), a London arrest charged before the Child Information Form (a breach),
a restraint in a children's home (three deadlines of reg 35), an early visit to a
sentenced child (the next one moves), and a qualifying care leaver at 21 (in scope only
with education or training recorded).

Every date is literal and in the past on a later run: facts are read as of the events'
dates and the deadlines count from them, never from today.
"""

from __future__ import annotations

import pytest
from journeys import (
    CAMDEN,
    DEMO_HOME,
    DERBYSHIRE,
    acknowledge,
    add_legal_status,
    add_placement,
    at,
    create_child,
    due,
    looked_after_child_placed_in,
    lookup,
    notifications_about,
    record_incident,
    wait_for_notifications,
)
from platform_harness import Platform, eventually

pytestmark = [pytest.mark.system]

MET = "police-metropolitan"


async def test_a_short_break_out_of_area_makes_no_reg_13_duty(platform: Platform) -> None:
    """Care Planning, Placement and Case Review (England) Regulations 2010 reg 48(3)(b):
    reg 13 (notifying the area authority of an out-of-area placement) does not apply to a
    short break. Two Camden children placed in Derbyshire in an emergency on Friday 20
    November 2026, one of them for a short break: only the other's placement is notified,
    due 5 working days later (Friday 27 November)."""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire_inbox,
    ):
        short_break = await create_child(camden, given_name="Esme", date_of_birth="2013-05-02")
        await add_legal_status(camden, short_break["id"], "section_20", "2026-11-20")
        await add_placement(
            camden,
            short_break["id"],
            DERBYSHIRE,
            "2026-11-20",
            emergency=True,
            short_break=True,
            placement_type="foster",
        )
        placed = await create_child(camden, given_name="Idris", date_of_birth="2013-05-02")
        await add_legal_status(camden, placed["id"], "section_20", "2026-11-20")
        await add_placement(
            camden, placed["id"], DERBYSHIRE, "2026-11-20", emergency=True, placement_type="foster"
        )

        [told] = await wait_for_notifications(
            derbyshire_inbox, placed["person_ref"], "placement-out-of-area", kind="rule"
        )
        assert due(told) == at("2026-11-27T23:59:59+00:00")
        # The short break's event left first (one relay, in the order written): by now
        # notify-api has taken it in, and it required nothing of reg 13.
        assert (
            await notifications_about(
                derbyshire_inbox, short_break["person_ref"], "placement-out-of-area"
            )
            == []
        )


async def test_a_london_charge_before_the_child_information_form_is_a_breach(
    platform: Platform,
) -> None:
    """London protocol, "Police roles" and "Prosecution": in London the police complete
    the Child Information Form before a CPS charging decision is sought (it replaces the
    Derbyshire 10-point checklist). No fixed window: the duty is the recording force's,
    and a charge for the same incident recorded before the force acknowledged it is a
    breach. A Camden child arrested by the Met on Monday 30 November 2026 at 20:00 and
    charged at 23:00 the same evening."""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("incident-api", "demo-met-custody") as met_incidents,
        platform.aclient("notify-api", "demo-met-custody") as met_inbox,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
    ):
        child = await looked_after_child_placed_in(
            camden,
            CAMDEN,
            care_order_from="2022-01-10",
            placed_from="2025-04-01",
            placement={"placement_type": "foster", "provider": None},
            given_name="Kwame",
            date_of_birth="2010-08-19",
        )
        person_ref = child["person_ref"]
        arrest, _ = await record_incident(
            met_incidents, person_ref, "arrest", at("2026-11-30T20:00:00+00:00"), "community"
        )

        [form] = await wait_for_notifications(
            met_inbox, person_ref, "london-child-information-form", kind="rule"
        )
        assert form["recipient"] == {"org": MET, "role": "provider"}
        assert form["due_at"] is None
        assert set(form["before_events"]) >= {"charged"}
        assert form["status"] in ("pending", "delivered")
        # Camden is a London borough: the Derbyshire checklist is not its duty.
        assert await notifications_about(met_inbox, person_ref, "cps-checklist-due") == []

        charge, _ = await record_incident(
            met_incidents,
            person_ref,
            "charge",
            at("2026-11-30T23:00:00+00:00"),
            "custody",
            related_incident_id=arrest["id"],
        )

        async def breached() -> dict[str, object] | None:
            [current] = await notifications_about(
                met_inbox, person_ref, "london-child-information-form", kind="rule"
            )
            return current if current["status"] == "overdue" else None

        breach = await eventually(breached, timeout=30, message="the CIF was not breached")
        assert breach["breach"] is True
        assert breach["breached_by_event"] is not None
        # The form is the force's own duty: its escalation contact is told, not Camden,
        # which cannot complete it (the escalation ladder, issue 18).
        [escalation] = await wait_for_notifications(
            met_inbox, person_ref, "london-child-information-form", kind="escalation"
        )
        assert escalation["recipient"] == {"org": MET, "role": "escalation_contact"}
        assert escalation["escalation_of"] == breach["id"]
        camden_told = await notifications_about(
            camden_inbox, person_ref, "london-child-information-form"
        )
        assert camden_told == []
        assert charge["related_incident_id"] == arrest["id"]


async def test_a_restraint_in_a_childrens_home_has_the_three_steps_of_reg_35(
    platform: Platform,
) -> None:
    """Children's Homes (England) Regulations 2015 reg 35(3), (4): a measure of control,
    discipline or restraint is recorded within 24 hours; within 48 hours the registered
    person has spoken to the person who used it and signed the record; within 5 days they
    confirm they have spoken to the child. Restraint used at 09:30 on Friday 27 November
    2026; a restraint planned in the child's EHC plan the same day makes no duty."""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("incident-api", "demo-home-provider") as home,
        platform.aclient("notify-api", "demo-home-provider") as home_inbox,
    ):
        child = await looked_after_child_placed_in(
            camden,
            DERBYSHIRE,
            care_order_from="2023-03-01",
            placed_from="2026-10-05",
            placement={"provider": DEMO_HOME},
            given_name="Ffion",
            date_of_birth="2011-09-09",
        )
        person_ref = child["person_ref"]
        planned, _ = await record_incident(
            home,
            person_ref,
            "behaviour",
            at("2026-11-27T08:00:00+00:00"),
            "placement",
            measure_of_control="restraint",
            measure_planned_in_ehc_plan=True,
        )
        used, _ = await record_incident(
            home,
            person_ref,
            "behaviour",
            at("2026-11-27T09:30:00+00:00"),
            "placement",
            description="Held to stop a fall down the stairs.",
            measure_of_control="restraint",
        )

        steps = {
            "restraint-measure-record": at("2026-11-28T09:30:00+00:00"),
            "restraint-measure-record-signed": at("2026-11-29T09:30:00+00:00"),
            "restraint-measure-record-child": at("2026-12-02T23:59:59+00:00"),
        }
        for rule, deadline in steps.items():
            [step] = await wait_for_notifications(home_inbox, person_ref, rule, kind="rule")
            assert step["recipient"] == {"org": DEMO_HOME, "role": "provider"}
            assert step["basis"] == "statutory"
            assert step["subject"]["incident_id"] == used["id"]
            assert due(step) == deadline
        # The planned restraint (recorded first, sent first) made none of them.
        for rule in steps:
            made = await notifications_about(home_inbox, person_ref, rule, kind="rule")
            assert [n["subject"]["incident_id"] for n in made] == [used["id"]]
        assert planned["measure_planned_in_ehc_plan"] is True


async def test_an_early_first_visit_moves_the_next_visit(platform: Platform) -> None:
    """National protocol 8.5 (Care Planning regs 2010 reg 28: visits at "intervals of not
    more than six weeks"): sentenced on Wednesday 2 December 2026, the first visit is due
    within 7 days (9 December); made on 4 December, the next is due 6 weeks after it,
    Friday 15 January 2027, not 6 weeks after the nominal first visit (20 January)."""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("incident-api", "demo-camden") as camden_incidents,
        platform.aclient("notify-api", "demo-camden") as camden_inbox,
    ):
        child = await create_child(camden, given_name="Tomasz", date_of_birth="2009-10-30")
        await add_legal_status(camden, child["id"], "care_order_s31", "2022-05-01")
        await add_placement(
            camden, child["id"], CAMDEN, "2025-09-01", placement_type="foster", provider=None
        )
        person_ref = child["person_ref"]
        await record_incident(
            camden_incidents,
            person_ref,
            "custodial_sentence",
            at("2026-12-02T15:00:00+00:00"),
            "custody",
            sentenced_on="2026-12-02",
        )

        [first] = await wait_for_notifications(
            camden_inbox, person_ref, "sentenced-care-order-first-visit", kind="rule"
        )
        assert due(first) == at("2026-12-09T23:59:59+00:00")
        [series] = await wait_for_notifications(
            camden_inbox, person_ref, "sentenced-care-order-visits", kind="recurring"
        )
        assert due(series) == at("2027-01-20T23:59:59+00:00")

        made = await acknowledge(camden_inbox, first, visited_on="2026-12-04")
        assert made["visited_on"] == "2026-12-04"

        async def moved() -> dict[str, object] | None:
            [current] = await notifications_about(
                camden_inbox, person_ref, "sentenced-care-order-visits", kind="recurring"
            )
            return current if due(current) == at("2027-01-15T23:59:59+00:00") else None

        await eventually(moved, timeout=15, message="the next visit did not move")


async def test_a_qualifying_care_leaver_at_21_is_in_scope_only_in_education(
    platform: Platform,
) -> None:
    """Children Act 1989 s.24(1B)(a): a qualifying care leaver "is under twenty-one"; from
    21 to 25 they are in scope only while in education or training (s.24B), recorded by
    the authority with its date. Looked after at 16 for six weeks (section 20, August to
    September 2020: qualifying, not eligible), 21 on 1 June 2025."""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met,
    ):
        child = await create_child(camden, given_name="Oona", date_of_birth="2004-06-01")
        child_id = child["id"]
        await add_legal_status(camden, child_id, "section_20", "2020-08-01", end_date="2020-09-12")
        response = await camden.put(
            f"/v1/children/{child_id}/leaving-care", json={"left_care_on": "2020-09-12"}
        )
        assert response.status_code == 200, response.text
        names = {
            "given_name": "Oona",
            "family_name": child["family_name"],
            "date_of_birth": "2004-06-01",
        }

        at_20 = await lookup(met, **names, as_of="2025-05-31")
        assert (at_20["result"], at_20["care_leaver_category"]) == ("care_leaver", "qualifying")
        at_21 = await lookup(met, **names, as_of="2025-06-01")
        assert at_21["result"] == "no_record"

        response = await camden.put(
            f"/v1/children/{child_id}/leaving-care",
            json={
                "left_care_on": "2020-09-12",
                "in_education_or_training": True,
                "education_or_training_recorded_on": "2025-09-15",
            },
        )
        assert response.status_code == 200, response.text

        before_recorded = await lookup(met, **names, as_of="2025-09-14")
        assert before_recorded["result"] == "no_record"
        in_education = await lookup(met, **names, as_of="2025-09-15")
        assert in_education["result"] == "care_leaver"
        assert in_education["care_leaver_category"] == "qualifying"
        assert in_education["under_25"] is True
