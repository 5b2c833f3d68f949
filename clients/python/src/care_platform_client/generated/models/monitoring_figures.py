from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authority_relation import AuthorityRelation

if TYPE_CHECKING:
    from ..models.checklist_figures import ChecklistFigures
    from ..models.measure_figures import MeasureFigures
    from ..models.monitoring_figures_records_by_kind import (
        MonitoringFiguresRecordsByKind,
    )
    from ..models.notification_figures import NotificationFigures
    from ..models.report_period import ReportPeriod


T = TypeVar("T", bound="MonitoringFigures")


@_attrs_define
class MonitoringFigures:
    """The protocols' monitoring figures for one authority and period.

    Attributes:
        authority (str):
        relation (AuthorityRelation): Which incidents of an authority: of children it is responsible for, placed in its
            area, or either.
        period (ReportPeriod):
        generated_at (datetime.datetime):
        incidents_counted (int): Incidents with a decision record in the period
        measures (list[MeasureFigures]):
        records_by_kind (MonitoringFiguresRecordsByKind): All records in the period by kind, police contact records
            included
        cps_checklists (ChecklistFigures): CPS checklists due in the period (police involved) and whether sections 1-8
            were
            written within 24 hours of police involvement.
        notifications (NotificationFigures):
    """

    authority: str
    relation: AuthorityRelation
    period: ReportPeriod
    generated_at: datetime.datetime
    incidents_counted: int
    measures: list[MeasureFigures]
    records_by_kind: MonitoringFiguresRecordsByKind
    cps_checklists: ChecklistFigures
    notifications: NotificationFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        authority = self.authority

        relation = self.relation.value

        period = self.period.to_dict()

        generated_at = self.generated_at.isoformat()

        incidents_counted = self.incidents_counted

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        records_by_kind = self.records_by_kind.to_dict()

        cps_checklists = self.cps_checklists.to_dict()

        notifications = self.notifications.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authority": authority,
                "relation": relation,
                "period": period,
                "generated_at": generated_at,
                "incidents_counted": incidents_counted,
                "measures": measures,
                "records_by_kind": records_by_kind,
                "cps_checklists": cps_checklists,
                "notifications": notifications,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.checklist_figures import ChecklistFigures
        from ..models.measure_figures import MeasureFigures
        from ..models.monitoring_figures_records_by_kind import (
            MonitoringFiguresRecordsByKind,
        )
        from ..models.notification_figures import NotificationFigures
        from ..models.report_period import ReportPeriod

        d = dict(src_dict)
        authority = d.pop("authority")

        relation = AuthorityRelation(d.pop("relation"))

        period = ReportPeriod.from_dict(d.pop("period"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        incidents_counted = d.pop("incidents_counted")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MeasureFigures.from_dict(measures_item_data)

            measures.append(measures_item)

        records_by_kind = MonitoringFiguresRecordsByKind.from_dict(
            d.pop("records_by_kind")
        )

        cps_checklists = ChecklistFigures.from_dict(d.pop("cps_checklists"))

        notifications = NotificationFigures.from_dict(d.pop("notifications"))

        monitoring_figures = cls(
            authority=authority,
            relation=relation,
            period=period,
            generated_at=generated_at,
            incidents_counted=incidents_counted,
            measures=measures,
            records_by_kind=records_by_kind,
            cps_checklists=cps_checklists,
            notifications=notifications,
        )

        monitoring_figures.additional_properties = d
        return monitoring_figures

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
