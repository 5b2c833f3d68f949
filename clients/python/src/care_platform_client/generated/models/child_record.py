from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ethnicity import Ethnicity
from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authority_ref import AuthorityRef
    from ..models.consent_out import ConsentOut
    from ..models.leaving_care_out import LeavingCareOut
    from ..models.legal_status_out import LegalStatusOut
    from ..models.personal_adviser_out import PersonalAdviserOut
    from ..models.placement_out import PlacementOut
    from ..models.status_facts import StatusFacts


T = TypeVar("T", bound="ChildRecord")


@_attrs_define
class ChildRecord:
    """The full record, for the responsible authority.

    Attributes:
        id (UUID):
        person_ref (str):
        responsible_authority (AuthorityRef): A local authority, by ONS GSS code, with its name.
        given_name (str):
        family_name (str):
        date_of_birth (datetime.date):
        nhs_number (None | str):
        pnc_id (None | str):
        local_reference (None | str):
        sex (None | Sex):
        ethnicity (Ethnicity | None):
        uasc (bool):
        youth_justice_order (bool):
        legal_statuses (list[LegalStatusOut]):
        placements (list[PlacementOut]):
        leaving_care (LeavingCareOut | None):
        personal_adviser (None | PersonalAdviserOut):
        consents (list[ConsentOut]):
        status (StatusFacts): What the notification rules read about a person, as of `effective_date`.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        view (Literal['full'] | Unset):  Default: 'full'.
    """

    id: UUID
    person_ref: str
    responsible_authority: AuthorityRef
    given_name: str
    family_name: str
    date_of_birth: datetime.date
    nhs_number: None | str
    pnc_id: None | str
    local_reference: None | str
    sex: None | Sex
    ethnicity: Ethnicity | None
    uasc: bool
    youth_justice_order: bool
    legal_statuses: list[LegalStatusOut]
    placements: list[PlacementOut]
    leaving_care: LeavingCareOut | None
    personal_adviser: None | PersonalAdviserOut
    consents: list[ConsentOut]
    status: StatusFacts
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    view: Literal["full"] | Unset = "full"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.leaving_care_out import LeavingCareOut
        from ..models.personal_adviser_out import PersonalAdviserOut

        id = str(self.id)

        person_ref = self.person_ref

        responsible_authority = self.responsible_authority.to_dict()

        given_name = self.given_name

        family_name = self.family_name

        date_of_birth = self.date_of_birth.isoformat()

        nhs_number: None | str
        nhs_number = self.nhs_number

        pnc_id: None | str
        pnc_id = self.pnc_id

        local_reference: None | str
        local_reference = self.local_reference

        sex: None | str
        if isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        ethnicity: None | str
        if isinstance(self.ethnicity, Ethnicity):
            ethnicity = self.ethnicity.value
        else:
            ethnicity = self.ethnicity

        uasc = self.uasc

        youth_justice_order = self.youth_justice_order

        legal_statuses = []
        for legal_statuses_item_data in self.legal_statuses:
            legal_statuses_item = legal_statuses_item_data.to_dict()
            legal_statuses.append(legal_statuses_item)

        placements = []
        for placements_item_data in self.placements:
            placements_item = placements_item_data.to_dict()
            placements.append(placements_item)

        leaving_care: dict[str, Any] | None
        if isinstance(self.leaving_care, LeavingCareOut):
            leaving_care = self.leaving_care.to_dict()
        else:
            leaving_care = self.leaving_care

        personal_adviser: dict[str, Any] | None
        if isinstance(self.personal_adviser, PersonalAdviserOut):
            personal_adviser = self.personal_adviser.to_dict()
        else:
            personal_adviser = self.personal_adviser

        consents = []
        for consents_item_data in self.consents:
            consents_item = consents_item_data.to_dict()
            consents.append(consents_item)

        status = self.status.to_dict()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        view = self.view

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_ref": person_ref,
                "responsible_authority": responsible_authority,
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "nhs_number": nhs_number,
                "pnc_id": pnc_id,
                "local_reference": local_reference,
                "sex": sex,
                "ethnicity": ethnicity,
                "uasc": uasc,
                "youth_justice_order": youth_justice_order,
                "legal_statuses": legal_statuses,
                "placements": placements,
                "leaving_care": leaving_care,
                "personal_adviser": personal_adviser,
                "consents": consents,
                "status": status,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.authority_ref import AuthorityRef
        from ..models.consent_out import ConsentOut
        from ..models.leaving_care_out import LeavingCareOut
        from ..models.legal_status_out import LegalStatusOut
        from ..models.personal_adviser_out import PersonalAdviserOut
        from ..models.placement_out import PlacementOut
        from ..models.status_facts import StatusFacts

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_ref = d.pop("person_ref")

        responsible_authority = AuthorityRef.from_dict(d.pop("responsible_authority"))

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        date_of_birth = datetime.date.fromisoformat(d.pop("date_of_birth"))

        def _parse_nhs_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nhs_number = _parse_nhs_number(d.pop("nhs_number"))

        def _parse_pnc_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pnc_id = _parse_pnc_id(d.pop("pnc_id"))

        def _parse_local_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        local_reference = _parse_local_reference(d.pop("local_reference"))

        def _parse_sex(data: object) -> None | Sex:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex, data)

        sex = _parse_sex(d.pop("sex"))

        def _parse_ethnicity(data: object) -> Ethnicity | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ethnicity_type_0 = Ethnicity(data)

                return ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Ethnicity | None, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity"))

        uasc = d.pop("uasc")

        youth_justice_order = d.pop("youth_justice_order")

        legal_statuses = []
        _legal_statuses = d.pop("legal_statuses")
        for legal_statuses_item_data in _legal_statuses:
            legal_statuses_item = LegalStatusOut.from_dict(legal_statuses_item_data)

            legal_statuses.append(legal_statuses_item)

        placements = []
        _placements = d.pop("placements")
        for placements_item_data in _placements:
            placements_item = PlacementOut.from_dict(placements_item_data)

            placements.append(placements_item)

        def _parse_leaving_care(data: object) -> LeavingCareOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                leaving_care_type_0 = LeavingCareOut.from_dict(data)

                return leaving_care_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeavingCareOut | None, data)

        leaving_care = _parse_leaving_care(d.pop("leaving_care"))

        def _parse_personal_adviser(data: object) -> None | PersonalAdviserOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                personal_adviser_type_0 = PersonalAdviserOut.from_dict(data)

                return personal_adviser_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonalAdviserOut, data)

        personal_adviser = _parse_personal_adviser(d.pop("personal_adviser"))

        consents = []
        _consents = d.pop("consents")
        for consents_item_data in _consents:
            consents_item = ConsentOut.from_dict(consents_item_data)

            consents.append(consents_item)

        status = StatusFacts.from_dict(d.pop("status"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        view = cast(Literal["full"] | Unset, d.pop("view", UNSET))
        if view != "full" and not isinstance(view, Unset):
            raise ValueError(f"view must match const 'full', got '{view}'")

        child_record = cls(
            id=id,
            person_ref=person_ref,
            responsible_authority=responsible_authority,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            nhs_number=nhs_number,
            pnc_id=pnc_id,
            local_reference=local_reference,
            sex=sex,
            ethnicity=ethnicity,
            uasc=uasc,
            youth_justice_order=youth_justice_order,
            legal_statuses=legal_statuses,
            placements=placements,
            leaving_care=leaving_care,
            personal_adviser=personal_adviser,
            consents=consents,
            status=status,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            view=view,
        )

        child_record.additional_properties = d
        return child_record

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
