from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_leaver_category import CareLeaverCategory
from ..models.lookup_result_type import LookupResultType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authority_ref import AuthorityRef


T = TypeVar("T", bound="LookupHolder")


@_attrs_define
class LookupHolder:
    """One responsible authority holding a record of the person, and how to reach it.

    Attributes:
        result (LookupResultType):
        person_ref (str): That record's person_ref (use it in incident-api)
        responsible_authority (AuthorityRef): A local authority, by ONS GSS code, with its name.
        contact_route (str):
        care_leaver_category (CareLeaverCategory | None | Unset):
    """

    result: LookupResultType
    person_ref: str
    responsible_authority: AuthorityRef
    contact_route: str
    care_leaver_category: CareLeaverCategory | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        person_ref = self.person_ref

        responsible_authority = self.responsible_authority.to_dict()

        contact_route = self.contact_route

        care_leaver_category: None | str | Unset
        if isinstance(self.care_leaver_category, Unset):
            care_leaver_category = UNSET
        elif isinstance(self.care_leaver_category, CareLeaverCategory):
            care_leaver_category = self.care_leaver_category.value
        else:
            care_leaver_category = self.care_leaver_category

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
                "person_ref": person_ref,
                "responsible_authority": responsible_authority,
                "contact_route": contact_route,
            }
        )
        if care_leaver_category is not UNSET:
            field_dict["care_leaver_category"] = care_leaver_category

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.authority_ref import AuthorityRef

        d = dict(src_dict)
        result = LookupResultType(d.pop("result"))

        person_ref = d.pop("person_ref")

        responsible_authority = AuthorityRef.from_dict(d.pop("responsible_authority"))

        contact_route = d.pop("contact_route")

        def _parse_care_leaver_category(
            data: object,
        ) -> CareLeaverCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                care_leaver_category_type_0 = CareLeaverCategory(data)

                return care_leaver_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLeaverCategory | None | Unset, data)

        care_leaver_category = _parse_care_leaver_category(
            d.pop("care_leaver_category", UNSET)
        )

        lookup_holder = cls(
            result=result,
            person_ref=person_ref,
            responsible_authority=responsible_authority,
            contact_route=contact_route,
            care_leaver_category=care_leaver_category,
        )

        lookup_holder.additional_properties = d
        return lookup_holder

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
