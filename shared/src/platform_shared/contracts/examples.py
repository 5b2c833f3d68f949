"""A status facts block to start tests and examples from, as it travels (JSON values).

The one example of the block for every package's tests: a looked-after 15-year-old of
Camden (E09000007) in a children's home in Derbyshire (E10000007), placed out of area.
Keyword overrides change any field, including to values the contract refuses (tests of
refusals start here too); the defaults themselves are checked against `StatusFacts`.
"""

from __future__ import annotations

from typing import Any

CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"


def status_facts_example(**overrides: Any) -> dict[str, Any]:
    """The example block with `overrides` applied."""
    block: dict[str, Any] = {
        "person_ref": "p_example00000000000001",
        "effective_date": "2026-06-01",
        "status": "looked_after",
        "care_leaver_category": None,
        "age": 15,
        "age_band": "14_15",
        "under_18": True,
        "under_25": True,
        "responsible_authority": CAMDEN,
        "area_authority": DERBYSHIRE,
        "placed_out_of_area": True,
        "legal_basis": "care_order",
        "youth_justice_order": False,
        "notify_personal_adviser_consent": "unknown",
        "placement_type": "childrens_home",
        "legal_basis_day_before": "care_order",
        "placement_provider": None,
        "short_break": False,
        "uasc": False,
    }
    block.update(overrides)
    return block
