"""Figures: on-time rates and counts over time, of every rule together and of each rule
(notify-api `GET /v1/figures/duties`), and all notifications per rule (`GET /v1/figures`).
Every chart is an SVG drawn here, with a table of the same figures after it."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from portal.figures.chart import (
    OUTCOMES,
    PARTS,
    bar_chart,
    outcome_columns,
    rate_chart,
    rule_figures,
)
from portal.figures.series import Unit, bounds, first_day, periods_of, rule_series
from portal.web import LONDON, Page, SignedIn, require

router = APIRouter()

UNIT_WORDS = {
    Unit.WEEK: ("week", "weekly", "the last 12 weeks"),
    Unit.MONTH: ("month", "monthly", "the last 12 months"),
}


async def _duties(page: Page, first: str, last: str, unit: Unit) -> dict[str, Any]:
    answer: dict[str, Any] = await page.api(
        "notify",
        "GET",
        "/v1/figures/duties",
        params={"from": first, "to": last, "series": unit.value},
    )
    return answer


@router.get("/figures", response_class=HTMLResponse)
async def figures(page: SignedIn, series: str = "week") -> HTMLResponse:
    require(page, "reports:read")
    unit = Unit.MONTH if series == Unit.MONTH.value else Unit.WEEK
    today = datetime.now(LONDON).date()
    whole, document = await asyncio.gather(
        _duties(page, first_day(today, unit).isoformat(), today.isoformat(), unit),
        page.api("notify", "GET", "/v1/figures"),
    )
    periods = periods_of(whole)
    # A rule's own series: the same question asked of each week or month alone (together).
    answers = await asyncio.gather(
        *(_duties(page, first.isoformat(), last.isoformat(), unit) for first, last in bounds(whole))
    )
    rules = rule_series(whole, [(p.start, a) for p, a in zip(periods, answers, strict=True)])
    unit_word, adjective, span = UNIT_WORDS[unit]
    # Every SVG is built from escaped text and numbers only (figures.chart).
    charts = {
        "rate": Markup(  # noqa: S704
            rate_chart(periods, "rate", f"On-time rate per {unit_word}, every rule")
        ),
        "outcomes": Markup(  # noqa: S704
            outcome_columns(periods, "outcomes", f"Duties made per {unit_word}, by outcome")
        ),
        "rules": {
            series.rule: Markup(  # noqa: S704
                outcome_columns(
                    series.periods,
                    f"rule-{index}",
                    f"{series.rule}: duties made per {unit_word}, by outcome",
                )
            )
            for index, series in enumerate(rules)
        },
    }
    rows = rule_figures(document)
    return page.render(
        "figures.html",
        unit=unit,
        unit_word=unit_word,
        adjective=adjective,
        span=span,
        whole=whole,
        periods=periods,
        rules=rules,
        charts=charts,
        outcomes=OUTCOMES,
        rows=rows,
        chart=Markup(bar_chart(rows, "all-time")) if rows else None,  # noqa: S704
        parts=PARTS,
        document=document,
    )
