"""A child's care record as the one reader returns it, and what the status rules make of it.

`repository.py` reads a child and its whole history in one statement: the child's columns
and one JSON array per history table, with named keys. `decode` turns such a row into a
`CareRecord` (the same on SQLite and PostgreSQL), whose history rows are decoded into
plain values when asked for; `CareRecord.history` is the rules' `CareHistory`, made from
the JSON directly (all a lookup reads), and `CareRecord.facts` is the one place the
status facts block (the contract's `StatusFacts`) is made, for responses and events alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from operator import itemgetter
from typing import Any

from care_status.status import (
    CareHistory,
    ComputedStatus,
    EducationOrTraining,
    LegalStatusPeriod,
    PlacementPeriod,
    RecordedConsent,
    compute_status,
)
from platform_shared.contracts.facts import StatusFacts
from platform_shared.contracts.vocabularies import CareLeaverCategory, LegalBasis, PlacementType

#: The consent the status rules read: to tell the personal adviser (national protocol 7.2).
NOTIFY_PERSONAL_ADVISER = "notify_personal_adviser"

#: The keys of each history table's JSON objects: its columns, by name.
LEGAL_STATUS_KEYS = (
    "id",
    "basis",
    "short_break",
    "start_date",
    "end_date",
    "version",
    "created_at",
    "updated_at",
)
PLACEMENT_KEYS = (
    "id",
    "placement_type",
    "area_authority",
    "start_date",
    "end_date",
    "emergency",
    "provider",
    "provider_urn",
    "provider_type",
    "short_break",
    "version",
    "created_at",
    "updated_at",
)
LEAVING_CARE_KEYS = (
    "left_care_on",
    "category_override",
    "in_education_or_training",
    "education_or_training_recorded_on",
    "version",
    "updated_at",
)
PERSONAL_ADVISER_KEYS = ("name", "contact_route", "appointed_on", "version", "updated_at")
CONSENT_KEYS = ("purpose", "given", "recorded_on", "recorded_by", "version", "updated_at")

#: The keys `CareRecord.history` reads, all a lookup reads of the history (`created_at`
#: orders episodes that start on the same day). A record read with only these keys
#: answers `history`, `status_on` and `facts`, never the decoded rows.
HISTORY_LEGAL_STATUS_KEYS = ("basis", "short_break", "start_date", "end_date", "created_at")
HISTORY_PLACEMENT_KEYS = (
    "area_authority",
    "placement_type",
    "start_date",
    "end_date",
    "provider",
    "short_break",
    "created_at",
)
HISTORY_LEAVING_CARE_KEYS = (
    "left_care_on",
    "category_override",
    "in_education_or_training",
    "education_or_training_recorded_on",
)
HISTORY_CONSENT_KEYS = ("purpose", "given", "recorded_on")


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _instant(value: str) -> datetime:
    """A timestamp as JSON carries it: ISO with an offset (PostgreSQL) or naive UTC (SQLite)."""
    instant = datetime.fromisoformat(value)
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


@dataclass(frozen=True)
class ChildRow:
    """The child's own columns."""

    id: uuid.UUID
    person_ref: str
    responsible_authority: str
    given_name: str
    family_name: str
    date_of_birth: date
    nhs_number: str | None
    pnc_id: str | None
    local_reference: str | None
    sex: str | None
    ethnicity: str | None
    uasc: bool
    youth_justice_order: bool
    version: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class LegalStatusRow:
    id: uuid.UUID
    child_id: uuid.UUID
    basis: LegalBasis
    short_break: bool
    start_date: date
    end_date: date | None
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, child_id: uuid.UUID, value: dict[str, Any]) -> LegalStatusRow:
        return cls(
            id=uuid.UUID(value["id"]),
            child_id=child_id,
            basis=LegalBasis(value["basis"]),
            short_break=bool(value["short_break"]),
            start_date=date.fromisoformat(value["start_date"]),
            end_date=_day(value["end_date"]),
            version=value["version"],
            created_at=_instant(value["created_at"]),
            updated_at=_instant(value["updated_at"]),
        )


