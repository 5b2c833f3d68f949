from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.delivery_counts import DeliveryCounts
    from ..models.failure_streak import FailureStreak


T = TypeVar("T", bound="EndpointStats")


@_attrs_define
class EndpointStats:
    """How an endpoint is doing: deliveries over a period, last success, failure streak.

    Attributes:
        endpoint_id (UUID):
        since (datetime.datetime):
        until (datetime.datetime):
        deliveries (DeliveryCounts): Deliveries made in the period, by status.
        last_success_at (datetime.datetime | None):
        failure_streak (FailureStreak): The attempts not accepted since the last accepted one.
        disable_at (datetime.datetime | None): When the endpoint will be disabled if nothing is accepted before
    """

    endpoint_id: UUID
    since: datetime.datetime
    until: datetime.datetime
    deliveries: DeliveryCounts
    last_success_at: datetime.datetime | None
    failure_streak: FailureStreak
    disable_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoint_id = str(self.endpoint_id)

        since = self.since.isoformat()

        until = self.until.isoformat()

        deliveries = self.deliveries.to_dict()

        last_success_at: None | str
        if isinstance(self.last_success_at, datetime.datetime):
            last_success_at = self.last_success_at.isoformat()
        else:
            last_success_at = self.last_success_at

        failure_streak = self.failure_streak.to_dict()

        disable_at: None | str
        if isinstance(self.disable_at, datetime.datetime):
            disable_at = self.disable_at.isoformat()
        else:
            disable_at = self.disable_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "since": since,
                "until": until,
                "deliveries": deliveries,
                "last_success_at": last_success_at,
                "failure_streak": failure_streak,
                "disable_at": disable_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery_counts import DeliveryCounts
        from ..models.failure_streak import FailureStreak

        d = dict(src_dict)
        endpoint_id = UUID(d.pop("endpoint_id"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        deliveries = DeliveryCounts.from_dict(d.pop("deliveries"))

        def _parse_last_success_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_success_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_success_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at"))

        failure_streak = FailureStreak.from_dict(d.pop("failure_streak"))

        def _parse_disable_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disable_at_type_0 = datetime.datetime.fromisoformat(data)

                return disable_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        disable_at = _parse_disable_at(d.pop("disable_at"))

        endpoint_stats = cls(
            endpoint_id=endpoint_id,
            since=since,
            until=until,
            deliveries=deliveries,
            last_success_at=last_success_at,
            failure_streak=failure_streak,
            disable_at=disable_at,
        )

        endpoint_stats.additional_properties = d
        return endpoint_stats

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
