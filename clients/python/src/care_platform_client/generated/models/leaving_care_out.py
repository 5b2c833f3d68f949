from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.care_leaver_category import CareLeaverCategory

T = TypeVar("T", bound="LeavingCareOut")


@_attrs_define
class LeavingCareOut:
    """
    Attributes:
        left_care_on (datetime.date):
        category_override (CareLeaverCategory | None):
        category (CareLeaverCategory | None): The category as of `as_of`
        in_education_or_training (bool):
        education_or_training_recorded_on (datetime.date | None):
        version (int):
        updated_at (datetime.datetime):
    """

    left_care_on: datetime.date
    category_override: CareLeaverCategory | None
    category: CareLeaverCategory | None
    in_education_or_training: bool
    education_or_training_recorded_on: datetime.date | None
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        left_care_on = self.left_care_on.isoformat()

        category_override: None | str
        if isinstance(self.category_override, CareLeaverCategory):
            category_override = self.category_override.value
        else:
            category_override = self.category_override

        category: None | str
        if isinstance(self.category, CareLeaverCategory):
            category = self.category.value
        else:
            category = self.category

        in_education_or_training = self.in_education_or_training

        education_or_training_recorded_on: None | str
        if isinstance(self.education_or_training_recorded_on, datetime.date):
            education_or_training_recorded_on = (
                self.education_or_training_recorded_on.isoformat()
            )
        else:
            education_or_training_recorded_on = self.education_or_training_recorded_on

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "left_care_on": left_care_on,
                "category_override": category_override,
                "category": category,
                "in_education_or_training": in_education_or_training,
                "education_or_training_recorded_on": education_or_training_recorded_on,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        left_care_on = datetime.date.fromisoformat(d.pop("left_care_on"))

        def _parse_category_override(data: object) -> CareLeaverCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_override_type_0 = CareLeaverCategory(data)

                return category_override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLeaverCategory | None, data)

        category_override = _parse_category_override(d.pop("category_override"))

        def _parse_category(data: object) -> CareLeaverCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = CareLeaverCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLeaverCategory | None, data)

        category = _parse_category(d.pop("category"))

        in_education_or_training = d.pop("in_education_or_training")

        def _parse_education_or_training_recorded_on(
            data: object,
        ) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                education_or_training_recorded_on_type_0 = datetime.date.fromisoformat(
                    data
                )

                return education_or_training_recorded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        education_or_training_recorded_on = _parse_education_or_training_recorded_on(
            d.pop("education_or_training_recorded_on")
        )

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        leaving_care_out = cls(
            left_care_on=left_care_on,
            category_override=category_override,
            category=category,
            in_education_or_training=in_education_or_training,
            education_or_training_recorded_on=education_or_training_recorded_on,
            version=version,
            updated_at=updated_at,
        )

        leaving_care_out.additional_properties = d
        return leaving_care_out

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
