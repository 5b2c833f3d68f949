from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RuleFigures")


@_attrs_define
class RuleFigures:
    """Counts of one rule's notifications concerning the organisation.

    Attributes:
        rule (str):
        basis (str):
        notifications (int): Required by the rule (withheld ones excluded)
        acknowledged_on_time (int):
        acknowledged_late (int):
        open_ (int): Not yet acknowledged, deadline not passed
        overdue (int): Deadline passed, not acknowledged
        withheld (int): Not sent because a rule said not to (no consent)
        breaches (int): Statutory deadlines missed
        escalations (int):
        deliveries_failed (int): Pushes that ended `failed`
        imported (int | Unset): Duties of an import's history (SSDA903): already past on the day of the import, so never
            notified, and counted neither late nor as breaches Default: 0.
    """

    rule: str
    basis: str
    notifications: int
    acknowledged_on_time: int
    acknowledged_late: int
    open_: int
    overdue: int
    withheld: int
    breaches: int
    escalations: int
    deliveries_failed: int
    imported: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        basis = self.basis

        notifications = self.notifications

        acknowledged_on_time = self.acknowledged_on_time

        acknowledged_late = self.acknowledged_late

        open_ = self.open_

        overdue = self.overdue

        withheld = self.withheld

        breaches = self.breaches

        escalations = self.escalations

        deliveries_failed = self.deliveries_failed

        imported = self.imported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "basis": basis,
                "notifications": notifications,
                "acknowledged_on_time": acknowledged_on_time,
                "acknowledged_late": acknowledged_late,
                "open": open_,
                "overdue": overdue,
                "withheld": withheld,
                "breaches": breaches,
                "escalations": escalations,
                "deliveries_failed": deliveries_failed,
            }
        )
        if imported is not UNSET:
            field_dict["imported"] = imported

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rule = d.pop("rule")

        basis = d.pop("basis")

        notifications = d.pop("notifications")

        acknowledged_on_time = d.pop("acknowledged_on_time")

        acknowledged_late = d.pop("acknowledged_late")

        open_ = d.pop("open")

        overdue = d.pop("overdue")

        withheld = d.pop("withheld")

        breaches = d.pop("breaches")

        escalations = d.pop("escalations")

        deliveries_failed = d.pop("deliveries_failed")

        imported = d.pop("imported", UNSET)

        rule_figures = cls(
            rule=rule,
            basis=basis,
            notifications=notifications,
            acknowledged_on_time=acknowledged_on_time,
            acknowledged_late=acknowledged_late,
            open_=open_,
            overdue=overdue,
            withheld=withheld,
            breaches=breaches,
            escalations=escalations,
            deliveries_failed=deliveries_failed,
            imported=imported,
        )

        rule_figures.additional_properties = d
        return rule_figures

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
