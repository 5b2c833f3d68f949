"""The platform as real processes, one per backend, for the journey and fault tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from platform_harness import Platform, running_platform

from platform_shared.testing import postgres_unavailable_reason


def _require(backend: str) -> None:
    if backend == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            pytest.skip(reason)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def platform(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    """Auth server, the three services and a delivery worker, on one backend."""
    backend = str(request.param)
    _require(backend)
    with running_platform(backend, tmp_path_factory.mktemp(f"platform-{backend}")) as running:
        yield running


@pytest.fixture
def var_dir(tmp_path: Path) -> Path:
    return tmp_path / "var"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep each system-test module on one xdist worker, so it starts its platform once."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.xdist_group(f"system-{Path(str(item.fspath)).stem}"))
