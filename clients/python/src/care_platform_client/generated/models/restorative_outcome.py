from enum import StrEnum


class RestorativeOutcome(StrEnum):
    COMPLETED = "completed"
    DECLINED_BY_CHILD = "declined_by_child"
    DECLINED_BY_VICTIM = "declined_by_victim"
    IN_PROGRESS = "in_progress"
    NOT_SUITABLE = "not_suitable"
    PARTLY_COMPLETED = "partly_completed"

    def __str__(self) -> str:
        return str(self.value)
