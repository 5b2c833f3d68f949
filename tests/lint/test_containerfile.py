"""The image's build steps, read from deploy/Containerfile and replayed where no container
engine is needed: what each `uv sync --locked` is given must be enough for uv to find its
lock up to date (a workspace member left out fails the build), and the SSDA903 validator
gets its own environment where care-status-api runs it from, so that `POST /v1/imports`
validates in the image as it does in `make run` (issue 16).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from care_status.imports import validation

ROOT = Path(__file__).resolve().parents[2]
CONTAINERFILE = ROOT / "deploy" / "Containerfile"
WORKDIR = Path("/app")
UV = ROOT / ".tools" / "bin" / "uv"


@dataclass
class Stage:
    name: str
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)


def _stages() -> dict[str, Stage]:
    """The stages of the Containerfile by name, each with its instructions in order (line
    continuations joined, comments dropped)."""
    text = re.sub(r"\\\n", " ", CONTAINERFILE.read_text())
    stages: dict[str, Stage] = {}
    current: Stage | None = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword == "FROM":
            base, _, name = rest.partition(" AS ")
            current = stages[name.strip()] = Stage(name.strip(), base.strip())
        elif current is not None:
            current.instructions.append((keyword, rest.strip()))
    return stages


def _lineage(stages: dict[str, Stage], name: str) -> list[Stage]:
    """The stage and those it is built FROM, the first first."""
    chain = []
    while name in stages:
        chain.insert(0, stages[name])
        name = stages[name].base
    return chain


def _copy_sources(arguments: str) -> tuple[list[str], str]:
    words = [word for word in shlex.split(arguments) if not word.startswith("--")]
    return words[:-1], words[-1]


def _replay_until_syncs(stage_chain: list[Stage], context: Path) -> list[tuple[Path, Path, str]]:
    """Replay the COPYs of the build context into `context` (as /app), and give each
    `uv sync` RUN as (the directory it runs in, inside `context`; its environment's
    path in the image; the command), in order. A directory source is copied only when
    it is small (the project files a sync needs); code directories are not needed."""
    syncs: list[tuple[Path, Path, str]] = []
    for stage in stage_chain:
        for keyword, arguments in stage.instructions:
            if keyword == "COPY" and "--from=" not in arguments:
                sources, destination = _copy_sources(arguments)
                for source in sources:
                    path = ROOT / source.rstrip("/")
                    assert path.exists(), f"COPY {source}: not in the build context"
                    target = context / destination.lstrip("./")
                    if path.is_file():
                        if destination.endswith("/") or destination in {".", "./"}:
                            target = target / path.name
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, target)
            elif keyword == "RUN" and "uv sync" in arguments:
                command = arguments.split("uv sync", 1)[0]
                directory = context
                moved = re.search(r"\bcd\s+(\S+)", command)
                if moved:
                    directory = context / moved.group(1)
                environment = re.search(r"UV_PROJECT_ENVIRONMENT=(\S+)", command)
                venv = Path(environment.group(1)) if environment else WORKDIR / ".venv"
                syncs.append((directory, venv, "uv sync" + arguments.split("uv sync", 1)[1]))
    return syncs


def _lock_is_current(directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(UV), "lock", "--check", "--offline", "--no-progress"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def stages() -> dict[str, Stage]:
    return _stages()


@pytest.mark.parametrize("target", ["production", "dev"])
def test_every_uv_sync_of_the_image_finds_its_lock_current(
    stages: dict[str, Stage], target: str, tmp_path: Path
) -> None:
    if not UV.exists():
        pytest.skip(f"uv is not installed at {UV} (make install)")
    [copied_from] = [
        arguments.split("--from=", 1)[1].split()[0]
        for keyword, arguments in stages[target].instructions
        if keyword == "COPY" and "--from=" in arguments
    ]
    syncs = _replay_until_syncs(_lineage(stages, copied_from), tmp_path)
    assert syncs, "no uv sync in the image's build"
    for directory, _, command in syncs:
        assert "--locked" in command, f"{command}: the image installs exactly what is locked"
        checked = _lock_is_current(directory)
        assert checked.returncode == 0, (
            f"{command} in {directory.relative_to(tmp_path)}: {checked.stderr[-800:]}"
        )


def test_the_image_holds_the_validators_own_environment_where_the_service_runs_it(
    stages: dict[str, Stage], tmp_path: Path
) -> None:
    tool = validation.TOOL.relative_to(ROOT)
    expected_venv = WORKDIR / tool / ".venv"
    for target in ("production", "dev"):
        [copied_from] = [
            arguments.split("--from=", 1)[1].split()[0]
            for keyword, arguments in stages[target].instructions
            if keyword == "COPY" and "--from=" in arguments
        ]
        chain = _lineage(stages, copied_from)
        syncs = _replay_until_syncs(chain, tmp_path / target)
        validator = [(directory, venv) for directory, venv, _ in syncs if venv == expected_venv]
        assert validator, f"{target}: no uv sync makes {expected_venv}"
        [(directory, _)] = validator
        # It syncs the validator's own project and lock, not the workspace's.
        assert directory == tmp_path / target / tool
        assert (directory / "uv.lock").read_bytes() == (ROOT / tool / "uv.lock").read_bytes()
        # The script the service runs is in the image beside its environment.
        copied = [
            arguments
            for stage in chain
            for keyword, arguments in stage.instructions
            if keyword == "COPY" and "validate_903.py" in arguments
        ]
        assert copied, f"{target}: validate_903.py is not copied into the image"
    # The runtime names the interpreter (the service's default is the same path).
    runtime_env = " ".join(
        arguments for keyword, arguments in stages["runtime"].instructions if keyword == "ENV"
    )
    assert f"SSDA903_VALIDATOR_PYTHON={expected_venv}/bin/python" in runtime_env
    # The validator's Python is the image's: its project accepts the image's minor version.
    image = re.search(r"python:(\d+\.\d+)", CONTAINERFILE.read_text())
    assert image is not None
    requires = tomllib.loads((ROOT / tool / "pyproject.toml").read_text())["project"][
        "requires-python"
    ]
    minor = int(image.group(1).split(".")[1])
    assert f">=3.{minor}" in requires and f"<3.{minor + 1}" in requires, requires
