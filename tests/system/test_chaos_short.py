"""The chaos suite (`chaos.py`, `make chaos`) in short, on PostgreSQL: 96 notifications.

Every delivery worker and every service is SIGKILLed once at a random moment and started
again, and the receiver refuses connections, answers 503 with `Retry-After`, then 410 on
one endpoint, while Camden and the Met record 12 children and 24 police contacts. Nothing
may be lost, notified twice, delivered under two webhook-ids or left in progress, and
every push must verify with the `standardwebhooks` library.

About a minute of chaos; starting and stopping the platform's 13 processes adds one to
three more on a busy 2-core host. The short run does not kill the relays: a relay killed
holding a batch leaves it leased for the relay's fixed 120 s, which would make this test
minutes longer; `make chaos` kills them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from chaos import ChaosConfig, run_chaos

from platform_shared.testing import postgres_unavailable_reason

pytestmark = [pytest.mark.system]


async def test_nothing_is_lost_duplicated_or_stuck_when_processes_die_and_receivers_fail(
    tmp_path: Path,
) -> None:
    reason = postgres_unavailable_reason()
    if reason:
        pytest.skip(reason)
    config = ChaosConfig(
        children=12,
        incidents_per_child=2,
        concurrency=4,
        kill_gap=(1.0, 3.0),
        down_for=(0.5, 1.5),
        settle_seconds=240,
        kill_relays=False,
        var_dir=tmp_path / "platform",
    )

    result = await run_chaos(config)

    print(result.report())
    assert result.failures() == [], result.report()
    assert result.made == result.expected == 12 * (3 + 2 * 3)
    assert result.delivered == result.pushes_owed > 0
    assert result.attempt_rows_refused > 0, "a push met the connection refused"
    assert result.receiver_answers.get(503, 0) > 0
    assert result.receiver_answers.get(410, 0) > 0
    assert result.pushes_excused_by_410 > 0, "the 410 endpoint was disabled with pushes owed"
    assert set(result.kills) == {
        "worker-0",
        "worker-1",
        "worker-2",
        "care-status-api",
        "incident-api",
        "notify-api",
    }
