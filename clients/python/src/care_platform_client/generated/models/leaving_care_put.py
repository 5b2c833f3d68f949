from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.care_leaver_category import CareLeaverCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="LeavingCarePut")


@_attrs_define
class LeavingCarePut:
    """The whole leaving-care record (a PUT: an omitted field takes its default).

    Attributes:
        left_care_on (datetime.date):
        category (CareLeaverCategory | None | Unset): An explicit category, replacing what the history shows (audited)
        in_education_or_training (bool | Unset): The authority records that the care leaver is in education or training
            (Children Act 1989 s.24B): a qualifying care leaver stays in scope from 21 to 25 only so (s.24(1B)(a):
            qualifying ends at 21) Default: False.
        education_or_training_recorded_on (datetime.date | None | Unset): The day the authority recorded the answer;
            required when `in_education_or_training` is true; not in the future nor before the date of birth. A lookup as of
            an earlier day does not see it
    """

    left_care_on: datetime.date
    category: CareLeaverCategory | None | Unset = UNSET
    in_education_or_training: bool | Unset = False
    education_or_training_recorded_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        left_care_on = self.left_care_on.isoformat()

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, CareLeaverCategory):
            category = self.category.value
        else:
            category = self.category

        in_education_or_training = self.in_education_or_training

        education_or_training_recorded_on: None | str | Unset
        if isinstance(self.education_or_training_recorded_on, Unset):
            education_or_training_recorded_on = UNSET
        elif isinstance(self.education_or_training_recorded_on, datetime.date):
            education_or_training_recorded_on = (
                self.education_or_training_recorded_on.isoformat()
            )
        else:
            education_or_training_recorded_on = self.education_or_training_recorded_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "left_care_on": left_care_on,
            }
        )
        if category is not UNSET:
            field_dict["category"] = category
        if in_education_or_training is not UNSET:
            field_dict["in_education_or_training"] = in_education_or_training
        if education_or_training_recorded_on is not UNSET:
            field_dict["education_or_training_recorded_on"] = (
                education_or_training_recorded_on
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        left_care_on = datetime.date.fromisoformat(d.pop("left_care_on"))

        def _parse_category(data: object) -> CareLeaverCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = CareLeaverCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CareLeaverCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        in_education_or_training = d.pop("in_education_or_training", UNSET)

        def _parse_education_or_training_recorded_on(
            data: object,
        ) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
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
            return cast(datetime.date | None | Unset, data)

        education_or_training_recorded_on = _parse_education_or_training_recorded_on(
            d.pop("education_or_training_recorded_on", UNSET)
        )

        leaving_care_put = cls(
            left_care_on=left_care_on,
            category=category,
            in_education_or_training=in_education_or_training,
            education_or_training_recorded_on=education_or_training_recorded_on,
        )

        return leaving_care_put
