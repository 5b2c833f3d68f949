"""HTTP of the event intake: `POST /v1/events`."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Response

from notify.dependencies import AppSettings, Directory, Rules
from notify.events import service
from notify.events.auth import EventsPublisher
from notify.events.schemas import CloudEvent, EventReceipt
from platform_shared.calendar import utc_now
from platform_shared.dependencies import Session
from platform_shared.problems import problem_responses

router = APIRouter(prefix="/v1", tags=["events"])


@router.post(
    "/events",
    status_code=201,
    response_model=EventReceipt,
    responses={
        **problem_responses(service.EventRefused),
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
    caller: EventsPublisher,
    session: Session,
    catalogue: Rules,
    directory: Directory,
    settings: AppSettings,
    response: Response,
) -> EventReceipt:
    """Store a CloudEvent once and make the notifications its rules require.

    201 the first time an id is seen (the event and its notifications are written in one
    transaction before the answer); 200 with the first receipt for a repeat, which
    creates nothing. An event no rule reacts to is stored and answered 201 with no
    notifications. Accepts `application/cloudevents+json` and `application/json`.
    """
    receipt, created = await service.receive_event(
        session,
        event,
        catalogue=catalogue,
        directory=directory,
        now=utc_now(),
        cutoff=timedelta(hours=settings.delivery_cutoff_hours),
    )
    if not created:
        response.status_code = 200
    return receipt
