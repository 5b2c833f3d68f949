"""Registering, listing, removing endpoints and rotating their secrets, per organisation.

Every query is `notify.endpoints.repository`'s, scoped to the caller's organisation;
every change is audited here.
"""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import datetime, timedelta

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.ext.asyncio import AsyncSession

from notify.delivery import backfill, operations
from notify.delivery import repository as delivery_repository
from notify.delivery.models import DeliveryStatus
from notify.delivery.ordering import start_stream
from notify.delivery.repository import end_pending_deliveries_to
from notify.delivery.trial import TrialResult, send_test
from notify.delivery.worker import signing_secrets
from notify.endpoints import repository
from notify.endpoints.addresses import AddressRefused, check_webhook_url
from notify.endpoints.models import Channel, Endpoint
from notify.endpoints.schemas import (
    DeliveryCounts,
    EmailEndpointCreate,
    EndpointStats,
    EndpointUpdate,
    FailureStreak,
    WebhookEndpointCreate,
)
from notify.endpoints.sealing import Keyring
from notify.proofs.witness import WITNESS_TYPE
from notify.rules.catalogue import Catalogue
from notify.sandbox import (
    SIMULATED_OUTCOMES,
    is_simulated_url,
    simulated_attempt,
    simulated_url,
)
from platform_shared.audit import record_audit
from platform_shared.auth import Principal
from platform_shared.calendar import utc_now
from platform_shared.problems import Invalid, NotFound
from platform_shared.web.pagination import decode_instant_cursor, next_cursor_of

#: Both secrets sign for this long after a rotation (design.md).
ROTATION_OVERLAP = timedelta(hours=24)


SIMULATED_PATHS = ", ".join(f"/{outcome}" for outcome in SIMULATED_OUTCOMES)


def new_secret() -> str:
    """A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


#: The period `endpoint_stats` covers by default, and the longest it covers.
STATS_DEFAULT = timedelta(days=7)
STATS_LONGEST = timedelta(days=90)
DISABLED_BY_ORGANISATION = "disabled by the organisation"


def _check_rules(rules: list[str] | None, catalogue: Catalogue) -> None:
    # `proof.checkpoint` is not a rule: it subscribes the endpoint to the log's checkpoints.
    unknown = sorted(
        {rule for rule in rules or [] if rule != WITNESS_TYPE and catalogue.get(rule) is None}
    )
    if unknown:
        raise Invalid("body.rules", f"no such rule: {', '.join(unknown)}")


async def _check_url(
    principal: Principal, url: str, field: str, *, development: bool, refused: str = ""
) -> None:
    """The address check of a webhook URL; a sandbox client's simulated URL
    (`https://sandbox.invalid/<outcome>`, docs/sandbox.md) is never resolved."""
    if principal.sandbox and is_simulated_url(url):
        if simulated_url(url) is None:
            raise Invalid(field, f"{refused}a simulated URL's path is one of {SIMULATED_PATHS}")
        return
    try:
        await check_webhook_url(url, development=development)
    except AddressRefused as refusal:
        raise Invalid(field, f"{refused}{refusal}") from refusal


async def register_endpoint(
    session: AsyncSession,
    principal: Principal,
    body: WebhookEndpointCreate | EmailEndpointCreate,
    *,
    catalogue: Catalogue,
    development: bool,
    keyring: Keyring,
    now: datetime,
    cutoff: timedelta,
) -> tuple[Endpoint, str | None, int]:
    """Check and add an endpoint of the caller's organisation; returns it, its secret and
    how many earlier notifications `since` enqueued to it."""
    _check_rules(body.rules, catalogue)
    if body.since is not None:
        backfill.check_since(body.since, now)
    endpoint = Endpoint(
        id=uuid.uuid4(),
        org=principal.org,
        channel=body.channel,
        roles=body.roles,
        rules=body.rules,
        name=body.name,
        enabled=True,
        created_at=now,
        updated_at=now,
    )
    secret: str | None = None
    if isinstance(body, WebhookEndpointCreate):
        await _check_url(principal, body.url, "body.url", development=development)
        endpoint.url = body.url
        endpoint.heartbeat_seconds = body.heartbeat_seconds
        secret = new_secret()
        endpoint.secret_sealed = keyring.seal(secret, endpoint.id)
    else:
        try:
            checked = validate_email(body.address, check_deliverability=False)
        except EmailNotValidError as error:
            raise Invalid("body.address", str(error)) from error
        endpoint.address = checked.normalized
    session.add(endpoint)
    await session.flush()  # the stream's and the deliveries' foreign key
    await start_stream(session, endpoint, since=body.since)
    backfilled = 0
    if body.since is not None:
        backfilled = await backfill.backfill(
            session, principal, endpoint, since=body.since, now=now, cutoff=cutoff
        )
    record_audit(
        session,
        principal,
        "endpoint.register",
        subject_type="endpoint",
        subject_id=endpoint.id,
        details={"backfilled": backfilled} if body.since is not None else None,
    )
    return endpoint, secret, backfilled


async def list_endpoints(
    session: AsyncSession, principal: Principal, *, cursor: str | None, limit: int
) -> tuple[list[Endpoint], str | None]:
    """The caller's endpoints, oldest first, one page at a time."""
    rows = await repository.endpoint_rows(
        session,
        principal,
        after=decode_instant_cursor(cursor) if cursor is not None else None,
        limit=limit + 1,
    )
    return next_cursor_of(rows, limit, lambda row: [row.created_at.isoformat(), str(row.id)])


