"""The SSDA903 upload pages and the figures' charts without a browser: what the portal
decides itself (before or without asking an API)."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from portal.figures.chart import Period, outcome_columns, period_of, rate_chart
from portal.figures.series import Unit, bounds, first_day, rule_series
from portal.imports.view import REPORT_LINES_SHOWN, collection_year, import_page
from portal.main import create_app
from portal.sessions import COOKIE, Person
from portal.settings import PortalSettings


@pytest.fixture
def app() -> FastAPI:
    return create_app(PortalSettings(_env_file=None, upload_max_bytes=10_000))


def _client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


def _signed_in(app: FastAPI, scopes: frozenset[str]) -> tuple[dict[str, str], str]:
    """A session as sign-in leaves it (its token is never used: no API is asked)."""
    store = app.state.portal.sessions
    session = store.signed_in(
        store.new(),
        Person("camden-duty", "Jo Adeyemi", "E09000007", "duty_social_worker"),
        "not-a-token",
        scopes,
        expires_at=4_000_000_000,
    )
    return {COOKIE: session.id}, session.csrf_token


async def test_the_upload_page_needs_sign_in_and_the_write_scope(app: FastAPI) -> None:
    async with _client(app) as portal:
        signed_out = await portal.get("/imports/new")
        assert signed_out.status_code == 303
        assert signed_out.headers["location"] == "/sign-in?next=%2Fimports%2Fnew"

        cookies, _ = _signed_in(app, frozenset({"care-status:read"}))
        portal.cookies.update(cookies)
        refused = await portal.get("/imports/new")
    assert refused.status_code == 403
    assert "You cannot use this page" in refused.text


async def test_the_upload_form_is_multipart_with_this_collection_year(app: FastAPI) -> None:
    cookies, csrf = _signed_in(app, frozenset({"care-status:write"}))
    async with _client(app) as portal:
        portal.cookies.update(cookies)
        response = await portal.get("/imports/new")
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.text
    assert f'value="{csrf}"' in response.text
    assert 'type="file" multiple' in response.text


async def test_an_upload_without_files_or_year_says_so_and_sends_nothing(app: FastAPI) -> None:
    cookies, csrf = _signed_in(app, frozenset({"care-status:write"}))
    async with _client(app) as portal:
        portal.cookies.update(cookies)
        response = await portal.post(
            "/imports/new",
            data={"csrf_token": csrf, "collection-year": ""},
            files={"files": ("", b"", "application/octet-stream")},
        )
    assert response.status_code == 400
    assert '<a href="#files">Select the files of the return</a>' in response.text
    assert '<a href="#collection-year">Enter the collection year</a>' in response.text
    assert "<title>Error: Upload an SSDA903 return" in response.text


async def test_an_upload_over_the_limit_is_refused_before_it_is_read(app: FastAPI) -> None:
    cookies, csrf = _signed_in(app, frozenset({"care-status:write"}))
    async with _client(app) as portal:
        portal.cookies.update(cookies)
        response = await portal.post(
            "/imports/new",
            data={"csrf_token": csrf, "collection-year": "2026/27"},
            files={"files": ("episodes.csv", b"x" * 20_000, "text/csv")},
        )
    assert response.status_code == 413
    assert '<a href="#files">The files must be 0.01 MB or smaller</a>' in response.text


async def test_an_upload_with_a_forged_token_saves_nothing(app: FastAPI) -> None:
    cookies, _ = _signed_in(app, frozenset({"care-status:write"}))
    async with _client(app) as portal:
        portal.cookies.update(cookies)
        response = await portal.post(
            "/imports/new",
            data={"csrf_token": "forged", "collection-year": "2026/27"},
            files={"files": ("episodes.csv", b"CHILD\n", "text/csv")},
        )
    assert response.status_code == 400
    assert "The form has expired" in response.text


async def test_an_import_id_that_is_no_id_is_not_found(app: FastAPI) -> None:
    cookies, _ = _signed_in(app, frozenset({"care-status:write"}))
    async with _client(app) as portal:
        portal.cookies.update(cookies)
        response = await portal.get("/imports/not-an-id")
    assert response.status_code == 404
    assert "Page not found" in response.text


@pytest.mark.parametrize(
    ("today", "year"),
    [(date(2027, 3, 31), "2026/27"), (date(2027, 4, 1), "2027/28"), (date(2099, 12, 1), "2099/00")],
)
def test_the_collection_year_runs_from_april_to_march(today: date, year: str) -> None:
    assert collection_year(today) == year


def _line(severity: str, child: str) -> dict[str, Any]:
    return {"code": "103", "message": "m", "child": child, "file": "episodes.csv", "row": 1,
            "severity": severity}  # fmt: skip


def test_the_report_shows_errors_first_and_at_most_its_first_lines() -> None:
    report = [_line("warning", f"w{i}") for i in range(REPORT_LINES_SHOWN)] + [_line("error", "e")]
    view = import_page({"id": "x", "status": "done", "report": report,
                        "progress": {"rows_done": 10, "rows_total": 10}, "counts": {}})  # fmt: skip

    assert view.report[0]["child"] == "e"
    assert (view.errors, view.warnings) == (1, REPORT_LINES_SHOWN)
    assert len(view.report) == REPORT_LINES_SHOWN and view.report_hidden == 1
    assert not view.under_way and view.percent_done == 100
    assert import_page({"status": "loading"}).under_way


def _counts(**values: int) -> dict[str, Any]:
    return {"made": 0, "met_on_time": 0, "met_late": 0, "open": 0, "overdue": 0, **values}


def test_a_rules_series_sums_its_recipients_and_works_its_rate_out_again() -> None:
    whole = {
        "period_from": "2026-11-04",
        "period_to": "2026-11-20",
        "series": [{"period_start": d, **_counts()} for d in ("2026-11-02", "2026-11-09",
                                                               "2026-11-16")],
        "rows": [
            {"rule": "reg-13", "recipient_org": "E09000007", **_counts(made=3, met_on_time=3)},
            {"rule": "reg-13", "recipient_org": "E10000007", **_counts(made=1, overdue=1)},
        ],
    }  # fmt: skip
    assert bounds(whole) == [
        (date(2026, 11, 4), date(2026, 11, 8)),
        (date(2026, 11, 9), date(2026, 11, 15)),
        (date(2026, 11, 16), date(2026, 11, 20)),
    ]
    second_week = {"rows": [
        {"rule": "reg-13", "recipient_org": "E09000007", **_counts(made=2, met_on_time=1,
                                                                    met_late=1)},
        {"rule": "other", "recipient_org": "E09000007", **_counts(made=5)},
    ]}  # fmt: skip
    per_period = [(date(2026, 11, 2), {"rows": []}), (date(2026, 11, 9), second_week),
                  (date(2026, 11, 16), {"rows": []})]  # fmt: skip

    [series] = rule_series(whole, per_period)

    assert series.rule == "reg-13"
    assert (series.total.made, series.total.rate, series.total.denominator) == (4, 0.75, 4)
    assert [p.made for p in series.periods] == [0, 2, 0]
    assert [p.rate for p in series.periods] == [None, 0.5, None]


def test_a_monthly_series_is_this_month_and_the_eleven_before() -> None:
    assert first_day(date(2026, 12, 8), Unit.MONTH) == date(2026, 1, 1)
    assert first_day(date(2026, 3, 31), Unit.MONTH) == date(2025, 4, 1)
    assert first_day(date(2026, 12, 8), Unit.WEEK) == date(2026, 9, 15)


def _period(start: date, rate: float | None, **counts: int) -> Period:
    denominator = 4 if rate is not None else 0
    return period_of({**_counts(**counts), "on_time_rate": rate,
                      "rate_denominator": denominator}, start)  # fmt: skip


def test_the_charts_are_named_images_and_a_period_without_outcome_is_a_gap() -> None:
    periods = [_period(date(2026, 11, 2), 1.0, made=4, met_on_time=4),
               _period(date(2026, 11, 9), None, made=2, open=2),
               _period(date(2026, 11, 16), 0.5, made=4, met_on_time=2, overdue=2)]  # fmt: skip

    line = rate_chart(periods, "rate", "On-time rate <per week>")
    columns = outcome_columns(periods, "cols", "Duties made per week")

    assert 'role="img" aria-labelledby="rate-title" aria-describedby="rate-desc"' in line
    assert '<title id="rate-title">On-time rate &lt;per week&gt;</title>' in line
    # Two points, no line through the week without an outcome.
    assert line.count("<circle") == 2 and "<polyline" not in line
    assert "<title>16 Nov: 50%</title>" in line
    assert "<title>9 Nov, Open: 2</title>" in columns
    assert "<title>16 Nov, Overdue: 2</title>" in columns
