"""Regenerate the client package from the three services' OpenAPI documents (`make client`).

The documents are built from the apps themselves (no process is started), merged into one
(`clients/python/openapi.json`) and given to openapi-python-client, whose output becomes
`care_platform_client.generated`. In the merged document:

- each operation's path is prefixed with its service (`/care-status-api/v1/children`):
  the services share paths (`/v1/dead-letters`), and the prefix is how
  `care_platform_client.platform_client` sends each call to its own service;
- each operation's tag is its service (`care_status`, `incidents`, `notify`), so the
  operations are `care_platform_client.generated.api.<service>.<operation id>`;
- the schemas are one set: a name two services define differently stops the generation
  (the models are shared, so the same name must mean the same thing);
- the health operations are left out (they are for probes, not integrators), and so are
  the operations only the platform's own services may call (scopes `events:publish`,
  `care-status:facts`).

`python clients/python/generate.py --check` regenerates into a temporary folder and exits
non-zero, naming the files, if the checked-in package differs (run by `make lint`).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCUMENT = HERE / "openapi.json"
PACKAGE = HERE / "src" / "care_platform_client" / "generated"
BIN = Path(sys.executable).parent
CONFIG = """\
project_name_override: care-platform-client
package_name_override: generated
post_hooks:
  - "{ruff} check . --fix-only --quiet --no-cache"
  - "{ruff} format . --quiet --no-cache"
"""

#: Each service: the app factory, its settings and the prefix and tag of its operations.
SERVICES = {
    "care-status-api": ("care_status.main", "care_status.settings", "care_status"),
    "incident-api": ("incidents.main", "incidents.settings", "incidents"),
    "notify-api": ("notify.main", "notify.settings", "notify"),
}
HEALTH_PATHS = {"/healthz", "/readyz", "/metrics"}
PLATFORM_SCOPES = {"events:publish", "care-status:facts"}
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def service_document(service: str) -> dict[str, Any]:
    """The OpenAPI document `service` serves, built from its app."""
    import importlib

    main_module, settings_module, _ = SERVICES[service]
    create_app = importlib.import_module(main_module).create_app
    settings_class = importlib.import_module(settings_module).Settings
    settings = settings_class(_env_file=None, migrate_on_start=False, relay_in_process=False)
    document: dict[str, Any] = create_app(settings).openapi()
    return document


def _without_const_in_unions(node: Any) -> Any:
    """`{"const": x}` as an alternative of `anyOf` becomes `{"enum": [x]}`.

    openapi-python-client parses a const alternative by raising when it does not match,
    without trying the next one (`applies_to`: `"all"` or a list of codes), so every such
    answer failed to parse; an enum of one value is parsed as an alternative like the rest.
    """
    if isinstance(node, list):
        return [_without_const_in_unions(item) for item in node]
    if not isinstance(node, dict):
        return node
    fixed = {key: _without_const_in_unions(value) for key, value in node.items()}
    for alternative in fixed.get("anyOf", []):
        if isinstance(alternative, dict) and "const" in alternative:
            alternative["enum"] = [alternative.pop("const")]
    return fixed


def _platform_only(operation: dict[str, Any]) -> bool:
    scopes = {scope for need in operation.get("security", []) for s in need.values() for scope in s}
    return bool(scopes) and scopes <= PLATFORM_SCOPES


def merge(documents: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One document of the three: prefixed paths, service tags, one set of schemas."""
    paths: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    owners: dict[str, str] = {}
    security_schemes: dict[str, Any] = {}
    for service, document in documents.items():
        tag = SERVICES[service][2]
        for path, item in document["paths"].items():
            if path in HEALTH_PATHS:
                continue
            merged_item = {}
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    if _platform_only(operation):
                        continue
                    operation = {**operation, "tags": [tag]}
                merged_item[method] = operation
            if any(method in HTTP_METHODS for method in merged_item):
                paths[f"/{service}{path}"] = merged_item
        for name, schema in document.get("components", {}).get("schemas", {}).items():
            if name in schemas and schemas[name] != schema:
                raise SystemExit(
                    f"schema {name} differs between {owners[name]} and {service}: "
                    "the client's models are shared, so rename one of them"
                )
            schemas[name] = schema
            owners.setdefault(name, service)
        security_schemes.update(document.get("components", {}).get("securitySchemes", {}))
    for scheme in security_schemes.values():
        for flow in scheme.get("flows", {}).values():
            flow["tokenUrl"] = "https://issuer.example/oauth/token"  # each deployment's own
    merged = {
        "openapi": documents["care-status-api"]["openapi"],
        "info": {
            "title": "care-platform",
            "version": documents["care-status-api"]["info"]["version"],
            "description": "care-status-api, incident-api and notify-api in one document: "
            "each path is prefixed with its service (clients/python/generate.py).",
        },
        "paths": paths,
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": security_schemes,
        },
        "tags": [{"name": SERVICES[service][2], "description": service} for service in SERVICES],
    }
    fixed: dict[str, Any] = _without_const_in_unions(merged)
    return fixed


def generate(document: dict[str, Any], output: Path) -> None:
    """Write the merged document and the generated package under `output`."""
    output.mkdir(parents=True, exist_ok=True)
    (output / "openapi.json").write_text(json.dumps(document, indent=2, sort_keys=False) + "\n")
    with tempfile.TemporaryDirectory() as work:
        config = Path(work) / "config.yaml"
        config.write_text(CONFIG.format(ruff=BIN / "ruff"))
        target = Path(work) / "generated"
        run = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(output / "openapi.json"),
                "--output-path",
                str(target),
                "--meta",
                "none",
                "--config",
                str(config),
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
        )
        if run.returncode != 0:
            raise SystemExit(f"openapi-python-client failed:\n{run.stdout}{run.stderr}")
        shutil.rmtree(output / "generated", ignore_errors=True)
        shutil.copytree(target, output / "generated")


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__"])
    found = [str(left / name) for name in comparison.left_only + comparison.right_only]
    found += [str(left / name) for name in comparison.diff_files]
    for name in comparison.common_dirs:
        found += _differences(left / name, right / name)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the package is stale")
    arguments = parser.parse_args()
    document = merge({service: service_document(service) for service in SERVICES})
    if not arguments.check:
        with tempfile.TemporaryDirectory() as work:
            generate(document, Path(work))
            shutil.copy(Path(work) / "openapi.json", DOCUMENT)
            shutil.rmtree(PACKAGE, ignore_errors=True)
            shutil.copytree(Path(work) / "generated", PACKAGE)
        print(
            f"wrote {DOCUMENT.relative_to(HERE.parents[1])} and {PACKAGE.relative_to(HERE.parents[1])}"
        )
        return
    with tempfile.TemporaryDirectory() as work:
        generate(document, Path(work))
        stale = []
        if not DOCUMENT.exists() or not filecmp.cmp(
            DOCUMENT, Path(work) / "openapi.json", shallow=False
        ):
            stale.append(str(DOCUMENT))
        if not PACKAGE.exists():
            stale.append(str(PACKAGE))
        else:
            stale += _differences(Path(work) / "generated", PACKAGE)
    if stale:
        raise SystemExit(
            "the client package is not up to date; run `make client`:\n" + "\n".join(stale)
        )
    print("the client package is up to date")


if __name__ == "__main__":
    main()
