from enum import StrEnum


class LegalBasis(StrEnum):
    CARE_ORDER_S31 = "care_order_s31"
    CHILD_ASSESSMENT_ORDER_S43 = "child_assessment_order_s43"
    EMERGENCY_PROTECTION_ORDER_S44 = "emergency_protection_order_s44"
    INTERIM_CARE_ORDER_S38 = "interim_care_order_s38"
    PACE_S38_6 = "pace_s38_6"
    PLACEMENT_ORDER_ACA_S21 = "placement_order_aca_s21"
    POLICE_PROTECTION_S46 = "police_protection_s46"
    REMAND_LASPO_S104 = "remand_laspo_s104"
    SECTION_20 = "section_20"
    YOUTH_REHABILITATION_ORDER_RESIDENCE = "youth_rehabilitation_order_residence"

    def __str__(self) -> str:
        return str(self.value)
