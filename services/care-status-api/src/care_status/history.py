"""From a loaded record to the status rules' values, and from their answer to the facts block.

The read-only paths (lookups, status facts) turn their rows into the rules' values
directly (`children/repository.py`); the writes, which load records to change them, use
`history_of`."""

from __future__ import annotations

from datetime import date
from typing import Any

from care_status.children.repository import NOTIFY_PERSONAL_ADVISER, CareRecord
from care_status.status import (
    CareHistory,
    CareLeaverCategory,
    LegalBasis,
    LegalStatusPeriod,
    PlacementPeriod,
    RecordedConsent,
    StatusFacts,
    compute_status,
)


def history_of(record: CareRecord) -> CareHistory:
    """The history of a record, as the pure rules of `care_status.status` read it."""
    child = record.child
    consent = record.consent(NOTIFY_PERSONAL_ADVISER)
    leaving = record.leaving_care
    override = leaving.category_override if leaving else None
    return CareHistory(
        date_of_birth=child.date_of_birth,
        responsible_authority=child.responsible_authority,
        legal_statuses=tuple(
            LegalStatusPeriod(
                basis=LegalBasis(status.basis),
                start=status.start_date,
                end=status.end_date,
                short_break=status.short_break,
            )
            for status in record.legal_statuses
        ),
        placements=tuple(
            PlacementPeriod(
                area_authority=placement.area_authority,
                placement_type=placement.placement_type,
                start=placement.start_date,
                end=placement.end_date,
            )
            for placement in record.placements
        ),
        left_care_on=leaving.left_care_on if leaving else None,
        category_override=CareLeaverCategory(override) if override else None,
        youth_justice_order=child.youth_justice_order,
        personal_adviser_consent=(
            RecordedConsent(given=consent.given, recorded_on=consent.recorded_on)
            if consent
            else None
        ),
    )


def facts_of(record: CareRecord, as_of: date) -> StatusFacts:
    """The status facts of a record on `as_of`."""
    return compute_status(history_of(record), as_of)


def facts_block(person_ref: str, facts: StatusFacts) -> dict[str, Any]:
    """The status facts block of docs/events.md, JSON-ready (dates as ISO strings)."""
    return {
        "person_ref": person_ref,
        "effective_date": facts.effective_date.isoformat(),
        "status": facts.status.value,
        "care_leaver_category": (
            facts.care_leaver_category.value if facts.care_leaver_category else None
        ),
        "age": facts.age,
        "age_band": facts.age_band,
        "under_18": facts.under_18,
        "under_25": facts.under_25,
        "responsible_authority": facts.responsible_authority,
        "area_authority": facts.area_authority,
        "placed_out_of_area": facts.placed_out_of_area,
        "legal_basis": facts.legal_basis.value if facts.legal_basis else None,
        "youth_justice_order": facts.youth_justice_order,
        "notify_personal_adviser_consent": facts.notify_personal_adviser_consent.value,
        "placement_type": facts.placement_type,
    }
