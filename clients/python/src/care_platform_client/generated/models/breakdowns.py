from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdowns_age_band import BreakdownsAgeBand
    from ..models.breakdowns_ethnicity import BreakdownsEthnicity
    from ..models.breakdowns_out_of_area import BreakdownsOutOfArea
    from ..models.breakdowns_placement_type import BreakdownsPlacementType
    from ..models.breakdowns_send_or_disability import BreakdownsSendOrDisability
    from ..models.breakdowns_sex import BreakdownsSex
    from ..models.breakdowns_uasc import BreakdownsUasc


T = TypeVar("T", bound="Breakdowns")


@_attrs_define
class Breakdowns:
    """Counts by category; categories with no incident are left out.

    Attributes:
        placement_type (BreakdownsPlacementType):
        out_of_area (BreakdownsOutOfArea):
        age_band (BreakdownsAgeBand):
        sex (BreakdownsSex): As reported by the recorder on the incident
        ethnicity (BreakdownsEthnicity): As reported by the recorder on the incident
        send_or_disability (BreakdownsSendOrDisability): SEND / disability as reported by the recorder on the incident
        uasc (BreakdownsUasc): Unaccompanied asylum-seeking child (`uasc`, `not_uasc`), from the status facts
    """

    placement_type: BreakdownsPlacementType
    out_of_area: BreakdownsOutOfArea
    age_band: BreakdownsAgeBand
    sex: BreakdownsSex
    ethnicity: BreakdownsEthnicity
    send_or_disability: BreakdownsSendOrDisability
    uasc: BreakdownsUasc
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        placement_type = self.placement_type.to_dict()

        out_of_area = self.out_of_area.to_dict()

        age_band = self.age_band.to_dict()

        sex = self.sex.to_dict()

        ethnicity = self.ethnicity.to_dict()

        send_or_disability = self.send_or_disability.to_dict()

        uasc = self.uasc.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "placement_type": placement_type,
                "out_of_area": out_of_area,
                "age_band": age_band,
                "sex": sex,
                "ethnicity": ethnicity,
                "send_or_disability": send_or_disability,
                "uasc": uasc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.breakdowns_age_band import BreakdownsAgeBand
        from ..models.breakdowns_ethnicity import BreakdownsEthnicity
        from ..models.breakdowns_out_of_area import BreakdownsOutOfArea
        from ..models.breakdowns_placement_type import BreakdownsPlacementType
        from ..models.breakdowns_send_or_disability import BreakdownsSendOrDisability
        from ..models.breakdowns_sex import BreakdownsSex
        from ..models.breakdowns_uasc import BreakdownsUasc

        d = dict(src_dict)
        placement_type = BreakdownsPlacementType.from_dict(d.pop("placement_type"))

        out_of_area = BreakdownsOutOfArea.from_dict(d.pop("out_of_area"))

        age_band = BreakdownsAgeBand.from_dict(d.pop("age_band"))

        sex = BreakdownsSex.from_dict(d.pop("sex"))

        ethnicity = BreakdownsEthnicity.from_dict(d.pop("ethnicity"))

        send_or_disability = BreakdownsSendOrDisability.from_dict(
            d.pop("send_or_disability")
        )

        uasc = BreakdownsUasc.from_dict(d.pop("uasc"))

        breakdowns = cls(
            placement_type=placement_type,
            out_of_area=out_of_area,
            age_band=age_band,
            sex=sex,
            ethnicity=ethnicity,
            send_or_disability=send_or_disability,
            uasc=uasc,
        )

        breakdowns.additional_properties = d
        return breakdowns

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
