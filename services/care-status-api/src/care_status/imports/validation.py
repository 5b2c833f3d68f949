"""The DfE rules, run by `csc-validator-be-903` in its own environment (a subprocess).

The validator pins pandas<2 and numpy<1.25, which the workspace cannot share: it lives
in `tools/ssda903-validator/` (its own uv project and lock, synced by `make install`)
and answers JSON (`validate_903.py`). Its rule codes and messages are reported as they
are; a failure of a rule on a field the mapping reads refuses the child.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: tools/ssda903-validator, from this file (services/care-status-api/src/care_status/...).
TOOL = Path(__file__).resolve().parents[5] / "tools" / "ssda903-validator"

#: The fields the mapping reads: a DfE rule failing on one of them refuses the child.
MAPPED_FIELDS = frozenset(
    {"CHILD", "DOB", "SEX", "ETHNIC", "DECOM", "DEC", "RNE", "LS", "PLACE", "REC", "PL_POST"}
)


class ValidatorUnavailable(Exception):
    """The validator could not be run (not installed, crashed): the import is retried."""


@dataclass(frozen=True)
class RuleFailure:
    code: str
    message: str
    child: str | None
    table: str
    row: int
    fields: tuple[str, ...]

    @property
    def critical(self) -> bool:
        return not self.fields or bool(MAPPED_FIELDS & set(self.fields))


@dataclass
class ValidationResult:
    failures: list[RuleFailure] = field(default_factory=list)
    areas: dict[str, list[str]] = field(default_factory=dict)
    upload_error: str | None = None


def validator_python() -> Path:
    configured = os.environ.get("SSDA903_VALIDATOR_PYTHON")
    return Path(configured) if configured else TOOL / ".venv" / "bin" / "python"


def _result(answer: dict[str, Any]) -> ValidationResult:
    return ValidationResult(
        failures=[
            RuleFailure(
                code=str(issue["code"]),
                message=str(issue["message"]),
                child=issue.get("child"),
                table=str(issue["table"]),
                row=int(issue["row"]),
                fields=tuple(issue.get("fields") or ()),
            )
            for issue in answer.get("issues", [])
        ],
        areas={key: list(value) for key, value in answer.get("areas", {}).items()},
        upload_error=answer.get("upload_error"),
    )


async def validate(
    files: Sequence[tuple[str, bytes]], *, authority: str, collection_year: str
) -> ValidationResult:
    """The validator's answer on the files (names and contents) of one return."""
    python = validator_python()
    if not python.exists():
        raise ValidatorUnavailable(f"the SSDA903 validator is not installed ({python})")
    with tempfile.TemporaryDirectory(prefix="ssda903-") as directory:
        paths = []
        for index, (name, content) in enumerate(files):
            path = Path(directory) / f"{index}-{Path(name).name}"
            path.write_bytes(content)
            paths.append(str(path))
        process = await asyncio.create_subprocess_exec(
            str(python),
            str(TOOL / "validate_903.py"),
            "--authority",
            authority,
            "--year",
            collection_year,
            *paths,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await process.communicate()
    if process.returncode != 0:
        raise ValidatorUnavailable(
            f"the SSDA903 validator failed ({process.returncode}): {stderr.decode()[-500:]}"
        )
    try:
        answer = json.loads(stdout)
    except json.JSONDecodeError as error:
        raise ValidatorUnavailable("the SSDA903 validator answered no JSON") from error
    # The validator names files by table; the rows are mapped back to the uploaded names.
    return _result(answer)
