"""The rule file: validated at start, listed over the API, local windows overridable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notify.main import create_app
from notify.rules.catalogue import RuleFileError, load_catalogue, load_rule_file
from platform_shared.testing import InProcessService

from .conftest import make_settings

RULES_MD_IDS = {
    "placement-out-of-area",
    "placement-out-of-area-yjs-order",
    "care-leaver-placed-out-of-area",
    "police-contact-looked-after",
    "custody-child-appropriate-adult",
    "police-contact-care-leaver",
    "police-contact-care-leaver-no-consent",
    "incident-in-placement",
    "cps-checklist-due",
    "london-child-information-form",
    "restraint-measure-record",
    "restraint-measure-record-signed",
    "restraint-measure-record-child",
    "sentenced-care-order-first-visit",
    "sentenced-care-order-visits",
    "detained-section-20-visit",
    "release-arrangements-confirmed",
    "release-pathway-plan-review",
    # rules.md Revision 2
    "placement-ended-out-of-area",
    "incident-in-placement-care-leaver",
    "incident-in-placement-care-leaver-no-consent",
    "exploitation-concern",
    "court-hearing-social-worker",
    "release-day-collection",
    "care-leaver-custody-visits",
}


def test_rule_file_has_every_rule_of_rules_md_each_citing_a_seed() -> None:
    rule_file = load_rule_file()

    assert {rule.id for rule in rule_file.rules} == RULES_MD_IDS
    seeds = _listed_seeds()
    for rule in rule_file.rules:
        assert rule.citation
        assert re.fullmatch(SEED_NAME, rule.source), rule.id
        assert rule.source in seeds, rule.id


#: A seed file's name: its number and a digest of its text.
SEED_NAME = r"\d{3}_[0-9a-f]{16}\.txt"
README = Path(__file__).resolve().parents[1] / "README.md"


def _listed_seeds() -> set[str]:
    """The seed files the service's README lists (its "Seed documents" table)."""
    section = README.read_text(encoding="utf-8").split("### Seed documents", 1)[1]
    listed = set(re.findall(rf"^\| `({SEED_NAME})` \|", section, flags=re.MULTILINE))
    assert listed, "the README lists no seed documents"
    return listed


async def test_rules_are_listed_with_version_basis_and_citation(
    service: InProcessService,
) -> None:
    police = await service.as_client("demo-met-custody")

    response = await police.get("/v1/rules")

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "2026.3"
    by_id = {rule["id"]: rule for rule in body["items"]}
    assert set(by_id) == RULES_MD_IDS
    assert by_id["placement-out-of-area"]["basis"] == "statutory"
    assert "reg 13" in by_id["placement-out-of-area"]["citation"]


async def test_listing_rules_needs_the_scope(service: InProcessService) -> None:
    platform = await service.as_client("platform-services")

    response = await platform.get("/v1/rules")

    assert response.status_code == 403


def test_a_local_policy_window_can_be_overridden() -> None:
    catalogue = load_catalogue(overrides={"police-contact-looked-after": "PT1H"})

    rule = catalogue.get("police-contact-looked-after")

    assert rule is not None
    assert (rule.deadlines[0].unit, rule.deadlines[0].amount) == ("hours", 1)


def test_overriding_a_statutory_window_stops_the_service(tmp_path: Path) -> None:
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path}/n.db",
        rule_windows={"placement-out-of-area": {"working_days": 10}},
    )

    with pytest.raises(RuleFileError, match="placement-out-of-area is statutory"):
        create_app(settings)


def test_overriding_an_unknown_rule_stops_the_service() -> None:
    with pytest.raises(RuleFileError, match="no rule 'no-such-rule'"):
        load_catalogue(overrides={"no-such-rule": "PT1H"})


def test_an_override_that_is_not_a_window_stops_the_service() -> None:
    with pytest.raises(RuleFileError, match="not a window"):
        load_catalogue(overrides={"police-contact-looked-after": "soon"})


def test_a_bad_rule_file_names_the_rule_and_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        """
version: "1"
rules:
  - id: broken-rule
    title: A rule with an hours window anchored on a date
    events: [placement.started]
    recipients: [{role: area_authority}]
    deadlines:
      - {anchor: [start_date], direction: after, unit: hours, amount: 2}
    basis: protocol
    citation: nowhere
    source: nowhere.txt
""",
        encoding="utf-8",
    )

    with pytest.raises(RuleFileError, match=r"rule 'broken-rule', deadlines\.0.*instant"):
        load_catalogue(bad)


def test_a_rule_naming_an_unknown_data_field_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        """
version: "1"
rules:
  - id: typo
    title: A condition on a field no event carries
    events: [placement.started]
    conditions: {stauts: looked_after}
    recipients: [{role: area_authority}]
    deadlines: [{anchor: [start_date], direction: after, unit: working_days, amount: 1}]
    basis: protocol
    citation: nowhere
    source: nowhere.txt
""",
        encoding="utf-8",
    )

    with pytest.raises(RuleFileError, match="unknown data fields: stauts"):
        load_catalogue(bad)


def test_a_rule_without_a_duty_holder_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        """
version: "1"
rules:
  - id: nobodys-duty
    title: A rule that does not say whose duty it is
    events: [placement.started]
    recipients: [{role: area_authority}]
    deadlines: [{anchor: [start_date], direction: after, unit: working_days, amount: 1}]
    basis: protocol
    citation: nowhere
    source: nowhere.txt
""",
        encoding="utf-8",
    )

    with pytest.raises(RuleFileError, match=r"rule 'nobodys-duty'.*duty_holder"):
        load_catalogue(bad)


def test_a_duty_holder_role_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        """
version: "1"
rules:
  - id: odd-holder
    title: A duty held by a role no data names
    events: [placement.started]
    duty_holder: the_mayor
    recipients: [{role: area_authority}]
    deadlines: [{anchor: [start_date], direction: after, unit: working_days, amount: 1}]
    basis: protocol
    citation: nowhere
    source: nowhere.txt
""",
        encoding="utf-8",
    )

    with pytest.raises(RuleFileError, match="rule 'odd-holder', duty_holder"):
        load_catalogue(bad)


def test_a_rule_addressing_the_services_own_escalation_role_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(
        """
version: "1"
rules:
  - id: self-escalating
    title: A rule that addresses the escalation route itself
    events: [placement.started]
    duty_holder: responsible_authority
    recipients: [{role: escalation}]
    deadlines: [{anchor: [start_date], direction: after, unit: working_days, amount: 1}]
    basis: protocol
    citation: nowhere
    source: nowhere.txt
""",
        encoding="utf-8",
    )

    with pytest.raises(RuleFileError, match=r"rule 'self-escalating', recipients\.0.*escalation"):
        load_catalogue(bad)


def test_the_command_refuses_to_start_with_a_statutory_override(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "NOTIFY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/n.db",
        "NOTIFY_RULE_WINDOWS": '{"restraint-measure-record": "PT72H"}',
    }

    finished = subprocess.run(
        [sys.executable, "-m", "notify", "deliver"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 1
    assert "restraint-measure-record is statutory" in finished.stderr
