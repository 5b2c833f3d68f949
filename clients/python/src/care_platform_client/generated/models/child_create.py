from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ethnicity import Ethnicity
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChildCreate")


@_attrs_define
class ChildCreate:
    """A new child record; the caller's organisation becomes the responsible authority.

    Attributes:
        given_name (str):
        family_name (str):
        date_of_birth (datetime.date):
        nhs_number (None | str | Unset):
        pnc_id (None | str | Unset):
        local_reference (None | str | Unset):
        sex (None | Sex | Unset):
        ethnicity (Ethnicity | None | Unset):
        uasc (bool | Unset): An unaccompanied asylum-seeking child Default: False.
        different_person (bool | Unset): Your authority already holds a record with this name and date of birth (names
            compared as a lookup compares them) and this is another person: create it anyway. Without it such a create is a
            409 naming the existing record (`existing_child_id`). Not stored; the create's audit row notes it. Default:
            False.
    """

    given_name: str
    family_name: str
    date_of_birth: datetime.date
    nhs_number: None | str | Unset = UNSET
    pnc_id: None | str | Unset = UNSET
    local_reference: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    ethnicity: Ethnicity | None | Unset = UNSET
    uasc: bool | Unset = False
    different_person: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        given_name = self.given_name

        family_name = self.family_name

        date_of_birth = self.date_of_birth.isoformat()

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

        uasc = self.uasc

        different_person = self.different_person

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
            }
        )
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
        if different_person is not UNSET:
            field_dict["different_person"] = different_person

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        date_of_birth = datetime.date.fromisoformat(d.pop("date_of_birth"))

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

        uasc = d.pop("uasc", UNSET)

        different_person = d.pop("different_person", UNSET)

        child_create = cls(
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            nhs_number=nhs_number,
            pnc_id=pnc_id,
            local_reference=local_reference,
            sex=sex,
            ethnicity=ethnicity,
            uasc=uasc,
            different_person=different_person,
        )

        return child_create
