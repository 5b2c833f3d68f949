from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_leaver_category import CareLeaverCategory
from ..models.consent_answer import ConsentAnswer
from ..models.lookup_match import LookupMatch
from ..models.lookup_result_type import LookupResultType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authority_ref import AuthorityRef
    from ..models.lookup_holder import LookupHolder


T = TypeVar("T", bound="LookupResult")


@_attrs_define
class LookupResult:
    """The minimum a custody suite, court, YOT or prison needs; nothing else.

    Only `result` is set when nobody, several people, or someone out of scope matched.

    When more than one authority holds a record of the person and every one of them is in
    scope, `match` is `several_authorities`: `result` is `looked_after` when any record
    says so (else `care_leaver`), `age` and `under_25` are set, `authorities` lists each
    responsible authority with its contact route (tell each of them), and the fields of
    one record (`person_ref`, the authority, placement, consent) are not set.

        Attributes:
            result (LookupResultType):
            person_ref (None | str | Unset): Use it in incident-api
            age (int | None | Unset):
            under_25 (bool | None | Unset):
            care_leaver_category (CareLeaverCategory | None | Unset):
            responsible_authority (AuthorityRef | None | Unset):
            placed_out_of_area (bool | None | Unset):
            area_authority (AuthorityRef | None | Unset):
            notify_personal_adviser_consent (ConsentAnswer | None | Unset):
            contact_route (None | str | Unset): notify-api route by which the responsible authority is told
            match (LookupMatch | None | Unset): `one` authority holds a record, or `several_authorities` (set when `result`
                is `looked_after` or `care_leaver`)
            authorities (list[LookupHolder] | None | Unset): Every responsible authority holding a record, with its contact
                route (one entry when `match` is `one`)
    """

    result: LookupResultType
    person_ref: None | str | Unset = UNSET
    age: int | None | Unset = UNSET
    under_25: bool | None | Unset = UNSET
    care_leaver_category: CareLeaverCategory | None | Unset = UNSET
    responsible_authority: AuthorityRef | None | Unset = UNSET
    placed_out_of_area: bool | None | Unset = UNSET
    area_authority: AuthorityRef | None | Unset = UNSET
    notify_personal_adviser_consent: ConsentAnswer | None | Unset = UNSET
    contact_route: None | str | Unset = UNSET
    match: LookupMatch | None | Unset = UNSET
    authorities: list[LookupHolder] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.authority_ref import AuthorityRef

        result = self.result.value

        person_ref: None | str | Unset
        if isinstance(self.person_ref, Unset):
            person_ref = UNSET
        else:
            person_ref = self.person_ref

        age: int | None | Unset
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        under_25: bool | None | Unset
        if isinstance(self.under_25, Unset):
            under_25 = UNSET
        else:
            under_25 = self.under_25

        care_leaver_category: None | str | Unset
        if isinstance(self.care_leaver_category, Unset):
            care_leaver_category = UNSET
        elif isinstance(self.care_leaver_category, CareLeaverCategory):
            care_leaver_category = self.care_leaver_category.value
        else:
            care_leaver_category = self.care_leaver_category

        responsible_authority: dict[str, Any] | None | Unset
        if isinstance(self.responsible_authority, Unset):
            responsible_authority = UNSET
        elif isinstance(self.responsible_authority, AuthorityRef):
            responsible_authority = self.responsible_authority.to_dict()
        else:
            responsible_authority = self.responsible_authority

        placed_out_of_area: bool | None | Unset
        if isinstance(self.placed_out_of_area, Unset):
            placed_out_of_area = UNSET
        else:
            placed_out_of_area = self.placed_out_of_area

        area_authority: dict[str, Any] | None | Unset
        if isinstance(self.area_authority, Unset):
            area_authority = UNSET
        elif isinstance(self.area_authority, AuthorityRef):
            area_authority = self.area_authority.to_dict()
        else:
            area_authority = self.area_authority

        notify_personal_adviser_consent: None | str | Unset
        if isinstance(self.notify_personal_adviser_consent, Unset):
            notify_personal_adviser_consent = UNSET
        elif isinstance(self.notify_personal_adviser_consent, ConsentAnswer):
            notify_personal_adviser_consent = self.notify_personal_adviser_consent.value
        else:
            notify_personal_adviser_consent = self.notify_personal_adviser_consent

        contact_route: None | str | Unset
        if isinstance(self.contact_route, Unset):
            contact_route = UNSET
        else:
            contact_route = self.contact_route

        match: None | str | Unset
        if isinstance(self.match, Unset):
            match = UNSET
        elif isinstance(self.match, LookupMatch):
            match = self.match.value
        else:
            match = self.match

        authorities: list[dict[str, Any]] | None | Unset
        if isinstance(self.authorities, Unset):
            authorities = UNSET
        elif isinstance(self.authorities, list):
            authorities = []
            for authorities_type_0_item_data in self.authorities:
                authorities_type_0_item = authorities_type_0_item_data.to_dict()
                authorities.append(authorities_type_0_item)

        else:
            authorities = self.authorities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref
        if age is not UNSET:
            field_dict["age"] = age
        if under_25 is not UNSET:
            field_dict["under_25"] = under_25
        if care_leaver_category is not UNSET:
            field_dict["care_leaver_category"] = care_leaver_category
        if responsible_authority is not UNSET:
            field_dict["responsible_authority"] = responsible_authority
        if placed_out_of_area is not UNSET:
            field_dict["placed_out_of_area"] = placed_out_of_area
        if area_authority is not UNSET:
            field_dict["area_authority"] = area_authority
        if notify_personal_adviser_consent is not UNSET:
            field_dict["notify_personal_adviser_consent"] = (
                notify_personal_adviser_consent
            )
        if contact_route is not UNSET:
            field_dict["contact_route"] = contact_route
        if match is not UNSET:
            field_dict["match"] = match
        if authorities is not UNSET:
            field_dict["authorities"] = authorities

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.authority_ref import AuthorityRef
        from ..models.lookup_holder import LookupHolder

        d = dict(src_dict)
        result = LookupResultType(d.pop("result"))

        def _parse_person_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_ref = _parse_person_ref(d.pop("person_ref", UNSET))

        def _parse_age(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_under_25(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        under_25 = _parse_under_25(d.pop("under_25", UNSET))

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

        def _parse_responsible_authority(data: object) -> AuthorityRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                responsible_authority_type_0 = AuthorityRef.from_dict(data)

                return responsible_authority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorityRef | None | Unset, data)

        responsible_authority = _parse_responsible_authority(
            d.pop("responsible_authority", UNSET)
        )

        def _parse_placed_out_of_area(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        placed_out_of_area = _parse_placed_out_of_area(
            d.pop("placed_out_of_area", UNSET)
        )

        def _parse_area_authority(data: object) -> AuthorityRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                area_authority_type_0 = AuthorityRef.from_dict(data)

                return area_authority_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuthorityRef | None | Unset, data)

        area_authority = _parse_area_authority(d.pop("area_authority", UNSET))

        def _parse_notify_personal_adviser_consent(
            data: object,
        ) -> ConsentAnswer | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notify_personal_adviser_consent_type_0 = ConsentAnswer(data)

                return notify_personal_adviser_consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsentAnswer | None | Unset, data)

        notify_personal_adviser_consent = _parse_notify_personal_adviser_consent(
            d.pop("notify_personal_adviser_consent", UNSET)
        )

        def _parse_contact_route(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_route = _parse_contact_route(d.pop("contact_route", UNSET))

        def _parse_match(data: object) -> LookupMatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                match_type_0 = LookupMatch(data)

                return match_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupMatch | None | Unset, data)

        match = _parse_match(d.pop("match", UNSET))

        def _parse_authorities(data: object) -> list[LookupHolder] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                authorities_type_0 = []
                _authorities_type_0 = data
                for authorities_type_0_item_data in _authorities_type_0:
                    authorities_type_0_item = LookupHolder.from_dict(
                        authorities_type_0_item_data
                    )

                    authorities_type_0.append(authorities_type_0_item)

                return authorities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LookupHolder] | None | Unset, data)

        authorities = _parse_authorities(d.pop("authorities", UNSET))

        lookup_result = cls(
            result=result,
            person_ref=person_ref,
            age=age,
            under_25=under_25,
            care_leaver_category=care_leaver_category,
            responsible_authority=responsible_authority,
            placed_out_of_area=placed_out_of_area,
            area_authority=area_authority,
            notify_personal_adviser_consent=notify_personal_adviser_consent,
            contact_route=contact_route,
            match=match,
            authorities=authorities,
        )

        lookup_result.additional_properties = d
        return lookup_result

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