async def read_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID
) -> Endpoint:
    """One of the caller's endpoints; 404 for another organisation's or a removed one."""
    endpoint = await repository.readable_endpoint(session, principal, endpoint_id)
    if endpoint is None:
        raise NotFound("No such endpoint in this organisation")
    return endpoint


async def _locked(session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID) -> Endpoint:
    endpoint = await repository.locked_endpoint(session, principal, endpoint_id)
    if endpoint is None:
        raise NotFound("No such endpoint in this organisation")
    return endpoint


async def remove_endpoint(
    session: AsyncSession, principal: Principal, endpoint_id: uuid.UUID, *, now: datetime
) -> None:
    """Remove an endpoint; deliveries still pending to it stop (history is kept)."""
    endpoint = await _locked(session, principal, endpoint_id)
    endpoint.removed_at = now
    endpoint.enabled = False
    endpoint.updated_at = now
    await end_pending_deliveries_to(
        session,
        endpoint.id,
        status=DeliveryStatus.CANCELLED,
        reason="endpoint removed",
        now=now,
    )
    record_audit(
        session, principal, "endpoint.remove", subject_type="endpoint", subject_id=endpoint_id
    )


async def rotate_secret(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    keyring: Keyring,
    now: datetime,
) -> tuple[Endpoint, str]:
    """Give a webhook a new secret; the old one also signs for 24 hours (no downtime).

    Returns the endpoint and the new secret, which is shown this once.
    """
    endpoint = await _locked(session, principal, endpoint_id)
    if endpoint.channel != Channel.WEBHOOK:
        raise Invalid("path.endpoint_id", "only a webhook endpoint has a signing secret")
    secret = new_secret()
    endpoint.previous_secret_sealed = endpoint.secret_sealed
    endpoint.previous_secret_expires_at = now + ROTATION_OVERLAP
    endpoint.secret_sealed = keyring.seal(secret, endpoint.id)
    endpoint.updated_at = now
    record_audit(
        session,
        principal,
        "endpoint.rotate_secret",
        subject_type="endpoint",
        subject_id=endpoint.id,
    )
    return endpoint, secret


async def recover_endpoint(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    since: datetime,
    until: datetime | None,
    now: datetime,
) -> operations.Recovery:
    """Push again every delivery to the endpoint that ended failed in the window."""
    operations.check_window(since, until, now)  # bad input is refused before any lock
    endpoint = await _locked(session, principal, endpoint_id)
    return await operations.recover_endpoint(
        session, principal, endpoint, since=since, until=until, now=now
    )


async def update_endpoint(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    body: EndpointUpdate,
    *,
    catalogue: Catalogue,
    development: bool,
    now: datetime,
) -> Endpoint:
    """Change the fields given; re-enabling a webhook checks its URL again. Audited.

    Every check is made before anything changes, so a refused change changes nothing.
    """
    given = body.model_fields_set
    if "rules" in given:
        _check_rules(body.rules, catalogue)
    if "enabled" in given and body.enabled is None:
        raise Invalid("body.enabled", "is true or false")
    endpoint = await _locked(session, principal, endpoint_id)
    if (
        "heartbeat_seconds" in given
        and body.heartbeat_seconds is not None
        and endpoint.channel != Channel.WEBHOOK
    ):
        raise Invalid("body.heartbeat_seconds", "only a webhook endpoint has a heartbeat")
    enable = body.enabled is True and not endpoint.enabled
    disable = body.enabled is False and endpoint.enabled
    if enable and endpoint.channel == Channel.WEBHOOK:
        await _check_url(
            principal,
            endpoint.url or "",
            "body.enabled",
            development=development,
            refused="the endpoint's url is refused now: ",
        )
    changed: list[str] = [
        field for field in ("name", "roles", "rules", "heartbeat_seconds") if field in given
    ]
    for field in changed:
        setattr(endpoint, field, getattr(body, field))
    if enable:
        endpoint.enabled = True
        endpoint.disabled_reason = None
        endpoint.disabled_at = None
        endpoint.failing_since = None
        endpoint.failure_warned_at = None
        changed.append("enabled")
    if disable:
        endpoint.enabled = False
        endpoint.disabled_reason = DISABLED_BY_ORGANISATION
        endpoint.disabled_at = now
        await end_pending_deliveries_to(
            session,
            endpoint.id,
            status=DeliveryStatus.FAILED,
            reason=DISABLED_BY_ORGANISATION,
            now=now,
        )
        changed.append("enabled")
    endpoint.updated_at = now
    record_audit(
        session,
        principal,
        "endpoint.update",
        subject_type="endpoint",
        subject_id=endpoint.id,
        details={"changed": changed, "enabled": endpoint.enabled},
    )
    return endpoint


