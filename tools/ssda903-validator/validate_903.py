"""Run the DfE SSDA903 rules (csc-validator-be-903) on one return; print JSON on stdout.

    python validate_903.py --authority E09000007 --year 2025/26 FILE...

Called by care-status-api across a process boundary (its own environment: the validator
pins pandas<2 and numpy<1.25). The output is one JSON object:

    {"issues": [{"code", "message", "child", "table", "row"}],
     "areas": {"<PL_POST>": ["<GSS code>", ...]},   # every authority the postcode spans
     "upload_error": null | "<why the files cannot be read>"}

`row` is the 0-based data row of `table` (the validator's index). Nothing is written.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import math
import sys
from pathlib import Path
from typing import Any


def _ruleset(year: str) -> str:
    start = year[:4]
    end = year[-2:]
    return f"lac{start}_{end}"


def _areas(episodes: Any) -> dict[str, list[str]]:
    """Each distinct PL_POST, and the upper-tier authorities of the postcodes it covers.

    A full postcode lies in one authority; a partial one (the sector, as the return
    usually holds it) may span several, and then the caller leaves the area unknown.
    """
    from lac_validator.datastore import la_df, postcodes

    if episodes is None or "PL_POST" not in episodes.columns:
        return {}
    values = sorted(
        {str(v).upper().strip() for v in episodes["PL_POST"].dropna() if str(v).strip()}
    )
    postcodes.load_postcodes({v[0] for v in values})
    frame = postcodes.dataframe
    ltla_to_utla = dict(zip(la_df["LTLA21CD"], la_df["UTLA21CD"], strict=False))
    areas: dict[str, list[str]] = {}
    for value in values:
        key = value.replace(" ", "")
        matched = frame[frame["pcd_abbr"].str.startswith(key)] if key else frame.iloc[0:0]
        exact = matched[matched["pcd_abbr"] == key]
        rows = exact if len(exact) else matched
        authorities = sorted(
            {ltla_to_utla.get(str(code), str(code)) for code in rows["laua"].dropna().unique()}
        )
        areas[value] = authorities
    return areas


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--authority", required=True)
    parser.add_argument("--year", required=True, help="collection year, e.g. 2025/26")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)

    from lac_validator.lac_validator import LacValidator
    from lac_validator.types import UploadError

    try:
        module = importlib.import_module(f"lac_validator.rules.{_ruleset(args.year)}")
    except ModuleNotFoundError:
        json.dump(
            {"issues": [], "areas": {}, "upload_error": f"no rules for {args.year}"}, sys.stdout
        )
        return 0
    registry = module.registry
    files = [
        {"name": Path(f).name, "file_content": Path(f).read_bytes(), "description": "This year"}
        for f in args.files
    ]
    # The validator's "collectionYear" is the year the collection ends (2026/27: 2027).
    metadata = {"collectionYear": str(int(args.year[:4]) + 1), "localAuthority": args.authority}
    try:
        # Some rules print to stdout: the JSON answer alone must go there.
        with contextlib.redirect_stdout(sys.stderr):
            validator = LacValidator(metadata=metadata, files=files, registry=registry)
            areas = _areas(validator.dfs.get("Episodes"))
    except (UploadError, ValueError, KeyError) as error:
        json.dump({"issues": [], "areas": {}, "upload_error": str(error)}, sys.stdout)
        return 0
    messages = {str(rule.code): str(rule.message) for rule in registry.values()}
    fields = {str(rule.code): sorted(rule.affected_fields or ()) for rule in registry.values()}
    issues: list[dict[str, Any]] = []
    for table, frame in validator.ds_results.items():
        if table == "metadata" or not hasattr(frame, "columns"):
            continue
        for column in [c for c in frame.columns if str(c).startswith("ERR_")]:
            code = str(column)[4:]
            failing = frame[frame[column] == True]  # noqa: E712 - a pandas mask
            for row, child in zip(
                failing.index, failing.get("CHILD", [None] * len(failing)), strict=False
            ):
                child_value = (
                    None
                    if child is None or (isinstance(child, float) and math.isnan(child))
                    else str(child)
                )
                issues.append(
                    {
                        "code": code,
                        "message": messages.get(code, ""),
                        "child": child_value,
                        "table": table,
                        "row": int(row),
                        "fields": fields.get(code, []),
                    }
                )
    json.dump({"issues": issues, "areas": areas, "upload_error": None}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
