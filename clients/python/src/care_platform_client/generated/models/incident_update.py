from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ethnicity import Ethnicity
from ..models.outcome import Outcome
from ..models.restorative_approach import RestorativeApproach
from ..models.restorative_outcome import RestorativeOutcome
from ..models.send_or_disability import SendOrDisability
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="IncidentUpdate")


@_attrs_define
class IncidentUpdate:
    """What may be added or changed later: outcome, release date, restorative result...

    Attributes:
        outcome (None | Outcome | Unset):
        outcome_date (datetime.date | None | Unset): Defaults to today (Europe/London) when an outcome is given
        expected_release_date (datetime.date | None | Unset):
        restorative_approach (None | RestorativeApproach | Unset):
        restorative_outcome (None | RestorativeOutcome | Unset):
        restorative_notes (None | str | Unset):
        police_involved_at (datetime.datetime | None | Unset):
        police_force (None | str | Unset):
        police_reference (None | str | Unset):
        released_at (datetime.datetime | None | Unset):
        exploitation_concern (bool | None | Unset): Raise an exploitation concern found later (never cleared)
        nrm_referral_ref (None | str | Unset):
        child_told_at (datetime.datetime | None | Unset): When the child was told what was written about them (London
            protocol, Appendix C)
        child_challenge (None | str | Unset): What the child challenged in the record as untrue or unfair, in their
            words (kept verbatim; London protocol, Appendix C); needs `child_told_at`
        hearing_date (datetime.date | None | Unset): A court hearing listed again for another day (`court_hearing` only)
        sex (None | Sex | Unset):
        ethnicity (Ethnicity | None | Unset):
        send_or_disability (None | SendOrDisability | Unset): Special educational needs or disability, as reported by
            the recorder (for the disproportionality figures)
    """

    outcome: None | Outcome | Unset = UNSET
    outcome_date: datetime.date | None | Unset = UNSET
    expected_release_date: datetime.date | None | Unset = UNSET
    restorative_approach: None | RestorativeApproach | Unset = UNSET
    restorative_outcome: None | RestorativeOutcome | Unset = UNSET
    restorative_notes: None | str | Unset = UNSET
    police_involved_at: datetime.datetime | None | Unset = UNSET
    police_force: None | str | Unset = UNSET
    police_reference: None | str | Unset = UNSET
    released_at: datetime.datetime | None | Unset = UNSET
    exploitation_concern: bool | None | Unset = UNSET
    nrm_referral_ref: None | str | Unset = UNSET
    child_told_at: datetime.datetime | None | Unset = UNSET
    child_challenge: None | str | Unset = UNSET
    hearing_date: datetime.date | None | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    ethnicity: Ethnicity | None | Unset = UNSET
    send_or_disability: None | SendOrDisability | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        expected_release_date: None | str | Unset
        if isinstance(self.expected_release_date, Unset):
            expected_release_date = UNSET
        elif isinstance(self.expected_release_date, datetime.date):
            expected_release_date = self.expected_release_date.isoformat()
        else:
            expected_release_date = self.expected_release_date

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

        released_at: None | str | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        elif isinstance(self.released_at, datetime.datetime):
            released_at = self.released_at.isoformat()
        else:
            released_at = self.released_at

        exploitation_concern: bool | None | Unset
        if isinstance(self.exploitation_concern, Unset):
            exploitation_concern = UNSET
        else:
            exploitation_concern = self.exploitation_concern

        nrm_referral_ref: None | str | Unset
        if isinstance(self.nrm_referral_ref, Unset):
            nrm_referral_ref = UNSET
        else:
            nrm_referral_ref = self.nrm_referral_ref

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

        hearing_date: None | str | Unset
        if isinstance(self.hearing_date, Unset):
            hearing_date = UNSET
        elif isinstance(self.hearing_date, datetime.date):
            hearing_date = self.hearing_date.isoformat()
        else:
            hearing_date = self.hearing_date

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

        field_dict.update({})
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if outcome_date is not UNSET:
            field_dict["outcome_date"] = outcome_date
        if expected_release_date is not UNSET:
            field_dict["expected_release_date"] = expected_release_date
        if restorative_approach is not UNSET:
            field_dict["restorative_approach"] = restorative_approach
        if restorative_outcome is not UNSET:
            field_dict["restorative_outcome"] = restorative_outcome
        if restorative_notes is not UNSET:
            field_dict["restorative_notes"] = restorative_notes
        if police_involved_at is not UNSET:
            field_dict["police_involved_at"] = police_involved_at
        if police_force is not UNSET:
            field_dict["police_force"] = police_force
        if police_reference is not UNSET:
            field_dict["police_reference"] = police_reference
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if exploitation_concern is not UNSET:
            field_dict["exploitation_concern"] = exploitation_concern
        if nrm_referral_ref is not UNSET:
            field_dict["nrm_referral_ref"] = nrm_referral_ref
        if child_told_at is not UNSET:
            field_dict["child_told_at"] = child_told_at
        if child_challenge is not UNSET:
            field_dict["child_challenge"] = child_challenge
        if hearing_date is not UNSET:
            field_dict["hearing_date"] = hearing_date
        if sex is not UNSET:
            field_dict["sex"] = sex
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if send_or_disability is not UNSET:
            field_dict["send_or_disability"] = send_or_disability

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        def _parse_exploitation_concern(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        exploitation_concern = _parse_exploitation_concern(
            d.pop("exploitation_concern", UNSET)
        )

        def _parse_nrm_referral_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nrm_referral_ref = _parse_nrm_referral_ref(d.pop("nrm_referral_ref", UNSET))

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

        incident_update = cls(
            outcome=outcome,
            outcome_date=outcome_date,
            expected_release_date=expected_release_date,
            restorative_approach=restorative_approach,
            restorative_outcome=restorative_outcome,
            restorative_notes=restorative_notes,
            police_involved_at=police_involved_at,
            police_force=police_force,
            police_reference=police_reference,
            released_at=released_at,
            exploitation_concern=exploitation_concern,
            nrm_referral_ref=nrm_referral_ref,
            child_told_at=child_told_at,
            child_challenge=child_challenge,
            hearing_date=hearing_date,
            sex=sex,
            ethnicity=ethnicity,
            send_or_disability=send_or_disability,
        )

        return incident_update
