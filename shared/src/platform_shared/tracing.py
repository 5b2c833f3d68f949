"""OpenTelemetry tracing: one provider per service, the W3C trace context carried by hand
where no HTTP request carries it (the outbox row, the delivery row).

Off by default (`tracing_enabled`): no provider, no middleware, nothing stored, no cost.
On, each app gets its own `TracerProvider` named after the service (tests run several
services in one process, so none is installed globally) and its requests are traced by
the FastAPI instrumentation; spans leave over OTLP/HTTP when `tracing_otlp_endpoint` is
set, else only to the span processors registered in-process (`add_span_processor`, the
tests' in-memory exporter).

The context crosses the asynchronous hops as a `traceparent` string: `add_event` stores
the caller's on the outbox row, the relay posts the event inside a span of that trace
with the header (a batch: each event carries its span's as its `traceparent` extension
attribute, CloudEvents distributed tracing, and notify-api takes it in inside a span of
that trace), notify-api's intake stores its own on each delivery, and the worker
attempts the delivery inside a span of that trace, sends the header with the webhook and
stores the attempt's own on the attempt row. A span holds ids and kinds, never a name,
a date of birth or an identifier (the same rule as the logs).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, SpanKind, Tracer

from platform_shared.settings import ServiceSettings

#: Span processors given to every provider made while they are registered (tests).
_extra_processors: list[SpanProcessor] = []
#: The instrumentation scope of the platform's own spans.
SCOPE = "care-platform"


def add_span_processor(processor: SpanProcessor) -> None:
    """Give `processor` every span of the providers made from now on (a test's exporter)."""
    _extra_processors.append(processor)


def remove_span_processor(processor: SpanProcessor) -> None:
    if processor in _extra_processors:
        _extra_processors.remove(processor)


def tracer_provider(service: str, settings: ServiceSettings) -> TracerProvider | None:
    """The provider of `service`, or None when tracing is off."""
    if not settings.tracing_enabled:
        return None
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: service}))
    if settings.tracing_otlp_endpoint:
        # Imported here: the exporter pulls in protobuf, which an untraced process never needs.
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(
            BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.tracing_otlp_endpoint))
        )
    for processor in _extra_processors:
        provider.add_span_processor(processor)
    return provider


def tracer_of(provider: TracerProvider | None) -> Tracer | None:
    return provider.get_tracer(SCOPE) if provider is not None else None


def current_traceparent() -> str | None:
    """The W3C `traceparent` of the current span, or None outside a recorded trace."""
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier.get("traceparent")


def context_of(traceparent: str | None) -> Context | None:
    """The context a stored `traceparent` names (None: start a new trace)."""
    if not traceparent:
        return None
    return propagate.extract({"traceparent": traceparent})


def inject_headers(headers: dict[str, str]) -> dict[str, str]:
    """`headers` with the current trace context (`traceparent`) added."""
    propagate.inject(headers)
    return headers


def start_span_from(
    tracer: Tracer | None,
    name: str,
    traceparent: str | None,
    *,
    kind: SpanKind = SpanKind.INTERNAL,
    attributes: dict[str, str | int] | None = None,
) -> Span | None:
    """A started span of the trace `traceparent` names, not made current (the caller ends
    it); with no tracer, None. For several spans open at once (a batch's events)."""
    if tracer is None:
        return None
    return tracer.start_span(
        name, context=context_of(traceparent), kind=kind, attributes=attributes
    )


def traceparent_of(span: Span | None) -> str | None:
    """The W3C `traceparent` naming `span` (None for no span)."""
    if span is None:
        return None
    carrier: dict[str, str] = {}
    propagate.inject(carrier, context=trace.set_span_in_context(span))
    return carrier.get("traceparent")


@contextmanager
def span_from(
    tracer: Tracer | None,
    name: str,
    traceparent: str | None,
    *,
    kind: SpanKind = SpanKind.INTERNAL,
    attributes: dict[str, str | int] | None = None,
) -> Iterator[Span | None]:
    """A span of the trace `traceparent` names, current while the block runs; with no
    tracer (tracing off), nothing."""
    if tracer is None:
        yield None
        return
    with tracer.start_as_current_span(
        name, context=context_of(traceparent), kind=kind, attributes=attributes
    ) as span:
        yield span


def instrument_app(app: Any, provider: TracerProvider) -> None:
    """Trace every request of `app` (the probes and `/metrics` excepted) with `provider`."""
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    FastAPIInstrumentor.instrument_app(
        app,
        tracer_provider=provider,
        server_request_hook=_without_query,
        excluded_urls="healthz,readyz,metrics",
        # One span a request: the ASGI send and receive steps say nothing an operator reads.
        exclude_spans=["receive", "send"],
    )


def _without_query(span: Span, scope: dict[str, Any]) -> None:
    # A query string may carry a person_ref or a name (a lookup's); the URL is kept
    # without it, as the logs keep only the route template.
    if span.is_recording():
        scheme = scope.get("scheme", "http")
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        span.set_attribute("http.url", f"{scheme}://{host}{scope.get('path', '')}")
