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

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proof_content import ProofContent

if TYPE_CHECKING:
    from ..models.bundle_leaf import BundleLeaf
    from ..models.step import Step


T = TypeVar("T", bound="ProofBundle")


@_attrs_define
class ProofBundle:
    """A notification's steps, their inclusion proofs and the checkpoint they lead to.

    Attributes:
        format_ (Literal['notification-proof-bundle/v1']):
        notification_id (str):
        checkpoint (None | str): The C2SP signed note of the tree's head
        tree_size (int):
        leaves (list[BundleLeaf]):
        pending (list[Step]): Steps logged after the checkpoint (next one)
        provable (list[Step]): What the proofs establish: each step and its time
        content (ProofContent): Whether the notification's personal data is still held, or purged past retention.
    """

    format_: Literal["notification-proof-bundle/v1"]
    notification_id: str
    checkpoint: None | str
    tree_size: int
    leaves: list[BundleLeaf]
    pending: list[Step]
    provable: list[Step]
    content: ProofContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        notification_id = self.notification_id

        checkpoint: None | str
        checkpoint = self.checkpoint

        tree_size = self.tree_size

        leaves = []
        for leaves_item_data in self.leaves:
            leaves_item = leaves_item_data.to_dict()
            leaves.append(leaves_item)

        pending = []
        for pending_item_data in self.pending:
            pending_item = pending_item_data.to_dict()
            pending.append(pending_item)

        provable = []
        for provable_item_data in self.provable:
            provable_item = provable_item_data.to_dict()
            provable.append(provable_item)

        content = self.content.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "format": format_,
                "notification_id": notification_id,
                "checkpoint": checkpoint,
                "tree_size": tree_size,
                "leaves": leaves,
                "pending": pending,
                "provable": provable,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.bundle_leaf import BundleLeaf
        from ..models.step import Step

        d = dict(src_dict)
        format_ = cast(Literal["notification-proof-bundle/v1"], d.pop("format"))
        if format_ != "notification-proof-bundle/v1":
            raise ValueError(
                f"format must match const 'notification-proof-bundle/v1', got '{format_}'"
            )

        notification_id = d.pop("notification_id")

        def _parse_checkpoint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        checkpoint = _parse_checkpoint(d.pop("checkpoint"))

        tree_size = d.pop("tree_size")

        leaves = []
        _leaves = d.pop("leaves")
        for leaves_item_data in _leaves:
            leaves_item = BundleLeaf.from_dict(leaves_item_data)

            leaves.append(leaves_item)

        pending = []
        _pending = d.pop("pending")
        for pending_item_data in _pending:
            pending_item = Step.from_dict(pending_item_data)

            pending.append(pending_item)

        provable = []
        _provable = d.pop("provable")
        for provable_item_data in _provable:
            provable_item = Step.from_dict(provable_item_data)

            provable.append(provable_item)

        content = ProofContent(d.pop("content"))

        proof_bundle = cls(
            format_=format_,
            notification_id=notification_id,
            checkpoint=checkpoint,
            tree_size=tree_size,
            leaves=leaves,
            pending=pending,
            provable=provable,
            content=content,
        )

        proof_bundle.additional_properties = d
        return proof_bundle

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
