"""The incident form read into incident-api's `IncidentCreate`, and who writes which CPS
checklist section. No HTTP.

The decision record is the reasonable-parent test (national protocol 6.4, 6.5; Derbyshire
section 3), the cooling-off period and the child's own account; free text is sent as it
was typed (incident-api keeps it verbatim: the child's words are theirs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from platform_shared.organisations import OrganisationKind, load_directory
from portal.forms import FormField, Reading, read_choice, read_date, read_instant, read_text

#: incident-api's `IncidentKind`, in words.
KINDS = {
    "behaviour": "Behaviour in the placement",
    "missing_episode": "Missing from the placement",
    "police_contact": "Police contact",
    "voluntary_interview": "Voluntary interview",
    "arrest": "Arrest",
    "custody_detention": "Detention in police custody",
    "charge": "Charge",
    "out_of_court_disposal": "Out of court disposal",
    "no_further_action": "No further action",
    "court_hearing": "Court hearing listed",
    "court_outcome": "Court outcome",
    "remand": "Remand",
    "custodial_sentence": "Custodial sentence",
    "release": "Release from custody",
}
SETTINGS = {
    "placement": "In the placement (the home or with the carer)",
    "community": "In the community",
    "school": "At school",
    "custody": "In police custody",
    "court": "At court",
}
#: Derbyshire protocol section 3's three responses.
RESPONSE_CATEGORIES = {
    "internal_resolution": "Resolved in the placement, without the police",
    "police_advice": "Police advice sought",
    "immediate_police_response": "Immediate police response",
}
YES_NO = {"yes": "Yes", "no": "No"}
REASONABLE_PARENT_QUESTION = "Would a reasonable parent have called the police?"

LONG_TEXT = 20_000
SHORT_TEXT = 64
_PERSON_REF = re.compile(r"^[A-Za-z0-9._:~-]{1,128}$")

INCIDENT_FIELDS = {
    "person_ref": FormField("person-ref", "Person reference"),
    "kind": FormField("kind", "What happened"),
    "setting": FormField("setting-placement", "Where it happened"),
    "occurred_at": FormField("occurred-day", "Date of the incident"),
    "description": FormField("description", "What happened"),
    "response_category": FormField("response-internal_resolution", "Response"),
    "reasonable_parent_test": FormField("rpt-answer-yes", "Reasonable-parent test"),
    "cooling_off_applies": FormField("cooling-off", "Cooling-off period"),
    "child_account": FormField("child-account", "The child's own account"),
    "victim_wishes": FormField("victim-wishes", "The victim's wishes"),
    "police_force": FormField("police-force", "Police force"),
    "police_involved_at": FormField("police-day", "When the police were involved"),
    "police_reference": FormField("police-reference", "Police reference"),
    "hearing_date": FormField("hearing-day", "Hearing date"),
    "exploitation_concern": FormField("exploitation", "Exploitation concern"),
    "nrm_referral_ref": FormField("nrm-ref", "National Referral Mechanism reference"),
    "staff_involved": FormField("staff-involved", "Staff involved"),
}


@cache
def police_forces() -> Mapping[str, str]:
    """Code to name of every police force, by name (the police force select)."""
    found = load_directory().police_forces()
    return {o.code: o.name for o in sorted(found, key=lambda o: o.name)}


def organisation_name(code: str | None) -> str:
    """An organisation's name from the reference organisations, else its code."""
    if not code:
        return ""
    found = load_directory().get(code)
    return found.name if found is not None else code


def organisation_kind(code: str | None) -> str | None:
    """The kind (`provider`, `police`, `local_authority`...) of the person's organisation:
    on the platform a CPS checklist writer's role is its organisation's kind."""
    found = load_directory().get(code) if code else None
    return found.kind.value if found is not None else None


def writable_sections(checklist: Mapping[str, Any], org_kind: str | None) -> list[int]:
    """The sections the person's organisation writes (incident-api's `written_by`), when
    the checklist applies at all (the child's authority adopted the Derbyshire protocol)."""
    if org_kind is None or not checklist.get("protocol_applies"):
        return []
    return [
        int(section["section"])
        for section in checklist.get("sections", [])
        if org_kind in section.get("written_by", [])
    ]


