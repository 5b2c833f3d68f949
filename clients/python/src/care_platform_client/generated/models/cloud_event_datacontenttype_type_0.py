from enum import StrEnum


class CloudEventDatacontenttypeType0(StrEnum):
    APPLICATIONJSON = "application/json"

    def __str__(self) -> str:
        return str(self.value)
