from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.age_band import AgeBand
from ..models.care_leaver_category import CareLeaverCategory
from ..models.care_status import CareStatus
from ..models.consent_answer import ConsentAnswer
from ..models.legal_basis_category import LegalBasisCategory
from ..models.placement_type import PlacementType

T = TypeVar("T", bound="StatusFacts")


@_attrs_define
class StatusFacts:
    """What the notification rules read about a person, as of `effective_date`.

    Attributes:
        person_ref (str): Opaque reference of the person
        effective_date (datetime.date): The date the facts were read for
        status (CareStatus):
        care_leaver_category (CareLeaverCategory | None):
        age (int): Age in years on `effective_date`
        age_band (AgeBand): The reporting bands of the status facts block.
        under_18 (bool):
        under_25 (bool):
        responsible_authority (str): GSS code of the responsible (home) authority
        area_authority (None | str): GSS code of the open placement's area
        placed_out_of_area (bool): The area authority differs from the responsible authority
        legal_basis (LegalBasisCategory | None): Category of the open legal status
        legal_basis_day_before (LegalBasisCategory | None): Category of the legal status open on the day before
            `effective_date` (a detention may itself end a section 20 episode: rules.md Revision 2)
        youth_justice_order (bool): The child is subject to a youth justice order (remand counts)
        notify_personal_adviser_consent (ConsentAnswer): A care leaver's answer to notifying the personal adviser
            (national protocol 7.2).
        placement_type (None | PlacementType): Type of the open placement
        placement_provider (None | str): Org code of the open placement's provider (the carer), if known
        short_break (bool): The open placement is a short break (respite, SSDA903 V3/V4): Care Planning regs 2010 reg 48
            disapplies reg 13 for it
        uasc (bool): The child is recorded as an unaccompanied asylum-seeking child
    """

    person_ref: str
    effective_date: datetime.date
    status: CareStatus
    care_leaver_category: CareLeaverCategory | None
    age: int
    age_band: AgeBand
    under_18: bool
    under_25: bool
    responsible_authority: str
    area_authority: None | str
    placed_out_of_area: bool
    legal_basis: LegalBasisCategory | None
    legal_basis_day_before: LegalBasisCategory | None
    youth_justice_order: bool
    notify_personal_adviser_consent: ConsentAnswer
    placement_type: None | PlacementType
    placement_provider: None | str
    short_break: bool
    uasc: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_ref = self.person_ref

        effective_date = self.effective_date.isoformat()

        status = self.status.value

        care_leaver_category: None | str
        if isinstance(self.care_leaver_category, CareLeaverCategory):
            care_leaver_category = self.care_leaver_category.value
        else:
            care_leaver_category = self.care_leaver_category

        age = self.age

        age_band = self.age_band.value

        under_18 = self.under_18

        under_25 = self.under_25

        responsible_authority = self.responsible_authority

        area_authority: None | str
        area_authority = self.area_authority

        placed_out_of_area = self.placed_out_of_area

        legal_basis: None | str
        if isinstance(self.legal_basis, LegalBasisCategory):
            legal_basis = self.legal_basis.value
        else:
            legal_basis = self.legal_basis

        legal_basis_day_before: None | str
        if isinstance(self.legal_basis_day_before, LegalBasisCategory):
            legal_basis_day_before = self.legal_basis_day_before.value
        else:
            legal_basis_day_before = self.legal_basis_day_before

        youth_justice_order = self.youth_justice_order

        notify_personal_adviser_consent = self.notify_personal_adviser_consent.value

        placement_type: None | str
        if isinstance(self.placement_type, PlacementType):
            placement_type = self.placement_type.value
        else:
            placement_type = self.placement_type

        placement_provider: None | str
        placement_provider = self.placement_provider

        short_break = self.short_break

        uasc = self.uasc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_ref": person_ref,
                "effective_date": effective_date,
                "status": status,
                "care_leaver_category": care_leaver_category,
                "age": age,
                "age_band": age_band,
                "under_18": under_18,
                "under_25": under_25,
                "responsible_authority": responsible_authority,
                "area_authority": area_authority,
                "placed_out_of_area": placed_out_of_area,
                "legal_basis": legal_basis,
                "legal_basis_day_before": legal_basis_day_before,
                "youth_justice_order": youth_justice_order,
                "notify_personal_adviser_consent": notify_personal_adviser_consent,
                "placement_type": placement_type,
                "placement_provider": placement_provider,
                "short_break": short_break,
                "uasc": uasc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        person_ref = d.pop("person_ref")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        status = CareStatus(d.pop("status"))

        def _parse_care_leaver_category(data: object) -> CareLeaverCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                care_leaver_category_type_0 = CareLeaverCategory(data)

                return care_leaver_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLeaverCategory | None, data)

        care_leaver_category = _parse_care_leaver_category(
            d.pop("care_leaver_category")
        )

        age = d.pop("age")

        age_band = AgeBand(d.pop("age_band"))

        under_18 = d.pop("under_18")

        under_25 = d.pop("under_25")

        responsible_authority = d.pop("responsible_authority")

        def _parse_area_authority(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_authority = _parse_area_authority(d.pop("area_authority"))

        placed_out_of_area = d.pop("placed_out_of_area")

        def _parse_legal_basis(data: object) -> LegalBasisCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_basis_type_0 = LegalBasisCategory(data)

                return legal_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalBasisCategory | None, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        def _parse_legal_basis_day_before(data: object) -> LegalBasisCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_basis_day_before_type_0 = LegalBasisCategory(data)

                return legal_basis_day_before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalBasisCategory | None, data)

        legal_basis_day_before = _parse_legal_basis_day_before(
            d.pop("legal_basis_day_before")
        )

        youth_justice_order = d.pop("youth_justice_order")

        notify_personal_adviser_consent = ConsentAnswer(
            d.pop("notify_personal_adviser_consent")
        )

        def _parse_placement_type(data: object) -> None | PlacementType:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                placement_type_type_0 = PlacementType(data)

                return placement_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlacementType, data)

        placement_type = _parse_placement_type(d.pop("placement_type"))

        def _parse_placement_provider(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        placement_provider = _parse_placement_provider(d.pop("placement_provider"))

        short_break = d.pop("short_break")

        uasc = d.pop("uasc")

        status_facts = cls(
            person_ref=person_ref,
            effective_date=effective_date,
            status=status,
            care_leaver_category=care_leaver_category,
            age=age,
            age_band=age_band,
            under_18=under_18,
            under_25=under_25,
            responsible_authority=responsible_authority,
            area_authority=area_authority,
            placed_out_of_area=placed_out_of_area,
            legal_basis=legal_basis,
            legal_basis_day_before=legal_basis_day_before,
            youth_justice_order=youth_justice_order,
            notify_personal_adviser_consent=notify_personal_adviser_consent,
            placement_type=placement_type,
            placement_provider=placement_provider,
            short_break=short_break,
            uasc=uasc,
        )

        status_facts.additional_properties = d
        return status_facts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