def writers_in_words(kinds: list[str]) -> str:
    names = {
        OrganisationKind.PROVIDER.value: "the carer or home",
        OrganisationKind.LOCAL_AUTHORITY.value: "the social worker",
        OrganisationKind.POLICE.value: "the police",
    }
    return " or ".join(names.get(kind, kind.replace("_", " ")) for kind in kinds)


def _checked(form: Mapping[str, str], name: str) -> bool:
    return form.get(name) == "yes"


def read_incident(form: Mapping[str, str]) -> Reading:
    reading = Reading()
    person_ref = form.get("person-ref", "")
    if not person_ref:
        reading.problem("person-ref", "Enter the child's person reference")
    elif not _PERSON_REF.match(person_ref):
        reading.problem(
            "person-ref", "Person reference must be the reference the platform gave, as shown"
        )
    kind = read_choice(
        form, "kind", KINDS, reading, missing="Select what happened", field_id="kind"
    )
    setting = read_choice(form, "setting", SETTINGS, reading, missing="Select where it happened")
    occurred = read_instant(form, "occurred", "Date of the incident", reading, required=True)
    description = read_text(form, "description", "What happened", reading, limit=LONG_TEXT)
    response = read_choice(form, "response", RESPONSE_CATEGORIES, reading, missing=None)
    answer = read_choice(form, "rpt-answer", YES_NO, reading, missing=None)
    reason = read_text(form, "rpt-reason", "The reason", reading, limit=LONG_TEXT)
    if answer and not reason:
        reading.problem("rpt-reason", "Enter why a reasonable parent would or would not have")
    if reason and not answer:
        reading.problem("rpt-answer-yes", "Select whether a reasonable parent would have")
    child_account = read_text(
        form, "child-account", "The child's own account", reading, limit=LONG_TEXT
    )
    victim_wishes = read_text(
        form, "victim-wishes", "The victim's wishes", reading, limit=LONG_TEXT
    )
    force = read_choice(
        form, "police-force", police_forces(), reading, missing=None, field_id="police-force"
    )
    police_at = read_instant(form, "police", "Police involvement", reading, required=False)
    police_reference = read_text(
        form, "police-reference", "Police reference", reading, limit=SHORT_TEXT
    )
    hearing = read_date(form, "hearing", "Hearing date", reading, required=kind == "court_hearing")
    exploitation = _checked(form, "exploitation")
    nrm_ref = read_text(
        form, "nrm-ref", "National Referral Mechanism reference", reading, limit=SHORT_TEXT
    )
    if nrm_ref and not exploitation:
        reading.problem("exploitation", "Select exploitation concern to give an NRM reference")
    body: dict[str, Any] = {
        "person_ref": person_ref,
        "kind": kind,
        "setting": setting,
        "occurred_at": occurred.isoformat() if occurred else None,
        "description": description,
        "response_category": response,
        "cooling_off_applies": _checked(form, "cooling-off"),
        "child_account": child_account,
        "victim_wishes": victim_wishes,
        "police_force": force,
        "police_involved_at": police_at.isoformat() if police_at else None,
        "police_reference": police_reference,
        "hearing_date": hearing.isoformat() if hearing else None,
        "exploitation_concern": exploitation,
        "nrm_referral_ref": nrm_ref,
        "staff_involved": _checked(form, "staff-involved"),
    }
    if answer and reason:
        body["reasonable_parent_test"] = {"answer": answer == "yes", "reason": reason}
    reading.body = {name: value for name, value in body.items() if value is not None}
    return reading


def section_fields(section: int) -> dict[str, FormField]:
    """The API field of a section's write, as the page's textarea of that section."""
    return {"content": FormField(f"section-{section}-content", f"Section {section}")}


def read_section(form: Mapping[str, str], section: int) -> Reading:
    reading = Reading()
    target = f"section-{section}-content"
    # Kept as written: the section is the writer's text, sent to the police and the CPS.
    content = str(form.get("content", ""))
    if not content.strip():
        reading.problem(target, f"Enter the text of section {section}")
    elif len(content) > LONG_TEXT:
        reading.problem(target, f"Section {section} must be {LONG_TEXT:,} characters or fewer")
    reading.body = {"content": content}
    return reading
