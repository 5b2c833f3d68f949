from enum import StrEnum


class Outcome(StrEnum):
    ABSOLUTE_DISCHARGE = "absolute_discharge"
    CASE_DISMISSED = "case_dismissed"
    CHARGED = "charged"
    COMMUNITY_ORDER = "community_order"
    COMMUNITY_RESOLUTION = "community_resolution"
    CONDITIONAL_CAUTION = "conditional_caution"
    CONDITIONAL_DISCHARGE = "conditional_discharge"
    CUSTODIAL_SENTENCE = "custodial_sentence"
    DISCONTINUED_BY_CPS = "discontinued_by_cps"
    FINE = "fine"
    NOT_GUILTY = "not_guilty"
    NO_FURTHER_ACTION = "no_further_action"
    OUTCOME_21 = "outcome_21"
    OUTCOME_22 = "outcome_22"
    PENALTY_NOTICE = "penalty_notice"
    REFERRAL_ORDER = "referral_order"
    SIMPLE_CAUTION = "simple_caution"
    SUSPENDED_SENTENCE = "suspended_sentence"
    YOUTH_CAUTION = "youth_caution"
    YOUTH_CONDITIONAL_CAUTION = "youth_conditional_caution"
    YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order"

    def __str__(self) -> str:
        return str(self.value)
