"""One placement followed as one trace: care-status-api's request, its outbox relay's post,
notify-api's intake and notify-deliver's webhook attempt, captured in memory.

The services run in this process (an in-memory exporter cannot reach another one) but
talk over real HTTP: the relay posts to notify-api on a loopback port with a token of the
development authorization server, and the worker pushes to a receiver that verifies the
Standard Webhooks signature.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from typing import Any

from inprocess_services import _WithoutLifespan
from journeys import DERBYSHIRE, add_legal_status, add_placement, create_child, register_webhook
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response
from webhook_receiver import WebhookReceiver

from care_status.main import MIGRATIONS as CARE_STATUS_MIGRATIONS
from care_status.main import create_app as create_care_status_app
from care_status.settings import Settings as CareStatusSettings
from dev_auth.main import create_app as create_auth_app
from dev_auth.settings import DevAuthSettings
from notify.delivery.models import DeliveryAttempt
from notify.delivery.worker import DeliveryWorker
from notify.main import MIGRATIONS as NOTIFY_MIGRATIONS
from notify.main import create_app as create_notify_app
from notify.settings import Settings as NotifySettings
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import DatabaseFactories, serve_in_process, serve_over_http
from platform_shared.tracing import (
    add_span_processor,
    remove_span_processor,
    tracer_of,
    tracer_provider,
)


class TracedReceiver(WebhookReceiver):
    """A webhook receiver that also keeps the `traceparent` each push came with."""

    def __init__(self) -> None:
        super().__init__()
        self.traceparents: list[str | None] = []

    async def hook(self, request: Request) -> Response:
        self.traceparents.append(request.headers.get("traceparent"))
        return await super().hook(request)


def _trace_id(traceparent: str) -> str:
    return traceparent.split("-")[1]


def _span_id(traceparent: str) -> str:
    return traceparent.split("-")[2]


def _service(span: ReadableSpan) -> Any:
    return span.resource.attributes["service.name"]


async def test_one_placement_is_one_trace_through_three_services_to_its_webhook(
    backend: str,
    auth: Any,
    auth_settings: DevAuthSettings,
    database_factories: DatabaseFactories,
) -> None:
    exporter = InMemorySpanExporter()
    processor = SimpleSpanProcessor(exporter)
    add_span_processor(processor)
    receiver = TracedReceiver()
    common: dict[str, Any] = {
        "_env_file": None,
        "migrate_on_start": False,
        "relay_in_process": False,
        "tracing_enabled": True,
    }
    async with AsyncExitStack() as stack:
        stack.callback(remove_span_processor, processor)
        auth_url = await stack.enter_async_context(serve_over_http(create_auth_app(auth_settings)))
        receiver_url = await stack.enter_async_context(serve_over_http(receiver.app))
        notify_settings = NotifySettings(
            database_url=await database_factories.get(NOTIFY_MIGRATIONS, backend).acreate(),
            deliver_in_process=False,
            **common,
        )
        notify_app = create_notify_app(notify_settings)
        notify = await stack.enter_async_context(
            serve_in_process(notify_app, tokens=auth.token, issuer_http=auth.http)
        )
        notify_url = await stack.enter_async_context(serve_over_http(_WithoutLifespan(notify_app)))
        care_app = create_care_status_app(
            CareStatusSettings(
                database_url=await database_factories.get(
                    CARE_STATUS_MIGRATIONS, backend
                ).acreate(),
                notify_url=notify_url,
                oauth_token_url=f"{auth_url}/oauth/token",
                **common,
            )
        )
        care = await stack.enter_async_context(
            serve_in_process(care_app, tokens=auth.token, issuer_http=auth.http)
        )

        derbyshire = await notify.as_client("demo-derbyshire")
        await register_webhook(derbyshire, receiver, receiver_url)
        camden = await care.as_client("demo-camden")
        child = await create_child(camden)
        await add_legal_status(camden, child["id"], "care_order_s31", "2025-01-10")
        await add_placement(camden, child["id"], DERBYSHIRE, "2026-12-22", emergency=True)

        while await care_app.state.outbox_relay.relay_once():
            pass
        deliver_tracing = tracer_provider("notify-deliver", notify_settings)
        worker = DeliveryWorker(
            notify.session_factory,
            settings=notify_settings,
            catalogue=notify_app.state.catalogue,
            tracer=tracer_of(deliver_tracing),
        )
        try:
            assert await worker.deliver_due() == 1
        finally:
            await worker.aclose()

        async with care.session_factory() as session:
            [placed] = await session.scalars(
                select(OutboxEvent).where(OutboxEvent.type.like("%placement%"))
            )
        async with notify.session_factory() as session:
            [attempt] = await session.scalars(select(DeliveryAttempt))

    assert placed.status == "sent"
    assert placed.traceparent is not None
    trace_id = _trace_id(placed.traceparent)
    spans = [
        s for s in exporter.get_finished_spans() if format_trace_id(s.context.trace_id) == trace_id
    ]
    by_id = {format_span_id(s.context.span_id): s for s in spans}

    # The trace starts at Camden's request that recorded the placement.
    [root] = [s for s in spans if s.parent is None]
    assert _service(root) == "care-status-api"
    assert root.kind == SpanKind.SERVER
    assert root.attributes is not None
    assert root.attributes.get("http.route") == "/v1/children/{child_id}/placements"
    assert by_id[_span_id(placed.traceparent)] is root

    # The relay's post is a child of it, and notify-api's intake a child of the post: the
    # relay posts a batch, each event carrying its own publish span as its `traceparent`
    # attribute, and notify-api takes the event in inside a span of that trace.
    [publish] = [s for s in spans if s.kind == SpanKind.PRODUCER]
    assert publish.parent is not None and publish.parent.span_id == root.context.span_id
    assert publish.attributes is not None
    assert publish.attributes["cloudevents.event_id"] == str(placed.id)
    [intake] = [s for s in spans if _service(s) == "notify-api" and s.kind == SpanKind.CONSUMER]
    assert intake.name == "intake placement.started"
    assert intake.attributes is not None
    assert intake.attributes["cloudevents.event_id"] == str(placed.id)
    assert intake.parent is not None and intake.parent.span_id == publish.context.span_id

    # The webhook attempt, in notify-deliver, continues the intake's trace; its context
    # is on the attempt row and reached the receiver with the push.
    [deliver] = [s for s in spans if _service(s) == "notify-deliver"]
    assert deliver.name == "deliver webhook"
    assert deliver.parent is not None and by_id[format_span_id(deliver.parent.span_id)] is not None
    assert _service(by_id[format_span_id(deliver.parent.span_id)]) == "notify-api"
    assert deliver.attributes is not None and deliver.attributes["delivery.status_code"] == 204
    assert attempt.outcome == "delivered"
    assert attempt.traceparent is not None
    assert _trace_id(attempt.traceparent) == trace_id
    assert _span_id(attempt.traceparent) == format_span_id(deliver.context.span_id)
    assert [_trace_id(t) for t in receiver.traceparents if t] == [trace_id]
    assert receiver.bad_signatures == 0

    assert {_service(s) for s in spans} == {"care-status-api", "notify-api", "notify-deliver"}
    # Spans hold ids, never the child's name or date of birth.
    written = repr([(s.name, dict(s.attributes or {})) for s in spans])
    assert child["family_name"] not in written
    assert child["date_of_birth"] not in written


async def test_tracing_is_off_by_default_and_nothing_is_carried(
    backend: str, auth: Any, database_factories: DatabaseFactories
) -> None:
    settings = CareStatusSettings(
        database_url=await database_factories.get(CARE_STATUS_MIGRATIONS, backend).acreate(),
        _env_file=None,  # type: ignore[call-arg]
        migrate_on_start=False,
        relay_in_process=False,
    )
    app = create_care_status_app(settings)
    assert app.state.tracer_provider is None
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as care:
        camden = await care.as_client("demo-camden")
        child = await create_child(camden)
        await add_legal_status(camden, child["id"], "care_order_s31", "2025-01-10")
        await add_placement(camden, child["id"], DERBYSHIRE, "2026-12-22", emergency=True)
        async with care.session_factory() as session:
            events = list(await session.scalars(select(OutboxEvent)))
    assert events
    assert all(event.traceparent is None for event in events)
