"""Realistic, valid SSDA903 returns of any size for one authority (test data, benchmarks).

`generate_return(authority, children, today)` builds the Header, Episodes, UASC and OC3
files of a collection year (April to March) as the DfE specifies them (CSV, dates
dd/mm/yyyy), plus the platform's `Names` file: the return holds no names, and a lookup
by name needs them (docs/ssda903.md). `Return.xml_files()` writes the same return as one
XML file (the DfE's `EXPSSDA903` form: a `CHILD` per child, its `HEADER` fields and its
`EPISODE`s) beside the Names CSV. The DfE rules (csc-validator-be-903) report no errors on
either form. Deterministic for a given seed.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

HEADER_COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODE_COLUMNS = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]
UASC_COLUMNS = ["CHILD", "SEX", "DOB", "DUC"]
OC3_COLUMNS = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]
NAMES_COLUMNS = ["CHILD", "GIVEN_NAME", "FAMILY_NAME"]

#: Full postcodes of a few authorities (from the validator's postcode reference data).
POSTCODES: dict[str, list[str]] = {
    "E09000007": ["NW5 1GH", "NW5 1EU", "NW5 3EW", "NW5 4QH", "NW5 4WT"],
    "E10000007": ["DE4 5AN", "DE4 3ET", "DE4 9AP", "DE4 2PJ", "DE4 4NF"],
    "E08000025": ["B1 3PE", "B1 1WG", "B1 3AB", "B1 3JW", "B1 2PP"],
    "E06000018": ["NG7 7JN", "NG7 7BL", "NG7 1DL", "NG7 2NX", "NG7 6AU"],
}
#: Where the children lived before care (not a placement postcode: rule 392d).
HOME_POSTCODES = {"E09000007": "NW3 1QG", "E10000007": "DE4 3AG"}
_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
ETHNIC = ["WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN"]
ETHNIC += ["AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH"]
GIVEN = ["Amelia", "Olivia", "Noah", "Leo", "Aisha", "Mohammed", "Zoë", "Oscar", "Isla"]
GIVEN += ["Kai", "Freya", "Yusuf", "Maya", "Theo", "Ruby", "Ibrahim", "Evie", "Jayden"]
FAMILY = ["Smith", "O'Brien", "Khan", "Jones", "Patel", "Williams", "Nowak", "Okafor"]
FAMILY += ["Taylor", "Brown", "Ahmed", "Evans", "Murphy", "Wilson", "Begum", "Clarke"]
#: Placements in foster care (U4-U6, own provision) and children's homes (K2, private).
FOSTER_PLACES = ["U4", "U5", "U6"]


def upn(rng: random.Random) -> str:
    """A well-formed Unique Pupil Number: its check letter, then 12 digits."""
    digits = f"{rng.randrange(201, 999)}{rng.randrange(10**8, 10**9)}"
    total = sum(int(d) * weight for d, weight in zip(digits, range(2, 14), strict=True))
    return _UPN_LETTERS[total % 23] + digits


def ddmmyyyy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def collection_year(today: date) -> tuple[date, date, str]:
    """The first and last day of the collection year holding `today`, and its name."""
    first_year = today.year if today.month >= 4 else today.year - 1
    start = date(first_year, 4, 1)
    end = date(first_year + 1, 3, 31)
    return start, end, f"{first_year}/{str(first_year + 1)[-2:]}"


@dataclass
class Episode:
    decom: date
    rne: str
    ls: str
    place: str
    provider: str
    pl_post: str
    urn: str
    dec: date | None = None
    rec: str = ""
    reason_place_change: str = ""
    cin: str = "N1"


@dataclass
class Child:
    child: str
    sex: str
    dob: date
    ethnic: str
    upn: str
    given_name: str
    family_name: str
    episodes: list[Episode] = field(default_factory=list)
    uasc: date | None = None
    oc3: tuple[str, str, str] | None = None


@dataclass
class Return:
    """One generated return: its children and its collection year."""

    authority: str
    year: str
    children: list[Child]
    home_post: str

    def files(self) -> dict[str, bytes]:
        """The files of the return: name -> CSV bytes."""
        header, episodes, uasc, oc3, names = [], [], [], [], []
        for child in self.children:
            names.append([child.child, child.given_name, child.family_name])
            mother = "0" if child.sex == "F" and child.oc3 is None else ""
            header.append(
                [child.child, child.sex, ddmmyyyy(child.dob), child.ethnic, child.upn, mother, ""]
            )
            if child.oc3 is not None:
                oc3.append([child.child, ddmmyyyy(child.dob), *child.oc3])
                continue
            if child.uasc is not None:
                uasc.append([child.child, child.sex, ddmmyyyy(child.dob), ddmmyyyy(child.uasc)])
            for e in child.episodes:
                episodes.append(
                    [
                        child.child,
                        ddmmyyyy(e.decom),
                        e.rne,
                        e.ls,
                        e.cin,
                        e.place,
                        e.provider,
                        ddmmyyyy(e.dec) if e.dec else "",
                        e.rec,
                        e.reason_place_change,
                        self.home_post,
                        e.pl_post,
                        e.urn,
                    ]
                )
        return {
            "header.csv": _csv(HEADER_COLUMNS, header),
            "episodes.csv": _csv(EPISODE_COLUMNS, episodes),
            "uasc.csv": _csv(UASC_COLUMNS, uasc),
            "oc3.csv": _csv(OC3_COLUMNS, oc3),
            "names.csv": _csv(NAMES_COLUMNS, names),
        }

    def xml(self) -> bytes:
        """The return as the DfE's XML (`EXPSSDA903`), dates dd/mm/yyyy as the validator
        reads them; the XML's own tags: CHILDID for CHILD, PL for PLACE."""
        root = Element("EXPSSDA903")
        for child in self.children:
            element = SubElement(root, "CHILD")
            header = SubElement(element, "HEADER")
            mother = "0" if child.sex == "F" and child.oc3 is None else ""
            fields = [
                ("CHILDID", child.child),
                ("SEX", child.sex),
                ("DOB", ddmmyyyy(child.dob)),
                ("ETHNIC", child.ethnic),
                ("UPN", child.upn),
                ("MOTHER", mother),
                ("MC_DOB", ""),
            ]
            # The XML says of every child whether it is UASC (rule 105), where the CSV
            # form has a UASC file of those who are.
            if child.oc3 is not None:
                fields += [("UASC", "0")]
                fields += zip(("IN_TOUCH", "ACTIV", "ACCOM"), child.oc3, strict=True)
            elif child.uasc is not None:
                fields += [("UASC", "1"), ("DUC", ddmmyyyy(child.uasc))]
            else:
                fields += [("UASC", "0")]
            for tag, value in fields:
                SubElement(header, tag).text = value or None
            if child.oc3 is not None:
                continue
            for e in child.episodes:
                episode = SubElement(element, "EPISODE")
                values = [
                    ("DECOM", ddmmyyyy(e.decom)),
                    ("RNE", e.rne),
                    ("LS", e.ls),
                    ("CIN", e.cin),
                    ("PL", e.place),
                    ("PLACE_PROVIDER", e.provider),
                    ("DEC", ddmmyyyy(e.dec) if e.dec else ""),
                    ("REC", e.rec),
                    ("REASON_PLACE_CHANGE", e.reason_place_change),
                    ("HOME_POST", self.home_post),
                    ("PL_POST", e.pl_post),
                    ("URN", e.urn),
                ]
                # Every field, blank ones too: the validator reads a child's leaves and
                # then each episode's over them, so an open episode without its own DEC
                # would take another episode's.
                for tag, value in values:
                    SubElement(episode, tag).text = value or None
        return tostring(root, encoding="utf-8", xml_declaration=True)

    def xml_files(self) -> dict[str, bytes]:
        """The return as one XML file, with the platform's Names file beside it (CSV)."""
        return {"return.xml": self.xml(), "names.csv": self.files()["names.csv"]}

    def write(self, directory: Path, *, xml: bool = False) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, content in (self.xml_files() if xml else self.files()).items():
            path = directory / name
            path.write_bytes(content)
            paths.append(path)
        return paths


