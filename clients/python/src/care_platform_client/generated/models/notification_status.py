from enum import StrEnum


class NotificationStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    DELIVERED = "delivered"
    ENDED = "ended"
    OVERDUE = "overdue"
    PENDING = "pending"
    WITHHELD = "withheld"

    def __str__(self) -> str:
        return str(self.value)
