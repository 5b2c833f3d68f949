from enum import StrEnum


class LegalBasisCategory(StrEnum):
    CARE_ORDER = "care_order"
    EMERGENCY_PROTECTION_ORDER = "emergency_protection_order"
    INTERIM_CARE_ORDER = "interim_care_order"
    OTHER = "other"
    POLICE_PROTECTION = "police_protection"
    REMAND = "remand"
    SECTION_20 = "section_20"

    def __str__(self) -> str:
        return str(self.value)
