"""The escalation ladder: who is told, and when, as a duty runs out (`NOTIFY_ESCALATION_LADDER`).

Steps of a notification a rule required (docs/escalation-ladder.md):

1. a reminder to the recipient at `reminder_fraction` of the window, for windows of at
   least `reminder_min_window` (working-day windows count working time only);
2. overdue: the recipient's own escalation contact (role `escalation_contact`) and the
   duty holder (role `duty_holder`), when it is another organisation;
3. a statutory breach, or a step 2 left unacknowledged for `step_window`: the
   responsible authority's escalation route (role `escalation`, head of service) and,
   outside its office hours for an hour-based window, its emergency duty team (role
   `emergency_duty`), only when the authority can act on the notification (it received
   it or holds the duty).

The setting is a JSON object of `"*"` or a responsible authority's code to an object of
`"*"` or a rule basis (`statutory`, `statutory_guidance`, `protocol`, `local_policy`) to
a ladder; the most specific entry wins field by field (authority and basis, authority,
basis, then `"*"`). Pure: values in, values out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from notify.rules.deadlines import ELAPSED_UNITS, WindowUnit
from platform_shared.calendar import (
    LONDON,
    add_working_days,
    is_working_day,
    local_date,
    start_of_day,
)
from platform_shared.contracts.vocabularies import Role
from platform_shared.organisations import OrganisationDirectory

if TYPE_CHECKING:
    from notify.rules.catalogue import Catalogue

#: Roles a step may name.
OVERDUE_ROLES = frozenset({Role.ESCALATION_CONTACT, Role.DUTY_HOLDER})
BREACH_ROLES = frozenset({Role.ESCALATION, Role.EMERGENCY_DUTY})
BASES = frozenset({"statutory", "statutory_guidance", "protocol", "local_policy"})
_FIELDS = frozenset(
    {
        "reminder_fraction",
        "reminder_min_window",
        "overdue_roles",
        "breach_roles",
        "step_window",
        "office_hours",
    }
)


class LadderError(ValueError):
    """A ladder setting the service refuses to start with; the message names it."""


@dataclass(frozen=True)
class Ladder:
    """One authority's ladder for one kind of rule (defaults: docs/escalation-ladder.md)."""

    reminder_fraction: float = 0.8
    reminder_min_window: timedelta = timedelta(hours=4)
    overdue_roles: tuple[Role, ...] = (Role.ESCALATION_CONTACT, Role.DUTY_HOLDER)
    breach_roles: tuple[Role, ...] = (Role.ESCALATION, Role.EMERGENCY_DUTY)
    #: How long a step waits for acknowledgement before the next one.
    step_window: timedelta = timedelta(hours=4)
    #: Office hours on the authority's working days (None: it keeps none, every hour is
    #: out of hours).
    office_hours: tuple[time, time] | None = (time(9, 0), time(17, 0))

    def in_office_hours(self, instant: datetime) -> bool:
        """Whether `instant` falls in office hours on a working day (Europe/London)."""
        if self.office_hours is None:
            return False
        local = instant.astimezone(LONDON)
        start, end = self.office_hours
        return is_working_day(local.date()) and start <= local.time() < end


@dataclass(frozen=True)
class Ladders:
    """Every configured ladder; `for_rule` merges the entries that apply."""

    entries: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    base: Ladder = field(default_factory=Ladder)

    def for_rule(self, authority: str | None, basis: str) -> Ladder:
        ladder = self.base
        order = [("*", "*"), ("*", basis)]
        if authority is not None:
            order += [(authority, "*"), (authority, basis)]
        for who, kind in order:
            entry = self.entries.get(who, {}).get(kind)
            if entry:
                ladder = replace(ladder, **entry)
        return ladder


def _duration(value: Any, where: str) -> timedelta:
    from notify.rules.catalogue import parse_window

    try:
        unit, amount = parse_window(value)
    except ValueError as error:
        raise LadderError(f"escalation_ladder: {where}: {error}") from error
    if unit == WindowUnit.WORKING_DAYS:
        raise LadderError(f"escalation_ladder: {where}: give an elapsed duration (PT4H)")
    minutes = {WindowUnit.MINUTES: 1, WindowUnit.HOURS: 60, WindowUnit.CALENDAR_DAYS: 1440}
    return timedelta(minutes=amount * minutes[unit])


def _roles(value: Any, allowed: frozenset[Role], where: str) -> tuple[Role, ...]:
    if not isinstance(value, list):
        raise LadderError(f"escalation_ladder: {where}: a list of roles")
    roles = []
    for item in value:
        if item not in {role.value for role in allowed}:
            names = ", ".join(sorted(allowed))
            raise LadderError(f"escalation_ladder: {where}: unknown role {item!r} (one of {names})")
        roles.append(Role(item))
    return tuple(roles)


def _hours(value: Any, where: str) -> tuple[time, time] | None:
    if value is None:
        return None
    try:
        start, end = (time.fromisoformat(part) for part in value)
    except (TypeError, ValueError) as error:
        raise LadderError(
            f'escalation_ladder: {where}: two times, e.g. ["09:00", "17:00"]'
        ) from error
    if not start < end:
        raise LadderError(f"escalation_ladder: {where}: office hours end after they start")
    return start, end


