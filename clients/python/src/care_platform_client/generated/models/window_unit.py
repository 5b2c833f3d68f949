from enum import StrEnum


class WindowUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    HOURS = "hours"
    MINUTES = "minutes"
    MONTHS = "months"
    START_OF_DAY = "start_of_day"
    WORKING_DAYS = "working_days"

    def __str__(self) -> str:
        return str(self.value)
