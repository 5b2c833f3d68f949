"""The rules in force: the versioned rule file, validated at start, with local overrides.

Rules are data (`rules.yaml` beside this module): each names the event types it reacts
to, its conditions on the event's data, its recipients by role, its deadline, its
`basis` and its citation (rules.md). A rule file that does not validate stops the
service with a message naming the rule and the field (`RuleFileError`).

Windows marked `local_policy` may be set per deployment (`NOTIFY_RULE_WINDOWS`), for
every authority (`"*"`) or per responsible authority, and only ever tighter than the
file's default; a statutory rule's window is fixed by law and an override of it is
refused. A rule naming a local `protocol` applies only where the responsible authority
adopted it (`platform_shared.protocols`). Every event type the file names must be one
some service emits (`platform_shared.contracts.EVENT_SOURCE`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from notify.deadlines.ladder import Ladders
from notify.rules.conditions import Conditions
from notify.rules.deadlines import (
    ELAPSED_UNITS,
    RecurrenceStepTuple,
    RecurrenceUnit,
    WindowDirection,
    WindowUnit,
)
from notify.rules.facts import DATE_FIELDS, INSTANT_FIELDS, KNOWN_FIELDS
from notify.rules.recipients import SERVICE_ROLES, DutyHolderRole, RecipientRole
from platform_shared.calendar import is_working_day
from platform_shared.contracts.events import EVENT_SOURCE
from platform_shared.organisations import OrganisationDirectory
from platform_shared.protocols import LocalProtocol, LocalProtocols

DEFAULT_RULE_FILE = Path(__file__).with_name("rules.yaml")


class RuleBasis(StrEnum):
    """What a rule rests on (rules.md): an Act or regulations, statutory guidance, the
    national protocol, or a local policy a deployment may set."""

    STATUTORY = "statutory"
    STATUTORY_GUIDANCE = "statutory_guidance"
    PROTOCOL = "protocol"
    LOCAL_POLICY = "local_policy"


class RuleOutcome(StrEnum):
    """What a matching rule does: notify, or record a withheld notification (no consent)."""

    NOTIFY = "notify"
    WITHHOLD = "withhold"


ANCHOR_FIELDS = INSTANT_FIELDS | DATE_FIELDS
EVENT_TYPE = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$"


class RuleFileError(ValueError):
    """The rule file, or an override of it, is not valid; the message says where."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_fields(fields: Any, where: str) -> None:
    unknown = sorted(set(fields) - KNOWN_FIELDS)
    if unknown:
        raise ValueError(f"{where} names unknown data fields: {', '.join(unknown)}")


_EMITTED = frozenset(EVENT_SOURCE)


def _check_event_type(event_type: str, where: str) -> None:
    """An event type some service emits (a rule waiting for another would never fire)."""
    if not re.fullmatch(EVENT_TYPE, event_type):
        raise ValueError(f"{where}: not an event type: {event_type!r}")
    if event_type not in _EMITTED:
        raise ValueError(
            f"{where}: no service emits {event_type!r} "
            "(platform_shared.contracts EventType / EVENT_SOURCE)"
        )


class Window(_Strict):
    """A deadline: `amount` `unit`s `direction` the first anchor field the event carries."""

    when: Conditions = {}
    anchor: list[str] = Field(min_length=1)
    direction: WindowDirection
    unit: WindowUnit
    amount: int = Field(default=0, ge=0, le=10_000)
    #: A window a deployment may set (rules.md "local policy default").
    local_policy: bool = False

    @model_validator(mode="after")
    def _coherent(self) -> Window:
        _check_fields(self.when, "deadline `when`")
        unknown = sorted(set(self.anchor) - ANCHOR_FIELDS)
        if unknown:
            raise ValueError(f"anchor fields are not dates or instants: {', '.join(unknown)}")
        if self.unit in ELAPSED_UNITS:
            if self.direction != "after":
                raise ValueError(f"a window in {self.unit} runs after its anchor")
            if not set(self.anchor) <= INSTANT_FIELDS:
                raise ValueError(f"a window in {self.unit} needs instant anchors")
        if self.unit == "start_of_day" and (self.direction != "before" or self.amount):
            raise ValueError("start_of_day is `before` with no amount")
        return self