@dataclass(frozen=True)
class PlacementRow:
    id: uuid.UUID
    child_id: uuid.UUID
    placement_type: PlacementType
    area_authority: str
    start_date: date
    end_date: date | None
    emergency: bool
    provider: str | None
    provider_urn: str | None
    provider_type: str | None
    short_break: bool
    version: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, child_id: uuid.UUID, value: dict[str, Any]) -> PlacementRow:
        return cls(
            id=uuid.UUID(value["id"]),
            child_id=child_id,
            placement_type=PlacementType(value["placement_type"]),
            area_authority=value["area_authority"],
            start_date=date.fromisoformat(value["start_date"]),
            end_date=_day(value["end_date"]),
            emergency=bool(value["emergency"]),
            provider=value["provider"],
            provider_urn=value["provider_urn"],
            provider_type=value["provider_type"],
            short_break=bool(value["short_break"]),
            version=value["version"],
            created_at=_instant(value["created_at"]),
            updated_at=_instant(value["updated_at"]),
        )


@dataclass(frozen=True)
class LeavingCareRow:
    left_care_on: date
    category_override: CareLeaverCategory | None
    in_education_or_training: bool
    education_or_training_recorded_on: date | None
    version: int
    updated_at: datetime

    @classmethod
    def of(cls, value: dict[str, Any]) -> LeavingCareRow:
        override = value["category_override"]
        return cls(
            left_care_on=date.fromisoformat(value["left_care_on"]),
            category_override=CareLeaverCategory(override) if override else None,
            in_education_or_training=bool(value["in_education_or_training"]),
            education_or_training_recorded_on=_day(value["education_or_training_recorded_on"]),
            version=value["version"],
            updated_at=_instant(value["updated_at"]),
        )


@dataclass(frozen=True)
class PersonalAdviserRow:
    name: str
    contact_route: str
    appointed_on: date | None
    version: int
    updated_at: datetime

    @classmethod
    def of(cls, value: dict[str, Any]) -> PersonalAdviserRow:
        return cls(
            name=value["name"],
            contact_route=value["contact_route"],
            appointed_on=_day(value["appointed_on"]),
            version=value["version"],
            updated_at=_instant(value["updated_at"]),
        )


@dataclass(frozen=True)
class ConsentRow:
    purpose: str
    given: bool
    recorded_on: date
    recorded_by: str
    version: int
    updated_at: datetime

    @classmethod
    def of(cls, value: dict[str, Any]) -> ConsentRow:
        return cls(
            purpose=value["purpose"],
            given=bool(value["given"]),
            recorded_on=date.fromisoformat(value["recorded_on"]),
            recorded_by=value["recorded_by"],
            version=value["version"],
            updated_at=_instant(value["updated_at"]),
        )


Raw = list[dict[str, Any]] | None


def _ordered(raw: Raw) -> list[dict[str, Any]]:
    """Episodes in date order, the earlier recorded first on the same day."""
    rows = sorted(raw or (), key=itemgetter("start_date"))
    days = [row["start_date"] for row in rows]
    if len(set(days)) < len(days):
        rows.sort(key=lambda row: (row["start_date"], _instant(row["created_at"])))
    return rows


