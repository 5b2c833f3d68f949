"""rules.md Revision 2, rule by rule: who is told, by when, and where a rule does not apply.

Evaluated against the real England and Wales calendar; each expected instant was worked out
by hand (25 and 28 December 2026 and 1 January 2027 are bank holidays in England).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from notify.rules.catalogue import Catalogue, load_catalogue
from notify.rules.evaluation import Evaluation, evaluate_event
from notify.testing import care_leaver_facts, facts, incident_data, placement_data
from platform_shared.organisations import load_directory

BST = timezone(timedelta(hours=1))
CATALOGUE = load_catalogue()
CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
HOME = "provider-demo-home"
POLICE = "police-metropolitan"
TIME = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


def _evaluate(
    event_type: str, data: dict[str, Any], time: datetime = TIME, catalogue: Catalogue = CATALOGUE
) -> Evaluation:
    evaluation = evaluate_event(catalogue, event_type, time, data, load_directory())
    assert evaluation.issues == []
    return evaluation


def _to(evaluation: Evaluation, rule: str) -> dict[tuple[str, str], datetime | None]:
    return {(p.org, p.role): p.due_at for p in evaluation.notifications if p.rule.id == rule}


def _police(kind: str, time: datetime = TIME, **overrides: Any) -> dict[str, Any]:
    return incident_data(
        kind,
        time,
        **{
            "setting": "community",
            "recorded_by": POLICE,
            "recorded_by_kind": "police",
            **overrides,
        },
    )


def _placement_ended(end: date, *, in_advance: bool, **overrides: Any) -> dict[str, Any]:
    return facts(
        **{
            "effective_date": (end - timedelta(days=1)).isoformat(),
            "placement_id": "pl_0001",
            "end_date": end.isoformat(),
            "recorded_in_advance": in_advance,
            **overrides,
        }
    )


# Corrections ------------------------------------------------------------------------------


def test_out_of_area_placement_also_tells_the_home_areas_health_body() -> None:
    """Care Planning regs 2010 reg 13(2)(f): the health bodies of the area of placement and
    of the child's home area. Tue 22 Dec 2026 + 5 working days: Thu 31 Dec 2026."""
    evaluation = _evaluate("placement.started", placement_data(date(2026, 12, 22), emergency=True))

    end = datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert _to(evaluation, "placement-out-of-area") == {
        (DERBYSHIRE, "area_authority"): end,
        (f"health-{DERBYSHIRE}", "area_health"): end,
        (f"health-{CAMDEN}", "home_health"): end,
    }


def test_a_short_break_placement_out_of_area_is_not_notified() -> None:
    """Care Planning regs 2010 reg 48(3)(b): reg 13 does not apply to short breaks."""
    data = placement_data(date(2026, 12, 22), emergency=True, short_break=True)

    evaluation = _evaluate("placement.started", data)

    assert "placement-out-of-area" not in evaluation.matched_rules


def test_an_out_of_area_placement_ended_without_notice_is_due_ten_working_days_on() -> None:
    """Care Planning regs 2010 reg 14: ended Tue 22 Dec 2026, recorded after the event;
    working days 23, 24, 29, 30, 31 Dec, 4, 5, 6, 7, 8 Jan (25, 28 Dec and 1 Jan are bank
    holidays): Fri 8 January 2027 23:59:59."""
    data = _placement_ended(date(2026, 12, 22), in_advance=False)

    evaluation = _evaluate("placement.ended", data, datetime(2026, 12, 23, 9, 0, tzinfo=UTC))

    assert _to(evaluation, "placement-ended-out-of-area") == {
        (DERBYSHIRE, "area_authority"): datetime(2027, 1, 8, 23, 59, 59, tzinfo=UTC)
    }


def test_an_out_of_area_placement_end_recorded_in_advance_is_due_before_the_end_date() -> None:
    """Care Planning regs 2010 reg 14: an end known in advance is notified before it,
    00:00 London on Tue 29 December 2026."""
    data = _placement_ended(date(2026, 12, 29), in_advance=True)

    evaluation = _evaluate("placement.ended", data)

    assert _to(evaluation, "placement-ended-out-of-area") == {
        (DERBYSHIRE, "area_authority"): datetime(2026, 12, 29, 0, 0, tzinfo=UTC)
    }


def test_the_end_of_a_short_break_is_not_notified() -> None:
    """Care Planning regs 2010 reg 48(3)(b): neither reg 13 nor 14 for a short break."""
    data = _placement_ended(date(2026, 12, 22), in_advance=False, short_break=True)

    evaluation = _evaluate("placement.ended", data)

    assert evaluation.matched_rules == []


