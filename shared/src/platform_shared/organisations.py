"""The reference organisations of the platform: who may be a caller, a recipient or an area.

Organisation codes are the `org` claim of a token and the recipients of notifications.
They come from data files shipped inside this package (`platform_shared/data/`),
described with their source and validity date in `reference-data.toml`:

- local authorities with children's services duties, coded by their ONS GSS code
  (`E09000007` is Camden);
- the territorial police forces of England and Wales, coded by a slug
  (`police-metropolitan`);
- other organisations: providers and the platform's own services
  (`other-organisations.csv`).

Local government reorganisation changes the list of authorities (data README), so the
list is data with a validity date (`OrganisationDirectory.valid_from`), never code:
a new list is a new csv file and a new date in `reference-data.toml`.

Two kinds of organisation are derived, one for every local authority, rather than
listed: its youth justice service, `yot-<GSS>`, and its area health services,
`health-<GSS>`. Both have the local authority's GSS code as `area_authority`. The
rules of notify-api (rules.md, "area health services", "the YJS (YOT) of the area
authority") address them by area, not by NHS body: ICB and trust boundaries do not
follow local authority boundaries and change more often, so a recipient registers
its channels against the derived code of each area it serves.

Nothing here does I/O beyond reading the package's own data files once
(`load_directory` is cached).
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

__all__ = [
    "GSS_CODE",
    "Dataset",
    "Organisation",
    "OrganisationDirectory",
    "OrganisationKind",
    "ReferenceDataError",
    "UnknownOrganisation",
    "health_code",
    "load_directory",
    "read_directory",
    "yot_code",
]

#: An English upper-tier authority: unitary (E06), county (E10), metropolitan
#: district (E08), London borough or the City (E09); E07 (shire districts) is
#: allowed so that a future list may use it.
GSS_CODE = re.compile(r"^E(06|07|08|09|10)\d{6}$")

_YOT_PREFIX = "yot-"
_HEALTH_PREFIX = "health-"
_METADATA_FILE = "reference-data.toml"
_OPTIONAL = frozenset({"area_authority"})


class OrganisationKind(StrEnum):
    """What an organisation is; `court` and `prison` are kept for future use."""

    LOCAL_AUTHORITY = "local_authority"
    POLICE = "police"
    YOT = "yot"
    HEALTH = "health"
    PROVIDER = "provider"
    PLATFORM = "platform"
    COURT = "court"
    PRISON = "prison"


_DERIVED_KINDS = frozenset({OrganisationKind.YOT, OrganisationKind.HEALTH})


@dataclass(frozen=True, slots=True)
class Organisation:
    """One organisation, by the code that identifies it on the platform.

    `area_authority` is the GSS code of the local authority whose area the
    organisation serves or sits in (a YOT, the area health services, a provider's
    home); it is None for local authorities themselves, police forces and the
    platform.
    """

    code: str
    name: str
    kind: OrganisationKind
    area_authority: str | None = None


@dataclass(frozen=True, slots=True)
class Dataset:
    """Where one reference data file comes from and from when it holds."""

    name: str
    file: str
    source: str
    valid_from: date


class UnknownOrganisation(LookupError):
    """No organisation has this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown organisation: {code!r}")
        self.code = code


class ReferenceDataError(ValueError):
    """A reference data file is missing, malformed or inconsistent."""


def yot_code(gss: str) -> str:
    """The code of the youth justice service (YOT) of a local authority."""
    return f"{_YOT_PREFIX}{gss}"


def health_code(gss: str) -> str:
    """The code of the area health services of a local authority."""
    return f"{_HEALTH_PREFIX}{gss}"


class OrganisationDirectory:
    """All reference organisations, valid from `valid_from`, looked up by code.

    Built from the listed organisations; a YOT and area health services are
    derived for every local authority among them.
    """

    def __init__(
        self,
        organisations: Iterable[Organisation],
        valid_from: date,
        datasets: Sequence[Dataset] = (),
    ) -> None:
        self.valid_from = valid_from
        self.datasets: tuple[Dataset, ...] = tuple(datasets)
        listed = list(organisations)
        by_code: dict[str, Organisation] = {}
        for organisation in listed + _derive(listed):
            if organisation.code in by_code:
                raise ReferenceDataError(f"organisation code listed twice: {organisation.code}")
            by_code[organisation.code] = organisation
        self._by_code = by_code
        self._check_area_authorities()

    def _check_area_authorities(self) -> None:
        for organisation in self._by_code.values():
            area = organisation.area_authority
            if area is not None and not self.is_local_authority(area):
                raise ReferenceDataError(
                    f"{organisation.code}: area authority {area} is not a local authority"
                )

    def get(self, code: str) -> Organisation | None:
        """The organisation with this code, or None."""
        return self._by_code.get(code)

    def require(self, code: str) -> Organisation:
        """The organisation with this code; raises UnknownOrganisation if there is none."""
        organisation = self._by_code.get(code)
        if organisation is None:
            raise UnknownOrganisation(code)
        return organisation

    def of_kind(self, kind: OrganisationKind) -> list[Organisation]:
        """Every organisation of one kind, in code order."""
        return sorted((o for o in self._by_code.values() if o.kind is kind), key=lambda o: o.code)

    def local_authorities(self) -> list[Organisation]:
        """The local authorities with children's services duties, in GSS code order."""
        return self.of_kind(OrganisationKind.LOCAL_AUTHORITY)

    def police_forces(self) -> list[Organisation]:
        """The territorial police forces of England and Wales, in code order."""
        return self.of_kind(OrganisationKind.POLICE)

    def is_local_authority(self, code: str) -> bool:
        """Whether `code` is the GSS code of a local authority in the directory."""
        organisation = self._by_code.get(code)
        return organisation is not None and organisation.kind is OrganisationKind.LOCAL_AUTHORITY

    def yot_for(self, gss: str) -> str:
        """The code of the YOT of the local authority `gss` (raises UnknownOrganisation)."""
        self._require_local_authority(gss)
        return yot_code(gss)

    def health_for(self, gss: str) -> str:
        """The code of the area health services of `gss` (raises UnknownOrganisation)."""
        self._require_local_authority(gss)
        return health_code(gss)

    def _require_local_authority(self, gss: str) -> None:
        if not self.is_local_authority(gss):
            raise UnknownOrganisation(gss)

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Organisation]:
        return iter(sorted(self._by_code.values(), key=lambda o: o.code))

    def __repr__(self) -> str:
        return f"OrganisationDirectory({len(self)} organisations, valid from {self.valid_from})"


