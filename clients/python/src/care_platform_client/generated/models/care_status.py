from enum import StrEnum


class CareStatus(StrEnum):
    CARE_LEAVER = "care_leaver"
    LOOKED_AFTER = "looked_after"
    NO_RECORD = "no_record"

    def __str__(self) -> str:
        return str(self.value)
