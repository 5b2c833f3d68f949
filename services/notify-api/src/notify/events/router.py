"""HTTP of the event intake: `POST /v1/events`."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import JSONResponse

from notify.auth import EventsPublish
from notify.dependencies import AppSettings, Directory, Rules
from notify.events import refusals, service
from notify.events.schemas import CloudEvent, EventReceipt
from notify.rules.catalogue import parse_window
from notify.sandbox import event_id_for, is_sandbox_event
from platform_shared.db import run_retrying
from platform_shared.dependencies import Session
from platform_shared.problems import (
    Invalid,
    NotFound,
    domain_error_response,
    problem_responses,
)
from platform_shared.web.clock import Now
from platform_shared.web.etags import created, set_created

router = APIRouter(prefix="/v1", tags=["events"])


@router.post(
    "/events",
    status_code=201,
    response_model=EventReceipt,
    responses={
        **problem_responses(Invalid),
        **created(with_version=False),
        200: {"model": EventReceipt, "description": "A repeat of a stored id: the first receipt"},
    },
    openapi_extra={
        "requestBody": {
            "content": {
                "application/cloudevents+json": {
                    "schema": {"$ref": "#/components/schemas/CloudEvent"}
                }
            }
        }
    },
)
async def receive_event(
    event: CloudEvent,
    caller: EventsPublish,
    session: Session,
    catalogue: Rules,
    directory: Directory,
    settings: AppSettings,
    request: Request,
    response: Response,
    now: Now,
) -> EventReceipt | JSONResponse:
    """Store a CloudEvent once and make the notifications its rules require.

    201 the first time an id is seen (the event and its notifications are written in one
    transaction before the answer); 200 with the first receipt for a repeat, which
    creates nothing. An event no rule reacts to is stored and answered 201 with no
    notifications. Accepts `application/cloudevents+json` and `application/json`.

    A sandbox client's event, or one with the extension `sandbox: true`, is a sandbox
    event (docs/sandbox.md): stored as `sandbox:<id>`, its notifications go to sandbox
    twins of their organisations only, never to a live inbox or endpoint.

    422 when the event lacks or gets wrong what the rules need: nothing of the event is
    stored; the organisation it belongs to is told once in its inbox (a `platform`
    notice of rule `event-refused`) and the emitting service dead-letters it.
    """
    cutoff = timedelta(hours=settings.delivery_cutoff_hours)
    sandbox = is_sandbox_event(event, caller)
    try:
        receipt, is_new = await run_retrying(
            session,
            lambda: service.receive_event(
                session,
                event,
                catalogue=catalogue,
                directory=directory,
                now=now,
                cutoff=cutoff,
                escalation_window=parse_window(settings.escalation_window),
                sandbox=sandbox,
            ),
        )
    except Invalid as refused:
        if sandbox:  # the live owner is never told of a sandbox event; the answer says it
            return domain_error_response(refused, instance=request.url.path)
        await refusals.tell_owner(
            session,
            event,
            refused.errors,
            catalogue=catalogue,
            directory=directory,
            now=now,
            cutoff=cutoff,
        )
        request.app.state.intake_counters.received.labels("refused").inc()
        return domain_error_response(refused, instance=request.url.path)
    request.app.state.intake_counters.received.labels("accepted" if is_new else "repeat").inc()
    if is_new:
        set_created(response, f"{router.prefix}/events/{quote(event.id, safe='')}")
    else:
        response.status_code = 200
    return receipt


@router.get(
    "/events/{event_id}", response_model=EventReceipt, responses=problem_responses(NotFound)
)
async def get_event_receipt(
    event_id: Annotated[str, Path(min_length=1, max_length=200)],
    caller: EventsPublish,
    session: Session,
) -> EventReceipt:
    """The receipt of a stored event (the `Location` of its first post), for a publisher
    that lost the answer: what the rules made of it."""
    return await service.read_receipt(session, event_id_for(caller, event_id))
