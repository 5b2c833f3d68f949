from enum import StrEnum


class LookupPurpose(StrEnum):
    CHARGING_DECISION = "charging_decision"
    COURT = "court"
    CUSTODY = "custody"
    PRISON_RECEPTION = "prison_reception"
    SAFEGUARDING = "safeguarding"
    VOLUNTARY_INTERVIEW = "voluntary_interview"
    YOUTH_JUSTICE = "youth_justice"

    def __str__(self) -> str:
        return str(self.value)