def _csv(columns: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode()


def _postcode(rng: random.Random, authority: str) -> str:
    return rng.choice(POSTCODES.get(authority) or POSTCODES["E09000007"])


def _placement(rng: random.Random, authority: str, others: list[str], start: date) -> Episode:
    away = rng.random() < 0.3 and others
    area = rng.choice(others) if away else authority
    if rng.random() < 0.8:
        place, provider, urn = rng.choice(FOSTER_PLACES), "PR1", "XXXXXXX"
    else:
        place, provider, urn = "K2", "PR4", f"SC{rng.randrange(100000, 999999)}"
    return Episode(
        decom=start, rne="S", ls="C2", place=place, provider=provider,
        pl_post=_postcode(rng, area), urn=urn,
    )  # fmt: skip


def generate_return(
    authority: str,
    children: int,
    today: date,
    *,
    seed: int = 903,
    care_leavers: float = 0.25,
    first_child: int = 0,
) -> Return:
    """A return of `children` children of `authority` for the collection year of `today`.

    Each looked-after child has an episode open at the start of the year (begun in an
    earlier year) and maybe a change of placement during the year; about `care_leavers`
    of them are care leavers in the OC3 file. CHILD references are the authority's last
    three digits and a number from `first_child`.
    """
    rng = random.Random(seed)  # noqa: S311 - test data, not a secret
    start, _, year = collection_year(today)
    others = [code for code in POSTCODES if code != authority]
    result: list[Child] = []
    for index in range(children):
        ref = f"{authority[-3:]}{first_child + index:06d}"
        sex = rng.choice(["M", "F"])
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        if rng.random() < care_leavers:
            dob = start - timedelta(days=rng.randrange(18 * 365 + 10, 21 * 365 - 10))
            oc3 = ("YES", rng.choice(["F1", "F2", "G4"]), rng.choice(["D1", "E1", "R1"]))
            result.append(
                Child(ref, sex, dob, rng.choice(ETHNIC), upn(rng), given, family, oc3=oc3)
            )
            continue
        dob = start - timedelta(days=rng.randrange(3 * 365, 15 * 365))
        child = Child(ref, sex, dob, rng.choice(ETHNIC), upn(rng), given, family)
        first = start - timedelta(days=rng.randrange(60, 700))
        first = max(first, dob + timedelta(days=30))
        episode = _placement(rng, authority, others, first)
        child.episodes.append(episode)
        if rng.random() < 0.3:
            change = start + timedelta(days=rng.randrange(10, max(11, (today - start).days - 30)))
            if change < today - timedelta(days=20):
                episode.dec, episode.rec, episode.reason_place_change = change, "X1", "CARPL"
                moved = _placement(rng, authority, others, change)
                while (moved.place, moved.pl_post) == (episode.place, episode.pl_post):
                    moved = _placement(rng, authority, others, change)
                moved.rne = "P"
                child.episodes.append(moved)
        result.append(child)
    return Return(authority, year, result, HOME_POSTCODES.get(authority, "NW1 0AA"))
