"""The reference organisations shipped with the package, and how a directory is read."""

from __future__ import annotations

import dataclasses
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

from platform_shared.organisations import (
    GSS_CODE,
    Organisation,
    OrganisationDirectory,
    OrganisationKind,
    ReferenceDataError,
    UnknownOrganisation,
    load_directory,
    read_directory,
)

DATA_FILES = (
    "english-childrens-services-authorities.csv",
    "police-forces-england-wales.csv",
    "other-organisations.csv",
    "reference-data.toml",
)


def _copy_data(tmp_path: Path) -> Path:
    source = files("platform_shared") / "data"
    for name in DATA_FILES:
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_data_files_are_package_resources() -> None:
    data = files("platform_shared") / "data"

    for name in DATA_FILES:
        assert (data / name).is_file(), name


def test_there_are_153_local_authorities() -> None:
    assert len(load_directory().local_authorities()) == 153


def test_there_are_43_police_forces() -> None:
    assert len(load_directory().police_forces()) == 43


def test_every_local_authority_code_is_an_english_gss_code() -> None:
    for authority in load_directory().local_authorities():
        assert GSS_CODE.fullmatch(authority.code), authority.code


def test_camden_is_e09000007() -> None:
    camden = load_directory().require("E09000007")

    assert camden == Organisation("E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY, None)


def test_derbyshire_is_e10000007() -> None:
    assert load_directory().require("E10000007").name == "Derbyshire"


def test_yot_of_camden_is_derived() -> None:
    directory = load_directory()

    yot = directory.require("yot-E09000007")

    assert yot.kind is OrganisationKind.YOT
    assert yot.area_authority == "E09000007"
    assert directory.yot_for("E09000007") == "yot-E09000007"


def test_area_health_services_of_derbyshire_are_derived() -> None:
    directory = load_directory()

    health = directory.require("health-E10000007")

    assert health.kind is OrganisationKind.HEALTH
    assert health.area_authority == "E10000007"
    assert directory.health_for("E10000007") == "health-E10000007"


def test_every_local_authority_has_a_yot_and_area_health_services() -> None:
    directory = load_directory()

    assert len(directory.of_kind(OrganisationKind.YOT)) == 153
    assert len(directory.of_kind(OrganisationKind.HEALTH)) == 153


def test_demo_client_police_forces_exist() -> None:
    directory = load_directory()

    assert directory.require("police-metropolitan").kind is OrganisationKind.POLICE
    assert directory.require("police-derbyshire").kind is OrganisationKind.POLICE


def test_demo_provider_is_in_derbyshire() -> None:
    provider = load_directory().require("provider-demo-home")

    assert provider.name == "Demo children's home"
    assert provider.kind is OrganisationKind.PROVIDER
    assert provider.area_authority == "E10000007"


def test_platform_services_are_an_organisation() -> None:
    platform = load_directory().require("platform")

    assert platform.kind is OrganisationKind.PLATFORM
    assert platform.area_authority is None


def test_unknown_code_raises_unknown_organisation() -> None:
    directory = load_directory()

    with pytest.raises(UnknownOrganisation) as raised:
        directory.require("E09999999")

    assert raised.value.code == "E09999999"
    assert isinstance(raised.value, LookupError)
    assert directory.get("E09999999") is None
    assert "E09999999" not in directory


def test_yot_of_a_police_force_is_unknown() -> None:
    with pytest.raises(UnknownOrganisation):
        load_directory().yot_for("police-derbyshire")


def test_is_local_authority() -> None:
    directory = load_directory()

    assert directory.is_local_authority("E09000007")
    assert not directory.is_local_authority("yot-E09000007")
    assert not directory.is_local_authority("police-metropolitan")


def test_directory_counts_listed_and_derived_organisations() -> None:
    directory = load_directory()

    assert len(directory) == 153 * 3 + 43 + 2
    assert "police-metropolitan" in directory
    assert len(list(directory)) == len(directory)


def test_directory_is_valid_from_april_2023() -> None:
    directory = load_directory()

    assert directory.valid_from == date(2023, 4, 1)
    assert {dataset.file for dataset in directory.datasets} == set(DATA_FILES[:3])
    assert all(dataset.source for dataset in directory.datasets)


def test_directory_is_loaded_once() -> None:
    assert load_directory() is load_directory()


def test_organisations_are_immutable() -> None:
    camden = load_directory().require("E09000007")

    with pytest.raises(dataclasses.FrozenInstanceError):
        camden.name = "Somewhere else"  # type: ignore[misc]


def test_a_new_list_takes_its_validity_date_from_the_data(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    metadata = root / "reference-data.toml"
    metadata.write_text(
        metadata.read_text(encoding="utf-8").replace(
            'valid_from = 2023-04-01\n\n[[dataset]]\nname = "police_forces"',
            'valid_from = 2027-04-01\n\n[[dataset]]\nname = "police_forces"',
        ),
        encoding="utf-8",
    )

    assert read_directory(root).valid_from == date(2027, 4, 1)


def test_a_malformed_gss_code_is_refused(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    authorities = root / "english-childrens-services-authorities.csv"
    with authorities.open("a", encoding="utf-8") as file:
        file.write("W06000001,Isle of Anglesey,unitary_authority\n")

    with pytest.raises(ReferenceDataError):
        read_directory(root)


def test_an_area_authority_that_is_not_listed_is_refused(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    others = root / "other-organisations.csv"
    with others.open("a", encoding="utf-8") as file:
        file.write("provider-elsewhere,Elsewhere home,provider,E10999999\n")

    with pytest.raises(ReferenceDataError):
        read_directory(root)


def test_a_code_listed_twice_is_refused() -> None:
    camden = Organisation("E09000007", "Camden", OrganisationKind.LOCAL_AUTHORITY)

    with pytest.raises(ReferenceDataError):
        OrganisationDirectory([camden, camden], valid_from=date(2023, 4, 1))


def test_a_missing_data_file_is_refused(tmp_path: Path) -> None:
    root = _copy_data(tmp_path)
    (root / "police-forces-england-wales.csv").unlink()

    with pytest.raises(ReferenceDataError):
        read_directory(root)