class LaterEvent(_Strict):
    """A later event that makes a `before_event` duty a breach when it comes first."""

    event: str
    #: Conditions on the later event's data (e.g. `{outcome: charged}`).
    when: Conditions = {}
    #: Field of this notification's event -> fields of the later event, any of which
    #: holding the same value makes it "the same" (e.g. the incident a charge follows).
    match: dict[str, list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _coherent(self) -> LaterEvent:
        _check_event_type(self.event, "event")
        _check_fields(self.when, "`when`")
        _check_fields(self.match, "`match`")
        for fields in self.match.values():
            if not fields:
                raise ValueError("`match` names no fields of the later event")
            _check_fields(fields, "`match`")
        return self


class EventWindow(_Strict):
    """A duty with no fixed instant: met by acknowledgement, a breach if one of the
    `before_event` events arrives first (London CIF: before a charge is recorded)."""

    when: Conditions = {}
    before_event: list[LaterEvent] = Field(min_length=1)

    @model_validator(mode="after")
    def _coherent(self) -> EventWindow:
        _check_fields(self.when, "deadline `when`")
        keys = {tuple(sorted(later.match)) for later in self.before_event}
        if len(keys) != 1:
            raise ValueError("every `before_event` matches on the same fields of this event")
        return self

    @property
    def match_fields(self) -> tuple[str, ...]:
        return tuple(sorted(self.before_event[0].match))


class RecipientRule(_Strict):
    #: A role a rule may address: not `escalation` or `platform` (the service's own).
    role: RecipientRole
    when: Conditions = {}
    #: Not addressed when its organisation recorded the event itself (a carer that
    #: recorded the contact needs no telling).
    except_recorder: bool = False

    @model_validator(mode="after")
    def _known(self) -> RecipientRule:
        if self.role in SERVICE_ROLES:
            raise ValueError(f"a rule cannot address the service's own role {self.role.value}")
        _check_fields(self.when, "recipient `when`")
        return self


class RecurrenceStep(_Strict):
    unit: RecurrenceUnit
    amount: int = Field(ge=1, le=120)
    #: The step applies while the due day is within this many months of the anchor.
    for_months: int | None = Field(default=None, ge=1)
    #: An interval a deployment may set (tighter only), as a window (`P8W`, `P56D`).
    local_policy: bool = False


class Recurrence(_Strict):
    """A duty that comes round again until one of `until_events` arrives for the person."""

    anchor: list[str] = Field(min_length=1)
    first_after_days: int = Field(ge=0)
    steps: list[RecurrenceStep] = Field(min_length=1)
    until_events: list[str] = Field(min_length=1)
    #: The duty ends when the person reaches this age: no occurrence is made that falls
    #: due on or after the day the facts' `age` on `effective_date` makes them certainly
    #: this old (`notify.rules.deadlines.certainly_aged`).
    until_age: int | None = Field(default=None, ge=1, le=130)

    @model_validator(mode="after")
    def _coherent(self) -> Recurrence:
        if not set(self.anchor) <= DATE_FIELDS:
            raise ValueError("a recurrence is anchored on dates")
        for event_type in self.until_events:
            _check_event_type(event_type, "until_events")
        if self.steps[-1].for_months is not None:
            raise ValueError("the last recurrence step must have no `for_months`")
        return self

    def step_tuples(self) -> list[RecurrenceStepTuple]:
        return [(step.unit, step.amount, step.for_months) for step in self.steps]


class Rule(_Strict):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)
    title: str = Field(min_length=1, max_length=200)
    events: list[str] = Field(min_length=1)
    conditions: Conditions = {}
    #: The rule does not apply when every one of these holds (an exception of the law:
    #: restraint planned in the child's EHC plan).
    unless: Conditions = {}
    #: A local protocol: the rule applies only where the responsible authority adopted it.
    protocol: LocalProtocol | None = None
    recipients: list[RecipientRule] = Field(min_length=1)
    #: Whose statutory or protocol duty the notification discharges: the platform
    #: notifies on the holder's behalf and the recipient's acknowledgement meets it.
    #: Required (checked last, so that other mistakes of the rule are named first).
    duty_holder: DutyHolderRole | None = None
    outcome: RuleOutcome = RuleOutcome.NOTIFY
    #: Why nothing is sent, with `{field}` placeholders from the data (`withhold` rules).
    withheld_reason: str | None = Field(default=None, max_length=200)
    deadlines: list[Window | EventWindow] = []
    recurrence: Recurrence | None = None
    #: A visit rule whose visit made (`visited_on`, else its acknowledgement) moves the
    #: first occurrence of that recurring rule's series (the first custody visit).
    visit_of: str | None = None
    basis: RuleBasis
    citation: str = Field(min_length=1, max_length=1000)
    #: The seed file (shared/seeds/) the citation is found in.
    source: str = Field(min_length=1, max_length=200)
    #: Data fields the recipient needs beyond the base subject.
    subject: list[str] = []

    @model_validator(mode="after")
    def _coherent(self) -> Rule:
        for event_type in self.events:
            _check_event_type(event_type, "events")
        _check_fields(self.conditions, "conditions")
        _check_fields(self.unless, "unless")
        _check_fields(self.subject, "subject")
        if self.outcome == RuleOutcome.WITHHOLD:
            if not self.withheld_reason or self.deadlines or self.recurrence:
                raise ValueError("a withhold rule has a withheld_reason and no deadline")
            placeholders = {
                name for _, name, _, _ in string.Formatter().parse(self.withheld_reason) if name
            }
            _check_fields(placeholders, "withheld_reason")
        elif self.withheld_reason:
            raise ValueError("only a withhold rule has a withheld_reason")
        elif bool(self.deadlines) == bool(self.recurrence):
            raise ValueError("a rule has either deadlines or a recurrence")
        if self.duty_holder is None:
            raise ValueError("a rule names its duty_holder (whose duty the notification meets)")
        return self

    @property
    def statutory(self) -> bool:
        return self.basis == RuleBasis.STATUTORY

    @property
    def event_windows(self) -> list[EventWindow]:
        return [window for window in self.deadlines if isinstance(window, EventWindow)]

    @property
    def timed_windows(self) -> list[Window]:
        return [window for window in self.deadlines if isinstance(window, Window)]

    @property
    def records_visits(self) -> bool:
        """Its duty is a visit: the acknowledgement may say when it was made."""
        return self.recurrence is not None or self.visit_of is not None


