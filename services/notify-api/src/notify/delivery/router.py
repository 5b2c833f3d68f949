"""HTTP of one delivery: a manual retry."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response

from notify.auth import EndpointsManage
from notify.delivery import operations
from notify.delivery.models import AttemptTrigger
from notify.delivery.schemas import DeliveryRetried
from platform_shared.dependencies import Session
from platform_shared.idempotency import Idempotency
from platform_shared.problems import Conflict, Invalid, NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/deliveries", tags=["endpoints"])


@router.post(
    "/{delivery_id}/retry",
    status_code=202,
    response_model=DeliveryRetried,
    responses=problem_responses(NotFound, Conflict, Invalid),
)
async def retry_delivery(
    delivery_id: uuid.UUID,
    caller: EndpointsManage,
    session: Session,
    idempotency: Idempotency,
    response: Response,
    now: Now,
) -> DeliveryRetried:
    """Push a failed delivery again now, with its original `webhook-id`.

    One attempt, logged with trigger `manual`; not accepted, the delivery is failed
    again. A delivery already retried and not yet attempted answers as the first retry
    did. 409 for a delivery that is not failed or whose notification is no longer open;
    422 when its endpoint is disabled (re-enable it first).
    """
    row = await operations.retry_delivery(session, caller, delivery_id, now=now)
    answer = DeliveryRetried(
        id=row.id,
        notification_id=row.notification_id,
        endpoint_id=row.endpoint_id,
        status=row.status,
        next_attempt_at=row.next_attempt_at,
        next_trigger=AttemptTrigger(row.next_trigger or AttemptTrigger.MANUAL),
    )
    idempotency.remember(202, answer, response.headers)
    return answer
