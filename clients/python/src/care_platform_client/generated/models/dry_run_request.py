from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.dry_run_request_specversion_type_0 import DryRunRequestSpecversionType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dry_run_request_data_type_0 import DryRunRequestDataType0
    from ..models.dry_run_request_dates_type_0 import DryRunRequestDatesType0
    from ..models.dry_run_request_facts_type_0 import DryRunRequestFactsType0


T = TypeVar("T", bound="DryRunRequest")


@_attrs_define
class DryRunRequest:
    """An event as it would be posted to `POST /v1/events` (CloudEvents attributes, `data`),
    or a simpler form: its `type`, the status `facts` and the event's `dates`.

        Attributes:
            type_ (str):
            time (datetime.datetime | None | Unset): When it happened (default: now); ISO 8601 with an offset
            data (DryRunRequestDataType0 | None | Unset): The event's data, as posted
            facts (DryRunRequestFactsType0 | None | Unset): The status facts block (docs/events.md), instead of `data`
            dates (DryRunRequestDatesType0 | None | Unset): The event's dates by field (`start_date`, `release_date`), with
                `facts`
            id (None | str | Unset):
            source (None | str | Unset):
            specversion (DryRunRequestSpecversionType0 | None | Unset):
            subject (None | str | Unset):
            datacontenttype (None | str | Unset):
    """

    type_: str
    time: datetime.datetime | None | Unset = UNSET
    data: DryRunRequestDataType0 | None | Unset = UNSET
    facts: DryRunRequestFactsType0 | None | Unset = UNSET
    dates: DryRunRequestDatesType0 | None | Unset = UNSET
    id: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    specversion: DryRunRequestSpecversionType0 | None | Unset = UNSET
    subject: None | str | Unset = UNSET
    datacontenttype: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.dry_run_request_data_type_0 import DryRunRequestDataType0
        from ..models.dry_run_request_dates_type_0 import DryRunRequestDatesType0
        from ..models.dry_run_request_facts_type_0 import DryRunRequestFactsType0

        type_ = self.type_

        time: None | str | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        elif isinstance(self.time, datetime.datetime):
            time = self.time.isoformat()
        else:
            time = self.time

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, DryRunRequestDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        facts: dict[str, Any] | None | Unset
        if isinstance(self.facts, Unset):
            facts = UNSET
        elif isinstance(self.facts, DryRunRequestFactsType0):
            facts = self.facts.to_dict()
        else:
            facts = self.facts

        dates: dict[str, Any] | None | Unset
        if isinstance(self.dates, Unset):
            dates = UNSET
        elif isinstance(self.dates, DryRunRequestDatesType0):
            dates = self.dates.to_dict()
        else:
            dates = self.dates

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        specversion: None | str | Unset
        if isinstance(self.specversion, Unset):
            specversion = UNSET
        elif isinstance(self.specversion, DryRunRequestSpecversionType0):
            specversion = self.specversion.value
        else:
            specversion = self.specversion

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        datacontenttype: None | str | Unset
        if isinstance(self.datacontenttype, Unset):
            datacontenttype = UNSET
        else:
            datacontenttype = self.datacontenttype

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if time is not UNSET:
            field_dict["time"] = time
        if data is not UNSET:
            field_dict["data"] = data
        if facts is not UNSET:
            field_dict["facts"] = facts
        if dates is not UNSET:
            field_dict["dates"] = dates
        if id is not UNSET:
            field_dict["id"] = id
        if source is not UNSET:
            field_dict["source"] = source
        if specversion is not UNSET:
            field_dict["specversion"] = specversion
        if subject is not UNSET:
            field_dict["subject"] = subject
        if datacontenttype is not UNSET:
            field_dict["datacontenttype"] = datacontenttype

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dry_run_request_data_type_0 import DryRunRequestDataType0
        from ..models.dry_run_request_dates_type_0 import DryRunRequestDatesType0
        from ..models.dry_run_request_facts_type_0 import DryRunRequestFactsType0

        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_type_0 = datetime.datetime.fromisoformat(data)

                return time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time = _parse_time(d.pop("time", UNSET))

        def _parse_data(data: object) -> DryRunRequestDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = DryRunRequestDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DryRunRequestDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_facts(data: object) -> DryRunRequestFactsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facts_type_0 = DryRunRequestFactsType0.from_dict(data)

                return facts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DryRunRequestFactsType0 | None | Unset, data)

        facts = _parse_facts(d.pop("facts", UNSET))

        def _parse_dates(data: object) -> DryRunRequestDatesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                dates_type_0 = DryRunRequestDatesType0.from_dict(data)

                return dates_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DryRunRequestDatesType0 | None | Unset, data)

        dates = _parse_dates(d.pop("dates", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_specversion(
            data: object,
        ) -> DryRunRequestSpecversionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                specversion_type_0 = DryRunRequestSpecversionType0(data)

                return specversion_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DryRunRequestSpecversionType0 | None | Unset, data)

        specversion = _parse_specversion(d.pop("specversion", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_datacontenttype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        datacontenttype = _parse_datacontenttype(d.pop("datacontenttype", UNSET))

        dry_run_request = cls(
            type_=type_,
            time=time,
            data=data,
            facts=facts,
            dates=dates,
            id=id,
            source=source,
            specversion=specversion,
            subject=subject,
            datacontenttype=datacontenttype,
        )

        return dry_run_request
