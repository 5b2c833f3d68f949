"""Events notify-api refuses for good: dead-lettered, listed to their organisation, sent
again on request; never retried blind, never blocking the events after them (issue 15
finding 4: a placement whose event notify-api refused with 422 was retried for ever)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from platform_shared.outbox import DEAD_LETTER, PENDING, SENT, OutboxEvent, add_event
from platform_shared.testing import InProcessService, serve_over_http

from .test_outbox_relay import _make_due_now, _relay

CAMDEN, DERBYSHIRE = "E09000007", "E10000007"


class RefusingIntake:
    """A notify-api intake that refuses the events of some records with a 422 problem."""

    def __init__(self, refuse: set[str], status: int = 422) -> None:
        self.refuse = refuse
        self.status = status
        self.posted: list[dict[str, Any]] = []
        self.app = Starlette(routes=[Route("/v1/events", self.intake, methods=["POST"])])

    async def intake(self, request: Request) -> JSONResponse:
        event = await request.json()
        self.posted.append(event)
        if event["data"].get("placement_id") in self.refuse:
            return JSONResponse(
                {
                    "type": "about:blank",
                    "title": "Invalid request",
                    "status": 422,
                    "detail": "The event lacks or gets wrong what the rules need",
                    "errors": [{"field": "data.start_date", "reason": "too far in the future"}],
                },
                status_code=self.status,
            )
        return JSONResponse({"id": event["id"]}, status_code=201)


async def _add(service: InProcessService, placement_id: str, org: str = CAMDEN) -> str:
    async with service.session_factory() as session, session.begin():
        event = add_event(
            session,
            type="placement.started",
            source="tests",
            subject="p_child",
            data={"responsible_authority": org, "placement_id": placement_id},
        )
    return str(event.id)


async def _rows(service: InProcessService) -> dict[str, OutboxEvent]:
    async with service.session_factory() as session:
        return {str(row.id): row for row in await session.scalars(select(OutboxEvent))}


async def _relay_pass(service: InProcessService, auth: Any, url: str) -> None:
    relay = _relay(service, url, auth)
    await relay.relay_once()
    await relay.aclose()


async def test_a_refused_event_is_dead_lettered_with_its_reasons_and_not_retried(
    service: InProcessService, auth: Any
) -> None:
    refused = await _add(service, "pl-refused")
    later = await _add(service, "pl-later")
    intake = RefusingIntake({"pl-refused"})
    async with serve_over_http(intake.app) as url:
        await _relay_pass(service, auth, url)
        await _make_due_now(service)
        await _relay_pass(service, auth, url)

    rows = await _rows(service)
    assert rows[refused].status == DEAD_LETTER
    assert rows[refused].attempts == 1
    assert rows[refused].dead_lettered_at is not None
    assert rows[refused].last_error is not None
    assert "HTTP 422" in rows[refused].last_error
    assert "data.start_date: too far in the future" in rows[refused].last_error
    # The later event of the same subject was not held behind it.
    assert rows[later].status == SENT
    assert [event["id"] for event in intake.posted].count(refused) == 1


async def test_an_unavailable_intake_is_retried_not_dead_lettered(
    service: InProcessService, auth: Any
) -> None:
    event_id = await _add(service, "pl-refused")
    intake = RefusingIntake({"pl-refused"}, status=503)
    async with serve_over_http(intake.app) as url:
        await _relay_pass(service, auth, url)
    assert (await _rows(service))[event_id].status == PENDING


async def test_the_organisation_lists_its_dead_letters_and_sends_one_again(
    service: InProcessService, auth: Any
) -> None:
    ours = await _add(service, "pl-refused")
    theirs = await _add(service, "pl-theirs", org=DERBYSHIRE)
    intake = RefusingIntake({"pl-refused", "pl-theirs"})
    async with serve_over_http(intake.app) as url:
        await _relay_pass(service, auth, url)

        camden = await service.as_client("demo-camden")
        listed = await camden.get("/v1/dead-letters")
        assert listed.status_code == 200
        [item] = listed.json()["items"]
        assert item["id"] == ours
        assert item["record_id"] == "pl-refused"
        assert item["subject"] == "p_child"
        assert "data.start_date" in item["reason"]

        # Another organisation's dead letter is neither listed nor retried by Camden.
        assert (await camden.post(f"/v1/dead-letters/{theirs}/retry")).status_code == 404

        retried = await camden.post(f"/v1/dead-letters/{ours}/retry")
        assert retried.status_code == 202
        assert (await camden.post(f"/v1/dead-letters/{ours}/retry")).status_code == 202
        assert (await camden.get("/v1/dead-letters")).json()["items"] == []

        intake.refuse.clear()  # the cause was put right
        await _relay_pass(service, auth, url)

    rows = await _rows(service)
    assert rows[ours].status == SENT
    assert rows[theirs].status == DEAD_LETTER
    assert [event["id"] for event in intake.posted].count(ours) == 2


async def test_dead_letters_are_counted_in_the_metrics(
    service: InProcessService, auth: Any
) -> None:
    await _add(service, "pl-refused")
    intake = RefusingIntake({"pl-refused"})
    async with serve_over_http(intake.app) as url:
        await _relay_pass(service, auth, url)
    anonymous = await service.as_client(None)
    metrics = (await anonymous.get("/metrics")).text
    assert "outbox_dead_letters 1.0" in metrics