def _entry(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise LadderError(f"escalation_ladder: {where}: an object of ladder settings")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise LadderError(f"escalation_ladder: {where}: unknown setting {unknown[0]!r}")
    entry: dict[str, Any] = {}
    if "reminder_fraction" in raw:
        fraction = raw["reminder_fraction"]
        if not isinstance(fraction, int | float) or not 0 < fraction < 1:
            raise LadderError(f"escalation_ladder: {where}.reminder_fraction: between 0 and 1")
        entry["reminder_fraction"] = float(fraction)
    for name in ("reminder_min_window", "step_window"):
        if name in raw:
            entry[name] = _duration(raw[name], f"{where}.{name}")
    if "overdue_roles" in raw:
        entry["overdue_roles"] = _roles(
            raw["overdue_roles"], OVERDUE_ROLES, f"{where}.overdue_roles"
        )
    if "breach_roles" in raw:
        entry["breach_roles"] = _roles(raw["breach_roles"], BREACH_ROLES, f"{where}.breach_roles")
    if "office_hours" in raw:
        entry["office_hours"] = _hours(raw["office_hours"], f"{where}.office_hours")
    return entry


@dataclass(frozen=True)
class DutyWindow:
    """A rule's shortest deadline window (what a step window must fit in)."""

    rule_id: str
    basis: str
    length: timedelta


def load_ladders(
    raw: Mapping[str, Any],
    *,
    directory: OrganisationDirectory,
    windows: Iterable[DutyWindow],
    default_step: timedelta | None = None,
) -> Ladders:
    """The ladders of the setting; raises LadderError naming what it refuses.

    Refused: an authority that is not a local authority, an unknown basis or role, and a
    configured `step_window` longer than the window of a duty it applies to.
    """
    entries: dict[str, dict[str, dict[str, Any]]] = {}
    duties = list(windows)
    for authority, kinds in raw.items():
        if authority != "*" and not directory.is_local_authority(authority):
            raise LadderError(f"escalation_ladder: {authority!r} is not a local authority")
        if not isinstance(kinds, dict):
            raise LadderError(f"escalation_ladder: {authority}: an object of rule kinds")
        for kind, settings in kinds.items():
            if kind != "*" and kind not in BASES:
                raise LadderError(
                    f"escalation_ladder: {authority}: unknown rule kind {kind!r} "
                    f"(one of *, {', '.join(sorted(BASES))})"
                )
            entry = _entry(settings, f"{authority}.{kind}")
            step = entry.get("step_window")
            for duty in duties:
                if step is not None and kind in ("*", duty.basis) and step > duty.length:
                    raise LadderError(
                        f"escalation_ladder: {authority}.{kind}.step_window: {step} is longer "
                        f"than the duty {duty.rule_id} ({duty.length})"
                    )
            entries.setdefault(authority, {})[kind] = entry
    base = Ladder() if default_step is None else Ladder(step_window=default_step)
    return Ladders(entries=entries, base=base)


def nominal_length(unit: WindowUnit, amount: int) -> timedelta | None:
    """The least a window lasts (working and calendar days: 24 hours each; months: 28
    days); None for a window with no length (`start_of_day`)."""
    if unit == WindowUnit.HOURS:
        return timedelta(hours=amount)
    if unit == WindowUnit.MINUTES:
        return timedelta(minutes=amount)
    if unit in (WindowUnit.WORKING_DAYS, WindowUnit.CALENDAR_DAYS):
        return timedelta(days=amount)
    if unit == WindowUnit.MONTHS:
        return timedelta(days=28 * amount)
    return None


def reminder_at(
    ladder: Ladder,
    *,
    unit: WindowUnit,
    amount: int,
    after: bool,
    anchor: date | datetime,
    received: datetime,
    due: datetime,
) -> datetime | None:
    """When the recipient is reminded, or None for a window too short to remind in.

    Hours and minutes: `reminder_fraction` of the window from the anchor instant. Working
    days after a day D: that fraction of the working time, weekends and bank holidays not
    counting (80 % of 5 working days is the start of the 5th working day after D). Any
    other window: the fraction of the time from the event's receipt to the deadline.
    """
    fraction = ladder.reminder_fraction
    if unit in ELAPSED_UNITS:
        assert isinstance(anchor, datetime)
        start = anchor
    elif unit == WindowUnit.WORKING_DAYS and after:
        day = local_date(anchor) if isinstance(anchor, datetime) else anchor
        if due - start_of_day(add_working_days(day, 1)) < ladder.reminder_min_window:
            return None
        counted = fraction * amount
        whole = math.floor(counted)
        begins = start_of_day(add_working_days(day, whole + 1))
        return (begins + timedelta(days=counted - whole)).astimezone(due.tzinfo)
    else:
        start = received
    if due - start < ladder.reminder_min_window:
        return None
    return start + (due - start) * fraction


def duty_windows(catalogue: Catalogue) -> Iterator[DutyWindow]:
    """Each rule's shortest deadline window with a length (what a step must fit in)."""
    from notify.rules.catalogue import Window

    for rule in catalogue.rules:
        lengths = [
            length
            for window in rule.deadlines
            if isinstance(window, Window)
            and (length := nominal_length(window.unit, window.amount)) is not None
            and length > timedelta(0)
        ]
        if lengths:
            yield DutyWindow(rule_id=rule.id, basis=rule.basis, length=min(lengths))


def check_partnerships(raw: Mapping[str, list[str]], directory: OrganisationDirectory) -> None:
    """Refuse a partnership naming something other than local authorities, or none."""
    for name, members in raw.items():
        if not members:
            raise LadderError(f"partnerships: {name}: names no authority")
        for code in members:
            if not directory.is_local_authority(code):
                raise LadderError(f"partnerships: {name}: {code!r} is not a local authority")