class RuleFile(_Strict):
    version: str = Field(min_length=1, max_length=32)
    rules: list[Rule] = Field(min_length=1)
    #: Event type -> data fields: a later event of that type with the same values of the
    #: fields supersedes the open notifications made from earlier ones (a changed date).
    supersede: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _coherent(self) -> RuleFile:
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule id listed twice: {rule.id}")
            seen.add(rule.id)
        by_id = {rule.id: rule for rule in self.rules}
        for rule in self.rules:
            series = by_id.get(rule.visit_of) if rule.visit_of else None
            if rule.visit_of and (series is None or series.recurrence is None):
                raise ValueError(
                    f"rule {rule.id!r}, visit_of: {rule.visit_of!r} is not a recurring rule"
                )
        for event_type, fields in self.supersede.items():
            _check_event_type(event_type, "supersede")
            if not fields:
                raise ValueError(f"supersede: {event_type} names no data fields")
            _check_fields(fields, f"supersede of {event_type}")
        return self


@dataclass(frozen=True)
class Catalogue:
    """The rules in force: the rule file's version and rules, overrides applied."""

    version: str
    rules: tuple[Rule, ...]
    #: Event type -> the data fields whose values identify what a later event supersedes.
    supersede: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Who adopted each local protocol (a rule with a `protocol` applies only there).
    protocols: LocalProtocols = field(default_factory=LocalProtocols)
    #: Rule id -> responsible authority -> the rule with that authority's own windows.
    local_rules: Mapping[str, Mapping[str, Rule]] = field(default_factory=dict)
    #: The escalation ladder of each authority and kind of rule (`NOTIFY_ESCALATION_LADDER`).
    ladders: Ladders = field(default_factory=Ladders)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def applies(self, rule: Rule, authority: str | None) -> bool:
        """Whether the rule applies to a child of `authority` (its local protocol adopted)."""
        return rule.protocol is None or self.protocols.adopts(authority, rule.protocol)

    def in_force(self, rule: Rule, authority: str | None) -> Rule:
        """The rule with the windows `authority` set for itself, else the deployment's."""
        if authority is None:
            return rule
        return self.local_rules.get(rule.id, {}).get(authority, rule)

    @cached_property
    def watched_events(self) -> frozenset[str]:
        """Event types that may make a `before_event` duty a breach."""
        return frozenset(
            later.event
            for rule in self.rules
            for window in rule.event_windows
            for later in window.before_event
        )

    @cached_property
    def _by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def rules_for(self, event_type: str) -> list[Rule]:
        return list(self._by_event.get(event_type, ()))

    @cached_property
    def _by_event(self) -> dict[str, tuple[Rule, ...]]:
        # Looked up for every event received: an index rather than a scan of every rule.
        by_event: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for event_type in dict.fromkeys(rule.events):
                by_event.setdefault(event_type, []).append(rule)
        return {event_type: tuple(rules) for event_type, rules in by_event.items()}

    @cached_property
    def ending_events(self) -> frozenset[str]:
        """Event types that end some recurring duty (e.g. `custody.released`)."""
        return frozenset(
            event
            for rule in self.rules
            if rule.recurrence
            for event in rule.recurrence.until_events
        )

    def reacts_to(self, event_type: str) -> bool:
        return (
            event_type in self.ending_events
            or event_type in self.supersede
            or event_type in self.watched_events
            or event_type in self._by_event
        )