async def endpoint_stats(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    since: datetime | None,
    until: datetime | None,
    now: datetime,
    disable_after: timedelta,
) -> EndpointStats:
    """Deliveries by status over a period, the last success and the failure streak."""
    end = operations.in_utc(until, "query.until") if until is not None else now
    try:
        start = operations.in_utc(since, "query.since") if since else end - STATS_DEFAULT
    except OverflowError as error:
        raise Invalid("query.until", "is out of range") from error
    if end <= start:
        raise Invalid("query.until", "must be after since")
    if end - start > STATS_LONGEST:
        raise Invalid("query.since", f"the period is at most {STATS_LONGEST.days} days")
    endpoint = await read_endpoint(session, principal, endpoint_id)
    counts = await delivery_repository.delivery_counts(
        session, principal, endpoint.id, since=start, until=end
    )
    last_success, failures, first_failure = await delivery_repository.attempt_streak(
        session, principal, endpoint.id
    )
    disable_at = None
    if endpoint.enabled and endpoint.failing_since is not None:
        disable_at = endpoint.failing_since + disable_after
    return EndpointStats(
        endpoint_id=endpoint.id,
        since=start,
        until=end,
        deliveries=DeliveryCounts.model_validate(counts),
        last_success_at=last_success,
        failure_streak=FailureStreak(attempts=failures, since=first_failure),
        disable_at=disable_at,
    )


async def test_send(
    session: AsyncSession,
    principal: Principal,
    endpoint_id: uuid.UUID,
    *,
    keyring: Keyring,
    time_limit: float,
    development: bool,
    now: datetime,
) -> TrialResult:
    """Post a signed `notification.test` to a webhook now; audited, nothing queued."""
    endpoint = await read_endpoint(session, principal, endpoint_id)
    if endpoint.channel != Channel.WEBHOOK:
        raise Invalid("path.endpoint_id", "test sends are for webhook endpoints")
    if not endpoint.enabled:
        raise Invalid(
            "path.endpoint_id",
            f"the endpoint is disabled ({endpoint.disabled_reason}); re-enable it first",
        )
    secrets = signing_secrets(endpoint, keyring, now)
    simulated = simulated_attempt(
        endpoint.channel, endpoint.url or "", {"recipient": {"org": endpoint.org}}
    )
    result = (
        TrialResult(f"test_{uuid.uuid4()}", simulated.status_code, 0, simulated.error, None)
        if simulated is not None
        else await send_test(
            url=endpoint.url or "",
            secrets=secrets,
            endpoint_id=endpoint.id,
            org=endpoint.org,
            # The real time, as a delivery's: receivers refuse a timestamp far from theirs.
            timestamp=utc_now(),
            time_limit=time_limit,
            development=development,
        )
    )
    record_audit(
        session,
        principal,
        "endpoint.test",
        subject_type="endpoint",
        subject_id=endpoint.id,
        outcome="accepted" if result.accepted else "not accepted",
        details={"status_code": result.status_code},
    )
    return result


async def rewrap_secrets(session: AsyncSession, keyring: Keyring) -> int:
    """Wrap the data key of every sealed secret under the current KEK; how many changed.

    After a rotation of `webhook_secret_keys`: once it has run, the old KEK can be taken
    out of the settings. The secrets themselves, and what receivers hold, do not change.
    """
    changed = 0
    for endpoint in await repository.endpoints_with_secrets(session):
        for column in ("secret_sealed", "previous_secret_sealed"):
            sealed: str | None = getattr(endpoint, column)
            rewrapped = keyring.rewrap(sealed) if sealed else None
            if rewrapped is not None:
                setattr(endpoint, column, rewrapped)
                changed += 1
    return changed