def _derive(listed: Sequence[Organisation]) -> list[Organisation]:
    derived: list[Organisation] = []
    for la in listed:
        if la.kind is not OrganisationKind.LOCAL_AUTHORITY:
            continue
        derived.append(
            Organisation(
                yot_code(la.code), f"{la.name} youth justice service", OrganisationKind.YOT, la.code
            )
        )
        derived.append(
            Organisation(
                health_code(la.code),
                f"{la.name} area health services",
                OrganisationKind.HEALTH,
                la.code,
            )
        )
    return derived


def _read_datasets(root: Traversable) -> dict[str, Dataset]:
    try:
        metadata = tomllib.loads((root / _METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ReferenceDataError(f"{_METADATA_FILE}: {error}") from error
    entries = metadata.get("dataset")
    if not isinstance(entries, list):
        raise ReferenceDataError(f"{_METADATA_FILE}: no [[dataset]] entries")
    datasets: dict[str, Dataset] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise ReferenceDataError(f"{_METADATA_FILE}: a dataset must be a table")
        name, file, source, valid_from = (
            entry.get("name"),
            entry.get("file"),
            entry.get("source"),
            entry.get("valid_from"),
        )
        if not (isinstance(name, str) and isinstance(file, str) and isinstance(source, str)):
            raise ReferenceDataError(f"{_METADATA_FILE}: dataset needs name, file and source")
        if not isinstance(valid_from, date) or isinstance(valid_from, datetime):
            raise ReferenceDataError(f"{_METADATA_FILE}: {name}: valid_from must be a date")
        datasets[name] = Dataset(name, file, source, valid_from)
    return datasets


def _read_rows(root: Traversable, dataset: Dataset, columns: tuple[str, ...]) -> list[list[str]]:
    try:
        text = (root / dataset.file).read_text(encoding="utf-8")
    except OSError as error:
        raise ReferenceDataError(f"{dataset.file}: {error}") from error
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != columns:
        raise ReferenceDataError(f"{dataset.file}: the header must be {','.join(columns)}")
    body = [row for row in rows[1:] if row]
    required = [index for index, column in enumerate(columns) if column not in _OPTIONAL]
    for number, row in enumerate(body, start=2):
        if len(row) != len(columns) or not all(row[index] for index in required):
            raise ReferenceDataError(f"{dataset.file}, row {number}: {row!r}")
    return body


def _local_authorities(root: Traversable, dataset: Dataset) -> list[Organisation]:
    authorities = []
    for gss, name, _authority_type in _read_rows(root, dataset, ("gss_code", "name", "kind")):
        if not GSS_CODE.fullmatch(gss):
            raise ReferenceDataError(f"{dataset.file}: not an English authority GSS code: {gss}")
        authorities.append(Organisation(gss, name, OrganisationKind.LOCAL_AUTHORITY))
    return authorities


def _police_forces(root: Traversable, dataset: Dataset) -> list[Organisation]:
    return [
        Organisation(code, f"{force_area} police", OrganisationKind.POLICE)
        for code, force_area in _read_rows(root, dataset, ("code", "force_area"))
    ]


def _other_organisations(root: Traversable, dataset: Dataset) -> list[Organisation]:
    others = []
    columns = ("code", "name", "kind", "area_authority")
    for code, name, kind_name, area in _read_rows(root, dataset, columns):
        try:
            kind = OrganisationKind(kind_name)
        except ValueError as error:
            raise ReferenceDataError(f"{dataset.file}: {code}: unknown kind {kind_name}") from error
        if kind is OrganisationKind.LOCAL_AUTHORITY or kind in _DERIVED_KINDS:
            raise ReferenceDataError(f"{dataset.file}: {code}: {kind} is not listed here")
        others.append(Organisation(code, name, kind, area or None))
    return others


def read_directory(root: Traversable) -> OrganisationDirectory:
    """Read a directory from a folder holding `reference-data.toml` and the files it names.

    Raises ReferenceDataError when a file is missing or inconsistent.
    """
    datasets = _read_datasets(root)
    readers = {
        "local_authorities": _local_authorities,
        "police_forces": _police_forces,
        "other_organisations": _other_organisations,
    }
    missing = sorted(set(readers) - set(datasets))
    if missing:
        raise ReferenceDataError(f"{_METADATA_FILE}: datasets missing: {', '.join(missing)}")
    organisations: list[Organisation] = []
    for name, read in readers.items():
        organisations.extend(read(root, datasets[name]))
    return OrganisationDirectory(
        organisations,
        valid_from=max(dataset.valid_from for dataset in datasets.values()),
        datasets=[datasets[name] for name in readers],
    )


@cache
def load_directory() -> OrganisationDirectory:
    """The directory shipped in this package (`platform_shared/data/`), read once."""
    return read_directory(files("platform_shared") / "data")