def _describe(error: ValidationError, document: Mapping[str, Any]) -> str:
    lines = []
    rules = document.get("rules") if isinstance(document, Mapping) else None
    for detail in error.errors():
        location = list(detail["loc"])
        where = ".".join(str(part) for part in location)
        if len(location) >= 2 and location[0] == "rules" and isinstance(location[1], int):
            index = location[1]
            if isinstance(rules, list) and index < len(rules) and isinstance(rules[index], dict):
                inner = ".".join(str(part) for part in location[2:])
                where = f"rule {rules[index].get('id', index)!r}" + (f", {inner}" if inner else "")
        lines.append(f"{where}: {detail['msg']}")
    return "; ".join(lines)


def load_rule_file(path: Path = DEFAULT_RULE_FILE) -> RuleFile:
    """Read and validate a rule file; raises RuleFileError saying which rule and field."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RuleFileError(f"rule file {path}: {error}") from error
    if not isinstance(document, dict):
        raise RuleFileError(f"rule file {path}: expected a mapping with `version` and `rules`")
    try:
        return RuleFile.model_validate(document)
    except ValidationError as error:
        raise RuleFileError(f"rule file {path}: {_describe(error, document)}") from error


_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?)?$"
)


def parse_window(value: Any) -> tuple[WindowUnit, int]:
    """An override's unit and amount: an ISO 8601 duration or `{"<unit>": n}`.

    `PT2H` is 2 hours, `PT90M` 90 minutes, `P2D` and `P1W` calendar days; working days,
    which ISO 8601 cannot say, are `{"working_days": 2}`.
    """
    if isinstance(value, dict) and len(value) == 1:
        ((unit, amount),) = value.items()
        if unit in ("working_days", "calendar_days", "hours", "minutes") and (
            isinstance(amount, int) and not isinstance(amount, bool) and amount >= 0
        ):
            return WindowUnit(unit), amount
    if isinstance(value, str):
        match = _DURATION.fullmatch(value)
        if match and value not in ("P", "PT"):
            parts = {name: int(number) for name, number in match.groupdict().items() if number}
            days = parts.get("weeks", 0) * 7 + parts.get("days", 0)
            minutes = parts.get("hours", 0) * 60 + parts.get("minutes", 0)
            if days and not minutes:
                return WindowUnit.CALENDAR_DAYS, days
            if minutes and not days:
                if minutes % 60 == 0:
                    return WindowUnit.HOURS, minutes // 60
                return WindowUnit.MINUTES, minutes
    raise ValueError(
        f"{value!r} is not a window: give an ISO 8601 duration (PT2H, PT30M, P2D) "
        'or {"working_days": n}'
    )


_UNIT_NAMES = frozenset({"working_days", "calendar_days", "hours", "minutes"})
#: Minutes in one of each elapsed unit.
_MINUTES = {WindowUnit.MINUTES: 1, WindowUnit.HOURS: 60}


def _tighter(new: tuple[WindowUnit, int], old: Window) -> bool:
    """Whether a window of `new` after the anchor never ends later than `old` does.

    Same unit: not more of it. Elapsed time against days: no more than N x 24 hours
    (N days end at the end of the Nth day after the anchor's, never sooner than
    N x 24 hours after the anchor). Calendar days against working days: N calendar
    days never end after N working days. Anything else (working days against calendar
    days or hours) cannot be shown tighter for every anchor: refused. A window before
    its anchor is tighter when it ends earlier: the same unit, no fewer of them.
    """
    unit, amount = new
    if old.direction != WindowDirection.AFTER:
        return unit == old.unit and amount >= old.amount  # earlier before the anchor
    if unit == old.unit:
        return amount <= old.amount
    if unit in _MINUTES and old.unit in _MINUTES:
        return amount * _MINUTES[unit] <= old.amount * _MINUTES[old.unit]
    if unit in _MINUTES and old.unit in (WindowUnit.CALENDAR_DAYS, WindowUnit.WORKING_DAYS):
        return amount * _MINUTES[unit] <= old.amount * 24 * 60
    if unit == WindowUnit.CALENDAR_DAYS and old.unit == WindowUnit.WORKING_DAYS:
        return amount <= old.amount
    return False


def _override(rule: Rule, value: Any, where: str) -> Rule:
    """`rule` with its local policy windows set to `value`, never looser than the file's."""
    if rule.statutory:
        raise RuleFileError(
            f"rule_windows: {rule.id} is statutory; its window is fixed by law and "
            f"cannot be overridden ({where})"
        )
    steps = rule.recurrence.steps if rule.recurrence else []
    if any(step.local_policy for step in steps):
        return _override_recurrence(rule, value, where)
    if not any(isinstance(w, Window) and w.local_policy for w in rule.deadlines):
        raise RuleFileError(f"rule_windows: {rule.id} has no local policy window to override")
    try:
        unit, amount = parse_window(value)
    except ValueError as error:
        raise RuleFileError(f"rule_windows: {rule.id} ({where}): {error}") from error
    windows: list[Window | EventWindow] = []
    for window in rule.deadlines:
        if isinstance(window, Window) and window.local_policy:
            if not _tighter((unit, amount), window):
                raise RuleFileError(
                    f"rule_windows: {rule.id} ({where}): {value!r} is looser than the "
                    f"rule file's {window.amount} {window.unit.value}; a local window may "
                    "only be shorter"
                )
            try:
                window = Window.model_validate(
                    {**window.model_dump(), "unit": unit, "amount": amount}
                )
            except ValidationError as error:
                raise RuleFileError(
                    f"rule_windows: {rule.id} ({where}): {error.errors()[0]['msg']}"
                ) from error
        windows.append(window)
    return rule.model_copy(update={"deadlines": windows})


