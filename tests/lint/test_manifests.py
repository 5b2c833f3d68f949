"""The Kubernetes manifests, rendered as `kubectl kustomize deploy/kubernetes` renders them,
validated against the Kubernetes schemas (kubernetes-validate, strict: an unknown field
fails), and checked for what the schemas cannot see: the objects refer to each other
(ServiceMonitors to Services and ports, the ScaledObject to its Deployment, policies to
pods), every pod migrates in an init container with its own image, no secret is an
environment variable.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from lint.manifests import normalised, render

KUBERNETES = Path(__file__).resolve().parents[2] / "deploy" / "kubernetes"
#: The oldest Kubernetes release the manifests are written for (minor releases are
#: supported for about 14 months).
KUBERNETES_VERSION = "1.31.0"
#: Custom resources: no schema ships with Kubernetes; checked by the tests below.
CUSTOM_KINDS = {"ServiceMonitor", "PrometheusRule", "ScaledObject"}


@pytest.fixture(scope="module")
def rendered() -> list[dict[str, Any]]:
    return render(KUBERNETES)


def _of_kind(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [item for item in objects if item["kind"] == kind]


def _pod_templates(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item["spec"]["template"] for item in objects if item["kind"] == "Deployment"]


def _selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    if any(labels.get(key) != value for key, value in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        value = labels.get(expression["key"])
        if expression["operator"] == "In" and value not in expression["values"]:
            return False
    return True


def test_every_object_is_valid_for_kubernetes(rendered: list[dict[str, Any]]) -> None:
    kinds = {item["kind"] for item in rendered}
    assert {"Deployment", "Service", "NetworkPolicy", "ConfigMap"} <= kinds
    assert kinds >= CUSTOM_KINDS
    examples = [
        document
        for path in (KUBERNETES / "examples").glob("*.yaml")
        for document in yaml.safe_load_all(path.read_text())
    ]
    template = list(yaml.safe_load_all((KUBERNETES / "secrets.template.yaml").read_text()))
    assert _of_kind(examples, "Ingress")
    for item in rendered + examples + template:
        if item["kind"] in CUSTOM_KINDS:
            continue
        kubernetes_validate.validate(item, KUBERNETES_VERSION, strict=True)


def test_an_invalid_object_is_refused() -> None:
    # The validator is not a formality: a misspelt field fails.
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "x"},
        "spec": {"ports": [{"port": 80, "targetPrt": "http"}]},
    }
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(service, KUBERNETES_VERSION, strict=True)


def test_every_pod_migrates_first_and_reads_its_secrets_from_files(
    rendered: list[dict[str, Any]],
) -> None:
    [settings] = _of_kind(rendered, "ConfigMap")
    templates = _pod_templates(rendered)
    assert len(templates) == 8
    for template in templates:
        pod = template["spec"]
        [main] = pod["containers"]
        service = main["args"][0]
        # The portal has no database: nothing to migrate.
        init = [] if service == "portal" else pod["initContainers"]
        if init:
            [migrate] = init
            assert migrate["args"] == [service, "migrate"]
            assert migrate["image"] == main["image"]
        else:
            assert "initContainers" not in pod
        secret_volumes = {
            volume["name"]: volume["secret"]["secretName"]
            for volume in pod["volumes"]
            if "secret" in volume
        }
        assert list(secret_volumes.values()) == [f"{service}-secrets"]
        for container in (main, *init):
            assert all("secretRef" not in source for source in container.get("envFrom", []))
            assert all("valueFrom" not in variable for variable in container.get("env", []))
            [mount] = [m for m in container["volumeMounts"] if m["name"] in secret_volumes]
            assert mount["readOnly"] is True
            prefix = {
                "care-status-api": "CARE_STATUS",
                "incident-api": "INCIDENTS",
                "portal": "PORTAL",
            }.get(service, "NOTIFY")
            assert settings["data"][f"{prefix}_SECRETS_DIR"] == mount["mountPath"]


def test_monitors_scaler_and_policies_refer_to_what_exists(
    rendered: list[dict[str, Any]],
) -> None:
    services = _of_kind(rendered, "Service")
    for monitor in _of_kind(rendered, "ServiceMonitor"):
        [target] = [
            s for s in services if _selects(monitor["spec"]["selector"], s["metadata"]["labels"])
        ]
        ports = {port["name"] for port in target["spec"]["ports"]}
        assert {endpoint["port"] for endpoint in monitor["spec"]["endpoints"]} <= ports
    deployments = {d["metadata"]["name"] for d in _of_kind(rendered, "Deployment")}
    [scaler] = _of_kind(rendered, "ScaledObject")
    assert scaler["spec"]["scaleTargetRef"]["name"] in deployments
    assert not _of_kind(rendered, "HorizontalPodAutoscaler")  # KEDA owns the one it makes
    templates = _pod_templates(rendered)
    for policy in _of_kind(rendered, "NetworkPolicy"):
        selector = policy["spec"]["podSelector"]
        assert any(_selects(selector, t["metadata"]["labels"]) for t in templates), policy
        for rule in policy["spec"].get("ingress", []) + policy["spec"].get("egress", []):
            for peer in rule.get("from", []) + rule.get("to", []):
                if set(peer) == {"podSelector"}:
                    assert any(
                        _selects(peer["podSelector"], t["metadata"]["labels"]) for t in templates
                    ), policy["metadata"]["name"]
    for rules in _of_kind(rendered, "PrometheusRule"):
        for group in rules["spec"]["groups"]:
            for rule in group["rules"]:
                assert rule["labels"]["severity"] in {"warning", "critical"}
                assert rule["annotations"]["summary"]


def test_the_delivery_workers_reach_only_postgresql_and_the_internet(
    rendered: list[dict[str, Any]],
) -> None:
    [deliver] = [
        t
        for t in _pod_templates(rendered)
        if t["metadata"]["labels"]["app.kubernetes.io/component"] == "deliver"
    ]
    labels = deliver["metadata"]["labels"]
    egress = [
        rule
        for policy in _of_kind(rendered, "NetworkPolicy")
        if _selects(policy["spec"]["podSelector"], labels)
        for rule in policy["spec"].get("egress", [])
    ]
    ports = {port["port"] for rule in egress for port in rule.get("ports", [])}
    assert ports == {53, 5432, 443, 587}
    for rule in egress:
        for peer in rule["to"]:
            assert "podSelector" not in peer or "namespaceSelector" in peer  # nothing in-cluster
    ingress = [
        policy
        for policy in _of_kind(rendered, "NetworkPolicy")
        if _selects(policy["spec"]["podSelector"], labels) and policy["spec"].get("ingress")
    ]
    assert ingress == []


def test_the_import_worker_runs_in_the_image_and_reaches_only_postgresql(
    rendered: list[dict[str, Any]],
) -> None:
    """SSDA903 imports are validated and loaded by their worker (issue 16): one runs, from
    the image that holds the validator's environment (tests/lint/test_containerfile.py),
    and the API leaves imports to it."""
    [worker] = [
        t
        for t in _pod_templates(rendered)
        if t["metadata"]["labels"]["app.kubernetes.io/component"] == "import-worker"
    ]
    [container] = worker["spec"]["containers"]
    assert container["args"] == ["care-status-api", "import-worker"]
    [api] = [
        t["spec"]["containers"][0]
        for t in _pod_templates(rendered)
        if t["metadata"]["labels"]["app.kubernetes.io/name"] == "care-status-api"
        and t["metadata"]["labels"]["app.kubernetes.io/component"] == "api"
    ]
    assert container["image"] == api["image"]
    [settings] = _of_kind(rendered, "ConfigMap")
    api_env = {
        variable["name"]: variable.get("value")
        for t in _pod_templates(rendered)
        if t["metadata"]["labels"]["app.kubernetes.io/component"] == "api"
        for c in t["spec"]["containers"]
        for variable in c.get("env", [])
    }
    in_process = api_env.get(
        "CARE_STATUS_IMPORT_IN_PROCESS", settings["data"].get("CARE_STATUS_IMPORT_IN_PROCESS")
    )
    assert in_process in (None, "false")
    labels = worker["metadata"]["labels"]
    egress = [
        rule
        for policy in _of_kind(rendered, "NetworkPolicy")
        if _selects(policy["spec"]["podSelector"], labels)
        for rule in policy["spec"].get("egress", [])
    ]
    assert {port["port"] for rule in egress for port in rule.get("ports", [])} == {53, 5432}


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_the_renderer_gives_what_kubectl_kustomize_gives(
    rendered: list[dict[str, Any]],
) -> None:
    output = subprocess.run(
        ["kubectl", "kustomize", str(KUBERNETES)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert normalised(list(yaml.safe_load_all(output))) == normalised(rendered)


def test_compose_services_read_their_secrets_from_files() -> None:
    compose = yaml.safe_load((KUBERNETES.parent / "compose" / "compose.yaml").read_text())
    prefixes = {
        "care-status-api": "CARE_STATUS",
        "incident-api": "INCIDENTS",
        "notify-api": "NOTIFY",
        "portal": "PORTAL",
    }
    checked = 0
    for name, service in compose["services"].items():
        command = service.get("command") or []
        if not command or command[0] not in prefixes:
            continue
        prefix = prefixes[command[0]]
        assert service["environment"][f"{prefix}_SECRETS_DIR"] == "/run/secrets", name
        assert "entrypoint" not in service, name  # nothing exports the files as variables
        assert service["build"]["target"] == "production", name
        assert all(secret["target"].startswith(f"{prefix}_") for secret in service["secrets"])
        checked += 1
    assert checked >= 10
    assert compose["services"]["portal"]["command"] == ["portal", "serve"]
    assert compose["services"]["dev-auth"]["build"]["target"] == "dev"
