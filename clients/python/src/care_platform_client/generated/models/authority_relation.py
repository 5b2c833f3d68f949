from enum import StrEnum


class AuthorityRelation(StrEnum):
    ANY = "any"
    AREA = "area"
    RESPONSIBLE = "responsible"

    def __str__(self) -> str:
        return str(self.value)
