"""`kubectl kustomize` for the features deploy/kubernetes uses, so `make lint` can render
the manifests on a machine without kubectl (where kubectl is installed, the lint checks
that both give the same objects).

Supported: `resources` (files), `namespace`, `labels` (`pairs`, `includeSelectors: false`,
`includeTemplates`), `images` (`newName`, `newTag`). Any other key of a kustomization
is refused, so a new feature cannot slip by unrendered.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

SUPPORTED = {"apiVersion", "kind", "namespace", "resources", "labels", "images"}
#: Kinds that are not namespaced (kustomize leaves their namespace alone).
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition"}
#: Kinds whose pod template kustomize labels with `includeTemplates`.
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}


class UnsupportedKustomization(Exception):
    """The kustomization uses a feature this renderer does not implement."""


def render(directory: Path) -> list[dict[str, Any]]:
    """The objects `kubectl kustomize directory` would print."""
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(kustomization) - SUPPORTED
    if unknown:
        raise UnsupportedKustomization(f"not rendered here: {sorted(unknown)}")
    objects: list[dict[str, Any]] = []
    for resource in kustomization.get("resources", []):
        path = directory / resource
        if not path.is_file():
            raise UnsupportedKustomization(f"{resource}: only files are rendered here")
        objects.extend(d for d in yaml.safe_load_all(path.read_text()) if d)
    namespace = kustomization.get("namespace")
    for item in objects:
        if namespace and item["kind"] not in CLUSTER_SCOPED:
            item["metadata"]["namespace"] = namespace
        for label in kustomization.get("labels", []):
            if label.get("includeSelectors"):
                raise UnsupportedKustomization("labels with includeSelectors")
            item["metadata"].setdefault("labels", {}).update(label["pairs"])
            if label.get("includeTemplates") and item["kind"] in WORKLOADS:
                template = item["spec"]["template"].setdefault("metadata", {})
                template.setdefault("labels", {}).update(label["pairs"])
        for image in kustomization.get("images", []):
            _set_image(item, image)
    return objects


def _set_image(item: dict[str, Any], image: dict[str, str]) -> None:
    if item["kind"] not in WORKLOADS:
        return
    pod = item["spec"]["template"]["spec"]
    for container in pod.get("initContainers", []) + pod.get("containers", []):
        if container["image"].split(":")[0] == image["name"]:
            name = image.get("newName", image["name"])
            container["image"] = f"{name}:{image['newTag']}" if "newTag" in image else name


def normalised(objects: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The objects by (kind, name), as YAML would read them back."""
    return {
        (item["kind"], item["metadata"]["name"]): yaml.safe_load(
            yaml.safe_dump(copy.deepcopy(item))
        )
        for item in objects
    }
