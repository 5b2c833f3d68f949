"""Care status as of a date, computed from the history: pure functions, no I/O.

Nothing here is stored as a flag. A child's legal statuses (care episodes), placements,
leaving-care record and consents are the facts; `compute_status` reads them for one date
(rules.md, "Statuses the rules read"; docs/events.md, "The status facts block").

Conventions (decisions written down in the service README):

- Periods are half-open: a legal status or placement covers `start <= day < end`. The end
  date is the day the status or placement ceased (the SSDA903 convention: the next episode
  starts on the day the previous one ended).
- Care ends at 18 at the latest (Children Act 1989 s.91(12) for care orders; a child is a
  person under 18, s.105), so an open legal status stops counting on the 18th birthday.
- A person born on 29 February reaches an age on 1 March in years without that day.
- A short break (s.20(4), Care Planning, Placement and Case Review (England) Regulations
  2010 reg 48) is a legal status or a placement: the child is looked after while on it.
  It counts for nothing towards the care-leaver categories nor towards the national
  measure's cohort (Care Planning regs 2010 reg 40(2): a child looked after only in
  pre-planned short breaks is not an eligible child; SSDA903 OC2).
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from platform_shared.contracts.vocabularies import (
    BASIS_CATEGORY,
    AgeBand,
    CareLeaverCategory,
    CareStatus,
    ConsentAnswer,
    LegalBasis,
    LegalBasisCategory,
    PlacementType,
)

#: The prescribed period of Children Act 1989 Sch. 2 para 19B(2)(b): 13 weeks
#: (Care Planning, Placement and Case Review (England) Regulations 2010 reg 40(1)).
ELIGIBILITY_PERIOD_DAYS = 13 * 7
#: The prescribed age after which that period must begin (reg 40(1)).
ELIGIBILITY_PERIOD_FROM_AGE = 14
ADULT_AGE = 18
#: Care leavers are in scope up to their 25th birthday (Children and Social Work Act
#: 2017 s.3; national protocol, "up to the age of 25").
SCOPE_END_AGE = 25
#: A qualifying care leaver is one "under twenty-one" (Children Act 1989 s.24(1B)(a));
#: from 21 to 25 only while in education or training (s.24B; rules.md Revision 2).
QUALIFYING_END_AGE = 21
#: The national measure's cohort: looked after continuously for 12 months or more
#: (national protocol 1.4 fn 2; SSDA903 OC2).
CONTINUOUS_CARE_MONTHS = 12


#: Bases that are themselves youth justice orders (docs/events.md: "remand counts").
YOUTH_JUSTICE_BASES = frozenset(
    {LegalBasis.REMAND_LASPO_S104, LegalBasis.YOUTH_REHABILITATION_ORDER_RESIDENCE}
)


@dataclass(frozen=True)
class LegalStatusPeriod:
    basis: LegalBasis
    start: date
    end: date | None = None
    short_break: bool = False


@dataclass(frozen=True)
class PlacementPeriod:
    area_authority: str
    placement_type: PlacementType
    start: date
    end: date | None = None
    provider: str | None = None
    short_break: bool = False


@dataclass(frozen=True)
class EducationOrTraining:
    """The authority's record that a care leaver is in education or training (s.24B)."""

    in_education_or_training: bool
    recorded_on: date


@dataclass(frozen=True)
class RecordedConsent:
    given: bool
    recorded_on: date


@dataclass(frozen=True)
class CareHistory:
    """Everything the status rules read about one person."""

    date_of_birth: date
    responsible_authority: str
    legal_statuses: tuple[LegalStatusPeriod, ...] = ()
    placements: tuple[PlacementPeriod, ...] = ()
    left_care_on: date | None = None
    category_override: CareLeaverCategory | None = None
    youth_justice_order: bool = False
    personal_adviser_consent: RecordedConsent | None = None
    education_or_training: EducationOrTraining | None = None
    uasc: bool = False


