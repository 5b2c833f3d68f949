"""Rule evaluation: from an event's type, time and data to the notifications it requires.

Pure: the catalogue, the event and the organisation directory in, a plan out, no I/O.
An event is either fully planned or refused with every reason (`issues`), never half
processed: an event a rule reacts to must carry the status facts block, every field a
candidate rule's conditions read, and for each matching rule what its recipients and
deadline need; organisation codes must be known.
"""

from __future__ import annotations

import itertools
import string
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from notify.deadlines.ladder import reminder_at
from notify.rules.catalogue import Catalogue, EventWindow, Rule, Window
from notify.rules.conditions import (
    ConditionValue,
    Presence,
    condition_holds,
    conditions_hold,
    missing_fields,
)
from notify.rules.deadlines import (
    WindowDirection,
    WindowUnit,
    certainly_aged,
    due_at,
    recurring_due_date,
)
from notify.rules.facts import BASE_SUBJECT_FIELDS, ORGANISATION_FIELDS, parse_event_data
from notify.rules.recipients import recipient_org, resolution, source_field
from notify.rules.trace import (
    ConditionTrace,
    DeadlineTrace,
    RecipientTrace,
    RuleTrace,
    Trace,
    WithheldTrace,
    skipped_days,
    text,
)
from platform_shared.calendar import local_date
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import FieldIssue

_LOCAL_AUTHORITY_FIELDS = ("responsible_authority", "area_authority")


@dataclass(frozen=True)
class PlannedNotification:
    """One notification a rule requires: to whom, by when, or withheld and why."""

    rule: Rule
    org: str
    role: str
    due_at: datetime | None
    withheld_reason: str | None
    subject: dict[str, Any]
    person_ref: str | None
    occurrence: int | None = None
    recurrence_anchor: date | None = None
    #: The organisation whose duty the notification discharges (the rule's `duty_holder`).
    duty_holder: str | None = None
    #: No occurrence of a recurring duty falls due on or after this day (`until_age`).
    recurrence_until: date | None = None
    #: A `before_event` duty: what a later event must match to make it a breach.
    watch_key: str | None = None
    #: Why: the rule, its conditions, the recipient, the deadline (`notify.rules.trace`).
    trace: Trace | None = None
    #: When the recipient is reminded (the escalation ladder), if the window allows.
    remind_at: datetime | None = None
    #: The unit of the window its deadline was computed in (hour windows reach the
    #: emergency duty team out of hours).
    window_unit: str | None = None


@dataclass
class Evaluation:
    """What an event requires; `issues` non-empty means the event must be refused."""

    matched_rules: list[str] = field(default_factory=list)
    notifications: list[PlannedNotification] = field(default_factory=list)
    issues: list[FieldIssue] = field(default_factory=list)
    ends_recurring_duties: bool = False
    person_ref: str | None = None
    #: What a later event of the same type and key supersedes (`supersede` of the file).
    supersede_key: str | None = None
    #: The `before_event` duties this event makes a breach of, by their watch keys.
    breach_keys: list[str] = field(default_factory=list)
    #: Every rule of the event's type: matched or not, and why (the dry run shows them).
    considered: list[RuleTrace] = field(default_factory=list)


