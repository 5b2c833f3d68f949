"""HTTP of the event intake: `POST /v1/events`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Path, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from notify.auth import EventsPublish
from notify.dependencies import AppSettings, Directory, Rules
from notify.events import batch, refusals, service
from notify.events.schemas import (
    BATCH_MEDIA_TYPE,
    BatchReceipts,
    BatchStatus,
    CloudEvent,
    EventReceipt,
    RepeatOrBatchReceipts,
)
from notify.rules.catalogue import Catalogue, parse_window
from notify.sandbox import event_id_for, is_sandbox_event
from notify.settings import Settings as NotifySettings
from platform_shared.auth import Principal
from platform_shared.db import run_retrying
from platform_shared.dependencies import Session
from platform_shared.direct import parse_body
from platform_shared.organisations import OrganisationDirectory
from platform_shared.problems import (
    Invalid,
    NotFound,
    Problem,
    domain_error_response,
    problem_responses,
)
from platform_shared.web.clock import Now
from platform_shared.web.etags import created, set_created

router = APIRouter(prefix="/v1", tags=["events"])


_STRUCTURED = {"schema": {"$ref": "#/components/schemas/CloudEvent"}}


def document_request_schemas(app: FastAPI) -> None:
    """Put the `CloudEvent` schema the request body refers to in the app's document.

    The operation reads its body itself (its content type says whether it is one event or
    a batch), so FastAPI, which collects the schemas of the bodies it parses, does not.
    """
    build = app.openapi

    def document() -> dict[str, Any]:
        built = build()
        schemas = built.setdefault("components", {}).setdefault("schemas", {})
        if "CloudEvent" not in schemas:
            schemas["CloudEvent"] = CloudEvent.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
        return built

    app.openapi = document  # type: ignore[method-assign]


def _batch_schema(limit: int) -> dict[str, Any]:
    return {
        "schema": {
            "type": "array",
            # Any element is taken: one that is not a CloudEvent is refused in its own
            # receipt, and the others are still taken in (only the array is the batch's).
            "items": {
                "anyOf": [
                    {"$ref": "#/components/schemas/CloudEvent"},
                    {"description": "Anything else: refused in its own receipt (`refused`)"},
                ]
            },
            "minItems": 1,
            "maxItems": limit,
        }
    }


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


@router.post(
    "/events",
    status_code=201,
    response_model=EventReceipt,
    responses={
        **problem_responses(Invalid),
        **created(with_version=False),
        200: {
            "model": RepeatOrBatchReceipts,
            "description": "A repeat of a stored id: the first receipt; or the answer to a "
            "batch (`application/cloudevents-batch+json`): one receipt per event, in order",
        },
        400: {
            "model": Problem,
            "description": "The body cannot be read (not UTF-8 JSON), or a query parameter "
            "the operation does not take was sent (`errors` names it); a batch that is not a "
            "JSON array, or is empty (`malformed-batch`)",
        },
        422: {
            "model": Problem,
            "description": "A single event the schema or the rules refuse (nothing stored); "
            "a batch of more events than `NOTIFY_EVENTS_BATCH_LIMIT` (`batch-too-large`)",
        },
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": _STRUCTURED,
                "application/cloudevents+json": _STRUCTURED,
                BATCH_MEDIA_TYPE: _batch_schema(
                    NotifySettings.model_fields["events_batch_limit"].default
                ),
            },
        }
    },
)
async def receive_event(
    caller: EventsPublish,
    session: Session,
    catalogue: Rules,
    directory: Directory,
    settings: AppSettings,
    request: Request,
    response: Response,
    now: Now,
) -> EventReceipt | BatchReceipts | JSONResponse:
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

    A batch (`application/cloudevents-batch+json`, a JSON array of such events, at most
    `NOTIFY_EVENTS_BATCH_LIMIT`) is answered 200 with one receipt per event, in order:
    `accepted` (a single post's 201), `duplicate` (its 200: the first receipt) or
    `refused` (its 422 problem, each field named from the batch: `2.data.start_date`).
    Its accepted events commit together; a refused one changes nothing of the others. The
    whole batch is refused (400, 422 `batch-too-large`; nothing taken in) only when it is not a non-empty
    JSON array within the limit.
    """
    if _media_type(request) == BATCH_MEDIA_TYPE:
        return await _receive_batch(session, catalogue, directory, settings, request, now, caller)
    event = parse_body(CloudEvent, await request.body())
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


#: The intake counter's label of each outcome of a batch's event.
_COUNTED = {
    BatchStatus.ACCEPTED: "accepted",
    BatchStatus.DUPLICATE: "repeat",
    BatchStatus.REFUSED: "refused",
}


async def _receive_batch(
    session: AsyncSession,
    catalogue: Catalogue,
    directory: OrganisationDirectory,
    settings: NotifySettings,
    request: Request,
    now: datetime,
    caller: Principal,
) -> JSONResponse:
    elements = batch.batch_of(await request.body(), limit=settings.events_batch_limit)
    answer = await run_retrying(
        session,
        lambda: batch.receive_batch(
            session,
            elements,
            catalogue=catalogue,
            directory=directory,
            now=now,
            cutoff=timedelta(hours=settings.delivery_cutoff_hours),
            escalation_window=parse_window(settings.escalation_window),
            tracer=request.app.state.tracer,
            caller=caller,
        ),
    )
    counter = request.app.state.intake_counters.received
    for receipt in answer.receipts:
        counter.labels(_COUNTED[receipt.status]).inc()
    return JSONResponse(answer.model_dump(mode="json"), status_code=200)


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
