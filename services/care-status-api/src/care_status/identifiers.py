"""Person identifiers: NHS numbers, PNC ids and person_refs. Pure functions, no I/O.

Each `canonical_*` function returns the stored form of an identifier or raises ValueError
with the reason, so that the same value typed two ways matches the same record.
"""

from __future__ import annotations

import re
import secrets

_NHS_SEPARATORS = re.compile(r"[\s-]")
_NHS_FORMAT = re.compile(r"^\d{10}$")
_PNC_FORMAT = re.compile(r"^(\d{2}|\d{4})/?(\d{1,7})([A-Z])$")
_PNC_CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
#: Two-digit PNC years from 70 are of the 1900s (the PNC opened in 1974), earlier ones 2000s.
_PNC_CENTURY_PIVOT = 70
PERSON_REF_PREFIX = "p_"
PERSON_REF_PATTERN = r"^p_[A-Za-z0-9_-]{22}$"


def nhs_check_digit(first_nine: str) -> int | None:
    """The NHS number check digit of nine digits (modulus 11), or None if none exists.

    NHS Data Dictionary, "NHS Number": weights 10 down to 2, remainder of the sum by 11,
    check digit 11 minus the remainder; 11 becomes 0 and 10 means the number is invalid.
    """
    total = sum(
        int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def canonical_nhs_number(value: str) -> str:
    """Ten digits (spaces and hyphens dropped) with a valid modulus-11 check digit."""
    digits = _NHS_SEPARATORS.sub("", value)
    if not _NHS_FORMAT.fullmatch(digits):
        raise ValueError("an NHS number has 10 digits")
    if nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValueError("the NHS number check digit is not valid")
    return digits


def canonical_pnc_id(value: str) -> str:
    """A Police National Computer id as `YYYY/NNNNNNNC` (year, 7-digit serial, check letter).

    Accepts the short (`01/12345H`) and long (`2001/0012345H`) forms, with or without the
    slash; the check letter is the remainder by 23 of the two-digit year and the padded
    serial, read in `ZABCDEFGHJKLMNPQRTUVWXY`.
    """
    match = _PNC_FORMAT.fullmatch(value.strip().upper())
    if match is None:
        raise ValueError("a PNC id is a year, a serial number of up to 7 digits and a letter")
    year, serial, check = match.groups()
    serial = serial.zfill(7)
    if len(year) == 2:
        year = ("19" if int(year) >= _PNC_CENTURY_PIVOT else "20") + year
    if _PNC_CHECK_LETTERS[int(year[2:] + serial) % len(_PNC_CHECK_LETTERS)] != check:
        raise ValueError("the PNC id check letter is not valid")
    return f"{year}/{serial}{check}"


def new_person_ref() -> str:
    """An opaque, random reference for a person: `p_` and 22 url-safe characters."""
    return PERSON_REF_PREFIX + secrets.token_urlsafe(16)
