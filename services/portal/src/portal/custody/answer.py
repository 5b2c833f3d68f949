"""The custody desk's answer in plain words: what the lookup found and what happens next.

Knows nothing of HTTP: it reads a care-status-api lookup result (`POST /v1/lookups`) and
says, as a sergeant needs it, who is responsible and who will be told by when once the
detention is recorded (the rules `police-contact-looked-after` and
`custody-child-appropriate-adult` of the rules in force).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Answer:
    found: bool
    headline: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    person_ref: str | None = None
    under_18: bool = False


def _authority(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("code") or "")
    return ""


def plain_answer(result: dict[str, Any]) -> Answer:
    status = result.get("result")
    if status in (None, "no_record"):
        return Answer(
            found=False,
            headline="No care record was found",
            next_steps=[
                "This does not prove the child is not looked after or a care leaver: "
                "records are matched on name and date of birth, and on identifiers.",
                "Ask the child, and check the name's spelling and the date of birth.",
            ],
        )
    if status == "ambiguous":
        return Answer(
            found=False,
            headline="More than one record could match",
            next_steps=["Search again with an identifier (PNC ID or NHS number)."],
        )
    responsible = _authority(result.get("responsible_authority"))
    area = _authority(result.get("area_authority"))
    age = result.get("age")
    under_18 = isinstance(age, int) and age < 18
    if status == "looked_after":
        headline = f"Looked after by {responsible}" if responsible else "Looked after"
    elif status == "care_leaver":
        headline = f"A care leaver of {responsible}" if responsible else "A care leaver"
    else:
        headline = str(status).replace("_", " ").capitalize()
    facts: list[tuple[str, str]] = []
    if age is not None:
        facts.append(("Age", str(age)))
    if responsible:
        facts.append(("Responsible local authority", responsible))
    if result.get("placed_out_of_area"):
        facts.append(("Placed out of area", f"Yes, in {area}" if area else "Yes"))
    elif result.get("placed_out_of_area") is False:
        facts.append(("Placed out of area", "No"))
    if result.get("care_leaver_category"):
        facts.append(
            ("Care leaver category", str(result["care_leaver_category"]).replace("_", " "))
        )
    steps = []
    if responsible:
        told = (
            f"{responsible} children's services and the youth offending team serving {responsible}"
        )
        if result.get("placed_out_of_area") and area:
            told += f", and the youth offending team serving {area}"
        steps.append(
            f"When you record the detention, {told} will be told at once. "
            "Police contact with them is due within 2 hours of the detention."
        )
    if under_18:
        steps.append(
            f"The child is under 18: {responsible or 'the local authority'} must provide an "
            "appropriate adult within 1 hour of the detention."
        )
    steps.append("Your force's duties are on the duties board.")
    return Answer(
        found=True,
        headline=headline,
        facts=facts,
        next_steps=steps,
        person_ref=result.get("person_ref"),
        under_18=under_18,
    )


def date_from_parts(day: str, month: str, year: str) -> tuple[date | None, str | None]:
    """A GOV.UK date input's three fields as a date, or the message to show."""
    if not (day or month or year):
        return None, None
    if not (day and month and year):
        return None, "Date of birth must include a day, month and year"
    try:
        return date(int(year), int(month), int(day)), None
    except ValueError:
        return None, "Date of birth must be a real date"