@dataclass(frozen=True)
class CareRecord:
    """A child and the whole history the status rules read, in date order.

    The history tables' rows are held as read (JSON objects) and decoded when asked for:
    a lookup reads only `history`, which is made from them directly.
    """

    child: ChildRow
    raw_legal_statuses: Raw = None
    raw_placements: Raw = None
    raw_leaving_care: Raw = None
    raw_personal_adviser: Raw = None
    raw_consents: Raw = None

    @cached_property
    def legal_statuses(self) -> tuple[LegalStatusRow, ...]:
        return tuple(LegalStatusRow.of(self.child.id, v) for v in _ordered(self.raw_legal_statuses))

    @cached_property
    def placements(self) -> tuple[PlacementRow, ...]:
        return tuple(PlacementRow.of(self.child.id, v) for v in _ordered(self.raw_placements))

    @cached_property
    def leaving_care(self) -> LeavingCareRow | None:
        raw = self.raw_leaving_care
        return LeavingCareRow.of(raw[0]) if raw else None

    @cached_property
    def personal_adviser(self) -> PersonalAdviserRow | None:
        raw = self.raw_personal_adviser
        return PersonalAdviserRow.of(raw[0]) if raw else None

    @cached_property
    def consents(self) -> tuple[ConsentRow, ...]:
        rows = (ConsentRow.of(value) for value in self.raw_consents or ())
        return tuple(sorted(rows, key=lambda consent: consent.purpose))

    def consent(self, purpose: str) -> ConsentRow | None:
        return next((c for c in self.consents if c.purpose == purpose), None)

    @cached_property
    def history(self) -> CareHistory:
        """The record as the pure rules of `care_status.status` read it."""
        child = self.child
        leaving = self.raw_leaving_care[0] if self.raw_leaving_care else None
        override = leaving["category_override"] if leaving else None
        consent = next(
            (c for c in self.raw_consents or () if c["purpose"] == NOTIFY_PERSONAL_ADVISER),
            None,
        )
        return CareHistory(
            date_of_birth=child.date_of_birth,
            responsible_authority=child.responsible_authority,
            legal_statuses=tuple(
                LegalStatusPeriod(
                    LegalBasis(s["basis"]),
                    date.fromisoformat(s["start_date"]),
                    _day(s["end_date"]),
                    bool(s["short_break"]),
                )
                for s in _ordered(self.raw_legal_statuses)
            ),
            placements=tuple(
                PlacementPeriod(
                    p["area_authority"],
                    PlacementType(p["placement_type"]),
                    date.fromisoformat(p["start_date"]),
                    _day(p["end_date"]),
                    p["provider"],
                    bool(p["short_break"]),
                )
                for p in _ordered(self.raw_placements)
            ),
            left_care_on=date.fromisoformat(leaving["left_care_on"]) if leaving else None,
            category_override=CareLeaverCategory(override) if override else None,
            youth_justice_order=child.youth_justice_order,
            personal_adviser_consent=(
                RecordedConsent(
                    given=bool(consent["given"]),
                    recorded_on=date.fromisoformat(consent["recorded_on"]),
                )
                if consent
                else None
            ),
            education_or_training=_education_or_training(leaving),
            uasc=child.uasc,
        )

    def status_on(self, as_of: date) -> ComputedStatus:
        """What the rules answer for this record on `as_of`."""
        return compute_status(self.history, as_of)

    def facts(self, as_of: date, *, placement: PlacementRow | None = None) -> StatusFacts:
        """The status facts block of docs/events.md on `as_of` (responses and events);
        with `placement`, its placement facts describe that placement (`placement.ended`)."""
        described = None
        if placement is not None:
            described = PlacementPeriod(
                placement.area_authority,
                placement.placement_type,
                placement.start_date,
                placement.end_date,
                placement.provider,
                placement.short_break,
            )
        status = compute_status(self.history, as_of, described)
        return facts_block(self.child.person_ref, status)


def _education_or_training(leaving: dict[str, Any] | None) -> EducationOrTraining | None:
    """The s.24B record of a leaving-care row, when a date was recorded with it."""
    recorded_on = _day(leaving["education_or_training_recorded_on"]) if leaving else None
    if leaving is None or recorded_on is None:
        return None
    return EducationOrTraining(bool(leaving["in_education_or_training"]), recorded_on)


def facts_block(person_ref: str, status: ComputedStatus) -> StatusFacts:
    """The contract's status facts block of what the rules answered."""
    return StatusFacts(
        person_ref=person_ref,
        effective_date=status.effective_date,
        status=status.status,
        care_leaver_category=status.care_leaver_category,
        age=status.age,
        age_band=status.age_band,
        under_18=status.under_18,
        under_25=status.under_25,
        responsible_authority=status.responsible_authority,
        area_authority=status.area_authority,
        placed_out_of_area=status.placed_out_of_area,
        legal_basis=status.legal_basis,
        legal_basis_day_before=status.legal_basis_day_before,
        youth_justice_order=status.youth_justice_order,
        notify_personal_adviser_consent=status.notify_personal_adviser_consent,
        placement_type=status.placement_type,
        placement_provider=status.placement_provider,
        short_break=status.short_break,
        uasc=status.uasc,
    )


def decode(row: Sequence[Any]) -> CareRecord:
    """A row of the one care-record statement (child columns, then the five JSON arrays)."""
    *columns, legal_statuses, placements, leaving_care, adviser, consents = row
    return CareRecord(
        ChildRow(*columns), legal_statuses, placements, leaving_care, adviser, consents
    )
