"""HTTP of the rules: `GET /v1/rules`, `GET /v1/rules/{rule_id}`."""

from __future__ import annotations

from fastapi import APIRouter

from notify.auth import RulesRead
from notify.dependencies import Directory, Rules
from notify.rules.schemas import RuleInForce, RulePage, rule_in_force
from platform_shared.problems import NotFound, problem_responses

router = APIRouter(prefix="/v1/rules", tags=["rules"])


@router.get("", response_model=RulePage, responses=problem_responses())
async def list_rules(caller: RulesRead, catalogue: Rules, directory: Directory) -> RulePage:
    """The rules in force, each with its basis and citation, local policy windows as set,
    its local protocol and the authorities it applies to, and authorities' own windows."""
    return RulePage(
        version=catalogue.version,
        items=[rule_in_force(rule, catalogue, directory) for rule in catalogue.rules],
    )


@router.get("/{rule_id}", response_model=RuleInForce, responses=problem_responses(NotFound))
async def get_rule(
    rule_id: str, caller: RulesRead, catalogue: Rules, directory: Directory
) -> RuleInForce:
    """One rule in force."""
    rule = catalogue.get(rule_id)
    if rule is None:
        raise NotFound(f"No rule {rule_id}")
    return rule_in_force(rule, catalogue, directory)
