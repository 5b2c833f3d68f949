"""notify-api's figures in `/metrics`: read from the database at each scrape, so they hold
whichever worker process pushed, and count in the event intake as it answers.

The figures of the database are those of the whole platform (every notify-api replica
shows the same), so a dashboard takes `max` across replicas, never `sum`. The intake
counters are per process: a dashboard sums them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery.models import AttemptOutcome, DeliveryStatus
from notify.endpoints.models import Channel
from notify.monitoring import repository

#: Every metric this module exposes (the dashboard and alert test reads it).
NAMES = (
    "notify_delivery_backlog",
    "notify_delivery_due",
    "notify_delivery_oldest_pending_age_seconds",
    "notify_delivery_oldest_due_age_seconds",
    "notify_delivery_attempts_total",
    "notify_deliveries",
    "notify_duties_overdue",
    "notify_duties_breached_total",
    "notify_events_received_total",
)


@dataclass
class Snapshot:
    """The figures of the last scrape."""

    backlog: dict[str, int] = field(default_factory=dict)
    due: dict[str, int] = field(default_factory=dict)
    oldest_age: dict[str, float] = field(default_factory=dict)
    oldest_due_age: dict[str, float] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    deliveries: dict[tuple[str, str], int] = field(default_factory=dict)
    overdue: dict[str, int] = field(default_factory=dict)
    breached: dict[str, int] = field(default_factory=dict)


class DeliveryFigures(Collector):
    """A collector of the last snapshot; `refresh` reads a new one."""

    def __init__(self, rule_ids: Iterable[str] = ()) -> None:
        #: Every rule of the rule file reads 0 until it has overdue or breached duties,
        #: so an alert's series exists before the first one (the platform's own rules,
        #: notices and escalations, appear once they have some).
        self.rule_ids = tuple(rule_ids)
        self.snapshot = Snapshot(
            overdue=dict.fromkeys(self.rule_ids, 0), breached=dict.fromkeys(self.rule_ids, 0)
        )

    async def refresh(self, session: AsyncSession, now: datetime) -> None:
        # Every label value known is shown, zero included: a channel whose backlog
        # drained must read 0, not keep its last figure.
        snapshot = Snapshot(
            backlog=dict.fromkeys(Channel, 0),
            due=dict.fromkeys(Channel, 0),
            oldest_age=dict.fromkeys(Channel, 0.0),
            oldest_due_age=dict.fromkeys(Channel, 0.0),
            attempts=dict.fromkeys(AttemptOutcome, 0),
            deliveries={
                (state, status): 0 for state in ("enabled", "disabled") for status in DeliveryStatus
            },
            overdue=dict.fromkeys(self.rule_ids, 0),
            breached=dict.fromkeys(self.rule_ids, 0),
        )
        pending_rows = await repository.pending_deliveries_by_channel(session, now)
        for channel, pending, due, oldest, due_since in pending_rows:
            snapshot.backlog[channel] = int(pending)
            snapshot.due[channel] = int(due)
            if oldest is not None:
                snapshot.oldest_age[channel] = max(0.0, (now - oldest).total_seconds())
            if due_since is not None:
                snapshot.oldest_due_age[channel] = max(0.0, (now - due_since).total_seconds())
        for outcome, count in await repository.attempts_by_outcome(session):
            snapshot.attempts[outcome] = int(count)
        for enabled, status, count in await repository.deliveries_by_endpoint_state(session):
            snapshot.deliveries[("enabled" if enabled else "disabled", status)] = int(count)
        for rule, overdue, breached in await repository.duties_by_rule(session):
            snapshot.overdue[rule] = int(overdue)
            snapshot.breached[rule] = int(breached)
        self.snapshot = snapshot

    def collect(self) -> Iterator[Metric]:
        s = self.snapshot
        yield _gauge(
            "notify_delivery_backlog", "Pending deliveries by channel", "channel", s.backlog
        )
        yield _gauge(
            "notify_delivery_due",
            "Pending deliveries due now (not waiting for a retry) by channel",
            "channel",
            s.due,
        )
        yield _gauge(
            "notify_delivery_oldest_pending_age_seconds",
            "Age of the oldest pending delivery by channel",
            "channel",
            s.oldest_age,
        )
        # A delivery waiting for its retry is not late work; one due and not taken is.
        yield _gauge(
            "notify_delivery_oldest_due_age_seconds",
            "How long the longest-waiting due delivery has been due, by channel",
            "channel",
            s.oldest_due_age,
        )
        attempts = CounterMetricFamily(
            "notify_delivery_attempts",
            "Push attempts recorded, by outcome (delivered, retry, failed)",
            labels=["outcome"],
        )
        for outcome, count in s.attempts.items():
            attempts.add_metric([outcome], count)
        yield attempts
        deliveries = GaugeMetricFamily(
            "notify_deliveries",
            "Deliveries by the state of their endpoint and their own status",
            labels=["endpoint_state", "status"],
        )
        for (state, status), count in s.deliveries.items():
            deliveries.add_metric([state, status], count)
        yield deliveries
        yield _gauge(
            "notify_duties_overdue", "Notifications overdue now, by rule", "rule", s.overdue
        )
        breached = CounterMetricFamily(
            "notify_duties_breached",
            "Notifications whose statutory deadline was missed, by rule",
            labels=["rule"],
        )
        for rule, count in s.breached.items():
            breached.add_metric([rule], count)
        yield breached


def _gauge(
    name: str, documentation: str, label: str, values: dict[str, float] | dict[str, int]
) -> Metric:
    family = GaugeMetricFamily(name, documentation, labels=[label])
    for value, figure in values.items():
        family.add_metric([str(value)], figure)
    return family


class IntakeCounters:
    """Events received by this process, by outcome: `accepted` (new), `repeat`, `refused`."""

    OUTCOMES: Iterable[str] = ("accepted", "repeat", "refused")

    def __init__(self, registry: CollectorRegistry) -> None:
        self.received = Counter(
            "notify_events_received",
            "CloudEvents received by the intake, by outcome",
            ["outcome"],
            registry=registry,
        )
        for outcome in self.OUTCOMES:
            self.received.labels(outcome)


def install(
    registry: CollectorRegistry, rule_ids: Iterable[str]
) -> tuple[DeliveryFigures, IntakeCounters]:
    figures = DeliveryFigures(rule_ids)
    registry.register(figures)
    return figures, IntakeCounters(registry)
