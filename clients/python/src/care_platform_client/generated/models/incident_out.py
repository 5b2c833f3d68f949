from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ethnicity import Ethnicity
from ..models.facts_status import FactsStatus
from ..models.incident_kind import IncidentKind
from ..models.london_incident_level import LondonIncidentLevel
from ..models.measure_of_control import MeasureOfControl
from ..models.outcome import Outcome
from ..models.response_category import ResponseCategory
from ..models.restorative_approach import RestorativeApproach
from ..models.restorative_outcome import RestorativeOutcome
from ..models.send_or_disability import SendOrDisability
from ..models.setting import Setting
from ..models.sex import Sex

if TYPE_CHECKING:
    from ..models.cooling_off import CoolingOff
    from ..models.reasonable_parent_test import ReasonableParentTest
    from ..models.status_facts import StatusFacts
    from ..models.status_summary import StatusSummary


T = TypeVar("T", bound="IncidentOut")


@_attrs_define
class IncidentOut:
    """An incident as its readers see it, with the decision record and status facts.

    Attributes:
        id (UUID):
        person_ref (str):
        occurred_at (datetime.datetime):
        kind (IncidentKind): What is recorded (docs/api.md, incident-api `kind`).
        setting (Setting):
        description (None | str):
        recorded_by (str):
        recorded_by_kind (str):
        response_category (None | ResponseCategory):
        reasonable_parent_test (None | ReasonableParentTest):
        cooling_off (CoolingOff):
        child_account (None | str):
        victim_wishes (None | str):
        restorative_approach (None | RestorativeApproach):
        restorative_outcome (None | RestorativeOutcome):
        restorative_notes (None | str):
        exploitation_concern (bool):
        nrm_referral_ref (None | str):
        staff_involved (bool):
        london_incident_level (LondonIncidentLevel | None):
        child_told_at (datetime.datetime | None):
        child_challenge (None | str):
        measure_of_control (MeasureOfControl | None):
        measure_planned_in_ehc_plan (bool):
        related_incident_id (None | UUID):
        police_involved (bool):
        police_involved_at (datetime.datetime | None):
        police_force (None | str):
        police_reference (None | str):
        custody_suite (None | str):
        detained_at (datetime.datetime | None):
        released_at (datetime.datetime | None):
        outcome (None | Outcome):
        outcome_date (datetime.date | None):
        sentenced_on (datetime.date | None):
        expected_release_date (datetime.date | None):
        hearing_date (datetime.date | None):
        sex (None | Sex):
        ethnicity (Ethnicity | None):
        send_or_disability (None | SendOrDisability):
        facts_pending (bool): True while care-status-api has not yet given the status facts; the incident's event is
            sent once it has
        facts_status (FactsStatus): Whether the incident holds the status facts read from care-status-api.
        status_facts (None | StatusFacts): The child's whole status facts block as of occurred_at's London date, given
            only to a caller entitled to the child's care record: the responsible authority or the area authority of the
            open placement, with `care-status:read` in its token. Null for every other reader (they get `status_summary`)
            and while the facts are pending. The events always carry the whole block.
        status_summary (None | StatusSummary): The lookup-level answer (status, under 25, responsible and area
            authority, placed out of area), for every reader; null while the facts are pending
        responsible_authority (None | str):
        area_authority (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    person_ref: str
    occurred_at: datetime.datetime
    kind: IncidentKind
    setting: Setting
    description: None | str
    recorded_by: str
    recorded_by_kind: str
    response_category: None | ResponseCategory
    reasonable_parent_test: None | ReasonableParentTest
    cooling_off: CoolingOff
    child_account: None | str
    victim_wishes: None | str
    restorative_approach: None | RestorativeApproach
    restorative_outcome: None | RestorativeOutcome
    restorative_notes: None | str
    exploitation_concern: bool
    nrm_referral_ref: None | str
    staff_involved: bool
    london_incident_level: LondonIncidentLevel | None
    child_told_at: datetime.datetime | None
    child_challenge: None | str
    measure_of_control: MeasureOfControl | None
    measure_planned_in_ehc_plan: bool
    related_incident_id: None | UUID
    police_involved: bool
    police_involved_at: datetime.datetime | None
    police_force: None | str
    police_reference: None | str
    custody_suite: None | str
    detained_at: datetime.datetime | None
    released_at: datetime.datetime | None
    outcome: None | Outcome
    outcome_date: datetime.date | None
    sentenced_on: datetime.date | None
    expected_release_date: datetime.date | None
    hearing_date: datetime.date | None
    sex: None | Sex
    ethnicity: Ethnicity | None
    send_or_disability: None | SendOrDisability
    facts_pending: bool
    facts_status: FactsStatus
    status_facts: None | StatusFacts
    status_summary: None | StatusSummary
    responsible_authority: None | str
    area_authority: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reasonable_parent_test import ReasonableParentTest
        from ..models.status_facts import StatusFacts
        from ..models.status_summary import StatusSummary

        id = str(self.id)

        person_ref = self.person_ref

        occurred_at = self.occurred_at.isoformat()

        kind = self.kind.value

        setting = self.setting.value

        description: None | str
        description = self.description

        recorded_by = self.recorded_by

        recorded_by_kind = self.recorded_by_kind

        response_category: None | str
        if isinstance(self.response_category, ResponseCategory):
            response_category = self.response_category.value
        else:
            response_category = self.response_category

        reasonable_parent_test: dict[str, Any] | None
        if isinstance(self.reasonable_parent_test, ReasonableParentTest):
            reasonable_parent_test = self.reasonable_parent_test.to_dict()
        else:
            reasonable_parent_test = self.reasonable_parent_test

        cooling_off = self.cooling_off.to_dict()

        child_account: None | str
        child_account = self.child_account

        victim_wishes: None | str
        victim_wishes = self.victim_wishes

        restorative_approach: None | str
        if isinstance(self.restorative_approach, RestorativeApproach):
            restorative_approach = self.restorative_approach.value
        else:
            restorative_approach = self.restorative_approach

        restorative_outcome: None | str
        if isinstance(self.restorative_outcome, RestorativeOutcome):
            restorative_outcome = self.restorative_outcome.value
        else:
            restorative_outcome = self.restorative_outcome

        restorative_notes: None | str
        restorative_notes = self.restorative_notes

        exploitation_concern = self.exploitation_concern

        nrm_referral_ref: None | str
        nrm_referral_ref = self.nrm_referral_ref

        staff_involved = self.staff_involved

        london_incident_level: int | None
        if isinstance(self.london_incident_level, LondonIncidentLevel):
            london_incident_level = self.london_incident_level.value
        else:
            london_incident_level = self.london_incident_level

        child_told_at: None | str
        if isinstance(self.child_told_at, datetime.datetime):
            child_told_at = self.child_told_at.isoformat()
        else:
            child_told_at = self.child_told_at

        child_challenge: None | str
        child_challenge = self.child_challenge

        measure_of_control: None | str
        if isinstance(self.measure_of_control, MeasureOfControl):
            measure_of_control = self.measure_of_control.value
        else:
            measure_of_control = self.measure_of_control

        measure_planned_in_ehc_plan = self.measure_planned_in_ehc_plan

        related_incident_id: None | str
        if isinstance(self.related_incident_id, UUID):
            related_incident_id = str(self.related_incident_id)
        else:
            related_incident_id = self.related_incident_id

        police_involved = self.police_involved

        police_involved_at: None | str
        if isinstance(self.police_involved_at, datetime.datetime):
            police_involved_at = self.police_involved_at.isoformat()
        else:
            police_involved_at = self.police_involved_at

        police_force: None | str
        police_force = self.police_force

        police_reference: None | str
        police_reference = self.police_reference

        custody_suite: None | str
        custody_suite = self.custody_suite

        detained_at: None | str
        if isinstance(self.detained_at, datetime.datetime):
            detained_at = self.detained_at.isoformat()
        else:
            detained_at = self.detained_at

        released_at: None | str
        if isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        outcome: None | str
        if isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        outcome_date: None | str
        if isinstance(self.outcome_date, datetime.date):
            outcome_date = self.outcome_date.isoformat()
        else:
            outcome_date = self.outcome_date

        sentenced_on: None | str
        if isinstance(self.sentenced_on, datetime.date):
            sentenced_on = self.sentenced_on.isoformat()
        else:
            sentenced_on = self.sentenced_on

        expected_release_date: None | str
        if isinstance(self.expected_release_date, datetime.date):
            expected_release_date = self.expected_release_date.isoformat()
        else:
            expected_release_date = self.expected_release_date

        hearing_date: None | str
        if isinstance(self.hearing_date, datetime.date):
            hearing_date = self.hearing_date.isoformat()
        else:
            hearing_date = self.hearing_date

        sex: None | str
        if isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        ethnicity: None | str
        if isinstance(self.ethnicity, Ethnicity):
            ethnicity = self.ethnicity.value
        else:
            ethnicity = self.ethnicity

        send_or_disability: None | str
        if isinstance(self.send_or_disability, SendOrDisability):
            send_or_disability = self.send_or_disability.value
        else:
            send_or_disability = self.send_or_disability

        facts_pending = self.facts_pending

        facts_status = self.facts_status.value

        status_facts: dict[str, Any] | None
        if isinstance(self.status_facts, StatusFacts):
            status_facts = self.status_facts.to_dict()
        else:
            status_facts = self.status_facts

        status_summary: dict[str, Any] | None
        if isinstance(self.status_summary, StatusSummary):
            status_summary = self.status_summary.to_dict()
        else:
            status_summary = self.status_summary

        responsible_authority: None | str
        responsible_authority = self.responsible_authority

        area_authority: None | str
        area_authority = self.area_authority

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_ref": person_ref,
                "occurred_at": occurred_at,
                "kind": kind,
                "setting": setting,
                "description": description,
                "recorded_by": recorded_by,
                "recorded_by_kind": recorded_by_kind,
                "response_category": response_category,
                "reasonable_parent_test": reasonable_parent_test,
                "cooling_off": cooling_off,
                "child_account": child_account,
                "victim_wishes": victim_wishes,
                "restorative_approach": restorative_approach,
                "restorative_outcome": restorative_outcome,
                "restorative_notes": restorative_notes,
                "exploitation_concern": exploitation_concern,
                "nrm_referral_ref": nrm_referral_ref,
                "staff_involved": staff_involved,
                "london_incident_level": london_incident_level,
                "child_told_at": child_told_at,
                "child_challenge": child_challenge,
                "measure_of_control": measure_of_control,
                "measure_planned_in_ehc_plan": measure_planned_in_ehc_plan,
                "related_incident_id": related_incident_id,
                "police_involved": police_involved,
                "police_involved_at": police_involved_at,
                "police_force": police_force,
                "police_reference": police_reference,
                "custody_suite": custody_suite,
                "detained_at": detained_at,
                "released_at": released_at,
                "outcome": outcome,
                "outcome_date": outcome_date,
                "sentenced_on": sentenced_on,
                "expected_release_date": expected_release_date,
                "hearing_date": hearing_date,
                "sex": sex,
                "ethnicity": ethnicity,
                "send_or_disability": send_or_disability,
                "facts_pending": facts_pending,
                "facts_status": facts_status,
                "status_facts": status_facts,
                "status_summary": status_summary,
                "responsible_authority": responsible_authority,
                "area_authority": area_authority,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.cooling_off import CoolingOff
        from ..models.reasonable_parent_test import ReasonableParentTest
        from ..models.status_facts import StatusFacts
        from ..models.status_summary import StatusSummary

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_ref = d.pop("person_ref")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        kind = IncidentKind(d.pop("kind"))

        setting = Setting(d.pop("setting"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        recorded_by = d.pop("recorded_by")

        recorded_by_kind = d.pop("recorded_by_kind")

        def _parse_response_category(data: object) -> None | ResponseCategory:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_category_type_0 = ResponseCategory(data)

                return response_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseCategory, data)

        response_category = _parse_response_category(d.pop("response_category"))

        def _parse_reasonable_parent_test(data: object) -> None | ReasonableParentTest:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasonable_parent_test_type_0 = ReasonableParentTest.from_dict(data)

                return reasonable_parent_test_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReasonableParentTest, data)

        reasonable_parent_test = _parse_reasonable_parent_test(
            d.pop("reasonable_parent_test")
        )

        cooling_off = CoolingOff.from_dict(d.pop("cooling_off"))

        def _parse_child_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        child_account = _parse_child_account(d.pop("child_account"))

        def _parse_victim_wishes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        victim_wishes = _parse_victim_wishes(d.pop("victim_wishes"))

        def _parse_restorative_approach(data: object) -> None | RestorativeApproach:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restorative_approach_type_0 = RestorativeApproach(data)

                return restorative_approach_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RestorativeApproach, data)

        restorative_approach = _parse_restorative_approach(
            d.pop("restorative_approach")
        )

        def _parse_restorative_outcome(data: object) -> None | RestorativeOutcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restorative_outcome_type_0 = RestorativeOutcome(data)

                return restorative_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RestorativeOutcome, data)

        restorative_outcome = _parse_restorative_outcome(d.pop("restorative_outcome"))

        def _parse_restorative_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        restorative_notes = _parse_restorative_notes(d.pop("restorative_notes"))

        exploitation_concern = d.pop("exploitation_concern")

        def _parse_nrm_referral_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nrm_referral_ref = _parse_nrm_referral_ref(d.pop("nrm_referral_ref"))

        staff_involved = d.pop("staff_involved")

        def _parse_london_incident_level(data: object) -> LondonIncidentLevel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                london_incident_level_type_0 = LondonIncidentLevel(data)

                return london_incident_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LondonIncidentLevel | None, data)

        london_incident_level = _parse_london_incident_level(
            d.pop("london_incident_level")
        )

        def _parse_child_told_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_told_at_type_0 = datetime.datetime.fromisoformat(data)

                return child_told_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        child_told_at = _parse_child_told_at(d.pop("child_told_at"))

        def _parse_child_challenge(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        child_challenge = _parse_child_challenge(d.pop("child_challenge"))

        def _parse_measure_of_control(data: object) -> MeasureOfControl | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measure_of_control_type_0 = MeasureOfControl(data)

                return measure_of_control_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasureOfControl | None, data)

        measure_of_control = _parse_measure_of_control(d.pop("measure_of_control"))

        measure_planned_in_ehc_plan = d.pop("measure_planned_in_ehc_plan")

        def _parse_related_incident_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                related_incident_id_type_0 = UUID(data)

                return related_incident_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        related_incident_id = _parse_related_incident_id(d.pop("related_incident_id"))

        police_involved = d.pop("police_involved")

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

        def _parse_police_force(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        police_force = _parse_police_force(d.pop("police_force"))

        def _parse_police_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        police_reference = _parse_police_reference(d.pop("police_reference"))

        def _parse_custody_suite(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        custody_suite = _parse_custody_suite(d.pop("custody_suite"))

        def _parse_detained_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                detained_at_type_0 = datetime.datetime.fromisoformat(data)

                return detained_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        detained_at = _parse_detained_at(d.pop("detained_at"))

        def _parse_released_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        released_at = _parse_released_at(d.pop("released_at"))

        def _parse_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_outcome_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_date_type_0 = datetime.date.fromisoformat(data)

                return outcome_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        outcome_date = _parse_outcome_date(d.pop("outcome_date"))

        def _parse_sentenced_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sentenced_on_type_0 = datetime.date.fromisoformat(data)

                return sentenced_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        sentenced_on = _parse_sentenced_on(d.pop("sentenced_on"))

        def _parse_expected_release_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expected_release_date_type_0 = datetime.date.fromisoformat(data)

                return expected_release_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expected_release_date = _parse_expected_release_date(
            d.pop("expected_release_date")
        )

        def _parse_hearing_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hearing_date_type_0 = datetime.date.fromisoformat(data)

                return hearing_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        hearing_date = _parse_hearing_date(d.pop("hearing_date"))

        def _parse_sex(data: object) -> None | Sex:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex, data)

        sex = _parse_sex(d.pop("sex"))

        def _parse_ethnicity(data: object) -> Ethnicity | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ethnicity_type_0 = Ethnicity(data)

                return ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Ethnicity | None, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity"))

        def _parse_send_or_disability(data: object) -> None | SendOrDisability:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_or_disability_type_0 = SendOrDisability(data)

                return send_or_disability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SendOrDisability, data)

        send_or_disability = _parse_send_or_disability(d.pop("send_or_disability"))

        facts_pending = d.pop("facts_pending")

        facts_status = FactsStatus(d.pop("facts_status"))

        def _parse_status_facts(data: object) -> None | StatusFacts:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_facts_type_0 = StatusFacts.from_dict(data)

                return status_facts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusFacts, data)

        status_facts = _parse_status_facts(d.pop("status_facts"))

        def _parse_status_summary(data: object) -> None | StatusSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_summary_type_0 = StatusSummary.from_dict(data)

                return status_summary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatusSummary, data)

        status_summary = _parse_status_summary(d.pop("status_summary"))

        def _parse_responsible_authority(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        responsible_authority = _parse_responsible_authority(
            d.pop("responsible_authority")
        )

        def _parse_area_authority(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        area_authority = _parse_area_authority(d.pop("area_authority"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        incident_out = cls(
            id=id,
            person_ref=person_ref,
            occurred_at=occurred_at,
            kind=kind,
            setting=setting,
            description=description,
            recorded_by=recorded_by,
            recorded_by_kind=recorded_by_kind,
            response_category=response_category,
            reasonable_parent_test=reasonable_parent_test,
            cooling_off=cooling_off,
            child_account=child_account,
            victim_wishes=victim_wishes,
            restorative_approach=restorative_approach,
            restorative_outcome=restorative_outcome,
            restorative_notes=restorative_notes,
            exploitation_concern=exploitation_concern,
            nrm_referral_ref=nrm_referral_ref,
            staff_involved=staff_involved,
            london_incident_level=london_incident_level,
            child_told_at=child_told_at,
            child_challenge=child_challenge,
            measure_of_control=measure_of_control,
            measure_planned_in_ehc_plan=measure_planned_in_ehc_plan,
            related_incident_id=related_incident_id,
            police_involved=police_involved,
            police_involved_at=police_involved_at,
            police_force=police_force,
            police_reference=police_reference,
            custody_suite=custody_suite,
            detained_at=detained_at,
            released_at=released_at,
            outcome=outcome,
            outcome_date=outcome_date,
            sentenced_on=sentenced_on,
            expected_release_date=expected_release_date,
            hearing_date=hearing_date,
            sex=sex,
            ethnicity=ethnicity,
            send_or_disability=send_or_disability,
            facts_pending=facts_pending,
            facts_status=facts_status,
            status_facts=status_facts,
            status_summary=status_summary,
            responsible_authority=responsible_authority,
            area_authority=area_authority,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        incident_out.additional_properties = d
        return incident_out

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
