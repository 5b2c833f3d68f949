"""The SSDA903 return mapped to the platform's model (docs/ssda903.md). Pure.

Each child is built from its rows of every file: the Header (who), the Episodes (legal
statuses and placements), UASC, OC3 (care leavers). What cannot be mapped (an unknown or
retired code, a bad date, overlapping episodes) is an error of that child: the child is
refused whole. What can be mapped but not fully (a placement postcode spanning several
authorities) is a warning: the child loads and the report says what is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from care_status.placements.models import ProviderType
from care_status.status import ADULT_AGE, birthday
from platform_shared.contracts.vocabularies import (
    CareLeaverCategory,
    Ethnicity,
    LegalBasis,
    PlacementType,
    Sex,
)

#: SSDA903 LS -> the legal basis and whether it is a short break (V3/V4: reg 48).
LEGAL_STATUS: dict[str, tuple[LegalBasis, bool]] = {
    "C1": (LegalBasis.INTERIM_CARE_ORDER_S38, False),
    "C2": (LegalBasis.CARE_ORDER_S31, False),
    "D1": (LegalBasis.PLACEMENT_ORDER_ACA_S21, False),
    "E1": (LegalBasis.PLACEMENT_ORDER_ACA_S21, False),
    "J1": (LegalBasis.REMAND_LASPO_S104, False),
    "J2": (LegalBasis.PACE_S38_6, False),
    "J3": (LegalBasis.YOUTH_REHABILITATION_ORDER_RESIDENCE, False),
    "L1": (LegalBasis.POLICE_PROTECTION_S46, False),
    "L2": (LegalBasis.EMERGENCY_PROTECTION_ORDER_S44, False),
    "L3": (LegalBasis.CHILD_ASSESSMENT_ORDER_S43, False),
    "V2": (LegalBasis.SECTION_20, False),
    "V3": (LegalBasis.SECTION_20, True),
    "V4": (LegalBasis.SECTION_20, True),
}

#: SSDA903 PLACE (2023/24 onwards) -> the platform's placement type.
PLACEMENT: dict[str, PlacementType] = {
    "A3": PlacementType.OTHER,
    "A4": PlacementType.OTHER,
    "A5": PlacementType.OTHER,
    "A6": PlacementType.OTHER,
    "H5": PlacementType.SUPPORTED_ACCOMMODATION,
    "K1": PlacementType.SECURE_CHILDRENS_HOME,
    "K2": PlacementType.CHILDRENS_HOME,
    "P1": PlacementType.OTHER,
    "P2": PlacementType.OTHER,
    "P3": PlacementType.OTHER,
    "R1": PlacementType.OTHER,
    "R2": PlacementType.OTHER,
    "R3": PlacementType.OTHER,
    "R5": PlacementType.OTHER,
    "S1": PlacementType.RESIDENTIAL_SCHOOL,
    "T0": PlacementType.OTHER,
    "T1": PlacementType.OTHER,
    "T2": PlacementType.OTHER,
    "T3": PlacementType.OTHER,
    "T4": PlacementType.OTHER,
    "U1": PlacementType.KINSHIP,
    "U2": PlacementType.KINSHIP,
    "U3": PlacementType.KINSHIP,
    "U4": PlacementType.FOSTER,
    "U5": PlacementType.FOSTER,
    "U6": PlacementType.FOSTER,
    "Z1": PlacementType.OTHER,
}

#: PLACE_PROVIDER; blank where the placement has none (placed for adoption, say).
PROVIDER_TYPE: dict[str, ProviderType | None] = {
    "": None,
    "PR0": ProviderType.PARENT_OR_PERSON_WITH_PARENTAL_RESPONSIBILITY,
    "PR1": ProviderType.OWN_AUTHORITY,
    "PR2": ProviderType.OTHER_AUTHORITY,
    "PR3": ProviderType.OTHER_PUBLIC,
    "PR4": ProviderType.PRIVATE,
    "PR5": ProviderType.VOLUNTARY,
}
#: URN of a setting Ofsted does not register (a placement with family, say), or one
#: whose URN is not yet known: no reference.
NO_URN = ("", "XXXXXXX")

SEX: dict[str, Sex] = {"M": Sex.MALE, "F": Sex.FEMALE, "U": Sex.NOT_STATED}

ETHNIC: dict[str, Ethnicity] = {
    "WBRI": Ethnicity.WHITE_BRITISH,
    "WIRI": Ethnicity.WHITE_IRISH,
    "WIRT": Ethnicity.TRAVELLER_OF_IRISH_HERITAGE,
    "WROM": Ethnicity.GYPSY_ROMA,
    "WOTH": Ethnicity.ANY_OTHER_WHITE_BACKGROUND,
    "MWBC": Ethnicity.WHITE_AND_BLACK_CARIBBEAN,
    "MWBA": Ethnicity.WHITE_AND_BLACK_AFRICAN,
    "MWAS": Ethnicity.WHITE_AND_ASIAN,
    "MOTH": Ethnicity.ANY_OTHER_MIXED_BACKGROUND,
    "AIND": Ethnicity.INDIAN,
    "APKN": Ethnicity.PAKISTANI,
    "ABAN": Ethnicity.BANGLADESHI,
    "AOTH": Ethnicity.ANY_OTHER_ASIAN_BACKGROUND,
    "BCRB": Ethnicity.CARIBBEAN,
    "BAFR": Ethnicity.AFRICAN,
    "BOTH": Ethnicity.ANY_OTHER_BLACK_BACKGROUND,
    "CHNE": Ethnicity.CHINESE,
    "OOTH": Ethnicity.ANY_OTHER_ETHNIC_GROUP,
    "REFU": Ethnicity.REFUSED,
    "NOBT": Ethnicity.INFORMATION_NOT_YET_OBTAINED,
}

#: RNE: a new episode that is not a change of legal status alone starts a new placement.
LEGAL_STATUS_ONLY = "L"
#: REC: the episode ended but the child stayed looked after.
STILL_LOOKED_AFTER = "X1"


@dataclass(frozen=True)
class Row:
    """One data row of one file (`index` 0-based, as the validator numbers them)."""

    file: str
    index: int
    values: Mapping[str, str]

    def get(self, column: str) -> str:
        return (self.values.get(column) or "").strip()


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    child: str | None
    file: str | None
    row: int | None
    severity: str = "error"


@dataclass(frozen=True)
class WantedLegalStatus:
    basis: LegalBasis
    short_break: bool
    start: date
    end: date | None


@dataclass(frozen=True)
class WantedPlacement:
    placement_type: PlacementType
    area_authority: str
    start: date
    end: date | None
    provider: str | None
    short_break: bool
    provider_urn: str | None = None
    provider_type: ProviderType | None = None


@dataclass
class WantedChild:
    """What the return says of one child, ready to be compared with the record."""

    ref: str
    date_of_birth: date
    sex: Sex | None = None
    ethnicity: Ethnicity | None = None
    uasc: bool = False
    given_name: str | None = None
    family_name: str | None = None
    legal_statuses: list[WantedLegalStatus] = field(default_factory=list)
    placements: list[WantedPlacement] = field(default_factory=list)
    left_care_on: date | None = None
    care_leaver_category: CareLeaverCategory | None = None
    rows: int = 0


def parse_date(value: str) -> date | None:
    """A dd/mm/yyyy date (the return's form), or ISO yyyy-mm-dd (its XML); None if bad."""
    for form in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    return None


class ChildRefused(Exception):
    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _date(row: Row, column: str, child: str, *, required: bool = True) -> date | None:
    raw = row.get(column)
    if not raw and not required:
        return None
    parsed = parse_date(raw)
    if parsed is None:
        raise ChildRefused(
            Issue(
                "MAP_DATE",
                f"{column} is not a date (dd/mm/yyyy): {raw!r}",
                child,
                row.file,
                row.index,
            )
        )
    return parsed


def _code(row: Row, column: str, table: Mapping[str, object], child: str) -> str:
    raw = row.get(column).upper()
    if raw not in table:
        raise ChildRefused(
            Issue(
                "MAP_CODE",
                f"{column} code {raw!r} is unknown or retired",
                child,
                row.file,
                row.index,
            )
        )
    return raw


def _provider_type(row: Row, child: str, warnings: list[Issue]) -> ProviderType | None:
    """PLACE_PROVIDER's type; an unknown code is reported and left unknown, not guessed,
    and does not refuse the child (who provides a placement is not what a lookup answers)."""
    raw = row.get("PLACE_PROVIDER").upper()
    if raw in PROVIDER_TYPE:
        return PROVIDER_TYPE[raw]
    message = f"PLACE_PROVIDER code {raw!r} is unknown or retired: the provider's type is unknown"
    warnings.append(Issue("MAP_CODE", message, child, row.file, row.index, "warning"))
    return None


def _area(
    row: Row, child: str, areas: Mapping[str, Sequence[str]], known: set[str], warnings: list[Issue]
) -> str | None:
    """The area authority of a placement's postcode; None (and a warning) when it is not
    one English authority of the reference data."""
    postcode = row.get("PL_POST").upper()
    found = [code for code in areas.get(postcode, ()) if code in known]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        message = f"PL_POST {postcode!r} spans {len(found)} authorities ({', '.join(found)}): area unknown"
    elif postcode:
        message = f"PL_POST {postcode!r} is not in an English authority's area: area unknown"
    else:
        message = "PL_POST is missing: area unknown"
    warnings.append(Issue("MAP_AREA", message, child, row.file, row.index, "warning"))
    return None


def map_child(
    ref: str,
    rows: Mapping[str, Sequence[Row]],
    *,
    areas: Mapping[str, Sequence[str]],
    authorities: set[str],
    provider_codes: Mapping[str, str],
) -> tuple[WantedChild, list[Issue]]:
    """The child `ref` from its rows of each file (by table name); raises `ChildRefused`."""
    warnings: list[Issue] = []
    header = list(rows.get("Header", ()))
    oc3 = list(rows.get("OC3", ()))
    if len(header) > 1:
        raise ChildRefused(
            Issue(
                "MAP_DUPLICATE",
                "the child has more than one Header row",
                ref,
                header[1].file,
                header[1].index,
            )
        )
    source = header[0] if header else (oc3[0] if oc3 else None)
    if source is None:
        first = next(iter(r for group in rows.values() for r in group))
        raise ChildRefused(
            Issue("MAP_HEADER", "the child has no Header row", ref, first.file, first.index)
        )
    dob = _date(source, "DOB", ref)
    assert dob is not None
    child = WantedChild(ref=ref, date_of_birth=dob, rows=sum(len(group) for group in rows.values()))
    if header:
        child.sex = SEX[_code(header[0], "SEX", SEX, ref)]
        child.ethnicity = ETHNIC[_code(header[0], "ETHNIC", ETHNIC, ref)]
    child.uasc = bool(rows.get("UASC"))
    for name in rows.get("Names", ()):
        child.given_name = name.get("GIVEN_NAME") or None
        child.family_name = name.get("FAMILY_NAME") or None
    episodes = sorted(
        rows.get("Episodes", ()), key=lambda r: parse_date(r.get("DECOM")) or date.min
    )
    _map_episodes(child, episodes, areas, authorities, provider_codes, warnings)
    if oc3 and not child.legal_statuses:
        # OC3 holds care leavers aged 17 to 21 with no episode of care this year: they left
        # care at 18 at the latest, and were looked after at 16 (docs/ssda903.md).
        child.left_care_on = birthday(dob, ADULT_AGE)
        child.care_leaver_category = CareLeaverCategory.FORMER_RELEVANT
    elif child.legal_statuses and child.legal_statuses[-1].end is not None:
        last = episodes[-1]
        if last.get("REC").upper() != STILL_LOOKED_AFTER:
            child.left_care_on = child.legal_statuses[-1].end
    return child, warnings


def _map_episodes(
    child: WantedChild,
    episodes: Sequence[Row],
    areas: Mapping[str, Sequence[str]],
    authorities: set[str],
    provider_codes: Mapping[str, str],
    warnings: list[Issue],
) -> None:
    previous_end: date | None = None
    for index, row in enumerate(episodes):
        start = _date(row, "DECOM", child.ref)
        end = _date(row, "DEC", child.ref, required=False)
        assert start is not None
        if start < child.date_of_birth:
            raise ChildRefused(
                Issue("MAP_DATE", "DECOM is before DOB", child.ref, row.file, row.index)
            )
        if end is not None and end < start:
            raise ChildRefused(
                Issue("MAP_DATE", "DEC is before DECOM", child.ref, row.file, row.index)
            )
        if index and (previous_end is None or start < previous_end):
            raise ChildRefused(
                Issue(
                    "MAP_OVERLAP",
                    "the episode overlaps the one before it",
                    child.ref,
                    row.file,
                    row.index,
                )
            )
        basis, short_break = LEGAL_STATUS[_code(row, "LS", LEGAL_STATUS, child.ref)]
        place = PLACEMENT[_code(row, "PLACE", PLACEMENT, child.ref)]
        contiguous = index > 0 and previous_end == start
        last_status = child.legal_statuses[-1] if child.legal_statuses else None
        if (
            contiguous
            and last_status is not None
            and (last_status.basis, last_status.short_break) == (basis, short_break)
        ):
            child.legal_statuses[-1] = WantedLegalStatus(basis, short_break, last_status.start, end)
        else:
            child.legal_statuses.append(WantedLegalStatus(basis, short_break, start, end))
        area = _area(row, child.ref, areas, authorities, warnings)
        urn = row.get("URN").upper()
        provider = provider_codes.get(urn)
        provider_type = _provider_type(row, child.ref, warnings)
        same_placement = contiguous and row.get("RNE").upper() == LEGAL_STATUS_ONLY
        last_placement = child.placements[-1] if child.placements else None
        if same_placement and last_placement is not None:
            child.placements[-1] = WantedPlacement(
                last_placement.placement_type,
                last_placement.area_authority,
                last_placement.start,
                end,
                last_placement.provider,
                last_placement.short_break,
                last_placement.provider_urn,
                last_placement.provider_type,
            )
        elif area is not None:
            child.placements.append(
                WantedPlacement(
                    place,
                    area,
                    start,
                    end,
                    provider,
                    short_break,
                    provider_urn=None if urn in NO_URN else urn,
                    provider_type=provider_type,
                )
            )
        previous_end = end