def _override_recurrence(rule: Rule, value: Any, where: str) -> Rule:
    """`rule` with its local policy recurrence steps set to `value` (whole weeks), no longer."""
    assert rule.recurrence is not None
    try:
        unit, amount = parse_window(value)
    except ValueError as error:
        raise RuleFileError(f"rule_windows: {rule.id} ({where}): {error}") from error
    if unit != WindowUnit.CALENDAR_DAYS or amount % 7 or not amount:
        raise RuleFileError(
            f"rule_windows: {rule.id} ({where}): a visit interval is whole weeks (P8W, P42D)"
        )
    weeks = amount // 7
    steps = []
    for step in rule.recurrence.steps:
        if step.local_policy:
            if step.unit != RecurrenceUnit.WEEKS or weeks > step.amount:
                raise RuleFileError(
                    f"rule_windows: {rule.id} ({where}): {value!r} is looser than the rule "
                    f"file's {step.amount} {step.unit.value}; a local interval may only be shorter"
                )
            step = step.model_copy(update={"amount": weeks})
        steps.append(step)
    recurrence = rule.recurrence.model_copy(update={"steps": steps})
    return rule.model_copy(update={"recurrence": recurrence})


def _per_authority(value: Any) -> dict[str, Any] | None:
    """`{"*": w, "<authority>": w}` as a mapping, or None for one window (the old form)."""
    if isinstance(value, dict) and not (len(value) == 1 and set(value) <= _UNIT_NAMES):
        return value
    return None


