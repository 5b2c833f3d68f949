from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ethnicity import Ethnicity
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
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reasonable_parent_test_in import ReasonableParentTestIn


T = TypeVar("T", bound="IncidentCreate")


@_attrs_define
class IncidentCreate:
    """An incident, or a police contact record, about a person_ref.

    Attributes:
        person_ref (str): The opaque person reference from a care-status-api lookup
        occurred_at (datetime.datetime):
        kind (IncidentKind): What is recorded (docs/api.md, incident-api `kind`).
        setting (Setting):
        description (None | str | Unset): What happened
        response_category (None | ResponseCategory | Unset):
        reasonable_parent_test (None | ReasonableParentTestIn | Unset):
        cooling_off_applies (bool | Unset): A 24-hour cooling-off period applies from occurred_at Default: False.
        child_account (None | str | Unset): The child's own account, in their words (kept verbatim)
        victim_wishes (None | str | Unset): Kept verbatim
        restorative_approach (None | RestorativeApproach | Unset):
        restorative_outcome (None | RestorativeOutcome | Unset):
        restorative_notes (None | str | Unset):
        exploitation_concern (bool | Unset):  Default: False.
        nrm_referral_ref (None | str | Unset): National Referral Mechanism reference, where one was made
        staff_involved (bool | Unset):  Default: False.
        london_incident_level (LondonIncidentLevel | None | Unset): London protocol level: 1 internal resolution, 2
            either way dependent on circumstances, 3 always report (its own field, not the response category)
        child_told_at (datetime.datetime | None | Unset): When the child was told what was written about them (London
            protocol, Appendix C)
        child_challenge (None | str | Unset): What the child challenged in the record as untrue or unfair, in their
            words (kept verbatim; London protocol, Appendix C); needs `child_told_at`
        measure_of_control (MeasureOfControl | None | Unset): A measure of control, discipline or restraint used on the
            child (Children's Homes (England) Regulations 2015 reg 35(3))
        measure_planned_in_ehc_plan (bool | Unset): The restraint was planned in the child's EHC plan (reg 35(3)); only
            with `measure_of_control: restraint` Default: False.
        related_incident_id (None | Unset | UUID): The incident this record follows (e.g. the arrest a charge follows):
            an incident of the same person_ref that the caller may read
        hearing_date (datetime.date | None | Unset): The day of the hearing: required for a `court_hearing`, refused on
            other kinds
        police_involved_at (datetime.datetime | None | Unset): When the police became involved (CPS checklist clock)
        police_force (None | str | Unset): The police force involved (a reference organisation code); it may then read
            the incident and write CPS checklist sections 9-10
        police_reference (None | str | Unset): Crime reference or custody record number
        custody_suite (None | str | Unset):
        detained_at (datetime.datetime | None | Unset): Time into custody
        released_at (datetime.datetime | None | Unset): Time out of custody
        outcome (None | Outcome | Unset):
        outcome_date (datetime.date | None | Unset):
        sentenced_on (datetime.date | None | Unset):
        expected_release_date (datetime.date | None | Unset):
        sex (None | Sex | Unset): As reported by the recorder (`not_known` is read as `not_stated`)
        ethnicity (Ethnicity | None | Unset): As reported by the recorder (`not_yet_obtained` is read as
            `information_not_yet_obtained`)
        send_or_disability (None | SendOrDisability | Unset): Special educational needs or disability, as reported by
            the recorder (for the disproportionality figures)
    """

    person_ref: str
    occurred_at: datetime.datetime
    kind: IncidentKind
    setting: Setting
    description: None | str | Unset = UNSET
    response_category: None | ResponseCategory | Unset = UNSET
    reasonable_parent_test: None | ReasonableParentTestIn | Unset = UNSET
    cooling_off_applies: bool | Unset = False
    child_account: None | str | Unset = UNSET
    victim_wishes: None | str | Unset = UNSET
    restorative_approach: None | RestorativeApproach | Unset = UNSET
    restorative_outcome: None | RestorativeOutcome | Unset = UNSET
    restorative_notes: None | str | Unset = UNSET
    exploitation_concern: bool | Unset = False
    nrm_referral_ref: None | str | Unset = UNSET
    staff_involved: bool | Unset = False
    london_incident_level: LondonIncidentLevel | None | Unset = UNSET
    child_told_at: datetime.datetime | None | Unset = UNSET
    child_challenge: None | str | Unset = UNSET
    measure_of_control: MeasureOfControl | None | Unset = UNSET
    measure_planned_in_ehc_plan: bool | Unset = False
    related_incident_id: None | Unset | UUID = UNSET
    hearing_date: datetime.date | None | Unset = UNSET
    police_involved_at: datetime.datetime | None | Unset = UNSET
    police_force: None | str | Unset = UNSET
    police_reference: None | str | Unset = UNSET
    custody_suite: None | str | Unset = UNSET
    detained_at: datetime.datetime | None | Unset = UNSET
    released_at: datetime.datetime | None | Unset = UNSET
    outcome: None | Outcome | Unset = UNSET
    outcome_date: datetime.date | None | Unset = UNSET
    sentenced_on: datetime.date | None | Unset = UNSET
    expected_release_date: datetime.date | None | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    ethnicity: Ethnicity | None | Unset = UNSET
    send_or_disability: None | SendOrDisability | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.reasonable_parent_test_in import ReasonableParentTestIn

        person_ref = self.person_ref

        occurred_at = self.occurred_at.isoformat()

        kind = self.kind.value

        setting = self.setting.value

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        response_category: None | str | Unset
        if isinstance(self.response_category, Unset):
            response_category = UNSET
        elif isinstance(self.response_category, ResponseCategory):
            response_category = self.response_category.value
        else:
            response_category = self.response_category

        reasonable_parent_test: dict[str, Any] | None | Unset
        if isinstance(self.reasonable_parent_test, Unset):
            reasonable_parent_test = UNSET
        elif isinstance(self.reasonable_parent_test, ReasonableParentTestIn):
            reasonable_parent_test = self.reasonable_parent_test.to_dict()
        else:
            reasonable_parent_test = self.reasonable_parent_test

        cooling_off_applies = self.cooling_off_applies

        child_account: None | str | Unset
        if isinstance(self.child_account, Unset):
            child_account = UNSET
        else:
            child_account = self.child_account

        victim_wishes: None | str | Unset
        if isinstance(self.victim_wishes, Unset):
            victim_wishes = UNSET
        else:
            victim_wishes = self.victim_wishes

        restorative_approach: None | str | Unset
        if isinstance(self.restorative_approach, Unset):
            restorative_approach = UNSET
        elif isinstance(self.restorative_approach, RestorativeApproach):
            restorative_approach = self.restorative_approach.value
        else:
            restorative_approach = self.restorative_approach

        restorative_outcome: None | str | Unset
        if isinstance(self.restorative_outcome, Unset):
            restorative_outcome = UNSET
        elif isinstance(self.restorative_outcome, RestorativeOutcome):
            restorative_outcome = self.restorative_outcome.value
        else:
            restorative_outcome = self.restorative_outcome

        restorative_notes: None | str | Unset
        if isinstance(self.restorative_notes, Unset):
            restorative_notes = UNSET
        else:
            restorative_notes = self.restorative_notes

        exploitation_concern = self.exploitation_concern

        nrm_referral_ref: None | str | Unset
        if isinstance(self.nrm_referral_ref, Unset):
            nrm_referral_ref = UNSET
        else:
            nrm_referral_ref = self.nrm_referral_ref

        staff_involved = self.staff_involved

        london_incident_level: int | None | Unset
        if isinstance(self.london_incident_level, Unset):
            london_incident_level = UNSET
        elif isinstance(self.london_incident_level, LondonIncidentLevel):
            london_incident_level = self.london_incident_level.value
        else:
            london_incident_level = self.london_incident_level

        child_told_at: None | str | Unset
        if isinstance(self.child_told_at, Unset):
            child_told_at = UNSET
        elif isinstance(self.child_told_at, datetime.datetime):
            child_told_at = self.child_told_at.isoformat()
        else:
            child_told_at = self.child_told_at

        child_challenge: None | str | Unset
        if isinstance(self.child_challenge, Unset):
            child_challenge = UNSET
        else:
            child_challenge = self.child_challenge

        measure_of_control: None | str | Unset
        if isinstance(self.measure_of_control, Unset):
            measure_of_control = UNSET
        elif isinstance(self.measure_of_control, MeasureOfControl):
            measure_of_control = self.measure_of_control.value
        else:
            measure_of_control = self.measure_of_control

        measure_planned_in_ehc_plan = self.measure_planned_in_ehc_plan

        related_incident_id: None | str | Unset
        if isinstance(self.related_incident_id, Unset):
            related_incident_id = UNSET
        elif isinstance(self.related_incident_id, UUID):
            related_incident_id = str(self.related_incident_id)
        else:
            related_incident_id = self.related_incident_id

        hearing_date: None | str | Unset
        if isinstance(self.hearing_date, Unset):
            hearing_date = UNSET
        elif isinstance(self.hearing_date, datetime.date):
            hearing_date = self.hearing_date.isoformat()
        else:
            hearing_date = self.hearing_date

        police_involved_at: None | str | Unset
        if isinstance(self.police_involved_at, Unset):
            police_involved_at = UNSET
        elif isinstance(self.police_involved_at, datetime.datetime):
            police_involved_at = self.police_involved_at.isoformat()
        else:
            police_involved_at = self.police_involved_at

        police_force: None | str | Unset
        if isinstance(self.police_force, Unset):
            police_force = UNSET
        else:
            police_force = self.police_force

        police_reference: None | str | Unset
        if isinstance(self.police_reference, Unset):
            police_reference = UNSET
        else:
            police_reference = self.police_reference

        custody_suite: None | str | Unset
        if isinstance(self.custody_suite, Unset):
            custody_suite = UNSET
        else:
            custody_suite = self.custody_suite

        detained_at: None | str | Unset
        if isinstance(self.detained_at, Unset):
            detained_at = UNSET
        elif isinstance(self.detained_at, datetime.datetime):
            detained_at = self.detained_at.isoformat()
        else:
            detained_at = self.detained_at

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        elif isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        outcome_date: None | str | Unset
        if isinstance(self.outcome_date, Unset):
            outcome_date = UNSET
        elif isinstance(self.outcome_date, datetime.date):
            outcome_date = self.outcome_date.isoformat()
        else:
            outcome_date = self.outcome_date

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

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        ethnicity: None | str | Unset
        if isinstance(self.ethnicity, Unset):
            ethnicity = UNSET
        elif isinstance(self.ethnicity, Ethnicity):
            ethnicity = self.ethnicity.value
        else:
            ethnicity = self.ethnicity

        send_or_disability: None | str | Unset
        if isinstance(self.send_or_disability, Unset):
            send_or_disability = UNSET
        elif isinstance(self.send_or_disability, SendOrDisability):
            send_or_disability = self.send_or_disability.value
        else:
            send_or_disability = self.send_or_disability

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_ref": person_ref,
                "occurred_at": occurred_at,
                "kind": kind,
                "setting": setting,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if response_category is not UNSET:
            field_dict["response_category"] = response_category
        if reasonable_parent_test is not UNSET:
            field_dict["reasonable_parent_test"] = reasonable_parent_test
        if cooling_off_applies is not UNSET:
            field_dict["cooling_off_applies"] = cooling_off_applies
        if child_account is not UNSET:
            field_dict["child_account"] = child_account
        if victim_wishes is not UNSET:
            field_dict["victim_wishes"] = victim_wishes
        if restorative_approach is not UNSET:
            field_dict["restorative_approach"] = restorative_approach
        if restorative_outcome is not UNSET:
            field_dict["restorative_outcome"] = restorative_outcome
        if restorative_notes is not UNSET:
            field_dict["restorative_notes"] = restorative_notes
        if exploitation_concern is not UNSET:
            field_dict["exploitation_concern"] = exploitation_concern
        if nrm_referral_ref is not UNSET:
            field_dict["nrm_referral_ref"] = nrm_referral_ref
        if staff_involved is not UNSET:
            field_dict["staff_involved"] = staff_involved
        if london_incident_level is not UNSET:
            field_dict["london_incident_level"] = london_incident_level
        if child_told_at is not UNSET:
            field_dict["child_told_at"] = child_told_at
        if child_challenge is not UNSET:
            field_dict["child_challenge"] = child_challenge
        if measure_of_control is not UNSET:
            field_dict["measure_of_control"] = measure_of_control
        if measure_planned_in_ehc_plan is not UNSET:
            field_dict["measure_planned_in_ehc_plan"] = measure_planned_in_ehc_plan
        if related_incident_id is not UNSET:
            field_dict["related_incident_id"] = related_incident_id
        if hearing_date is not UNSET:
            field_dict["hearing_date"] = hearing_date
        if police_involved_at is not UNSET:
            field_dict["police_involved_at"] = police_involved_at
        if police_force is not UNSET:
            field_dict["police_force"] = police_force
        if police_reference is not UNSET:
            field_dict["police_reference"] = police_reference
        if custody_suite is not UNSET:
            field_dict["custody_suite"] = custody_suite
        if detained_at is not UNSET:
            field_dict["detained_at"] = detained_at
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if outcome_date is not UNSET:
            field_dict["outcome_date"] = outcome_date
        if sentenced_on is not UNSET:
            field_dict["sentenced_on"] = sentenced_on
        if expected_release_date is not UNSET:
            field_dict["expected_release_date"] = expected_release_date
        if sex is not UNSET:
            field_dict["sex"] = sex
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if send_or_disability is not UNSET:
            field_dict["send_or_disability"] = send_or_disability

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reasonable_parent_test_in import ReasonableParentTestIn

        d = dict(src_dict)
        person_ref = d.pop("person_ref")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        kind = IncidentKind(d.pop("kind"))

        setting = Setting(d.pop("setting"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_response_category(data: object) -> None | ResponseCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                response_category_type_0 = ResponseCategory(data)

                return response_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseCategory | Unset, data)

        response_category = _parse_response_category(d.pop("response_category", UNSET))

        def _parse_reasonable_parent_test(
            data: object,
        ) -> None | ReasonableParentTestIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasonable_parent_test_type_0 = ReasonableParentTestIn.from_dict(data)

                return reasonable_parent_test_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReasonableParentTestIn | Unset, data)

        reasonable_parent_test = _parse_reasonable_parent_test(
            d.pop("reasonable_parent_test", UNSET)
        )

        cooling_off_applies = d.pop("cooling_off_applies", UNSET)

        def _parse_child_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_account = _parse_child_account(d.pop("child_account", UNSET))

        def _parse_victim_wishes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        victim_wishes = _parse_victim_wishes(d.pop("victim_wishes", UNSET))

        def _parse_restorative_approach(
            data: object,
        ) -> None | RestorativeApproach | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restorative_approach_type_0 = RestorativeApproach(data)

                return restorative_approach_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RestorativeApproach | Unset, data)

        restorative_approach = _parse_restorative_approach(
            d.pop("restorative_approach", UNSET)
        )

        def _parse_restorative_outcome(
            data: object,
        ) -> None | RestorativeOutcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restorative_outcome_type_0 = RestorativeOutcome(data)

                return restorative_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RestorativeOutcome | Unset, data)

        restorative_outcome = _parse_restorative_outcome(
            d.pop("restorative_outcome", UNSET)
        )

        def _parse_restorative_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        restorative_notes = _parse_restorative_notes(d.pop("restorative_notes", UNSET))

        exploitation_concern = d.pop("exploitation_concern", UNSET)

        def _parse_nrm_referral_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nrm_referral_ref = _parse_nrm_referral_ref(d.pop("nrm_referral_ref", UNSET))

        staff_involved = d.pop("staff_involved", UNSET)

        def _parse_london_incident_level(
            data: object,
        ) -> LondonIncidentLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                london_incident_level_type_0 = LondonIncidentLevel(data)

                return london_incident_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LondonIncidentLevel | None | Unset, data)

        london_incident_level = _parse_london_incident_level(
            d.pop("london_incident_level", UNSET)
        )

        def _parse_child_told_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                child_told_at_type_0 = datetime.datetime.fromisoformat(data)

                return child_told_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        child_told_at = _parse_child_told_at(d.pop("child_told_at", UNSET))

        def _parse_child_challenge(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_challenge = _parse_child_challenge(d.pop("child_challenge", UNSET))

        def _parse_measure_of_control(data: object) -> MeasureOfControl | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                measure_of_control_type_0 = MeasureOfControl(data)

                return measure_of_control_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasureOfControl | None | Unset, data)

        measure_of_control = _parse_measure_of_control(
            d.pop("measure_of_control", UNSET)
        )

        measure_planned_in_ehc_plan = d.pop("measure_planned_in_ehc_plan", UNSET)

        def _parse_related_incident_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                related_incident_id_type_0 = UUID(data)

                return related_incident_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        related_incident_id = _parse_related_incident_id(
            d.pop("related_incident_id", UNSET)
        )

        def _parse_hearing_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hearing_date_type_0 = datetime.date.fromisoformat(data)

                return hearing_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        hearing_date = _parse_hearing_date(d.pop("hearing_date", UNSET))

        def _parse_police_involved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                police_involved_at_type_0 = datetime.datetime.fromisoformat(data)

                return police_involved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        police_involved_at = _parse_police_involved_at(
            d.pop("police_involved_at", UNSET)
        )

        def _parse_police_force(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        police_force = _parse_police_force(d.pop("police_force", UNSET))

        def _parse_police_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        police_reference = _parse_police_reference(d.pop("police_reference", UNSET))

        def _parse_custody_suite(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custody_suite = _parse_custody_suite(d.pop("custody_suite", UNSET))

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

        def _parse_released_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                released_at_type_0 = datetime.datetime.fromisoformat(data)

                return released_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))

        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_outcome_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_date_type_0 = datetime.date.fromisoformat(data)

                return outcome_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        outcome_date = _parse_outcome_date(d.pop("outcome_date", UNSET))

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

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_ethnicity(data: object) -> Ethnicity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ethnicity_type_0 = Ethnicity(data)

                return ethnicity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Ethnicity | None | Unset, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity", UNSET))

        def _parse_send_or_disability(data: object) -> None | SendOrDisability | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                send_or_disability_type_0 = SendOrDisability(data)

                return send_or_disability_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SendOrDisability | Unset, data)

        send_or_disability = _parse_send_or_disability(
            d.pop("send_or_disability", UNSET)
        )

        incident_create = cls(
            person_ref=person_ref,
            occurred_at=occurred_at,
            kind=kind,
            setting=setting,
            description=description,
            response_category=response_category,
            reasonable_parent_test=reasonable_parent_test,
            cooling_off_applies=cooling_off_applies,
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
            hearing_date=hearing_date,
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
            sex=sex,
            ethnicity=ethnicity,
            send_or_disability=send_or_disability,
        )

        return incident_create
