from __future__ import annotations

import datetime
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

from ..models.cloud_event_datacontenttype_type_0 import CloudEventDatacontenttypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cloud_event_data_type_0 import CloudEventDataType0


T = TypeVar("T", bound="CloudEvent")


@_attrs_define
class CloudEvent:
    """A CloudEvents 1.0 JSON event; extension attributes are allowed.

    Attributes:
        specversion (Literal['1.0']):
        id (str): Stable across retries
        source (str):
        type_ (str):
        time (datetime.datetime):
        subject (None | str | Unset): The person_ref
        datacontenttype (CloudEventDatacontenttypeType0 | None | Unset):
        dataschema (None | str | Unset):
        data (CloudEventDataType0 | None | Unset):
    """

    specversion: Literal["1.0"]
    id: str
    source: str
    type_: str
    time: datetime.datetime
    subject: None | str | Unset = UNSET
    datacontenttype: CloudEventDatacontenttypeType0 | None | Unset = UNSET
    dataschema: None | str | Unset = UNSET
    data: CloudEventDataType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.cloud_event_data_type_0 import CloudEventDataType0

        specversion = self.specversion

        id = self.id

        source = self.source

        type_ = self.type_

        time = self.time.isoformat()

        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        datacontenttype: None | str | Unset
        if isinstance(self.datacontenttype, Unset):
            datacontenttype = UNSET
        elif isinstance(self.datacontenttype, CloudEventDatacontenttypeType0):
            datacontenttype = self.datacontenttype.value
        else:
            datacontenttype = self.datacontenttype

        dataschema: None | str | Unset
        if isinstance(self.dataschema, Unset):
            dataschema = UNSET
        else:
            dataschema = self.dataschema

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, CloudEventDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "specversion": specversion,
                "id": id,
                "source": source,
                "type": type_,
                "time": time,
            }
        )
        if subject is not UNSET:
            field_dict["subject"] = subject
        if datacontenttype is not UNSET:
            field_dict["datacontenttype"] = datacontenttype
        if dataschema is not UNSET:
            field_dict["dataschema"] = dataschema
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cloud_event_data_type_0 import CloudEventDataType0

        d = dict(src_dict)
        specversion = cast(Literal["1.0"], d.pop("specversion"))
        if specversion != "1.0":
            raise ValueError(f"specversion must match const '1.0', got '{specversion}'")

        id = d.pop("id")

        source = d.pop("source")

        type_ = d.pop("type")

        time = datetime.datetime.fromisoformat(d.pop("time"))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        def _parse_datacontenttype(
            data: object,
        ) -> CloudEventDatacontenttypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                datacontenttype_type_0 = CloudEventDatacontenttypeType0(data)

                return datacontenttype_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CloudEventDatacontenttypeType0 | None | Unset, data)

        datacontenttype = _parse_datacontenttype(d.pop("datacontenttype", UNSET))

        def _parse_dataschema(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dataschema = _parse_dataschema(d.pop("dataschema", UNSET))

        def _parse_data(data: object) -> CloudEventDataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = CloudEventDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CloudEventDataType0 | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        cloud_event = cls(
            specversion=specversion,
            id=id,
            source=source,
            type_=type_,
            time=time,
            subject=subject,
            datacontenttype=datacontenttype,
            dataschema=dataschema,
            data=data,
        )

        cloud_event.additional_properties = d
        return cloud_event

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
