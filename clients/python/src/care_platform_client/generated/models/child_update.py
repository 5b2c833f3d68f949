from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ethnicity import Ethnicity
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChildUpdate")


@_attrs_define
class ChildUpdate:
    """The fields to change; omitted fields are kept. Names and dates cannot be null.

    Attributes:
        given_name (None | str | Unset):
        family_name (None | str | Unset):
        date_of_birth (datetime.date | None | Unset):
        nhs_number (None | str | Unset):
        pnc_id (None | str | Unset):
        local_reference (None | str | Unset):
        sex (None | Sex | Unset):
        ethnicity (Ethnicity | None | Unset):
        uasc (bool | None | Unset):
        youth_justice_order (bool | None | Unset): The child is subject to a youth justice order (beyond a recorded
            remand)
    """

    given_name: None | str | Unset = UNSET
    family_name: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    nhs_number: None | str | Unset = UNSET
    pnc_id: None | str | Unset = UNSET
    local_reference: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    ethnicity: Ethnicity | None | Unset = UNSET
    uasc: bool | None | Unset = UNSET
    youth_justice_order: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name

        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        nhs_number: None | str | Unset
        if isinstance(self.nhs_number, Unset):
            nhs_number = UNSET
        else:
            nhs_number = self.nhs_number

        pnc_id: None | str | Unset
        if isinstance(self.pnc_id, Unset):
            pnc_id = UNSET
        else:
            pnc_id = self.pnc_id

        local_reference: None | str | Unset
        if isinstance(self.local_reference, Unset):
            local_reference = UNSET
        else:
            local_reference = self.local_reference

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        ethnicity: None | str | Unset
        if isinstance(self.ethnicity, Unset):
            ethnicity = UNSET
        elif isinstance(self.ethnicity, Ethnicity):
            ethnicity = self.ethnicity.value
        else:
            ethnicity = self.ethnicity

        uasc: bool | None | Unset
        if isinstance(self.uasc, Unset):
            uasc = UNSET
        else:
            uasc = self.uasc

        youth_justice_order: bool | None | Unset
        if isinstance(self.youth_justice_order, Unset):
            youth_justice_order = UNSET
        else:
            youth_justice_order = self.youth_justice_order

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if nhs_number is not UNSET:
            field_dict["nhs_number"] = nhs_number
        if pnc_id is not UNSET:
            field_dict["pnc_id"] = pnc_id
        if local_reference is not UNSET:
            field_dict["local_reference"] = local_reference
        if sex is not UNSET:
            field_dict["sex"] = sex
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if uasc is not UNSET:
            field_dict["uasc"] = uasc
        if youth_justice_order is not UNSET:
            field_dict["youth_justice_order"] = youth_justice_order

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_given_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        given_name = _parse_given_name(d.pop("given_name", UNSET))

        def _parse_family_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        family_name = _parse_family_name(d.pop("family_name", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_nhs_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nhs_number = _parse_nhs_number(d.pop("nhs_number", UNSET))

        def _parse_pnc_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pnc_id = _parse_pnc_id(d.pop("pnc_id", UNSET))

        def _parse_local_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        local_reference = _parse_local_reference(d.pop("local_reference", UNSET))

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_ethnicity(data: object) -> Ethnicity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ethnicity_type_0 = Ethnicity(data)

                return ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Ethnicity | None | Unset, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity", UNSET))

        def _parse_uasc(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        uasc = _parse_uasc(d.pop("uasc", UNSET))

        def _parse_youth_justice_order(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        youth_justice_order = _parse_youth_justice_order(
            d.pop("youth_justice_order", UNSET)
        )

        child_update = cls(
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
        )

        return child_update
