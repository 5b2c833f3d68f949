from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LookupIdentifiers")


@_attrs_define
class LookupIdentifiers:
    """Any of the person's identifiers; each is matched exactly (after canonical form).

    Attributes:
        nhs_number (None | str | Unset):
        pnc_id (None | str | Unset):
        person_ref (None | str | Unset):
    """

    nhs_number: None | str | Unset = UNSET
    pnc_id: None | str | Unset = UNSET
    person_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        person_ref: None | str | Unset
        if isinstance(self.person_ref, Unset):
            person_ref = UNSET
        else:
            person_ref = self.person_ref

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if nhs_number is not UNSET:
            field_dict["nhs_number"] = nhs_number
        if pnc_id is not UNSET:
            field_dict["pnc_id"] = pnc_id
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_person_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_ref = _parse_person_ref(d.pop("person_ref", UNSET))

        lookup_identifiers = cls(
            nhs_number=nhs_number,
            pnc_id=pnc_id,
            person_ref=person_ref,
        )

        return lookup_identifiers
