from enum import StrEnum


class ProviderType(StrEnum):
    OTHER_AUTHORITY = "other_authority"
    OTHER_PUBLIC = "other_public"
    OWN_AUTHORITY = "own_authority"
    PARENT_OR_PERSON_WITH_PARENTAL_RESPONSIBILITY = (
        "parent_or_person_with_parental_responsibility"
    )
    PRIVATE = "private"
    VOLUNTARY = "voluntary"

    def __str__(self) -> str:
        return str(self.value)
