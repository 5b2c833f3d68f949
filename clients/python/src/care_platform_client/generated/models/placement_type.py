from enum import StrEnum


class PlacementType(StrEnum):
    CHILDRENS_HOME = "childrens_home"
    FOSTER = "foster"
    KINSHIP = "kinship"
    OTHER = "other"
    RESIDENTIAL_SCHOOL = "residential_school"
    SECURE_CHILDRENS_HOME = "secure_childrens_home"
    SUPPORTED_ACCOMMODATION = "supported_accommodation"

    def __str__(self) -> str:
        return str(self.value)
