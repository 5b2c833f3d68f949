from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_status import BatchStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_receipt import EventReceipt
    from ..models.problem import Problem


T = TypeVar("T", bound="BatchReceipt")


@_attrs_define
class BatchReceipt:
    """The answer for one event of a batch, at its position in the batch.

    Attributes:
        index (int): The event's position in the batch, from 0
        id (None | str): The event's id (null when the event has none)
        status (BatchStatus): What became of one event of a batch.
        receipt (EventReceipt | None | Unset): Accepted or duplicate: what a single post would answer
        problem (None | Problem | Unset): Refused: the 422 problem a single post would answer; each field is named from
            the batch, its position first (`2.data.start_date`)
    """

    index: int
    id: None | str
    status: BatchStatus
    receipt: EventReceipt | None | Unset = UNSET
    problem: None | Problem | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_receipt import EventReceipt
        from ..models.problem import Problem

        index = self.index

        id: None | str
        id = self.id

        status = self.status.value

        receipt: dict[str, Any] | None | Unset
        if isinstance(self.receipt, Unset):
            receipt = UNSET
        elif isinstance(self.receipt, EventReceipt):
            receipt = self.receipt.to_dict()
        else:
            receipt = self.receipt

        problem: dict[str, Any] | None | Unset
        if isinstance(self.problem, Unset):
            problem = UNSET
        elif isinstance(self.problem, Problem):
            problem = self.problem.to_dict()
        else:
            problem = self.problem

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "id": id,
                "status": status,
            }
        )
        if receipt is not UNSET:
            field_dict["receipt"] = receipt
        if problem is not UNSET:
            field_dict["problem"] = problem

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_receipt import EventReceipt
        from ..models.problem import Problem

        d = dict(src_dict)
        index = d.pop("index")

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        status = BatchStatus(d.pop("status"))

        def _parse_receipt(data: object) -> EventReceipt | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                receipt_type_0 = EventReceipt.from_dict(data)

                return receipt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventReceipt | None | Unset, data)

        receipt = _parse_receipt(d.pop("receipt", UNSET))

        def _parse_problem(data: object) -> None | Problem | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                problem_type_0 = Problem.from_dict(data)

                return problem_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Problem | Unset, data)

        problem = _parse_problem(d.pop("problem", UNSET))

        batch_receipt = cls(
            index=index,
            id=id,
            status=status,
            receipt=receipt,
            problem=problem,
        )

        batch_receipt.additional_properties = d
        return batch_receipt

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
