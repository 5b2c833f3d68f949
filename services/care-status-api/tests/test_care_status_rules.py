"""The pure rules: ages and birthdays, identifiers, periods (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from care_status.identifiers import canonical_nhs_number, canonical_pnc_id, new_person_ref
from care_status.status import (
    CareHistory,
    CareLeaverCategory,
    CareStatus,
    LegalBasis,
    LegalStatusPeriod,
    PlacementPeriod,
    PlacementType,
    age_band,
    age_on,
    birthday,
    compute_status,
    looked_after_continuously,
    months_before,
    overlaps,
)


def test_29_february_birthday_falls_on_1_march_in_other_years() -> None:
    assert birthday(date(2008, 2, 29), 18) == date(2026, 3, 1)
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (9, "under_10"),
        (10, "10_13"),
        (13, "10_13"),
        (14, "14_15"),
        (16, "16_17"),
        (17, "16_17"),
        (18, "18_20"),
        (20, "18_20"),
        (21, "21_24"),
        (24, "21_24"),
        (25, "25_plus"),
    ],
)
def test_age_bands(age: int, band: str) -> None:
    assert age_band(age) == band


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_nhs_numbers_are_accepted(number: str) -> None:
    assert canonical_nhs_number(number) == number.replace(" ", "").replace("-", "")


@pytest.mark.parametrize("number", ["9434765918", "943476591", "94347659190", "abcdefghij"])
def test_invalid_nhs_numbers_are_refused(number: str) -> None:
    with pytest.raises(ValueError):
        canonical_nhs_number(number)


def test_nhs_number_whose_check_digit_would_be_10_is_refused() -> None:
    # 1000000010: weights give a remainder of 1, so the check digit would be 10.
    with pytest.raises(ValueError, match="check digit"):
        canonical_nhs_number("1000000010")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2001/0012345H", "2001/0012345H"),
        ("01/12345H", "2001/0012345H"),
        ("0112345h", "2001/0012345H"),
        ("99/123456X", "1999/0123456X"),
    ],
)
def test_pnc_ids_have_one_canonical_form(written: str, canonical: str) -> None:
    assert canonical_pnc_id(written) == canonical


def test_pnc_id_with_a_wrong_check_letter_is_refused() -> None:
    with pytest.raises(ValueError, match="check letter"):
        canonical_pnc_id("2001/0012345A")


def test_person_refs_are_random_and_url_safe() -> None:
    refs = {new_person_ref() for _ in range(100)}

    assert len(refs) == 100
    assert all(len(ref) == 24 and ref.startswith("p_") for ref in refs)


def test_periods_that_meet_do_not_overlap() -> None:
    assert not overlaps((date(2024, 1, 1), date(2024, 6, 1)), (date(2024, 6, 1), None))
    assert overlaps((date(2024, 1, 1), None), (date(2030, 1, 1), date(2030, 2, 1)))


def test_nobody_is_looked_after_before_birth() -> None:
    history = CareHistory(
        date_of_birth=date(2020, 1, 1),
        responsible_authority="E09000007",
        legal_statuses=(LegalStatusPeriod(LegalBasis.SECTION_20, date(2020, 1, 1)),),
    )

    facts = compute_status(history, date(2019, 12, 31))

    assert (facts.status, facts.age) == (CareStatus.NO_RECORD, 0)


def test_relevant_override_becomes_former_relevant_at_18() -> None:
    history = CareHistory(
        date_of_birth=date(2008, 3, 10),
        responsible_authority="E09000007",
        left_care_on=date(2025, 9, 1),
        category_override=CareLeaverCategory.RELEVANT,
    )

    assert compute_status(history, date(2026, 3, 9)).care_leaver_category == "relevant"
    assert compute_status(history, date(2026, 3, 10)).care_leaver_category == "former_relevant"


def test_twelve_months_before_the_last_day_of_february_in_a_leap_year() -> None:
    assert months_before(date(2028, 2, 29), 12) == date(2027, 2, 28)
    assert months_before(date(2026, 3, 31), 12) == date(2025, 3, 31)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_days_on_a_short_break_placement_break_continuous_care() -> None:
    """SSDA903 OC2 and Care Planning regs 2010 reg 48: days looked after only on a short
    break do not count, even under a plain section 20 status (the break recorded on the
    placement), so a short break in the year breaks the 12 months."""
    history = CareHistory(
        date_of_birth=date(2012, 1, 1),
        responsible_authority="E09000007",
        legal_statuses=(LegalStatusPeriod(LegalBasis.SECTION_20, date(2024, 1, 1)),),
        placements=(
            PlacementPeriod(
                "E09000007",
                PlacementType.FOSTER,
                date(2025, 12, 1),
                date(2025, 12, 5),
                short_break=True,
            ),
        ),
    )

    assert looked_after_continuously(history, date(2025, 11, 30), 12)
    assert not looked_after_continuously(history, date(2026, 3, 31), 12)
    # The last day of the break was 4 December 2025 (its end date is the day it ceased).
    assert not looked_after_continuously(history, date(2026, 12, 3), 12)
    assert looked_after_continuously(history, date(2026, 12, 4), 12)


def test_the_legal_basis_of_the_day_before_stops_at_the_18th_birthday() -> None:
    """Care ends at 18 (s.91(12), s.105): on the day after the 18th birthday nothing was
    open the day before, whatever the record says."""
    history = CareHistory(
        date_of_birth=date(2008, 3, 10),
        responsible_authority="E09000007",
        legal_statuses=(LegalStatusPeriod(LegalBasis.SECTION_20, date(2024, 1, 1)),),
    )

    assert compute_status(history, date(2026, 3, 10)).legal_basis_day_before == "section_20"
    assert compute_status(history, date(2026, 3, 11)).legal_basis_day_before is None


def test_a_placement_under_a_short_break_status_is_a_short_break() -> None:
    history = CareHistory(
        date_of_birth=date(2012, 1, 1),
        responsible_authority="E09000007",
        legal_statuses=(
            LegalStatusPeriod(LegalBasis.SECTION_20, date(2026, 11, 20), short_break=True),
        ),
        placements=(PlacementPeriod("E10000007", PlacementType.FOSTER, date(2026, 11, 20)),),
    )

    facts = compute_status(history, date(2026, 11, 21))

    assert (facts.short_break, facts.placed_out_of_area) == (True, True)