def _subject(rule: Rule, typed: dict[str, Any]) -> dict[str, Any]:
    subject: dict[str, Any] = {}
    for name in (*BASE_SUBJECT_FIELDS, *rule.subject):
        value = typed.get(name)
        subject[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return subject


def _anchor(
    anchors: list[str], typed: dict[str, Any], time: datetime
) -> tuple[str | None, date | datetime | None]:
    for name in anchors:
        value = time if name == "time" else typed.get(name)
        if isinstance(value, date | datetime):
            return name, value
    return None, None


def _expected(value: ConditionValue) -> Any:
    return value.model_dump() if isinstance(value, Presence) else value


def condition_traces(
    conditions: dict[str, ConditionValue], data: dict[str, Any]
) -> list[ConditionTrace]:
    """Each condition with the fact it read, its value and whether it held."""
    return [
        ConditionTrace(
            fact=name,
            value=data.get(name),
            expected=_expected(expected),
            held=condition_holds(data.get(name), expected),
        )
        for name, expected in conditions.items()
    ]


def _choose_window(rule: Rule, data: dict[str, Any]) -> Window | EventWindow | None:
    for window in rule.deadlines:
        if conditions_hold(window.when, data):
            return window
    return None


def _check_organisations(
    typed: dict[str, Any], directory: OrganisationDirectory
) -> list[FieldIssue]:
    issues = []
    for name in ORGANISATION_FIELDS:
        code = typed.get(name)
        if code is None:
            continue
        if name in _LOCAL_AUTHORITY_FIELDS and not directory.is_local_authority(code):
            issues.append(FieldIssue(f"data.{name}", f"unknown local authority: {code}"))
        elif code not in directory:
            issues.append(FieldIssue(f"data.{name}", f"unknown organisation: {code}"))
    if typed.get("status") in ("looked_after", "care_leaver") and not typed.get(
        "responsible_authority"
    ):
        issues.append(
            FieldIssue(
                "data.responsible_authority",
                "required: a looked-after child or care leaver has a responsible authority",
            )
        )
    return issues


@dataclass
class _Deadline:
    """When a rule's notification falls due, and of a recurring duty which occurrence."""

    due: datetime | None = None
    anchor_day: date | None = None
    occurrence: int | None = None
    until: date | None = None
    #: A recurring duty that has ended before its first occurrence (the age limit).
    ended: bool = False
    watch_key: str | None = None
    trace: DeadlineTrace | None = None
    window: Window | None = None
    anchor: date | datetime | None = None


def _duty_holder(rule: Rule, typed: dict[str, Any], issues: list[FieldIssue]) -> str | None:
    holder = recipient_org(rule.duty_holder, typed) if rule.duty_holder else None
    if rule.duty_holder and holder is None:
        issues.append(
            FieldIssue(
                f"data.{source_field(rule.duty_holder)}",
                f"required to name the duty holder ({rule.duty_holder}) of rule {rule.id}",
            )
        )
    return holder


def _recurring(rule: Rule, typed: dict[str, Any], anchor: date | datetime) -> _Deadline:
    """The first occurrence of a recurring duty anchored on `anchor`."""
    assert rule.recurrence is not None
    anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
    day = recurring_due_date(
        anchor_day, rule.recurrence.first_after_days, rule.recurrence.step_tuples(), 1
    )
    due = due_at(WindowUnit.CALENDAR_DAYS, 0, WindowDirection.AFTER, day)
    deadline = _Deadline(
        due=due,
        anchor_day=anchor_day,
        occurrence=1,
        trace=DeadlineTrace(
            anchor=None,
            anchor_value=anchor_day.isoformat(),
            unit=WindowUnit.CALENDAR_DAYS,
            amount=(day - anchor_day).days,
            direction=WindowDirection.AFTER,
            due_at=due,
            recurrence=f"occurrence 1 of a recurring duty, due {day.isoformat()}",
        ),
    )
    if rule.recurrence.until_age is not None:
        deadline.until = certainly_aged(
            typed["age"], typed["effective_date"], rule.recurrence.until_age
        )
        deadline.ended = day >= deadline.until
    return deadline


def watch_key(rule_id: str, values: dict[str, Any]) -> str:
    """What a `before_event` duty and the later events that breach it share."""
    parts = [f"{name}={_text(value)}" for name, value in sorted(values.items())]
    return "|".join([rule_id, *parts])[:300]


def _watch(
    rule: Rule, window: EventWindow, typed: dict[str, Any], issues: list[FieldIssue]
) -> _Deadline:
    values = {name: typed.get(name) for name in window.match_fields}
    for name, value in values.items():
        if value is None:
            issues.append(FieldIssue(f"data.{name}", f"required by rule {rule.id}"))
    if any(value is None for value in values.values()):
        return _Deadline()
    later = ", ".join(item.event for item in window.before_event)
    return _Deadline(
        watch_key=watch_key(rule.id, values),
        trace=DeadlineTrace(
            anchor=None,
            anchor_value=None,
            unit=None,
            amount=None,
            direction=None,
            due_at=None,
            before_event=f"met before any of: {later}",
        ),
    )


def _window_trace(
    window: Window, name: str | None, anchor: date | datetime, due: datetime, data: dict[str, Any]
) -> DeadlineTrace:
    skipped = []
    if window.unit == WindowUnit.WORKING_DAYS:
        day = local_date(anchor) if isinstance(anchor, datetime) else anchor
        last = local_date(due)
        if window.direction == WindowDirection.AFTER:
            skipped = skipped_days(day + timedelta(days=1), last)
        else:
            skipped = skipped_days(last, day - timedelta(days=1))
    return DeadlineTrace(
        anchor=name,
        anchor_value=text(anchor),
        unit=window.unit,
        amount=window.amount,
        direction=window.direction,
        due_at=due,
        skipped=skipped,
        window_when=condition_traces(window.when, data),
    )


def _deadline(
    rule: Rule,
    data: dict[str, Any],
    typed: dict[str, Any],
    time: datetime,
    issues: list[FieldIssue],
) -> _Deadline:
    """The deadline of a `notify` rule's notification; what it lacks goes to `issues`."""
    lacking = [name for window in rule.deadlines for name in missing_fields(window.when, data)]
    for name in dict.fromkeys(lacking):
        issues.append(FieldIssue(f"data.{name}", f"required by rule {rule.id}"))
    window = _choose_window(rule, data) if not lacking else None
    if isinstance(window, EventWindow):
        return _watch(rule, window, typed, issues)
    anchors = rule.recurrence.anchor if rule.recurrence else (window.anchor if window else [])
    anchor_name, anchor = _anchor(anchors, typed, time)
    if not lacking and window is None and rule.recurrence is None:
        issues.append(FieldIssue("data", f"no deadline of rule {rule.id} fits the event"))
    elif anchor is None and anchors:
        issues.append(FieldIssue(f"data.{anchors[0]}", f"required by rule {rule.id}"))
    elif window is not None and anchor is not None:
        due = due_at(window.unit, window.amount, window.direction, anchor)
        deadline = _Deadline(
            due=due,
            trace=_window_trace(window, anchor_name, anchor, due, data),
            window=window,
            anchor=anchor,
        )
        if rule.visit_of:
            # A visit: when it is made moves the series on; never before this day.
            deadline.anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
        return deadline
    elif rule.recurrence is not None and anchor is not None:
        return _recurring(rule, typed, anchor)
    return _Deadline()


def _recipient_trace(role: str, typed: dict[str, Any], org: str | None) -> RecipientTrace:
    fact, how = resolution(role, typed)
    return RecipientTrace(
        role=role,
        org=org,
        from_fact=fact,
        fact_value=text(typed.get(fact)) if fact else None,
        how=how,
    )


def _reminder(
    catalogue: Catalogue, rule: Rule, typed: dict[str, Any], deadline: _Deadline, time: datetime
) -> datetime | None:
    window = deadline.window
    if window is None or deadline.due is None or deadline.anchor is None:
        return None
    ladder = catalogue.ladders.for_rule(typed.get("responsible_authority"), rule.basis)
    return reminder_at(
        ladder,
        unit=window.unit,
        amount=window.amount,
        after=window.direction == WindowDirection.AFTER,
        anchor=deadline.anchor,
        received=time,
        due=deadline.due,
    )


def _plan_rule(
    catalogue: Catalogue,
    rule: Rule,
    data: dict[str, Any],
    typed: dict[str, Any],
    time: datetime,
    rule_trace: RuleTrace,
    event_type: str,
) -> tuple[list[PlannedNotification], list[FieldIssue]]:
    issues: list[FieldIssue] = []
    holder = _duty_holder(rule, typed, issues)
    deadline = _Deadline()
    if rule.outcome == "notify":
        deadline = _deadline(rule, data, typed, time, issues)
        if deadline.ended:
            return [], issues  # the duty has ended before its first occurrence
    withheld = None
    withheld_trace = None
    if rule.withheld_reason:
        withheld = string.Formatter().vformat(rule.withheld_reason, (), _Placeholders(data))
        withheld_trace = WithheldTrace(rule=rule.id, reason=withheld, facts=rule_trace.conditions)
    remind = _reminder(catalogue, rule, typed, deadline, time) if withheld is None else None
    if deadline.trace is not None:
        deadline.trace.reminder_at = remind
    holder_trace = _recipient_trace(rule.duty_holder, typed, holder) if rule.duty_holder else None
    planned = []
    for recipient in rule.recipients:
        lacking = missing_fields(recipient.when, data)
        for name in lacking:
            issues.append(FieldIssue(f"data.{name}", f"required by rule {rule.id}"))
        if lacking or not conditions_hold(recipient.when, data):
            continue
        org = recipient_org(recipient.role, typed)
        if recipient.except_recorder and org is not None and org == typed.get("recorded_by"):
            continue  # it recorded the event itself
        if org is None:
            issues.append(
                FieldIssue(
                    f"data.{source_field(recipient.role)}",
                    f"required to address the {recipient.role} of rule {rule.id}",
                )
            )
            continue
        recipient_trace = _recipient_trace(recipient.role, typed, org)
        recipient_trace.when = condition_traces(recipient.when, data)
        trace = Trace(
            rules_version=catalogue.version,
            event_type=event_type,
            rule=rule_trace,
            duty_holder=holder_trace,
            recipient=recipient_trace,
            deadline=deadline.trace,
            withheld=withheld_trace,
        )
        planned.append(
            PlannedNotification(
                rule=rule,
                org=org,
                role=recipient.role,
                due_at=deadline.due,
                withheld_reason=withheld,
                subject=_subject(rule, typed),
                person_ref=typed.get("person_ref"),
                occurrence=deadline.occurrence,
                recurrence_anchor=deadline.anchor_day,
                duty_holder=holder,
                recurrence_until=deadline.until,
                watch_key=deadline.watch_key,
                trace=trace,
                remind_at=remind,
                window_unit=deadline.window.unit if deadline.window else None,
            )
        )
    return planned, issues


def _rule_trace(
    rule: Rule, data: dict[str, Any], *, applies: bool, authority: str | None
) -> RuleTrace:
    conditions = condition_traces(rule.conditions, data)
    unless = condition_traces(rule.unless, data)
    matched = False
    if not applies:
        why = f"local protocol {rule.protocol} not adopted by {authority or 'no authority'}"
    elif not all(item.held for item in conditions):
        failed = next(item for item in conditions if not item.held)
        why = f"{failed.fact} is {failed.value!r}, the rule needs {failed.expected!r}"
    elif unless and all(item.held for item in unless):
        why = "its exception holds: " + ", ".join(
            f"{item.fact} is {item.value!r}" for item in unless
        )
    else:
        matched = True
        why = "every condition held" if conditions else "the rule has no conditions"
    return RuleTrace(
        rule=rule.id,
        title=rule.title,
        basis=rule.basis,
        citation=rule.citation,
        matched=matched,
        why=why,
        conditions=conditions,
        unless=unless,
    )


class _Placeholders(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "not given"


def evaluate_event(
    catalogue: Catalogue,
    event_type: str,
    time: datetime,
    data: dict[str, Any],
    directory: OrganisationDirectory,
) -> Evaluation:
    """The notifications an event requires under `catalogue`, or why it is refused.

    An event no rule reacts to (an unknown type, say) requires nothing and is not refused.
    """
    if not catalogue.reacts_to(event_type):
        return Evaluation()
    typed, issues = parse_event_data(data)
    if issues:
        return Evaluation(issues=issues)
    evaluation = Evaluation(
        ends_recurring_duties=event_type in catalogue.ending_events,
        person_ref=typed.get("person_ref"),
    )
    evaluation.issues.extend(_check_organisations(typed, directory))
    key_fields = catalogue.supersede.get(event_type, ())
    for name in key_fields:
        if typed.get(name) is None:
            evaluation.issues.append(
                FieldIssue(f"data.{name}", f"required: a later {event_type} supersedes by it")
            )
    if key_fields:
        evaluation.supersede_key = supersede_key(event_type, {n: typed.get(n) for n in key_fields})
    authority = typed.get("responsible_authority")
    candidates = [
        catalogue.in_force(rule, authority)
        for rule in catalogue.rules_for(event_type)
        if catalogue.applies(rule, authority)
    ]
    not_adopted = [
        rule for rule in catalogue.rules_for(event_type) if not catalogue.applies(rule, authority)
    ]
    for rule in candidates:
        for name in missing_fields({**rule.conditions, **rule.unless}, data):
            evaluation.issues.append(FieldIssue(f"data.{name}", f"required by rule {rule.id}"))
    evaluation.breach_keys = _breach_keys(catalogue, event_type, data, typed)
    if evaluation.issues:
        return Evaluation(issues=_unique(evaluation.issues))
    for rule in not_adopted:
        evaluation.considered.append(_rule_trace(rule, data, applies=False, authority=authority))
    for rule in candidates:
        rule_trace = _rule_trace(rule, data, applies=True, authority=authority)
        evaluation.considered.append(rule_trace)
        if not rule_trace.matched:
            continue
        planned, issues = _plan_rule(catalogue, rule, data, typed, time, rule_trace, event_type)
        evaluation.issues.extend(issues)
        evaluation.matched_rules.append(rule.id)
        evaluation.notifications.extend(planned)
    if evaluation.issues:
        return Evaluation(issues=_unique(evaluation.issues))
    return evaluation


def _breach_keys(
    catalogue: Catalogue, event_type: str, data: dict[str, Any], typed: dict[str, Any]
) -> list[str]:
    """The watch keys of the `before_event` duties an event of this type and data breaches.

    For each later event the rule file names with this type and whose conditions hold,
    every combination of the values its `match` fields carry (a charge matches by the
    incident it follows or its own incident id).
    """
    if event_type not in catalogue.watched_events:
        return []
    keys: list[str] = []
    for rule in catalogue.rules:
        for window in rule.event_windows:
            for later in window.before_event:
                if later.event != event_type or not conditions_hold(later.when, data):
                    continue
                names = sorted(later.match)
                candidates = [
                    [typed[field] for field in later.match[name] if typed.get(field) is not None]
                    for name in names
                ]
                for values in itertools.product(*candidates):
                    keys.append(watch_key(rule.id, dict(zip(names, values, strict=True))))
    return list(dict.fromkeys(keys))


def supersede_key(event_type: str, values: dict[str, Any]) -> str:
    """What events of a type that supersede one another share: the type and key values."""
    parts = [f"{name}={_text(value)}" for name, value in values.items()]
    return "|".join([event_type, *parts])[:300]


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _unique(issues: list[FieldIssue]) -> list[FieldIssue]:
    return list(dict.fromkeys(issues))