def _derbyshire_child(**overrides: Any) -> dict[str, Any]:
    return {"responsible_authority": DERBYSHIRE, "area_authority": CAMDEN, **overrides}


def test_cps_checklist_counts_24_hours_from_police_involvement() -> None:
    """Derbyshire Appendix B ("send to Police within 24 hours"), Appendix A, section 6: from
    the end of the cooling-off period, 23 Dec 2026 10:00, not the incident on the 22nd."""
    involved = datetime(2026, 12, 23, 10, 0, tzinfo=UTC)
    data = {
        **incident_data("criminal_damage", TIME, police_involved=True),
        **_derbyshire_child(police_involved_at=involved.isoformat()),
    }

    evaluation = _evaluate("incident.recorded", data, involved)

    assert _to(evaluation, "cps-checklist-due") == {
        (HOME, "provider"): datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
    }


def test_cps_checklist_is_not_due_where_the_derbyshire_protocol_is_not_adopted() -> None:
    """Derbyshire protocol, rules.md Revision 2: a local protocol's rules apply only where
    the responsible authority adopted it (Camden has not)."""
    data = incident_data(
        "criminal_damage", TIME, police_involved=True, police_involved_at=TIME.isoformat()
    )

    evaluation = _evaluate("incident.recorded", data)

    assert "cps-checklist-due" not in evaluation.matched_rules


def test_the_police_complete_a_child_information_form_in_a_london_borough() -> None:
    """London protocol, "Police roles and responsibilities": the CIF before a charging
    decision; no fixed instant, a duty of the recording force."""
    evaluation = _evaluate("arrest.recorded", _police("arrest"))

    [cif] = [p for p in evaluation.notifications if p.rule.id == "london-child-information-form"]
    assert (cif.org, cif.duty_holder, cif.due_at) == (POLICE, POLICE, None)
    assert cif.watch_key is not None


def test_no_child_information_form_outside_the_london_adopters() -> None:
    """London protocol adopted by the London boroughs (E09...): not for a Derbyshire child."""
    evaluation = _evaluate("arrest.recorded", {**_police("arrest"), **_derbyshire_child()})

    assert "london-child-information-form" not in evaluation.matched_rules


def test_no_child_information_form_for_an_adult_care_leaver() -> None:
    """London protocol: the CIF is for a child (under 18) looked after, in need or a care
    leaver."""
    data = {**_police("arrest"), **care_leaver_facts()}

    evaluation = _evaluate("arrest.recorded", data)

    assert "london-child-information-form" not in evaluation.matched_rules


def _measure(measure: str, *, planned: bool = False) -> dict[str, Any]:
    return incident_data(
        "restraint", TIME, measure_of_control=measure, measure_planned_in_ehc_plan=planned
    )


def test_a_measure_of_control_makes_three_steps_each_with_its_deadline() -> None:
    """Children's Homes (England) Regulations 2015 reg 35(3), (4): recorded within 24 hours,
    the person who used it spoken to and the record signed within 48 hours, the child
    spoken to within 5 days (Sun 27 December 2026 23:59:59)."""
    evaluation = _evaluate("incident.recorded", _measure("control"))

    due = {
        rule: _to(evaluation, rule)[(HOME, "provider")]
        for rule in (
            "restraint-measure-record",
            "restraint-measure-record-signed",
            "restraint-measure-record-child",
        )
    }
    assert due == {
        "restraint-measure-record": datetime(2026, 12, 23, 9, 0, tzinfo=UTC),
        "restraint-measure-record-signed": datetime(2026, 12, 24, 9, 0, tzinfo=UTC),
        "restraint-measure-record-child": datetime(2026, 12, 27, 23, 59, 59, tzinfo=UTC),
    }
    assert {p.rule.basis for p in evaluation.notifications if p.org == HOME} == {"statutory"}


def test_restraint_planned_in_the_ehc_plan_is_not_a_measure_to_record() -> None:
    """Children's Homes (England) Regulations 2015 reg 35(3): the exception of restraint
    planned in the child's EHC plan."""
    evaluation = _evaluate("incident.recorded", _measure("restraint", planned=True))

    assert not [r for r in evaluation.matched_rules if r.startswith("restraint-measure")]


def test_a_measure_other_than_restraint_is_recorded_even_with_an_ehc_plan() -> None:
    """Children's Homes (England) Regulations 2015 reg 35(3): the exception is restraint."""
    evaluation = _evaluate("incident.recorded", _measure("discipline", planned=True))

    assert "restraint-measure-record" in evaluation.matched_rules


