"""HTTP of push endpoints: register, list, remove, rotate a webhook's secret."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Body, Query, Response

from notify.auth import EndpointsManage
from notify.delivery.schemas import Recovered, RecoverRequest
from notify.dependencies import AppSettings, Rules
from notify.endpoints import service
from notify.endpoints.models import Endpoint as EndpointRow
from notify.endpoints.schemas import (
    Endpoint,
    EndpointCreate,
    EndpointCreated,
    EndpointPage,
    EndpointStats,
    EndpointUpdate,
    SecretRotated,
    TestSend,
)
from platform_shared.dependencies import Session
from platform_shared.fields import (
    QUERY_INSTANT_DESCRIPTION,
    QUERY_PERIOD_END_DESCRIPTION,
    QueryInstant,
    QueryPeriodEnd,
)
from platform_shared.idempotency import Idempotency
from platform_shared.problems import Conflict, Invalid, NotFound, problem_responses
from platform_shared.web.clock import Now
from platform_shared.web.etags import created, set_created
from platform_shared.web.pagination import DEFAULT_LIMIT, Cursor, Limit

router = APIRouter(prefix="/v1/endpoints", tags=["endpoints"])


def _view(row: EndpointRow) -> Endpoint:
    return Endpoint(
        id=row.id,
        channel=row.channel,
        url=row.url,
        address=row.address,
        name=row.name,
        roles=row.roles,
        rules=row.rules,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        disabled_at=row.disabled_at,
        failing_since=row.failing_since,
        heartbeat_seconds=row.heartbeat_seconds,
        created_at=row.created_at,
    )


@router.post(
    "",
    status_code=201,
    response_model=EndpointCreated,
    responses={**problem_responses(Invalid), **created(with_version=False)},
)
async def register_endpoint(
    body: Annotated[EndpointCreate, Body()],
    caller: EndpointsManage,
    session: Session,
    catalogue: Rules,
    settings: AppSettings,
    idempotency: Idempotency,
    response: Response,
    now: Now,
) -> EndpointCreated:
    """Register one of the caller organisation's channels: a webhook or an email address.

    A webhook URL is resolved and every address checked: link-local, metadata and
    private addresses are always refused (also inside an IPv6 form that carries an IPv4
    address); loopback only in development mode; https is required except for loopback
    http in development mode. The answer carries a webhook's `whsec_` secret, shown this
    once; it is stored sealed and never shown again.

    With `since` (at most 90 days ago), the organisation's open notifications made since
    then that the filters accept (never withheld ones) are delivered to the new endpoint
    too, in sequence order; `backfilled` says how many.
    """
    row, secret, backfilled = await service.register_endpoint(
        session,
        caller,
        body,
        catalogue=catalogue,
        development=settings.is_development,
        keyring=settings.webhook_keyring(),
        now=now,
        cutoff=timedelta(hours=settings.delivery_cutoff_hours),
    )
    answer = EndpointCreated(**_view(row).model_dump(), secret=secret, backfilled=backfilled)
    set_created(response, f"{router.prefix}/{row.id}")
    # The stored answer of an `Idempotency-Key` lives in the database in plain JSON: it
    # keeps no secret, so a replay answers the endpoint with `secret: null` (shown once).
    idempotency.remember(201, answer.model_copy(update={"secret": None}), response.headers)
    return answer


@router.get("", response_model=EndpointPage, responses=problem_responses())
async def list_endpoints(
    caller: EndpointsManage,
    session: Session,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_LIMIT,
) -> EndpointPage:
    """The caller organisation's endpoints (secrets are never shown again)."""
    rows, next_cursor = await service.list_endpoints(session, caller, cursor=cursor, limit=limit)
    return EndpointPage(items=[_view(row) for row in rows], next_cursor=next_cursor)


@router.get("/{endpoint_id}", response_model=Endpoint, responses=problem_responses(NotFound))
async def get_endpoint(
    endpoint_id: uuid.UUID, caller: EndpointsManage, session: Session
) -> Endpoint:
    """One of the caller organisation's endpoints (the `Location` of its registration)."""
    return _view(await service.read_endpoint(session, caller, endpoint_id))


@router.patch(
    "/{endpoint_id}", response_model=Endpoint, responses=problem_responses(NotFound, Invalid)
)
async def update_endpoint(
    endpoint_id: uuid.UUID,
    body: EndpointUpdate,
    caller: EndpointsManage,
    session: Session,
    catalogue: Rules,
    settings: AppSettings,
    now: Now,
) -> Endpoint:
    """Re-enable or disable an endpoint, change its filters, rename it.

    Only the fields given change; `null` clears a filter (all notifications) or the
    name. Re-enabling a webhook checks its URL again, as registering does: a URL that
    fails the check now is refused (422 naming `body.enabled`, with the reason).
    Disabling one fails its pending deliveries (`recover` brings them back). Audited.
    """
    row = await service.update_endpoint(
        session,
        caller,
        endpoint_id,
        body,
        catalogue=catalogue,
        development=settings.is_development,
        now=now,
    )
    return _view(row)


