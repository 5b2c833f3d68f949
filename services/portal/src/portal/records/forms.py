"""The children's record forms read into care-status-api bodies. No HTTP.

Each `read_*` returns a `Reading`: the body of the API call (care-status-api's schemas
`LegalStatusCreate`, `PlacementCreate`, `LeavingCarePut`, `ConsentPut`) and the problems
found before anything is sent. The `*_FIELDS` maps name each API field's form field, for
the problems the API finds itself (an overlap, a date before birth).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from platform_shared.organisations import load_directory
from portal.forms import FormField, Reading, read_choice, read_date, read_text

#: care-status-api's `LegalBasis`, in words (the SSDA903 legal statuses, by statute).
LEGAL_BASES = {
    "care_order_s31": "Care order (Children Act 1989 section 31)",
    "interim_care_order_s38": "Interim care order (section 38)",
    "section_20": "Accommodated under section 20",
    "placement_order_aca_s21": "Placement order (Adoption and Children Act 2002 section 21)",
    "police_protection_s46": "Police protection (section 46)",
    "emergency_protection_order_s44": "Emergency protection order (section 44)",
    "child_assessment_order_s43": "Child assessment order (section 43)",
    "remand_laspo_s104": "Remanded to local authority accommodation (LASPO 2012 section 104)",
    "pace_s38_6": "Transferred from police custody (PACE section 38(6))",
    "youth_rehabilitation_order_residence": "Youth rehabilitation order with a residence "
    "requirement",
}
#: care-status-api's `PlacementType`, in words.
PLACEMENT_TYPES = {
    "foster": "Foster care",
    "kinship": "Kinship care (family or friends)",
    "childrens_home": "Children's home",
    "secure_childrens_home": "Secure children's home",
    "supported_accommodation": "Supported accommodation",
    "residential_school": "Residential school",
    "other": "Other",
}
#: `CareLeaverCategory`; empty means the category follows from the child's history.
CARE_LEAVER_CATEGORIES = {
    "": "Work it out from the care history",
    "eligible": "Eligible",
    "relevant": "Relevant",
    "former_relevant": "Former relevant",
    "qualifying": "Qualifying",
}
YES_NO = {"yes": "Yes", "no": "No"}

LEGAL_STATUS_FIELDS = {
    "basis": FormField("basis-care_order_s31", "Legal status"),
    "start_date": FormField("start-day", "Start date"),
    "end_date": FormField("end-day", "End date"),
    "short_break": FormField("short-break", "Short break"),
}
PLACEMENT_FIELDS = {
    "placement_type": FormField("placement-type-foster", "Type of placement"),
    "area_authority": FormField("area-authority", "Area authority"),
    "start_date": FormField("start-day", "Start date"),
    "end_date": FormField("end-day", "End date"),
    "emergency": FormField("emergency", "Emergency placement"),
    "provider": FormField("provider", "Provider"),
    "short_break": FormField("short-break", "Short break"),
}
LEAVING_CARE_FIELDS = {
    "left_care_on": FormField("left-day", "Date they left care"),
    "category": FormField("category-", "Category"),
    "in_education_or_training": FormField("in-education", "In education or training"),
    "education_or_training_recorded_on": FormField("education-day", "Date it was recorded"),
}
CONSENT_FIELDS = {
    "given": FormField("given-yes", "Their answer"),
    "recorded_on": FormField("recorded-day", "Date of the answer"),
    "recorded_by": FormField("recorded-by", "Recorded by"),
}
NAME_LIMIT = 200
PROVIDER_LIMIT = 64


@cache
def local_authorities() -> Mapping[str, str]:
    """GSS code to name of every local authority, by name (the area authority select)."""
    found = load_directory().local_authorities()
    return {o.code: o.name for o in sorted(found, key=lambda o: o.name)}


def _checked(form: Mapping[str, str], name: str) -> bool:
    return form.get(name) == "yes"


def read_legal_status(form: Mapping[str, str]) -> Reading:
    reading = Reading()
    basis = read_choice(form, "basis", LEGAL_BASES, reading, missing="Select the legal status")
    start = read_date(form, "start", "Start date", reading, required=True)
    end = read_date(form, "end", "End date", reading, required=False)
    if start and end and end < start:
        reading.problem("end-day", "End date must be the same as or after the start date")
    short_break = _checked(form, "short-break")
    if short_break and basis not in (None, "section_20"):
        reading.problem("short-break", "Short break can only be recorded under section 20")
    reading.body = {
        "basis": basis,
        "start_date": start.isoformat() if start else None,
        "short_break": short_break,
    }
    if end:
        reading.body["end_date"] = end.isoformat()
    return reading


def read_placement(form: Mapping[str, str]) -> Reading:
    reading = Reading()
    placement_type = read_choice(
        form,
        "placement-type",
        PLACEMENT_TYPES,
        reading,
        missing="Select the type of placement",
    )
    area = read_choice(
        form,
        "area-authority",
        local_authorities(),
        reading,
        missing="Select the local authority where the child lives",
        field_id="area-authority",
    )
    start = read_date(form, "start", "Start date", reading, required=True)
    end = read_date(form, "end", "End date", reading, required=False)
    if start and end and end < start:
        reading.problem("end-day", "End date must be the same as or after the start date")
    provider = read_text(form, "provider", "Provider", reading, limit=PROVIDER_LIMIT)
    reading.body = {
        "placement_type": placement_type,
        "area_authority": area,
        "start_date": start.isoformat() if start else None,
        "emergency": _checked(form, "emergency"),
        "short_break": _checked(form, "short-break"),
    }
    if end:
        reading.body["end_date"] = end.isoformat()
    if provider:
        reading.body["provider"] = provider
    return reading


def read_leaving_care(form: Mapping[str, str]) -> Reading:
    reading = Reading()
    left = read_date(form, "left", "Date they left care", reading, required=True)
    category = read_choice(form, "category", CARE_LEAVER_CATEGORIES, reading, missing=None)
    in_education = _checked(form, "in-education")
    recorded = read_date(form, "education", "Date it was recorded", reading, required=in_education)
    if recorded and not in_education:
        reading.problem("in-education", "Select in education or training, or leave its date empty")
    reading.body = {
        "left_care_on": left.isoformat() if left else None,
        "category": category or None,
        "in_education_or_training": in_education,
        "education_or_training_recorded_on": recorded.isoformat() if recorded else None,
    }
    return reading


def read_consent(form: Mapping[str, str]) -> Reading:
    reading = Reading()
    given = read_choice(
        form,
        "given",
        YES_NO,
        reading,
        missing="Select whether they agreed to their personal adviser being told",
    )
    recorded = read_date(form, "recorded", "Date of the answer", reading, required=True)
    recorded_by = read_text(form, "recorded-by", "Recorded by", reading, limit=NAME_LIMIT)
    if not recorded_by and not any(p.field == "recorded-by" for p in reading.problems):
        reading.problem("recorded-by", "Enter who recorded the answer")
    reading.body = {
        "given": given == "yes",
        "recorded_on": recorded.isoformat() if recorded else None,
        "recorded_by": recorded_by,
    }
    return reading