def test_an_incident_without_a_measure_asks_for_no_debrief() -> None:
    """reg 35(3): the record follows a measure of control; staff involvement alone does
    not (the old staff-debrief-due rule is replaced)."""
    data = incident_data("behaviour", TIME, staff_involved=True)

    evaluation = _evaluate("incident.recorded", data)

    assert not [r for r in evaluation.matched_rules if r.startswith("restraint-measure")]
    assert CATALOGUE.get("staff-debrief-due") is None


def test_section_20_visit_reads_the_legal_status_on_the_day_before_the_detention() -> None:
    """Visits to Former Looked After Children in Detention (England) Regulations 2010,
    national protocol 8.5: accommodated under s.20 immediately before; the sentence ended
    the episode. Sentenced Tue 22 Dec 2026 + 10 working days: Fri 8 January 2027."""
    data = incident_data(
        "custodial_sentence",
        TIME,
        sentenced_on="2026-12-22",
        status="no_record",
        legal_basis=None,
        legal_basis_day_before="section_20",
    )

    evaluation = _evaluate("sentenced.custodial", data)

    assert _to(evaluation, "detained-section-20-visit") == {
        (CAMDEN, "responsible_authority"): datetime(2027, 1, 8, 23, 59, 59, tzinfo=UTC)
    }


def test_no_section_20_visit_when_the_child_was_on_a_care_order_the_day_before() -> None:
    """National protocol 8.5: the s.20 visit is for a child accommodated under s.20 before
    the detention, not one whose status that day became s.20."""
    data = incident_data(
        "remand", TIME, legal_basis="section_20", legal_basis_day_before="care_order"
    )

    evaluation = _evaluate("remanded", data)

    assert "detained-section-20-visit" not in evaluation.matched_rules


def test_police_contact_also_tells_the_childs_carer() -> None:
    """National protocol 5.1: "the responsible authority and carers are informed"."""
    data = _police("arrest", placement_provider=HOME)

    evaluation = _evaluate("arrest.recorded", data)

    assert (HOME, "placement_provider") in _to(evaluation, "police-contact-looked-after")


def test_a_carer_that_recorded_the_contact_is_not_told_of_it() -> None:
    """National protocol 5.1: the carer who recorded the contact knows of it already."""
    data = incident_data("police_call", TIME, placement_provider=HOME)

    evaluation = _evaluate("police_contact.recorded", data)

    recipients = _to(evaluation, "police-contact-looked-after")
    assert (CAMDEN, "responsible_authority") in recipients
    assert (HOME, "placement_provider") not in recipients


def test_an_incident_in_a_care_leavers_supported_accommodation_tells_the_adviser() -> None:
    """London protocol, "Recording of incidents by carers", under national protocol 7.2's
    consent: Tue 22 Dec 2026 + 1 working day: Wed 23 December 2026 23:59:59."""
    data = {
        **incident_data("behaviour", TIME),
        **care_leaver_facts(placement_type="supported_accommodation"),
    }

    evaluation = _evaluate("incident.recorded", data)

    assert _to(evaluation, "incident-in-placement-care-leaver") == {
        (CAMDEN, "personal_adviser"): datetime(2026, 12, 23, 23, 59, 59, tzinfo=UTC)
    }


def test_without_consent_the_care_leavers_incident_is_withheld() -> None:
    """National protocol 7.2: only "where the care leaver consents to their notification"."""
    data = {
        **incident_data("behaviour", TIME),
        **care_leaver_facts(
            placement_type="supported_accommodation", notify_personal_adviser_consent="refused"
        ),
    }

    evaluation = _evaluate("incident.recorded", data)

    [withheld] = evaluation.notifications
    assert withheld.rule.id == "incident-in-placement-care-leaver-no-consent"
    assert withheld.withheld_reason == "consent to notify the personal adviser is refused"


def test_an_incident_in_a_foster_placement_also_tells_the_fostering_service() -> None:
    """London protocol, "Recording of incidents by carers": the fostering service that
    supervises the carer, when it did not record the incident itself."""
    fostering = "provider-demo-home"  # the directory's one provider stands in for it
    recorded_by_carer = incident_data(
        "behaviour",
        TIME,
        placement_type="foster",
        placement_provider=fostering,
        recorded_by=POLICE,
        recorded_by_kind="carer",
    )
    recorded_by_service = incident_data(
        "behaviour", TIME, placement_type="foster", placement_provider=fostering
    )

    told = _to(_evaluate("incident.recorded", recorded_by_carer), "incident-in-placement")
    itself = _to(_evaluate("incident.recorded", recorded_by_service), "incident-in-placement")

    assert (fostering, "placement_provider") in told
    assert set(itself) == {(CAMDEN, "responsible_authority")}


# Duties added -----------------------------------------------------------------------------


