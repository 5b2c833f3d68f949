"""What people do in the portal, as steps the tests share."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from journeys import (
    CAMDEN,
    DEMO_HOME,
    DERBYSHIRE,
    at,
    looked_after_child_placed_in,
    record_incident,
)
from platform_harness import Platform
from portal_browser import Watched

T = TypeVar("T")


def run_async(make: Callable[[], Awaitable[T]]) -> T:
    """Run an API step (the journeys' async helpers) beside Playwright's own event loop."""

    async def main() -> T:
        return await make()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, main()).result()


def sign_in(watched: Watched, username: str, path: str = "/") -> None:
    """From `path` to the sign-in page, as `username`, and back; axe on the start page."""
    page = watched.page
    page.goto(path)
    if path == "/":
        watched.axe()
        page.get_by_role("button", name="Sign in").click()
    page.locator(f"#person-{username}").check()
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/oauth/" not in url)


def seed_child_placed_in_derbyshire(platform: Platform, **fields: Any) -> dict[str, Any]:
    """Camden's record of a looked-after child in a Derbyshire children's home (by API)."""

    async def seed() -> dict[str, Any]:
        async with platform.aclient("care-status-api", "demo-camden") as camden:
            return await looked_after_child_placed_in(
                camden,
                DERBYSHIRE,
                care_order_from="2024-02-01",
                placed_from="2026-09-14",
                placement={"provider": DEMO_HOME},
                **fields,
            )

    return run_async(seed)


def seed_derbyshire_child_in_the_home(platform: Platform, **fields: Any) -> dict[str, Any]:
    """Derbyshire's own looked-after child in the demo children's home (in Derbyshire), by
    API: Derbyshire adopted the Derbyshire protocol, so the CPS checklist applies."""

    async def seed() -> dict[str, Any]:
        async with platform.aclient("care-status-api", "demo-derbyshire") as derbyshire:
            return await looked_after_child_placed_in(
                derbyshire,
                DERBYSHIRE,
                care_order_from="2024-02-01",
                placed_from="2026-09-14",
                placement={"provider": DEMO_HOME},
                **fields,
            )

    return run_async(seed)


def seed_home_incident(platform: Platform, person_ref: str) -> dict[str, Any]:
    """The demo home records an incident with its decision record and the police
    involved, by API (its own system), an hour ago."""
    occurred = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)

    async def seed() -> dict[str, Any]:
        async with platform.aclient("incident-api", "demo-home-provider") as home:
            incident, _ = await record_incident(
                home,
                person_ref,
                "behaviour",
                occurred,
                "placement",
                description="Kicked the lounge door after a cancelled family visit.",
                response_category="police_advice",
                reasonable_parent_test={
                    "answer": True,
                    "reason": "A window was broken and a member of staff was hurt.",
                },
                child_account="I was angry 'cause my mum couldn't come. I've said sorry.",
                police_force="police-derbyshire",
                police_involved_at=(occurred + timedelta(minutes=20)).isoformat(),
            )
            return incident

    return run_async(seed)


def seed_detention(platform: Platform, person_ref: str, detained_at: str) -> dict[str, Any]:
    """The Met records a detention by API (its system, not the portal)."""

    async def seed() -> dict[str, Any]:
        async with platform.aclient("incident-api", "demo-met-custody") as met:
            incident, _ = await record_incident(
                met,
                person_ref,
                "custody_detention",
                at(detained_at),
                "custody",
                custody_suite="Holborn custody suite",
                detained_at=at(detained_at).isoformat(),
            )
            return incident

    return run_async(seed)


__all__ = [
    "CAMDEN",
    "run_async",
    "seed_child_placed_in_derbyshire",
    "seed_derbyshire_child_in_the_home",
    "seed_detention",
    "seed_home_incident",
    "sign_in",
]
