from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.batch_receipt import BatchReceipt


T = TypeVar("T", bound="BatchReceipts")


@_attrs_define
class BatchReceipts:
    """The answer to a batch: one receipt per event, in the batch's order.

    Attributes:
        accepted (int):
        duplicates (int):
        refused (int):
        receipts (list[BatchReceipt]):
    """

    accepted: int
    duplicates: int
    refused: int
    receipts: list[BatchReceipt]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        duplicates = self.duplicates

        refused = self.refused

        receipts = []
        for receipts_item_data in self.receipts:
            receipts_item = receipts_item_data.to_dict()
            receipts.append(receipts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "duplicates": duplicates,
                "refused": refused,
                "receipts": receipts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.batch_receipt import BatchReceipt

        d = dict(src_dict)
        accepted = d.pop("accepted")

        duplicates = d.pop("duplicates")

        refused = d.pop("refused")

        receipts = []
        _receipts = d.pop("receipts")
        for receipts_item_data in _receipts:
            receipts_item = BatchReceipt.from_dict(receipts_item_data)

            receipts.append(receipts_item)

        batch_receipts = cls(
            accepted=accepted,
            duplicates=duplicates,
            refused=refused,
            receipts=receipts,
        )

        batch_receipts.additional_properties = d
        return batch_receipts

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
