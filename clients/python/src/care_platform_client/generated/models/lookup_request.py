from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lookup_purpose import LookupPurpose
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lookup_identifiers import LookupIdentifiers


T = TypeVar("T", bound="LookupRequest")


@_attrs_define
class LookupRequest:
    """Identifiers, or given name + family name + date of birth; and why you ask.

    Attributes:
        purpose (LookupPurpose): Why the caller asks; recorded in the lookup audit.
        identifiers (LookupIdentifiers | None | Unset):
        given_name (None | str | Unset):
        family_name (None | str | Unset):
        date_of_birth (datetime.date | None | Unset):
        requester_reference (None | str | Unset): Your own reference, e.g. a custody record number
        as_of (datetime.date | None | Unset): Default: today (Europe/London)
    """

    purpose: LookupPurpose
    identifiers: LookupIdentifiers | None | Unset = UNSET
    given_name: None | str | Unset = UNSET
    family_name: None | str | Unset = UNSET
    date_of_birth: datetime.date | None | Unset = UNSET
    requester_reference: None | str | Unset = UNSET
    as_of: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.lookup_identifiers import LookupIdentifiers

        purpose = self.purpose.value

        identifiers: dict[str, Any] | None | Unset
        if isinstance(self.identifiers, Unset):
            identifiers = UNSET
        elif isinstance(self.identifiers, LookupIdentifiers):
            identifiers = self.identifiers.to_dict()
        else:
            identifiers = self.identifiers

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

        requester_reference: None | str | Unset
        if isinstance(self.requester_reference, Unset):
            requester_reference = UNSET
        else:
            requester_reference = self.requester_reference

        as_of: None | str | Unset
        if isinstance(self.as_of, Unset):
            as_of = UNSET
        elif isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "purpose": purpose,
            }
        )
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if requester_reference is not UNSET:
            field_dict["requester_reference"] = requester_reference
        if as_of is not UNSET:
            field_dict["as_of"] = as_of

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lookup_identifiers import LookupIdentifiers

        d = dict(src_dict)
        purpose = LookupPurpose(d.pop("purpose"))

        def _parse_identifiers(data: object) -> LookupIdentifiers | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identifiers_type_0 = LookupIdentifiers.from_dict(data)

                return identifiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LookupIdentifiers | None | Unset, data)

        identifiers = _parse_identifiers(d.pop("identifiers", UNSET))

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

        def _parse_requester_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_reference = _parse_requester_reference(
            d.pop("requester_reference", UNSET)
        )

        def _parse_as_of(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)

                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        as_of = _parse_as_of(d.pop("as_of", UNSET))

        lookup_request = cls(
            purpose=purpose,
            identifiers=identifiers,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            requester_reference=requester_reference,
            as_of=as_of,
        )

        return lookup_request
