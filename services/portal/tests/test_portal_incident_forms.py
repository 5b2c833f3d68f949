"""The incident form as incident-api's body, and who writes which CPS checklist section.

Over the real processes these pages are tested in tests/portal/test_portal_incidents.py.
"""

from __future__ import annotations

from portal.forms import cleaned
from portal.incidents.forms import organisation_kind, read_incident, read_section, writable_sections
from portal.incidents.router import VERBATIM

CHILD_ACCOUNT = "I didn't mean it — Chloë's mum couldn't come.  \r\nI've said sorry.  "


def incident_form(**fields: str) -> dict[str, str]:
    return {
        "person-ref": "p_abc-123",
        "kind": "behaviour",
        "setting": "placement",
        "occurred-day": "27",
        "occurred-month": "11",
        "occurred-year": "2026",
        "occurred-time": "09:30",
        **fields,
    }


def test_the_decision_record_is_sent_with_the_childs_words_as_typed() -> None:
    form = cleaned(
        incident_form(
            **{
                "rpt-answer": "no",
                "rpt-reason": "A parent would have talked it through.",
                "cooling-off": "yes",
                "child-account": CHILD_ACCOUNT,
                "response": "internal_resolution",
            }
        ),
        VERBATIM,
    )

    reading = read_incident(form)

    assert reading.problems == []
    assert reading.body["reasonable_parent_test"] == {
        "answer": False,
        "reason": "A parent would have talked it through.",
    }
    assert reading.body["cooling_off_applies"] is True
    assert reading.body["child_account"] == CHILD_ACCOUNT
    # 09:30 in London on 27 November is GMT.
    assert reading.body["occurred_at"] == "2026-11-27T09:30:00+00:00"
    assert "police_force" not in reading.body


def test_half_a_reasonable_parent_test_and_a_bad_time_are_problems_not_requests() -> None:
    reading = read_incident(
        incident_form(**{"rpt-answer": "yes", "occurred-time": "25:00", "person-ref": "a b"})
    )

    assert {problem.field for problem in reading.problems} == {
        "person-ref",
        "occurred-time",
        "rpt-reason",
    }


def test_an_empty_form_names_every_field_it_needs() -> None:
    reading = read_incident({})

    assert [problem.field for problem in reading.problems] == [
        "person-ref",
        "kind",
        "setting-placement",
        "occurred-day",
    ]


def test_each_organisation_writes_its_own_sections_where_the_protocol_applies() -> None:
    checklist = {
        "protocol_applies": True,
        "sections": [
            {"section": n, "written_by": ["provider", "local_authority"] if n <= 8 else ["police"]}
            for n in range(1, 11)
        ],
    }

    assert organisation_kind("provider-demo-home") == "provider"
    assert writable_sections(checklist, organisation_kind("provider-demo-home")) == list(
        range(1, 9)
    )
    assert writable_sections(checklist, organisation_kind("police-derbyshire")) == [9, 10]
    assert writable_sections(checklist, organisation_kind("yot-E10000007")) == []
    assert writable_sections({**checklist, "protocol_applies": False}, "provider") == []


def test_a_section_is_sent_as_written_and_an_empty_one_is_refused() -> None:
    assert read_section({"content": "  Policy attached.\n"}, 1).body == {
        "content": "  Policy attached.\n"
    }
    [problem] = read_section({"content": "   "}, 9).problems
    assert problem.field == "section-9-content"
