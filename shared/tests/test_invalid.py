"""`Invalid.of`: the one multi-field 422, naming every field that breaks a rule."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from platform_shared.problems import FieldIssue, Invalid, install_problem_handlers

ISSUES = [FieldIssue("body.end_date", "before start_date"), FieldIssue("body.kind", "unknown")]


def test_invalid_of_names_every_field_in_order() -> None:
    error = Invalid.of(ISSUES, "The incident breaks two rules")

    assert error.status == 422
    assert error.errors == ISSUES
    assert str(error.detail) == "The incident breaks two rules"


def test_invalid_of_no_issue_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        Invalid.of([], "nothing wrong")


async def test_invalid_of_is_one_problem_listing_each_field() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/incidents")
    async def record() -> None:
        raise Invalid.of(ISSUES, "The incident breaks two rules")

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/incidents")

    problem = response.json()
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["type"].endswith("/invalid")
    assert problem["detail"] == "The incident breaks two rules"
    assert problem["errors"] == [
        {"field": "body.end_date", "reason": "before start_date"},
        {"field": "body.kind", "reason": "unknown"},
    ]
