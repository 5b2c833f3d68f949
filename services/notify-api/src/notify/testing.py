"""Readable factories of events for tests of notify-api and of the services around it.

`facts()` is a status facts block (docs/events.md) of a looked-after child of Camden
placed in Derbyshire; keyword overrides change any field. `cloud_event()` wraps data in
a CloudEvents 1.0 envelope.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from notify.delivery.retry_timing import RetrySchedule
from notify.delivery.worker import DeliveryWorker
from notify.rules.catalogue import load_catalogue
from notify.settings import Settings
from platform_shared.contracts.examples import status_facts_example

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"


def facts(**overrides: Any) -> dict[str, Any]:
    """A status facts block; the defaults are a looked-after 15-year-old placed out of area."""
    return status_facts_example(**{"person_ref": "pr_0001", **overrides})


def care_leaver_facts(**overrides: Any) -> dict[str, Any]:
    """A former relevant care leaver of Camden, aged 19, living in Camden."""
    return facts(
        **{
            "status": "care_leaver",
            "care_leaver_category": "former_relevant",
            "age": 19,
            "age_band": "18_20",
            "under_18": False,
            "area_authority": None,
            "placed_out_of_area": False,
            "legal_basis": None,
            "placement_type": None,
            "notify_personal_adviser_consent": "given",
            **overrides,
        }
    )


def placement_data(start_date: date, *, emergency: bool, **overrides: Any) -> dict[str, Any]:
    """The data of `placement.started` (facts as of the start date)."""
    return facts(
        **{
            "effective_date": start_date.isoformat(),
            "placement_id": "pl_0001",
            "start_date": start_date.isoformat(),
            "emergency": emergency,
            "provider": "provider-demo-home",
            **overrides,
        }
    )


def incident_data(kind: str, occurred_at: datetime, **overrides: Any) -> dict[str, Any]:
    """The data of an incident-api event, recorded by the demo home in the placement."""
    return {
        **facts(effective_date=occurred_at.date().isoformat()),
        "incident_id": f"in_{uuid.uuid4().hex[:12]}",
        "occurred_at": occurred_at.isoformat(),
        "kind": kind,
        "setting": "placement",
        "recorded_by": "provider-demo-home",
        "recorded_by_kind": "provider",
        "response_category": None,
        "staff_involved": False,
        "police_involved": False,
        "police_involved_at": None,
        "exploitation_concern": False,
        "measure_of_control": None,
        "measure_planned_in_ehc_plan": False,
        "related_incident_id": None,
        **overrides,
    }


def cloud_event(
    type: str,
    data: dict[str, Any] | None,
    *,
    time: datetime,
    id: str | None = None,
    source: str = "incident-api",
) -> dict[str, Any]:
    """A CloudEvents 1.0 JSON envelope."""
    return {
        "specversion": "1.0",
        "id": id or str(uuid.uuid4()),
        "source": source,
        "type": type,
        "subject": (data or {}).get("person_ref"),
        "time": time.isoformat(),
        "datacontenttype": "application/json",
        "data": data,
    }


class Clock:
    """A clock tests set by hand (`clock.now = ...`): a `platform_shared.web.clock.Clock`,
    for the worker's `clock=` and the app's (`create_app(settings, clock=clock)`)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def seeded_worker(
    sessions: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock,
    **overrides: Any,
) -> DeliveryWorker:
    """A delivery worker on `clock`, with retries without jitter and a seeded random source,
    so tests can replay its schedule; `overrides` change its settings."""
    return DeliveryWorker(
        sessions,
        settings=settings.model_copy(update=overrides),
        catalogue=load_catalogue(),
        clock=clock,
        schedule=RetrySchedule(jitter=0),
        rng=random.Random(1),  # noqa: S311 - a replayable retry schedule, not a secret
    )
