"""Queries of the status facts: the record of a person_ref, whoever is responsible."""

from __future__ import annotations

from care_status.care_record.record import CareRecord
from care_status.care_record.repository import Reader, read_matching_records
from platform_shared.tenancy import cross_tenant


@cross_tenant("the platform's services read the status facts of a person of any authority")
async def read_record_by_person_ref(reader: Reader, person_ref: str) -> CareRecord | None:
    """The record of the child with this person_ref (the lookup's own probe)."""
    found = await read_matching_records(reader, "person_ref", {"value": person_ref})
    return found[0] if found else None
