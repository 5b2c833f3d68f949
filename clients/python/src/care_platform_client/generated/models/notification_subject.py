from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipient import Recipient


T = TypeVar("T", bound="NotificationSubject")


@_attrs_define
class NotificationSubject:
    """The minimum the recipient needs about the person (never a name or date of birth).

    Attributes:
        person_ref (None | str | Unset):
        status (None | str | Unset):
        care_leaver_category (None | str | Unset):
        age_band (None | str | Unset):
        responsible_authority (None | str | Unset):
        area_authority (None | str | Unset):
        placed_out_of_area (bool | None | Unset):
        placement_id (None | str | Unset):
        placement_type (None | str | Unset):
        start_date (datetime.date | None | Unset):
        emergency (bool | None | Unset):
        incident_id (None | str | Unset):
        kind (None | str | Unset):
        setting (None | str | Unset):
        occurred_at (datetime.datetime | None | Unset):
        detained_at (datetime.datetime | None | Unset):
        custody_suite (None | str | Unset):
        sentenced_on (datetime.date | None | Unset):
        expected_release_date (datetime.date | None | Unset):
        release_date (datetime.date | None | Unset):
        escalated_rule (None | str | Unset):
        escalated_recipient (None | Recipient | Unset):
        escalated_due_at (datetime.datetime | None | Unset):
        notification_id (None | Unset | UUID):
        endpoint_id (None | Unset | UUID):
        reason (None | str | Unset):
        event_id (None | str | Unset):
        event_type (None | str | Unset):
        reasons (list[str] | None | Unset):
    """

    person_ref: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    care_leaver_category: None | str | Unset = UNSET
    age_band: None | str | Unset = UNSET
    responsible_authority: None | str | Unset = UNSET
    area_authority: None | str | Unset = UNSET
    placed_out_of_area: bool | None | Unset = UNSET
    placement_id: None | str | Unset = UNSET
    placement_type: None | str | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    emergency: bool | None | Unset = UNSET
    incident_id: None | str | Unset = UNSET
    kind: None | str | Unset = UNSET
    setting: None | str | Unset = UNSET
    occurred_at: datetime.datetime | None | Unset = UNSET
    detained_at: datetime.datetime | None | Unset = UNSET
    custody_suite: None | str | Unset = UNSET
    sentenced_on: datetime.date | None | Unset = UNSET
    expected_release_date: datetime.date | None | Unset = UNSET
    release_date: datetime.date | None | Unset = UNSET
    escalated_rule: None | str | Unset = UNSET
    escalated_recipient: None | Recipient | Unset = UNSET
    escalated_due_at: datetime.datetime | None | Unset = UNSET
    notification_id: None | Unset | UUID = UNSET
    endpoint_id: None | Unset | UUID = UNSET
    reason: None | str | Unset = UNSET
    event_id: None | str | Unset = UNSET
    event_type: None | str | Unset = UNSET
    reasons: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.recipient import Recipient

        person_ref: None | str | Unset
        if isinstance(self.person_ref, Unset):
            person_ref = UNSET
        else:
            person_ref = self.person_ref

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        care_leaver_category: None | str | Unset
        if isinstance(self.care_leaver_category, Unset):
            care_leaver_category = UNSET
        else:
            care_leaver_category = self.care_leaver_category

        age_band: None | str | Unset
        if isinstance(self.age_band, Unset):
            age_band = UNSET
        else:
            age_band = self.age_band

        responsible_authority: None | str | Unset
        if isinstance(self.responsible_authority, Unset):
            responsible_authority = UNSET
        else:
            responsible_authority = self.responsible_authority

        area_authority: None | str | Unset
        if isinstance(self.area_authority, Unset):
            area_authority = UNSET
        else:
            area_authority = self.area_authority

        placed_out_of_area: bool | None | Unset
        if isinstance(self.placed_out_of_area, Unset):
            placed_out_of_area = UNSET
        else:
            placed_out_of_area = self.placed_out_of_area

        placement_id: None | str | Unset
        if isinstance(self.placement_id, Unset):
            placement_id = UNSET
        else:
            placement_id = self.placement_id

        placement_type: None | str | Unset
        if isinstance(self.placement_type, Unset):
            placement_type = UNSET
        else:
            placement_type = self.placement_type

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        emergency: bool | None | Unset
        if isinstance(self.emergency, Unset):
            emergency = UNSET
        else:
            emergency = self.emergency

        incident_id: None | str | Unset
        if isinstance(self.incident_id, Unset):
            incident_id = UNSET
        else:
            incident_id = self.incident_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        setting: None | str | Unset
        if isinstance(self.setting, Unset):
            setting = UNSET
        else:
            setting = self.setting

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        elif isinstance(self.occurred_at, datetime.datetime):
            occurred_at = self.occurred_at.isoformat()
        else:
            occurred_at = self.occurred_at

        detained_at: None | str | Unset
        if isinstance(self.detained_at, Unset):
            detained_at = UNSET
        elif isinstance(self.detained_at, datetime.datetime):
            detained_at = self.detained_at.isoformat()
        else:
            detained_at = self.detained_at

        custody_suite: None | str | Unset
        if isinstance(self.custody_suite, Unset):
            custody_suite = UNSET
        else:
            custody_suite = self.custody_suite

        sentenced_on: None | str | Unset
        if isinstance(self.sentenced_on, Unset):
            sentenced_on = UNSET
        elif isinstance(self.sentenced_on, datetime.date):
            sentenced_on = self.sentenced_on.isoformat()
        else:
            sentenced_on = self.sentenced_on

        expected_release_date: None | str | Unset
        if isinstance(self.expected_release_date, Unset):
            expected_release_date = UNSET
        elif isinstance(self.expected_release_date, datetime.date):
            expected_release_date = self.expected_release_date.isoformat()
        else:
            expected_release_date = self.expected_release_date

        release_date: None | str | Unset
        if isinstance(self.release_date, Unset):
            release_date = UNSET
        elif isinstance(self.release_date, datetime.date):
            release_date = self.release_date.isoformat()
        else:
            release_date = self.release_date

        escalated_rule: None | str | Unset
        if isinstance(self.escalated_rule, Unset):
            escalated_rule = UNSET
        else:
            escalated_rule = self.escalated_rule

        escalated_recipient: dict[str, Any] | None | Unset
        if isinstance(self.escalated_recipient, Unset):
            escalated_recipient = UNSET
        elif isinstance(self.escalated_recipient, Recipient):
            escalated_recipient = self.escalated_recipient.to_dict()
        else:
            escalated_recipient = self.escalated_recipient

        escalated_due_at: None | str | Unset
        if isinstance(self.escalated_due_at, Unset):
            escalated_due_at = UNSET
        elif isinstance(self.escalated_due_at, datetime.datetime):
            escalated_due_at = self.escalated_due_at.isoformat()
        else:
            escalated_due_at = self.escalated_due_at

        notification_id: None | str | Unset
        if isinstance(self.notification_id, Unset):
            notification_id = UNSET
        elif isinstance(self.notification_id, UUID):
            notification_id = str(self.notification_id)
        else:
            notification_id = self.notification_id

        endpoint_id: None | str | Unset
        if isinstance(self.endpoint_id, Unset):
            endpoint_id = UNSET
        elif isinstance(self.endpoint_id, UUID):
            endpoint_id = str(self.endpoint_id)
        else:
            endpoint_id = self.endpoint_id

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        event_id: None | str | Unset
        if isinstance(self.event_id, Unset):
            event_id = UNSET
        else:
            event_id = self.event_id

        event_type: None | str | Unset
        if isinstance(self.event_type, Unset):
            event_type = UNSET
        else:
            event_type = self.event_type

        reasons: list[str] | None | Unset
        if isinstance(self.reasons, Unset):
            reasons = UNSET
        elif isinstance(self.reasons, list):
            reasons = self.reasons

        else:
            reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if person_ref is not UNSET:
            field_dict["person_ref"] = person_ref
        if status is not UNSET:
            field_dict["status"] = status
        if care_leaver_category is not UNSET:
            field_dict["care_leaver_category"] = care_leaver_category
        if age_band is not UNSET:
            field_dict["age_band"] = age_band
        if responsible_authority is not UNSET:
            field_dict["responsible_authority"] = responsible_authority
        if area_authority is not UNSET:
            field_dict["area_authority"] = area_authority
        if placed_out_of_area is not UNSET:
            field_dict["placed_out_of_area"] = placed_out_of_area
        if placement_id is not UNSET:
            field_dict["placement_id"] = placement_id
        if placement_type is not UNSET:
            field_dict["placement_type"] = placement_type
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if emergency is not UNSET:
            field_dict["emergency"] = emergency
        if incident_id is not UNSET:
            field_dict["incident_id"] = incident_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if setting is not UNSET:
            field_dict["setting"] = setting
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if detained_at is not UNSET:
            field_dict["detained_at"] = detained_at
        if custody_suite is not UNSET:
            field_dict["custody_suite"] = custody_suite
        if sentenced_on is not UNSET:
            field_dict["sentenced_on"] = sentenced_on
        if expected_release_date is not UNSET:
            field_dict["expected_release_date"] = expected_release_date
        if release_date is not UNSET:
            field_dict["release_date"] = release_date
        if escalated_rule is not UNSET:
            field_dict["escalated_rule"] = escalated_rule
        if escalated_recipient is not UNSET:
            field_dict["escalated_recipient"] = escalated_recipient
        if escalated_due_at is not UNSET:
            field_dict["escalated_due_at"] = escalated_due_at
        if notification_id is not UNSET:
            field_dict["notification_id"] = notification_id
        if endpoint_id is not UNSET:
            field_dict["endpoint_id"] = endpoint_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if reasons is not UNSET:
            field_dict["reasons"] = reasons

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.recipient import Recipient

        d = dict(src_dict)

        def _parse_person_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_ref = _parse_person_ref(d.pop("person_ref", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_care_leaver_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        care_leaver_category = _parse_care_leaver_category(
            d.pop("care_leaver_category", UNSET)
        )

        def _parse_age_band(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        age_band = _parse_age_band(d.pop("age_band", UNSET))

        def _parse_responsible_authority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        responsible_authority = _parse_responsible_authority(
            d.pop("responsible_authority", UNSET)
        )

        def _parse_area_authority(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        area_authority = _parse_area_authority(d.pop("area_authority", UNSET))

        def _parse_placed_out_of_area(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        placed_out_of_area = _parse_placed_out_of_area(
            d.pop("placed_out_of_area", UNSET)
        )

        def _parse_placement_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        placement_id = _parse_placement_id(d.pop("placement_id", UNSET))

        def _parse_placement_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        placement_type = _parse_placement_type(d.pop("placement_type", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_emergency(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        emergency = _parse_emergency(d.pop("emergency", UNSET))

        def _parse_incident_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        incident_id = _parse_incident_id(d.pop("incident_id", UNSET))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_setting(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        setting = _parse_setting(d.pop("setting", UNSET))

        def _parse_occurred_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurred_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurred_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_detained_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                detained_at_type_0 = datetime.datetime.fromisoformat(data)

                return detained_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        detained_at = _parse_detained_at(d.pop("detained_at", UNSET))

        def _parse_custody_suite(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custody_suite = _parse_custody_suite(d.pop("custody_suite", UNSET))

        def _parse_sentenced_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sentenced_on_type_0 = datetime.date.fromisoformat(data)

                return sentenced_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        sentenced_on = _parse_sentenced_on(d.pop("sentenced_on", UNSET))

        def _parse_expected_release_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_release_date_type_0 = datetime.date.fromisoformat(data)

                return expected_release_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expected_release_date = _parse_expected_release_date(
            d.pop("expected_release_date", UNSET)
        )

        def _parse_release_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                release_date_type_0 = datetime.date.fromisoformat(data)

                return release_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        release_date = _parse_release_date(d.pop("release_date", UNSET))

        def _parse_escalated_rule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        escalated_rule = _parse_escalated_rule(d.pop("escalated_rule", UNSET))

        def _parse_escalated_recipient(data: object) -> None | Recipient | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                escalated_recipient_type_0 = Recipient.from_dict(data)

                return escalated_recipient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Recipient | Unset, data)

        escalated_recipient = _parse_escalated_recipient(
            d.pop("escalated_recipient", UNSET)
        )

        def _parse_escalated_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                escalated_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return escalated_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        escalated_due_at = _parse_escalated_due_at(d.pop("escalated_due_at", UNSET))

        def _parse_notification_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notification_id_type_0 = UUID(data)

                return notification_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        notification_id = _parse_notification_id(d.pop("notification_id", UNSET))

        def _parse_endpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                endpoint_id_type_0 = UUID(data)

                return endpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        endpoint_id = _parse_endpoint_id(d.pop("endpoint_id", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_event_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_id = _parse_event_id(d.pop("event_id", UNSET))

        def _parse_event_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_type = _parse_event_type(d.pop("event_type", UNSET))

        def _parse_reasons(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                reasons_type_0 = cast(list[str], data)

                return reasons_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        reasons = _parse_reasons(d.pop("reasons", UNSET))

        notification_subject = cls(
            person_ref=person_ref,
            status=status,
            care_leaver_category=care_leaver_category,
            age_band=age_band,
            responsible_authority=responsible_authority,
            area_authority=area_authority,
            placed_out_of_area=placed_out_of_area,
            placement_id=placement_id,
            placement_type=placement_type,
            start_date=start_date,
            emergency=emergency,
            incident_id=incident_id,
            kind=kind,
            setting=setting,
            occurred_at=occurred_at,
            detained_at=detained_at,
            custody_suite=custody_suite,
            sentenced_on=sentenced_on,
            expected_release_date=expected_release_date,
            release_date=release_date,
            escalated_rule=escalated_rule,
            escalated_recipient=escalated_recipient,
            escalated_due_at=escalated_due_at,
            notification_id=notification_id,
            endpoint_id=endpoint_id,
            reason=reason,
            event_id=event_id,
            event_type=event_type,
            reasons=reasons,
        )

        notification_subject.additional_properties = d
        return notification_subject

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