@dataclass(frozen=True)
class ComputedStatus:
    """What the rules answer for one day: the status facts block without the person_ref
    (`care_record.record.CareRecord.facts` makes the block, the contract's `StatusFacts`)."""

    effective_date: date
    status: CareStatus
    care_leaver_category: CareLeaverCategory | None
    age: int
    age_band: AgeBand
    under_18: bool
    under_25: bool
    responsible_authority: str
    area_authority: str | None
    placed_out_of_area: bool
    legal_basis: LegalBasisCategory | None
    legal_basis_day_before: LegalBasisCategory | None
    youth_justice_order: bool
    notify_personal_adviser_consent: ConsentAnswer
    placement_type: PlacementType | None
    placement_provider: str | None
    short_break: bool
    uasc: bool


def birthday(date_of_birth: date, years: int) -> date:
    """The day a person reaches `years` (29 February birthdays fall on 1 March)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return date(date_of_birth.year + years, 3, 1)


def age_on(date_of_birth: date, day: date) -> int:
    """Age in whole years on `day` (0 before the first birthday, and before birth)."""
    years = day.year - date_of_birth.year
    if day < birthday(date_of_birth, years):
        years -= 1
    return max(years, 0)


_AGE_BANDS = (
    (10, AgeBand.UNDER_10),
    (14, AgeBand.FROM_10_TO_13),
    (16, AgeBand.FROM_14_TO_15),
    (18, AgeBand.FROM_16_TO_17),
    (21, AgeBand.FROM_18_TO_20),
    (SCOPE_END_AGE, AgeBand.FROM_21_TO_24),
)


def age_band(age: int) -> AgeBand:
    """The reporting band of docs/events.md (`under_10` ... `25_plus`)."""
    for upper, band in _AGE_BANDS:
        if age < upper:
            return band
    return AgeBand.FROM_25


def _effective_end(period: LegalStatusPeriod, date_of_birth: date) -> date:
    """The day a legal status stops counting: its end, or the 18th birthday if sooner."""
    adult = birthday(date_of_birth, ADULT_AGE)
    return adult if period.end is None else min(period.end, adult)


def overlaps(first: tuple[date, date | None], second: tuple[date, date | None]) -> bool:
    """Whether two half-open periods share a day (an open end runs for ever)."""
    (start_a, end_a), (start_b, end_b) = first, second
    return (end_b is None or start_a < end_b) and (end_a is None or start_b < end_a)


def open_legal_status(history: CareHistory, day: date) -> LegalStatusPeriod | None:
    """The legal status open on `day`, short breaks included (they do not overlap)."""
    for period in history.legal_statuses:
        if period.start <= day < _effective_end(period, history.date_of_birth):
            return period
    return None


def open_placement(history: CareHistory, day: date) -> PlacementPeriod | None:
    """The placement open on `day` (placements of one person do not overlap)."""
    for placement in history.placements:
        if placement.start <= day and (placement.end is None or day < placement.end):
            return placement
    return None


def _without(
    spans: list[tuple[date, date]], cut: tuple[date, date | None]
) -> list[tuple[date, date]]:
    """`spans` less the half-open period `cut` (an open end runs for ever)."""
    low, high = cut
    kept = []
    for start, end in spans:
        if (high is not None and high <= start) or end <= low:
            kept.append((start, end))
            continue
        if start < low:
            kept.append((start, low))
        if high is not None and high < end:
            kept.append((high, end))
    return kept


def _care_periods(history: CareHistory) -> list[tuple[date, date]]:
    """Half-open spans of being looked after otherwise than on short breaks: a short-break
    legal status counts for nothing, nor do the days of a short-break placement (an
    authority may record the break on the placement under a plain section 20 status)."""
    spans = []
    for period in history.legal_statuses:
        if period.short_break:
            continue
        end = _effective_end(period, history.date_of_birth)
        if period.start < end:
            spans.append((period.start, end))
    for placement in history.placements:
        if placement.short_break:
            spans = _without(spans, (placement.start, placement.end))
    return sorted(spans)


def _days_within(spans: Iterable[tuple[date, date]], low: date, high: date) -> int:
    """Days of `spans` that fall in the half-open window [low, high)."""
    total = 0
    for start, end in spans:
        overlap = (min(end, high) - max(start, low)).days
        total += max(overlap, 0)
    return total


def days_looked_after_since_14(history: CareHistory, through: date) -> int:
    """Days looked after from the 14th birthday up to and including `through`.

    Children Act 1989 Sch. 2 para 19B(2)(b) and Care Planning regs 2010 reg 40: periods
    that began after the child reached 14; short breaks do not count.
    """
    since = birthday(history.date_of_birth, ELIGIBILITY_PERIOD_FROM_AGE)
    return _days_within(_care_periods(history), since, through + timedelta(days=1))


def is_eligible_on(history: CareHistory, day: date) -> bool:
    """An eligible child on `day` (Children Act 1989 Sch. 2 para 19B).

    Aged 16 or 17, looked after (otherwise than on short breaks), and looked after for
    periods totalling at least 13 weeks which began after the 14th birthday and ended after
    the 16th (being looked after at 16 or over, the total ends after the 16th birthday).
    """
    dob = history.date_of_birth
    if not birthday(dob, 16) <= day < birthday(dob, ADULT_AGE):
        return False
    in_care = any(start <= day < end for start, end in _care_periods(history))
    return in_care and days_looked_after_since_14(history, day) >= ELIGIBILITY_PERIOD_DAYS


def was_eligible(history: CareHistory, as_of: date) -> bool:
    """Whether the person was an eligible child on some day up to `as_of`.

    The count of days only grows, so it is enough to test the last day of each span of
    care that falls between the 16th and the 18th birthdays.
    """
    dob = history.date_of_birth
    low = birthday(dob, 16)
    high = min(birthday(dob, ADULT_AGE), as_of + timedelta(days=1))
    for start, end in _care_periods(history):
        last = min(end, high) - timedelta(days=1)
        if last >= max(start, low) and is_eligible_on(history, last):
            return True
    return False


def was_looked_after_at_16_or_17(history: CareHistory, as_of: date) -> bool:
    """Looked after (not on short breaks) on some day from the 16th birthday, before 18."""
    dob = history.date_of_birth
    low = birthday(dob, 16)
    high = min(birthday(dob, ADULT_AGE), as_of + timedelta(days=1))
    return low < high and _days_within(_care_periods(history), low, high) > 0


def in_education_or_training_on(history: CareHistory, day: date) -> bool:
    """The authority has recorded, on or before `day`, that the person is in education or
    training (Children Act 1989 s.24B); the latest answer holds until it is changed."""
    record = history.education_or_training
    return record is not None and record.in_education_or_training and record.recorded_on <= day


def care_leaver_category(history: CareHistory, as_of: date) -> CareLeaverCategory | None:
    """The care-leaver category on `as_of`, or None.

    - `eligible`: 16-17 and looked after, with 13 weeks since 14 (Sch. 2 para 19B);
    - `relevant`: 16-17, no longer looked after, and was eligible (s.23A; Care Leavers
      (England) Regulations 2010 reg 3);
    - `former_relevant`: 18-24 and was eligible or relevant (s.23C);
    - `qualifying`: no longer looked after, looked after at some time after 16 while still
      a child, never eligible, and under 21 (s.24(1), (1B)(a)); from 21 to 25 only while
      the authority records them in education or training (s.24B; rules.md Revision 2).

    An explicit category recorded by the local authority with the leaving-care record
    replaces what the history says about eligibility from `left_care_on`; the age still
    moves the category on as the Act does (a relevant child is former relevant at 18).
    """
    dob = history.date_of_birth
    age = age_on(dob, as_of)
    if as_of < birthday(dob, 16) or age >= SCOPE_END_AGE:
        return None
    in_care = any(start <= as_of < end for start, end in _care_periods(history))
    if in_care:
        return CareLeaverCategory.ELIGIBLE if is_eligible_on(history, as_of) else None
    override = history.category_override
    if override is not None and history.left_care_on is not None and as_of >= history.left_care_on:
        eligible_before = override is not CareLeaverCategory.QUALIFYING
        cared_for_after_16 = True
    else:
        eligible_before = was_eligible(history, as_of)
        cared_for_after_16 = was_looked_after_at_16_or_17(history, as_of)
    if eligible_before:
        return (
            CareLeaverCategory.RELEVANT if age < ADULT_AGE else CareLeaverCategory.FORMER_RELEVANT
        )
    if not cared_for_after_16:
        return None
    if age >= QUALIFYING_END_AGE and not in_education_or_training_on(history, as_of):
        return None
    return CareLeaverCategory.QUALIFYING


def consent_on(consent: RecordedConsent | None, day: date) -> ConsentAnswer:
    """The care leaver's answer known on `day` (national protocol 7.2)."""
    if consent is None or consent.recorded_on > day:
        return ConsentAnswer.UNKNOWN
    return ConsentAnswer.GIVEN if consent.given else ConsentAnswer.REFUSED


