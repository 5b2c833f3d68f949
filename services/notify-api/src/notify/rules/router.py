"""HTTP of the rules: `GET /v1/rules`, `GET /v1/rules/{rule_id}`."""

from __future__ import annotations

from fastapi import APIRouter

from notify.auth import RulesRead
from notify.dependencies import Rules
from notify.rules.catalogue import Rule
from notify.rules.schemas import RulePage
from platform_shared.problems import NotFound, problem_responses

router = APIRouter(prefix="/v1/rules", tags=["rules"])


@router.get("", response_model=RulePage, responses=problem_responses())
async def list_rules(caller: RulesRead, catalogue: Rules) -> RulePage:
    """The rules in force, each with its basis and citation, local policy windows as set."""
    return RulePage(version=catalogue.version, items=list(catalogue.rules))


@router.get("/{rule_id}", response_model=Rule, responses=problem_responses(NotFound))
async def get_rule(rule_id: str, caller: RulesRead, catalogue: Rules) -> Rule:
    """One rule in force."""
    rule = catalogue.get(rule_id)
    if rule is None:
        raise NotFound(f"No rule {rule_id}")
    return rule
