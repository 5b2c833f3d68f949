"""HTTP of the figures: `GET /v1/figures`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from notify.auth import ReportsRead
from notify.figures import service
from notify.figures.schemas import Figures
from platform_shared.dependencies import Session
from platform_shared.fields import (
    QUERY_INSTANT_DESCRIPTION,
    QUERY_PERIOD_END_DESCRIPTION,
    QueryInstant,
    QueryPeriodEnd,
)
from platform_shared.problems import problem_responses

router = APIRouter(prefix="/v1/figures", tags=["figures"])


@router.get("", response_model=Figures, responses=problem_responses())
async def get_figures(
    caller: ReportsRead,
    session: Session,
    period_from: Annotated[
        QueryInstant | None,
        Query(alias="from", description=f"From this, included. {QUERY_INSTANT_DESCRIPTION}"),
    ] = None,
    period_to: Annotated[
        QueryPeriodEnd | None, Query(alias="to", description=QUERY_PERIOD_END_DESCRIPTION)
    ] = None,
) -> Figures:
    """Notifications concerning the caller's organisation per rule: on time, late, overdue,
    withheld, statutory breaches, escalations and failed pushes; and events of types no
    rule matched. The period, [from, to), is of the notifications' creation.
    """
    return await service.figures_for(session, caller, start=period_from, end=period_to)
