from enum import StrEnum


class EndedReason(StrEnum):
    ENDING_EVENT = "ending_event"
    ORIGINAL_ACKNOWLEDGED = "original_acknowledged"
    ORIGINAL_ENDED = "original_ended"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