def compute_status(
    history: CareHistory, as_of: date, described: PlacementPeriod | None = None
) -> ComputedStatus:
    """The status facts of a person on `as_of` (rules.md, "Statuses the rules read").

    - `looked_after`: a legal status is open on the date (and the person is under 18);
    - `care_leaver`: not looked after, under 25, with a care-leaver category;
    - `no_record` otherwise, and always from the 25th birthday and before birth.
    `placed_out_of_area`: the open placement's area authority differs from the
    responsible authority. `legal_basis_day_before` is the legal status open on the day
    before `as_of` (a detention may itself end a section 20 episode: rules.md Revision 2);
    `short_break`: the open placement is a short break, or is made under a short-break
    legal status. `described`: the placement the placement facts describe instead of the
    one open on `as_of` (a placement that ended on the day it started is open on no day).
    """
    dob = history.date_of_birth
    age = age_on(dob, as_of)
    born = as_of >= dob
    legal_status = open_legal_status(history, as_of) if born else None
    category = care_leaver_category(history, as_of) if born else None
    if legal_status is not None:
        status = CareStatus.LOOKED_AFTER
    elif category is not None and age < SCOPE_END_AGE:
        status = CareStatus.CARE_LEAVER
    else:
        status = CareStatus.NO_RECORD
    placement = described or (open_placement(history, as_of) if born else None)
    area = placement.area_authority if placement else None
    day_before = as_of - timedelta(days=1)
    status_before = open_legal_status(history, day_before) if day_before >= dob else None
    youth_justice = history.youth_justice_order or (
        legal_status is not None and legal_status.basis in YOUTH_JUSTICE_BASES
    )
    return ComputedStatus(
        effective_date=as_of,
        status=status,
        care_leaver_category=category,
        age=age,
        age_band=age_band(age),
        under_18=age < ADULT_AGE,
        under_25=age < SCOPE_END_AGE,
        responsible_authority=history.responsible_authority,
        area_authority=area,
        placed_out_of_area=area is not None and area != history.responsible_authority,
        legal_basis=BASIS_CATEGORY[legal_status.basis] if legal_status else None,
        legal_basis_day_before=BASIS_CATEGORY[status_before.basis] if status_before else None,
        youth_justice_order=youth_justice,
        notify_personal_adviser_consent=consent_on(history.personal_adviser_consent, as_of),
        placement_type=placement.placement_type if placement else None,
        placement_provider=placement.provider if placement else None,
        short_break=placement is not None
        and (placement.short_break or (legal_status is not None and legal_status.short_break)),
        uasc=history.uasc,
    )


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it has no such day)."""
    year, index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = index + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def looked_after_continuously(history: CareHistory, on: date, months: int) -> bool:
    """Looked after (otherwise than on short breaks) every day of the `months` ending on
    `on`: from the day after `on` less `months` to `on`, both included (SSDA903 OC2: at
    31 March, continuously since 1 April of the year before). Episodes that follow one
    another without a day between are one continuous period (half-open dates).
    """
    low = months_before(on, months) + timedelta(days=1)
    high = on + timedelta(days=1)
    return _days_within(_care_periods(history), low, high) == (high - low).days
