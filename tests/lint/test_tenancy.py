"""Tenancy checked in every service: each query of a tenant-owned model is scoped.

One case per service. The engine (`tests/lint/tenancy.py`) finds the service's tenant-owned
models (classes of its models modules with `__tenant_columns__`) and checks every query of
them in its `src/`: in a `repository.py` module, inside a `@tenant_scope` function that
mentions a tenant column, or a function that calls such a scope, or a
`@cross_tenant("why")` one. A service that declares no tenant-owned model fails too: it
would otherwise pass without being checked at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lint.tenancy import check_service

SERVICES = Path(__file__).resolve().parents[2] / "services"
SERVICE_SOURCES = {
    "care_status": SERVICES / "care-status-api" / "src",
    "incidents": SERVICES / "incident-api" / "src",
    "notify": SERVICES / "notify-api" / "src",
}


@pytest.mark.parametrize("service", sorted(SERVICE_SOURCES))
def test_every_query_of_a_tenant_owned_model_is_scoped(service: str) -> None:
    models, findings = check_service(SERVICE_SOURCES[service])

    assert models, (
        f"{service} declares no tenant-owned model: give the models that tie a row to an "
        "organisation `__tenant_columns__ = (...)` (platform_shared.tenancy)"
    )
    assert not findings, (
        f"{service}: {len(findings)} unscoped queries of tenant-owned models:\n"
        + "\n".join(str(finding) for finding in findings)
    )
