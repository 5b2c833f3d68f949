from enum import StrEnum


class Ethnicity(StrEnum):
    AFRICAN = "african"
    ANY_OTHER_ASIAN_BACKGROUND = "any_other_asian_background"
    ANY_OTHER_BLACK_BACKGROUND = "any_other_black_background"
    ANY_OTHER_ETHNIC_GROUP = "any_other_ethnic_group"
    ANY_OTHER_MIXED_BACKGROUND = "any_other_mixed_background"
    ANY_OTHER_WHITE_BACKGROUND = "any_other_white_background"
    ARAB = "arab"
    BANGLADESHI = "bangladeshi"
    CARIBBEAN = "caribbean"
    CHINESE = "chinese"
    GYPSY_ROMA = "gypsy_roma"
    INDIAN = "indian"
    INFORMATION_NOT_YET_OBTAINED = "information_not_yet_obtained"
    PAKISTANI = "pakistani"
    REFUSED = "refused"
    TRAVELLER_OF_IRISH_HERITAGE = "traveller_of_irish_heritage"
    WHITE_AND_ASIAN = "white_and_asian"
    WHITE_AND_BLACK_AFRICAN = "white_and_black_african"
    WHITE_AND_BLACK_CARIBBEAN = "white_and_black_caribbean"
    WHITE_BRITISH = "white_british"
    WHITE_IRISH = "white_irish"

    def __str__(self) -> str:
        return str(self.value)
