"""When to try a delivery again: the retry schedule, jitter, `Retry-After`, the cut-off.

Pure: the caller hands in the clock's reading and the random source, so a test can run
days of retries in a moment.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

#: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, then hourly (design.md, after Svix and Stripe).
DEFAULT_DELAYS: tuple[float, ...] = (5, 30, 120, 600, 1800, 3600)


@dataclass(frozen=True)
class RetrySchedule:
    """Delays after the 1st, 2nd, ... failed attempt, then `then_every`; each with jitter.

    `jitter` is the fraction a delay may move either way (0.2: 80 % to 120 %), so that
    deliveries failing together do not retry together.
    """

    delays: tuple[float, ...] = DEFAULT_DELAYS
    then_every: float = 3600
    jitter: float = 0.2

    def delay(self, failed_attempts: int, rng: random.Random | None = None) -> timedelta:
        """The wait after `failed_attempts` failures (counting from 1)."""
        index = max(failed_attempts, 1) - 1
        base = self.delays[index] if index < len(self.delays) else self.then_every
        if self.jitter:
            source = rng or random
            base *= source.uniform(1 - self.jitter, 1 + self.jitter)
        return timedelta(seconds=base)


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A `Retry-After` header as seconds from now (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max((when - now).total_seconds(), 0.0)


def next_attempt_at(
    *,
    now: datetime,
    failed_attempts: int,
    schedule: RetrySchedule,
    give_up_at: datetime,
    retry_after: float | None = None,
    retry_after_max: float = 3600,
    rng: random.Random | None = None,
) -> datetime | None:
    """When to try again, or None when the cut-off has passed (the delivery has failed).

    A `Retry-After` (429, 503) is honoured within bounds: at least 1 s, at most
    `retry_after_max`, instead of the schedule's delay.
    """
    if retry_after is not None:
        wait = timedelta(seconds=min(max(retry_after, 1.0), retry_after_max))
    else:
        wait = schedule.delay(failed_attempts, rng)
    when = now + wait
    return None if when > give_up_at else when
