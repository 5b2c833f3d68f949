"""Every metric an alert, a dashboard panel or the autoscaler names is one the services
expose: the rules and the dashboard in deploy/ are read, the three services scraped."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from inprocess_services import SERVICE_NAMES, Services
from prometheus_client.parser import text_string_to_metric_families

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
KEYWORDS = {
    "by",
    "without",
    "and",
    "or",
    "unless",
    "on",
    "ignoring",
    "bool",
    "offset",
    "group_left",
    "group_right",
}


def metric_names(expression: str) -> set[str]:
    """The metric names a PromQL expression reads (functions, labels and keywords left out)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expression)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    names = set()
    for found in re.finditer(r"[a-zA-Z_:][a-zA-Z0-9_:]*", text):
        if text[found.end() :].lstrip().startswith("(") or found.group(0) in KEYWORDS:
            continue
        names.add(found.group(0))
    return names


def _alert_expressions() -> dict[str, str]:
    rules = yaml.safe_load((DEPLOY / "kubernetes" / "prometheus-rules.yaml").read_text())
    return {
        rule["alert"]: rule["expr"] for group in rules["spec"]["groups"] for rule in group["rules"]
    }


def _panel_expressions() -> dict[str, str]:
    dashboard = json.loads((DEPLOY / "grafana" / "care-platform.json").read_text())
    return {
        f"{panel['title']} / {target['refId']}": target["expr"]
        for panel in dashboard["panels"]
        for target in panel["targets"]
    }


def _scaler_expressions() -> dict[str, str]:
    documents = yaml.safe_load_all((DEPLOY / "kubernetes" / "notify-deliver.yaml").read_text())
    return {
        f"ScaledObject {document['metadata']['name']}": trigger["metadata"]["query"]
        for document in documents
        if document["kind"] == "ScaledObject"
        for trigger in document["spec"]["triggers"]
    }


def test_the_name_reader_finds_metrics_and_only_metrics() -> None:
    assert metric_names(
        'histogram_quantile(0.95, sum by (service, le) (rate(x_bucket{status=~"5.."}[5m])))'
    ) == {"x_bucket"}
    assert metric_names("max by (rule) (a) > 0 and deriv(sum(b)[15m:1m]) > 0") == {"a", "b"}


async def test_every_metric_of_an_alert_a_panel_or_the_scaler_is_exposed(
    services: Services,
) -> None:
    exposed: set[str] = set()
    for name in SERVICE_NAMES:
        service = await services.get(name)
        anonymous = await service.as_client(None)
        assert (await anonymous.get("/healthz")).status_code == 200
        answer = await anonymous.get("/metrics")
        assert answer.status_code == 200
        for family in text_string_to_metric_families(answer.text):
            exposed.update(sample.name for sample in family.samples)

    named: dict[str, Any] = {
        **_alert_expressions(),
        **_panel_expressions(),
        **_scaler_expressions(),
    }
    assert len(_alert_expressions()) >= 8
    assert _scaler_expressions()
    missing = {
        where: sorted(metric_names(expression) - exposed)
        for where, expression in named.items()
        if metric_names(expression) - exposed
    }
    assert missing == {}
    # The list, each shown somewhere.
    read = set().union(*(metric_names(expression) for expression in named.values()))
    for metric in (
        "notify_delivery_backlog",
        "notify_delivery_oldest_pending_age_seconds",
        "notify_delivery_attempts_total",
        "notify_deliveries",
        "notify_duties_overdue",
        "notify_duties_breached_total",
        "outbox_oldest_pending_age_seconds",
        "outbox_failing_events",
        "notify_events_received_total",
        "notification_log_verification_failed",
        "care_status_import_rows_done",
    ):
        assert metric in read, metric