def build_catalogue(
    rule_file: RuleFile,
    overrides: Mapping[str, Any] | None = None,
    *,
    protocols: LocalProtocols | None = None,
    directory: OrganisationDirectory | None = None,
) -> Catalogue:
    """The rules in force: `rule_file` with local policy windows overridden.

    An override is one window for every authority (`"PT1H"`, `{"working_days": 2}`) or
    a mapping of `"*"` and responsible authority codes to windows; each is checked
    against the file's default (tighter only) and each code against `directory`.
    """
    by_id = {rule.id: rule for rule in rule_file.rules}
    local_rules: dict[str, dict[str, Rule]] = {}
    for rule_id, value in (overrides or {}).items():
        if rule_id not in by_id:
            raise RuleFileError(f"rule_windows: no rule {rule_id!r} in the rule file")
        per_authority = _per_authority(value)
        if per_authority is None:
            by_id[rule_id] = _override(by_id[rule_id], value, "every authority")
            continue
        default = by_id[rule_id]
        if "*" in per_authority:
            by_id[rule_id] = _override(default, per_authority["*"], "every authority")
        for authority, window in per_authority.items():
            if authority == "*":
                continue
            if directory is not None and not directory.is_local_authority(authority):
                raise RuleFileError(
                    f"rule_windows: {rule_id}: {authority!r} is not a local authority of "
                    "the reference directory"
                )
            # Tighter than the file's default, as every authority's window is.
            local_rules.setdefault(rule_id, {})[authority] = _override(
                default, window, f"authority {authority}"
            )
    return Catalogue(
        rule_file.version,
        tuple(by_id[rule.id] for rule in rule_file.rules),
        {event_type: tuple(fields) for event_type, fields in rule_file.supersede.items()},
        protocols=protocols or LocalProtocols(),
        local_rules=local_rules,
    )


def load_catalogue(
    path: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    protocols: LocalProtocols | None = None,
    directory: OrganisationDirectory | None = None,
) -> Catalogue:
    """Load, validate and override the rule file: what the service runs with."""
    catalogue = build_catalogue(
        load_rule_file(path or DEFAULT_RULE_FILE),
        overrides,
        protocols=protocols,
        directory=directory,
    )
    # The bank holidays are read on first use, and the first read imports the whole
    # `holidays` package (~0.4 s of CPU): at start, rather than in the first event's request.
    is_working_day(date.today())
    return catalogue
