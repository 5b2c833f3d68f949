from enum import StrEnum


class Setting(StrEnum):
    COMMUNITY = "community"
    COURT = "court"
    CUSTODY = "custody"
    PLACEMENT = "placement"
    SCHOOL = "school"

    def __str__(self) -> str:
        return str(self.value)