@router.get(
    "/{endpoint_id}/stats",
    response_model=EndpointStats,
    responses=problem_responses(NotFound, Invalid),
)
async def endpoint_stats(
    endpoint_id: uuid.UUID,
    caller: EndpointsManage,
    session: Session,
    settings: AppSettings,
    now: Now,
    since: Annotated[QueryInstant | None, Query(description=QUERY_INSTANT_DESCRIPTION)] = None,
    until: Annotated[QueryPeriodEnd | None, Query(description=QUERY_PERIOD_END_DESCRIPTION)] = None,
) -> EndpointStats:
    """Deliveries made in the period by status (default the last 7 days, at most 90),
    the last accepted attempt, the current run of attempts not accepted, and when the
    endpoint will be disabled if that run goes on."""
    return await service.endpoint_stats(
        session,
        caller,
        endpoint_id,
        since=since,
        until=until,
        now=now,
        disable_after=settings.endpoint_disable_after,
    )


@router.delete(
    "/{endpoint_id}",
    status_code=204,
    response_class=Response,
    responses=problem_responses(NotFound),
)
async def remove_endpoint(
    endpoint_id: uuid.UUID, caller: EndpointsManage, session: Session, now: Now
) -> Response:
    """Remove one of the caller organisation's endpoints; its pending pushes stop."""
    await service.remove_endpoint(session, caller, endpoint_id, now=now)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/secret",
    response_model=SecretRotated,
    responses=problem_responses(NotFound, Invalid),
)
async def rotate_endpoint_secret(
    endpoint_id: uuid.UUID,
    caller: EndpointsManage,
    session: Session,
    settings: AppSettings,
    now: Now,
) -> SecretRotated:
    """Rotate a webhook's signing secret; for 24 hours both secrets sign every delivery.

    The answer carries the new `whsec_` secret, shown this once.
    """
    row, secret = await service.rotate_secret(
        session, caller, endpoint_id, keyring=settings.webhook_keyring(), now=now
    )
    assert row.previous_secret_expires_at is not None
    return SecretRotated(
        id=row.id, secret=secret, previous_secret_expires_at=row.previous_secret_expires_at
    )


@router.post(
    "/{endpoint_id}/recover",
    status_code=202,
    response_model=Recovered,
    responses=problem_responses(NotFound, Invalid, Conflict),
)
async def recover_endpoint(
    endpoint_id: uuid.UUID,
    body: RecoverRequest,
    caller: EndpointsManage,
    session: Session,
    idempotency: Idempotency,
    response: Response,
    now: Now,
) -> Recovered:
    """Push again every delivery to the endpoint that ended `failed` in the window.

    The window is `since` to `until` (default now), at most 14 days, on when each
    delivery ended. Each is made pending, due now, with its original `webhook-id`; its
    next attempt is logged with trigger `manual` and is one attempt (not accepted, it is
    failed again). Failed deliveries of notifications no longer open are left alone and
    counted. 422 for a window too long or reversed, or a disabled endpoint (re-enable it
    first). Repeating a recover finds nothing failed to make pending again.
    """
    recovery = await service.recover_endpoint(
        session, caller, endpoint_id, since=body.since, until=body.until, now=now
    )
    answer = Recovered(
        endpoint_id=recovery.endpoint_id,
        since=recovery.since,
        until=recovery.until,
        deliveries=recovery.recovered,
        skipped_closed=recovery.skipped_closed,
    )
    idempotency.remember(202, answer, response.headers)
    return answer


@router.post(
    "/{endpoint_id}/test", response_model=TestSend, responses=problem_responses(NotFound, Invalid)
)
async def test_endpoint(
    endpoint_id: uuid.UUID,
    caller: EndpointsManage,
    session: Session,
    settings: AppSettings,
    now: Now,
) -> TestSend:
    """Post a signed `notification.test` example to the webhook now and answer the attempt.

    Signed with the endpoint's secrets as every delivery is, so an integrator checks its
    verifier in one call. Nothing is queued or retried. 422 for an email endpoint or a
    disabled one.
    """
    result = await service.test_send(
        session,
        caller,
        endpoint_id,
        keyring=settings.webhook_keyring(),
        time_limit=settings.delivery_timeout_seconds,
        development=settings.is_development,
        now=now,
    )
    return TestSend(
        webhook_id=result.webhook_id,
        accepted=result.accepted,
        status_code=result.status_code,
        duration_ms=result.duration_ms,
        error=result.error,
        response_excerpt=result.response_excerpt,
    )
