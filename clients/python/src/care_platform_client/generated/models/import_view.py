from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_counts import ImportCounts
    from ..models.import_progress import ImportProgress
    from ..models.report_line import ReportLine


T = TypeVar("T", bound="ImportView")


@_attrs_define
class ImportView:
    """
    Attributes:
        id (UUID):
        authority (str):
        collection_year (str):
        status (str): queued, validating, loading, done, failed
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        failure (None | str):
        progress (ImportProgress):
        counts (ImportCounts):
        report (list[ReportLine]):
    """

    id: UUID
    authority: str
    collection_year: str
    status: str
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    failure: None | str
    progress: ImportProgress
    counts: ImportCounts
    report: list[ReportLine]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        authority = self.authority

        collection_year = self.collection_year

        status = self.status

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        failure: None | str
        failure = self.failure

        progress = self.progress.to_dict()

        counts = self.counts.to_dict()

        report = []
        for report_item_data in self.report:
            report_item = report_item_data.to_dict()
            report.append(report_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "authority": authority,
                "collection_year": collection_year,
                "status": status,
                "created_at": created_at,
                "finished_at": finished_at,
                "failure": failure,
                "progress": progress,
                "counts": counts,
                "report": report,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.import_counts import ImportCounts
        from ..models.import_progress import ImportProgress
        from ..models.report_line import ReportLine

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        authority = d.pop("authority")

        collection_year = d.pop("collection_year")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_failure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure = _parse_failure(d.pop("failure"))

        progress = ImportProgress.from_dict(d.pop("progress"))

        counts = ImportCounts.from_dict(d.pop("counts"))

        report = []
        _report = d.pop("report")
        for report_item_data in _report:
            report_item = ReportLine.from_dict(report_item_data)

            report.append(report_item)

        import_view = cls(
            id=id,
            authority=authority,
            collection_year=collection_year,
            status=status,
            created_at=created_at,
            finished_at=finished_at,
            failure=failure,
            progress=progress,
            counts=counts,
            report=report,
        )

        import_view.additional_properties = d
        return import_view

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
