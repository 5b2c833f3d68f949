from __future__ import annotations

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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.authority_ref import AuthorityRef
    from ..models.placement_out import PlacementOut


T = TypeVar("T", bound="PlacedChildView")


@_attrs_define
class PlacedChildView:
    """What an area authority sees of a child placed in its area: placement facts only.

    Attributes:
        id (UUID):
        person_ref (str):
        responsible_authority (AuthorityRef): A local authority, by ONS GSS code, with its name.
        placements (list[PlacementOut]): The placements in the caller's area
        view (Literal['placement'] | Unset):  Default: 'placement'.
    """

    id: UUID
    person_ref: str
    responsible_authority: AuthorityRef
    placements: list[PlacementOut]
    view: Literal["placement"] | Unset = "placement"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_ref = self.person_ref

        responsible_authority = self.responsible_authority.to_dict()

        placements = []
        for placements_item_data in self.placements:
            placements_item = placements_item_data.to_dict()
            placements.append(placements_item)

        view = self.view

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_ref": person_ref,
                "responsible_authority": responsible_authority,
                "placements": placements,
            }
        )
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.authority_ref import AuthorityRef
        from ..models.placement_out import PlacementOut

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_ref = d.pop("person_ref")

        responsible_authority = AuthorityRef.from_dict(d.pop("responsible_authority"))

        placements = []
        _placements = d.pop("placements")
        for placements_item_data in _placements:
            placements_item = PlacementOut.from_dict(placements_item_data)

            placements.append(placements_item)

        view = cast(Literal["placement"] | Unset, d.pop("view", UNSET))
        if view != "placement" and not isinstance(view, Unset):
            raise ValueError(f"view must match const 'placement', got '{view}'")

        placed_child_view = cls(
            id=id,
            person_ref=person_ref,
            responsible_authority=responsible_authority,
            placements=placements,
            view=view,
        )

        placed_child_view.additional_properties = d
        return placed_child_view

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
