from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.checklist_section_out import ChecklistSectionOut


T = TypeVar("T", bound="CpsChecklist")


@_attrs_define
class CpsChecklist:
    """An incident's checklist: every section, what is missing, and when it was due.

    Attributes:
        incident_id (UUID):
        required (bool): The police are involved and the child's responsible authority adopted the Derbyshire protocol,
            so the checklist is due
        protocol_applies (bool | None): The child's responsible authority adopted the Derbyshire protocol (rules.md
            Revision 2); null while the status facts are pending
        not_required_reason (None | str): Why no checklist is due, when the protocol does not apply
        police_involved_at (datetime.datetime | None):
        due_at (datetime.datetime | None): When sections 1-8 are due to police: police involvement + 24 hours; null when
            not required
        missing (list[int]): Sections not yet written
        overdue (bool): Due, past due and sections 1-8 not all written
        carer_sections_completed_at (datetime.datetime | None):
        completed_on_time (bool | None): Sections 1-8 all written by the due time (null while not all written)
        sections (list[ChecklistSectionOut]):
    """

    incident_id: UUID
    required: bool
    protocol_applies: bool | None
    not_required_reason: None | str
    police_involved_at: datetime.datetime | None
    due_at: datetime.datetime | None
    missing: list[int]
    overdue: bool
    carer_sections_completed_at: datetime.datetime | None
    completed_on_time: bool | None
    sections: list[ChecklistSectionOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incident_id = str(self.incident_id)

        required = self.required

        protocol_applies: bool | None
        protocol_applies = self.protocol_applies

        not_required_reason: None | str
        not_required_reason = self.not_required_reason

        police_involved_at: None | str
        if isinstance(self.police_involved_at, datetime.datetime):
            police_involved_at = self.police_involved_at.isoformat()
        else:
            police_involved_at = self.police_involved_at

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        missing = self.missing

        overdue = self.overdue

        carer_sections_completed_at: None | str
        if isinstance(self.carer_sections_completed_at, datetime.datetime):
            carer_sections_completed_at = self.carer_sections_completed_at.isoformat()
        else:
            carer_sections_completed_at = self.carer_sections_completed_at

        completed_on_time: bool | None
        completed_on_time = self.completed_on_time

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incident_id": incident_id,
                "required": required,
                "protocol_applies": protocol_applies,
                "not_required_reason": not_required_reason,
                "police_involved_at": police_involved_at,
                "due_at": due_at,
                "missing": missing,
                "overdue": overdue,
                "carer_sections_completed_at": carer_sections_completed_at,
                "completed_on_time": completed_on_time,
                "sections": sections,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.checklist_section_out import ChecklistSectionOut

        d = dict(src_dict)
        incident_id = UUID(d.pop("incident_id"))

        required = d.pop("required")

        def _parse_protocol_applies(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        protocol_applies = _parse_protocol_applies(d.pop("protocol_applies"))

        def _parse_not_required_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        not_required_reason = _parse_not_required_reason(d.pop("not_required_reason"))

        def _parse_police_involved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                police_involved_at_type_0 = datetime.datetime.fromisoformat(data)

                return police_involved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        police_involved_at = _parse_police_involved_at(d.pop("police_involved_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        missing = cast(list[int], d.pop("missing"))

        overdue = d.pop("overdue")

        def _parse_carer_sections_completed_at(
            data: object,
        ) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carer_sections_completed_at_type_0 = datetime.datetime.fromisoformat(
                    data
                )

                return carer_sections_completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        carer_sections_completed_at = _parse_carer_sections_completed_at(
            d.pop("carer_sections_completed_at")
        )

        def _parse_completed_on_time(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        completed_on_time = _parse_completed_on_time(d.pop("completed_on_time"))

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = ChecklistSectionOut.from_dict(sections_item_data)

            sections.append(sections_item)

        cps_checklist = cls(
            incident_id=incident_id,
            required=required,
            protocol_applies=protocol_applies,
            not_required_reason=not_required_reason,
            police_involved_at=police_involved_at,
            due_at=due_at,
            missing=missing,
            overdue=overdue,
            carer_sections_completed_at=carer_sections_completed_at,
            completed_on_time=completed_on_time,
            sections=sections,
        )

        cps_checklist.additional_properties = d
        return cps_checklist

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
