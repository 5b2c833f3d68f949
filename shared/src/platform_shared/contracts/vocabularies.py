"""The enumerations the services share, in lower_snake_case words.

Sex and ethnicity follow the DfE children looked after return (SSDA903) and the ONS
2011/2021 census categories it uses; a legacy spelling that an earlier version of one
service accepted is still read on input (`LEGACY_SEX`, `LEGACY_ETHNICITY`) and stored in
the one spelling.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator


class CareStatus(StrEnum):
    LOOKED_AFTER = "looked_after"
    CARE_LEAVER = "care_leaver"
    NO_RECORD = "no_record"


class CareLeaverCategory(StrEnum):
    """Children Act 1989 and the Care Leavers (England) Regulations 2010."""

    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"


class LegalBasis(StrEnum):
    """The detailed basis of a legal status (the SSDA903 legal statuses, by statute)."""

    SECTION_20 = "section_20"
    CARE_ORDER_S31 = "care_order_s31"
    INTERIM_CARE_ORDER_S38 = "interim_care_order_s38"
    PLACEMENT_ORDER_ACA_S21 = "placement_order_aca_s21"
    POLICE_PROTECTION_S46 = "police_protection_s46"
    EMERGENCY_PROTECTION_ORDER_S44 = "emergency_protection_order_s44"
    CHILD_ASSESSMENT_ORDER_S43 = "child_assessment_order_s43"
    REMAND_LASPO_S104 = "remand_laspo_s104"
    PACE_S38_6 = "pace_s38_6"
    YOUTH_REHABILITATION_ORDER_RESIDENCE = "youth_rehabilitation_order_residence"


class LegalBasisCategory(StrEnum):
    """The category of a basis carried in events (`legal_basis` of the facts block)."""

    CARE_ORDER = "care_order"
    INTERIM_CARE_ORDER = "interim_care_order"
    SECTION_20 = "section_20"
    POLICE_PROTECTION = "police_protection"
    EMERGENCY_PROTECTION_ORDER = "emergency_protection_order"
    REMAND = "remand"
    OTHER = "other"


#: The category each detailed basis is carried as (the mapping of docs/events.md).
BASIS_CATEGORY: dict[LegalBasis, LegalBasisCategory] = {
    LegalBasis.SECTION_20: LegalBasisCategory.SECTION_20,
    LegalBasis.CARE_ORDER_S31: LegalBasisCategory.CARE_ORDER,
    LegalBasis.INTERIM_CARE_ORDER_S38: LegalBasisCategory.INTERIM_CARE_ORDER,
    LegalBasis.POLICE_PROTECTION_S46: LegalBasisCategory.POLICE_PROTECTION,
    LegalBasis.EMERGENCY_PROTECTION_ORDER_S44: LegalBasisCategory.EMERGENCY_PROTECTION_ORDER,
    LegalBasis.REMAND_LASPO_S104: LegalBasisCategory.REMAND,
    LegalBasis.PLACEMENT_ORDER_ACA_S21: LegalBasisCategory.OTHER,
    LegalBasis.CHILD_ASSESSMENT_ORDER_S43: LegalBasisCategory.OTHER,
    LegalBasis.PACE_S38_6: LegalBasisCategory.OTHER,
    LegalBasis.YOUTH_REHABILITATION_ORDER_RESIDENCE: LegalBasisCategory.OTHER,
}


class PlacementType(StrEnum):
    FOSTER = "foster"
    KINSHIP = "kinship"
    CHILDRENS_HOME = "childrens_home"
    SECURE_CHILDRENS_HOME = "secure_childrens_home"
    SUPPORTED_ACCOMMODATION = "supported_accommodation"
    RESIDENTIAL_SCHOOL = "residential_school"
    OTHER = "other"


class MeasureOfControl(StrEnum):
    """A measure of control, discipline or restraint used on a child in a children's
    home (Children's Homes (England) Regulations 2015 reg 35(3))."""

    RESTRAINT = "restraint"
    CONTROL = "control"
    DISCIPLINE = "discipline"


class ConsentAnswer(StrEnum):
    """A care leaver's answer to notifying the personal adviser (national protocol 7.2)."""

    GIVEN = "given"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class AgeBand(StrEnum):
    """The reporting bands of the status facts block."""

    UNDER_10 = "under_10"
    FROM_10_TO_13 = "10_13"
    FROM_14_TO_15 = "14_15"
    FROM_16_TO_17 = "16_17"
    FROM_18_TO_20 = "18_20"
    FROM_21_TO_24 = "21_24"
    FROM_25 = "25_plus"


class Sex(StrEnum):
    """Sex as recorded (SSDA903 SEX: 1 male, 2 female; `not_stated` when not given)."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    NOT_STATED = "not_stated"


class Ethnicity(StrEnum):
    """The DfE/ONS ethnicity categories of the children looked after return (SSDA903)."""

    WHITE_BRITISH = "white_british"
    WHITE_IRISH = "white_irish"
    TRAVELLER_OF_IRISH_HERITAGE = "traveller_of_irish_heritage"
    GYPSY_ROMA = "gypsy_roma"
    ANY_OTHER_WHITE_BACKGROUND = "any_other_white_background"
    WHITE_AND_BLACK_CARIBBEAN = "white_and_black_caribbean"
    WHITE_AND_BLACK_AFRICAN = "white_and_black_african"
    WHITE_AND_ASIAN = "white_and_asian"
    ANY_OTHER_MIXED_BACKGROUND = "any_other_mixed_background"
    INDIAN = "indian"
    PAKISTANI = "pakistani"
    BANGLADESHI = "bangladeshi"
    CHINESE = "chinese"
    ANY_OTHER_ASIAN_BACKGROUND = "any_other_asian_background"
    CARIBBEAN = "caribbean"
    AFRICAN = "african"
    ANY_OTHER_BLACK_BACKGROUND = "any_other_black_background"
    ARAB = "arab"
    ANY_OTHER_ETHNIC_GROUP = "any_other_ethnic_group"
    REFUSED = "refused"
    INFORMATION_NOT_YET_OBTAINED = "information_not_yet_obtained"


#: Spellings incident-api accepted before the vocabularies were one (read, never written).
LEGACY_SEX: dict[str, Sex] = {"not_known": Sex.NOT_STATED}
LEGACY_ETHNICITY: dict[str, Ethnicity] = {
    "not_yet_obtained": Ethnicity.INFORMATION_NOT_YET_OBTAINED
}


def _reading_legacy(legacy: dict[str, Any]) -> BeforeValidator:
    def read(value: object) -> object:
        return legacy.get(value, value) if isinstance(value, str) else value

    return BeforeValidator(read)


#: Sex on input: the one vocabulary, and its legacy spellings read as their new word.
SexInput = Annotated[Sex, _reading_legacy(LEGACY_SEX)]
#: Ethnicity on input: the one vocabulary, and its legacy spellings read as their new word.
EthnicityInput = Annotated[Ethnicity, _reading_legacy(LEGACY_ETHNICITY)]


class Role(StrEnum):
    """The role an organisation has towards a notification: who receives it, whose duty
    it discharges. Each set below names which roles are used where."""

    RESPONSIBLE_AUTHORITY = "responsible_authority"
    AREA_AUTHORITY = "area_authority"
    AREA_HEALTH = "area_health"
    #: The health body of the child's home (responsible) area (reg 13(2)(f)).
    HOME_HEALTH = "home_health"
    HOME_YOT = "home_yot"
    AREA_YOT = "area_yot"
    PERSONAL_ADVISER = "personal_adviser"
    PROVIDER = "provider"
    #: The provider of the open placement (the carer; for a foster placement, the
    #: fostering service that supervises the carer): `placement_provider` of the facts.
    PLACEMENT_PROVIDER = "placement_provider"
    #: The organisation that recorded the incident (e.g. the police force).
    RECORDED_BY = "recorded_by"
    #: An overdue notification chased with the responsible authority.
    ESCALATION = "escalation"
    #: An overdue notification chased with the recipient's own escalation contact (a team
    #: manager's mailbox the organisation registers an endpoint for).
    ESCALATION_CONTACT = "escalation_contact"
    #: An overdue notification told to the organisation whose duty it discharges.
    DUTY_HOLDER = "duty_holder"
    #: The responsible authority's out-of-hours route (its emergency duty team).
    EMERGENCY_DUTY = "emergency_duty"
    #: A notice of the platform itself (e.g. a disabled endpoint).
    PLATFORM = "platform"


#: Roles a rule may address a notification to.
RULE_RECIPIENT_ROLES: frozenset[Role] = frozenset(
    {
        Role.RESPONSIBLE_AUTHORITY,
        Role.AREA_AUTHORITY,
        Role.AREA_HEALTH,
        Role.HOME_HEALTH,
        Role.HOME_YOT,
        Role.AREA_YOT,
        Role.PERSONAL_ADVISER,
        Role.PROVIDER,
        Role.PLACEMENT_PROVIDER,
    }
)
#: Roles only the service itself addresses, never a rule.
SERVICE_ROLES: frozenset[Role] = frozenset(
    {
        Role.ESCALATION,
        Role.ESCALATION_CONTACT,
        Role.DUTY_HOLDER,
        Role.EMERGENCY_DUTY,
        Role.PLATFORM,
    }
)
#: Roles a notification may be received in.
RECIPIENT_ROLES: frozenset[Role] = RULE_RECIPIENT_ROLES | SERVICE_ROLES
#: Roles whose duty a rule's notification may discharge.
DUTY_HOLDER_ROLES: frozenset[Role] = RULE_RECIPIENT_ROLES | {Role.RECORDED_BY}