def test_an_exploitation_concern_is_told_to_childrens_services_within_two_hours() -> None:
    """London protocol, "Child exploitation": "always inform social services"."""
    data = incident_data("missing", TIME, exploitation_concern=True)

    evaluation = _evaluate("incident.recorded", data)

    assert _to(evaluation, "exploitation-concern") == {
        (CAMDEN, "responsible_authority"): datetime(2026, 12, 22, 11, 0, tzinfo=UTC)
    }


def test_an_exploitation_concern_raised_later_about_a_care_leaver_tells_the_leaving_care_service() -> (
    None
):
    """London protocol, "Child exploitation": for a care leaver, the leaving-care service
    (the personal adviser), also when raised on an existing record."""
    data = {**incident_data("missing", TIME, exploitation_concern=True), **care_leaver_facts()}

    evaluation = _evaluate("exploitation_concern.raised", data)

    assert _to(evaluation, "exploitation-concern") == {
        (CAMDEN, "personal_adviser"): datetime(2026, 12, 22, 11, 0, tzinfo=UTC)
    }


def test_no_exploitation_duty_without_the_concern() -> None:
    """London protocol, "Child exploitation": the duty follows the concern."""
    evaluation = _evaluate("incident.recorded", incident_data("missing", TIME))

    assert "exploitation-concern" not in evaluation.matched_rules


def test_the_social_worker_attends_court_due_at_midnight_of_the_hearing_day() -> None:
    """National protocol 8.1, 8.4: hearing Tue 29 December 2026, due 00:00 London."""
    data = incident_data("court_hearing", TIME, hearing_date="2026-12-29")

    evaluation = _evaluate("court_hearing.listed", data)

    assert _to(evaluation, "court-hearing-social-worker") == {
        (CAMDEN, "responsible_authority"): datetime(2026, 12, 29, 0, 0, tzinfo=UTC)
    }


def test_a_summer_hearing_is_due_at_london_midnight_not_utc() -> None:
    """National protocol 8.1, 8.4: 00:00 British Summer Time is 23:00 UTC the day before."""
    data = incident_data("court_hearing", TIME, hearing_date="2027-06-15")

    evaluation = _evaluate("court_hearing.listed", data)

    assert set(_to(evaluation, "court-hearing-social-worker").values()) == {
        datetime(2027, 6, 15, 0, 0, tzinfo=BST)
    }


def test_release_day_collection_is_agreed_one_working_day_before_the_release() -> None:
    """National protocol 8.5 Resettlement: release Tue 29 Dec 2026; Mon 28 Dec is a bank
    holiday and 26-27 a weekend, Fri 25 a bank holiday: Thu 24 December 2026 23:59:59."""
    data = incident_data("release_date", TIME, release_date="2026-12-29", placement_provider=HOME)

    evaluation = _evaluate("release_date.set", data)

    end = datetime(2026, 12, 24, 23, 59, 59, tzinfo=UTC)
    assert _to(evaluation, "release-day-collection") == {
        (CAMDEN, "responsible_authority"): end,
        (HOME, "placement_provider"): end,
    }


def test_release_day_collection_without_a_known_provider_goes_to_the_authority() -> None:
    """National protocol 8.5: the placement provider only where known."""
    data = incident_data("release_date", TIME, release_date="2027-01-05")

    evaluation = _evaluate("release_date.set", data)

    # Tue 5 Jan 2027: Mon 4 January is the working day before.
    assert _to(evaluation, "release-day-collection") == {
        (CAMDEN, "responsible_authority"): datetime(2027, 1, 4, 23, 59, 59, tzinfo=UTC)
    }


def test_a_care_leaver_sentenced_to_custody_is_visited_every_eight_weeks() -> None:
    """National protocol 7.2 ("must regularly visit care leavers in custody"): every 8
    weeks (local policy default) from the sentence, 22 Dec 2026: 16 February 2027."""
    data = {
        **incident_data("custodial_sentence", TIME, sentenced_on="2026-12-22"),
        **care_leaver_facts(effective_date="2026-12-22"),
    }

    evaluation = _evaluate("sentenced.custodial", data)

    [visit] = [p for p in evaluation.notifications if p.rule.id == "care-leaver-custody-visits"]
    assert (visit.org, visit.role, visit.occurrence) == (CAMDEN, "personal_adviser", 1)
    assert visit.due_at == datetime(2027, 2, 16, 23, 59, 59, tzinfo=UTC)


def test_a_care_leaver_remanded_in_custody_is_visited_too() -> None:
    """National protocol 7.2: "sentenced to or remanded in custody"; from the remand day."""
    data = {**incident_data("remand", TIME), **care_leaver_facts(effective_date="2026-12-22")}

    evaluation = _evaluate("remanded", data)

    assert "care-leaver-custody-visits" in evaluation.matched_rules
