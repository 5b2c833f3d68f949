from enum import StrEnum


class LocalProtocol(StrEnum):
    DERBYSHIRE = "derbyshire"
    LONDON = "london"

    def __str__(self) -> str:
        return str(self.value)
