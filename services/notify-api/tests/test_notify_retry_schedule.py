"""The retry schedule: delays, jitter, Retry-After within bounds, the cut-off."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from notify.delivery.retry_timing import RetrySchedule, next_attempt_at, retry_after_seconds

NOW = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)


def test_schedule_is_5s_30s_2min_10min_30min_1h_then_hourly() -> None:
    schedule = RetrySchedule(jitter=0)

    delays = [schedule.delay(n).total_seconds() for n in range(1, 10)]

    assert delays == [5, 30, 120, 600, 1800, 3600, 3600, 3600, 3600]


def test_jitter_keeps_each_delay_within_a_fifth_either_way() -> None:
    schedule = RetrySchedule()
    rng = random.Random(7)

    delays = {schedule.delay(2, rng).total_seconds() for _ in range(200)}

    assert len(delays) > 100
    assert min(delays) >= 24 and max(delays) <= 36


def test_retry_after_in_seconds_is_honoured() -> None:
    when = next_attempt_at(
        now=NOW,
        failed_attempts=1,
        schedule=RetrySchedule(jitter=0),
        give_up_at=LATER,
        retry_after=retry_after_seconds("120", NOW),
    )

    assert when == NOW + timedelta(seconds=120)


def test_retry_after_as_an_http_date_is_honoured() -> None:
    seconds = retry_after_seconds("Tue, 22 Dec 2026 09:10:00 GMT", NOW)

    assert seconds == 600


def test_retry_after_beyond_the_bound_is_capped() -> None:
    when = next_attempt_at(
        now=NOW,
        failed_attempts=1,
        schedule=RetrySchedule(jitter=0),
        give_up_at=LATER,
        retry_after=86_400,
        retry_after_max=3600,
    )

    assert when == NOW + timedelta(hours=1)


def test_unreadable_retry_after_falls_back_to_the_schedule() -> None:
    assert retry_after_seconds("soon", NOW) is None


def test_no_next_attempt_after_the_cut_off() -> None:
    when = next_attempt_at(
        now=LATER - timedelta(seconds=1),
        failed_attempts=30,
        schedule=RetrySchedule(jitter=0),
        give_up_at=LATER,
    )

    assert when is None
