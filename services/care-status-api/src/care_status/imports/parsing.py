"""The files of one upload read into tables of rows, or refused as unusable (a 4xx).

A CSV file is recognised by its header line (the DfE's columns of each file, the
validator's `config.column_names`); the platform's `Names` file (CHILD, GIVEN_NAME,
FAMILY_NAME) is recognised the same way. An XML file is the DfE's: one element per
child, its fields as leaves, its episodes as `EPISODE` elements. Rows keep their 0-based
index in their file, as the validator reports them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from care_status.imports.mapping import Row

#: The columns of each file of the return this service reads, and of the Names file.
COLUMNS: dict[str, tuple[str, ...]] = {
    "Header": ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
    "Episodes": (
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
    ),
    "UASC": ("CHILD", "SEX", "DOB", "DUC"),
    "OC3": ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
    "Names": ("CHILD", "GIVEN_NAME", "FAMILY_NAME"),
}
#: The other files of the return: validated, not mapped.
OTHER_FILES: dict[str, tuple[str, ...]] = {
    "Reviews": ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
    "Missing": ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
    "PlacedAdoption": (
        "CHILD",
        "DOB",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ),
    "PrevPerm": ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
}
#: Files the validator is not given (they are the platform's, not the DfE's).
PLATFORM_FILES = frozenset({"Names"})


class UnusableUpload(Exception):
    """The upload cannot be imported at all: `field` and `reason` name what is wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class Tables:
    """The rows of each file (by table name), and which uploaded file each table is."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    #: The LEA number an XML return names (`<LEA>`), if any.
    lea: str | None = None

    @property
    def total_rows(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def _table_of(columns: Sequence[str]) -> str | None:
    wanted = tuple(column.strip().upper() for column in columns)
    for name, known in (*COLUMNS.items(), *OTHER_FILES.items()):
        if set(wanted) == set(known):
            return name
    return None


def _decode(name: str, content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise UnusableUpload(
                f"files.{name}", "is neither UTF-8 nor Windows-1252 text"
            ) from error


def _read_csv(tables: Tables, name: str, text: str, max_rows: int) -> None:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise UnusableUpload(f"files.{name}", "is empty or not CSV") from error
    table = _table_of(header)
    if table is None:
        raise UnusableUpload(
            f"files.{name}",
            f"its columns ({', '.join(header[:15])}) are not those of an SSDA903 file",
        )
    if table in tables.rows:
        raise UnusableUpload(f"files.{name}", f"a second {table} file ({tables.files[table]})")
    columns = [column.strip().upper() for column in header]
    rows: list[Row] = []
    try:
        for index, values in enumerate(reader):
            if len(rows) >= max_rows:
                raise UnusableUpload(f"files.{name}", f"has more than {max_rows} rows")
            if not any(value.strip() for value in values):
                continue
            rows.append(Row(name, index, dict(zip(columns, values, strict=False))))
    except csv.Error as error:
        raise UnusableUpload(f"files.{name}", f"is not valid CSV: {error}") from error
    tables.rows[table] = rows
    tables.files[table] = name


def _leaves(element: Element) -> dict[str, str]:
    renamed = {"CHILDID": "CHILD", "PL": "PLACE"}
    return {
        renamed.get(node.tag, node.tag): (node.text or "").strip()
        for node in element.iter()
        if len(node) == 0 and node.tag != "EPISODE"
    }


def _read_xml(tables: Tables, name: str, content: bytes, max_rows: int) -> None:
    try:
        root = ElementTree.fromstring(content)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise UnusableUpload(f"files.{name}", f"is not well-formed XML: {error}") from error
    children = [element for element in root if element.tag.upper() in {"CHILD", "CHILDREN"}]
    header_element = root.find("Header")
    if header_element is not None:
        lea = header_element.findtext(".//LEA")
        tables.lea = lea.strip() if lea else None
    flat: list[Element] = []
    for element in children:
        flat.extend(list(element) if element.tag.upper() == "CHILDREN" else [element])
    if not flat or not any(e.find(".//CHILDID") is not None for e in flat):
        raise UnusableUpload(
            f"files.{name}", "is not an SSDA903 XML return (no CHILD elements with a CHILDID)"
        )
    header: list[Row] = []
    episodes: list[Row] = []
    uasc: list[Row] = []
    oc3: list[Row] = []
    for index, element in enumerate(flat):
        values = {
            key: value
            for key, value in _leaves(element).items()
            if key in {*COLUMNS["Header"], *COLUMNS["UASC"], *COLUMNS["OC3"]}
        }
        header.append(Row(name, index, values))
        if values.get("DUC"):
            uasc.append(Row(name, index, values))
        if values.get("IN_TOUCH"):
            oc3.append(Row(name, index, values))
        for episode in element.iter("EPISODE"):
            episodes.append(Row(name, len(episodes), {**values, **_leaves(episode)}))
            if len(episodes) > max_rows:
                raise UnusableUpload(f"files.{name}", f"has more than {max_rows} rows")
    for table, rows in (("Header", header), ("Episodes", episodes), ("UASC", uasc), ("OC3", oc3)):
        if table in tables.rows:
            raise UnusableUpload(f"files.{name}", f"a second {table} table")
        tables.rows[table] = rows
        tables.files[table] = name


def read_upload(files: Sequence[tuple[str, bytes]], *, max_rows: int) -> Tables:
    """The tables of the upload; `UnusableUpload` when it cannot be imported at all."""
    if not files:
        raise UnusableUpload("files", "no file was uploaded")
    tables = Tables()
    kinds = set()
    for name, content in files:
        lowered = name.lower()
        if lowered.endswith(".xml"):
            kinds.add("xml")
            _read_xml(tables, name, content, max_rows)
        elif lowered.endswith(".csv"):
            kinds.add("csv")
            _read_csv(tables, name, _decode(name, content), max_rows)
        else:
            raise UnusableUpload(f"files.{name}", "is neither CSV (.csv) nor XML (.xml)")
    csv_tables = {t for t, n in tables.files.items() if n.lower().endswith(".csv")}
    if "xml" in kinds and csv_tables - PLATFORM_FILES:
        raise UnusableUpload("files", "mixes CSV and XML files of the return: send one form")
    if "Episodes" not in tables.rows:
        raise UnusableUpload("files", "the Episodes file is missing")
    if "Header" not in tables.rows:
        raise UnusableUpload("files", "the Header file is missing")
    return tables
