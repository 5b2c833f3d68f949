"""HTTP of the rules: `GET /v1/rules`, `GET /v1/rules/{rule_id}`, `POST /v1/rules/evaluate`."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.convertors import StringConvertor, register_url_convertor

from notify.auth import RulesRead
from notify.dependencies import Directory, Rules
from notify.rules.dry_run import dry_run
from notify.rules.schemas import DryRunAnswer, DryRunRequest, RuleInForce, RulePage, rule_in_force
from platform_shared.problems import Invalid, NotFound, problem_responses
from platform_shared.web.clock import Now

router = APIRouter(prefix="/v1/rules", tags=["rules"])


class _RuleIdConvertor(StringConvertor):
    """A rule id in a path: any segment but `evaluate`, the dry run's own path (so a 405
    on it names POST alone)."""

    regex = "(?!evaluate$)[^/]+"


register_url_convertor("rule_id", _RuleIdConvertor())


@router.get("", response_model=RulePage, responses=problem_responses())
async def list_rules(caller: RulesRead, catalogue: Rules, directory: Directory) -> RulePage:
    """The rules in force, each with its basis and citation, local policy windows as set,
    its local protocol and the authorities it applies to, and authorities' own windows."""
    return RulePage(
        version=catalogue.version,
        items=[rule_in_force(rule, catalogue, directory) for rule in catalogue.rules],
    )


@router.get("/{rule_id:rule_id}", response_model=RuleInForce, responses=problem_responses(NotFound))
async def get_rule(
    rule_id: str, caller: RulesRead, catalogue: Rules, directory: Directory
) -> RuleInForce:
    """One rule in force."""
    rule = catalogue.get(rule_id)
    if rule is None:
        raise NotFound(f"No rule {rule_id}")
    return rule_in_force(rule, catalogue, directory)


@router.post("/evaluate", response_model=DryRunAnswer, responses=problem_responses(Invalid))
async def evaluate(
    request: DryRunRequest, caller: RulesRead, catalogue: Rules, directory: Directory, now: Now
) -> DryRunAnswer:
    """A dry run: what the platform would do with this event, writing nothing.

    Every rule considered, matched or not and why; the notifications it would make, with
    recipients, deadlines, reminders and traces; those it would withhold. The same
    evaluation as `POST /v1/events`: an event lacking what the rules need is answered 422
    naming every field, as the intake would. Nothing is stored, pushed or audited.
    """
    return dry_run(request, catalogue=catalogue, directory=directory, now=now)
