"""HTTP of the notification log: a notification's proof, checkpoints, consistency, keys."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from notify.auth import InboxRead
from notify.dependencies import AppSettings
from notify.proofs import service
from notify.proofs.keys import published_keys
from notify.proofs.schemas import ConsistencyProof, ProofBundle
from platform_shared.dependencies import Session
from platform_shared.fields import LARGEST_INTEGER_COLUMN
from platform_shared.problems import Invalid, NotFound, problem_responses

router = APIRouter(tags=["proofs"])


@router.get(
    "/v1/notifications/{notification_id}/proof",
    response_model=ProofBundle,
    responses=problem_responses(NotFound),
)
async def notification_proof(
    notification_id: uuid.UUID, caller: InboxRead, session: Session
) -> ProofBundle:
    """The proof of a notification, for its recipient or its duty holder (scope
    `notifications:read`): its logged steps, their inclusion proofs, the signed checkpoint.
    Check it with the `notification-proofs` package (docs/proofs.md)."""
    return ProofBundle.model_validate(await service.proof_bundle(session, caller, notification_id))


@router.get(
    "/v1/proofs/checkpoint",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **problem_responses(NotFound)},
)
async def checkpoint(session: Session) -> PlainTextResponse:
    """The latest signed checkpoint (C2SP tlog-checkpoint). Public: it holds a size and a hash."""
    return PlainTextResponse(await service.latest_checkpoint_note(session))


@router.get(
    "/v1/proofs/consistency",
    response_model=ConsistencyProof,
    response_model_by_alias=True,
    responses=problem_responses(Invalid),
)
async def consistency(
    session: Session,
    from_: Annotated[int, Query(alias="from", ge=1, le=LARGEST_INTEGER_COLUMN)],
    to: Annotated[int, Query(ge=1, le=LARGEST_INTEGER_COLUMN)],
) -> ConsistencyProof:
    """That the tree of size `to` extends the tree of size `from` (RFC 9162 2.1.4). Public."""
    return ConsistencyProof.model_validate(await service.consistency(session, from_, to))


@router.get(
    "/.well-known/notification-log-keys",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {}}}, **problem_responses()},
)
async def log_keys(settings: AppSettings) -> PlainTextResponse:
    """The verifier keys of the log's checkpoints, current first (signed-note vkey format)."""
    keys = published_keys(settings)
    return PlainTextResponse("".join(f"{key.encoded()}\n" for key in keys))
