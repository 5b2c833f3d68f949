"""The OpenAPI document: readable operation ids, scopes and named schemas."""

from __future__ import annotations

from typing import Any

from incidents.main import create_app

OPERATIONS = {
    ("post", "/v1/incidents"): ("incidents.create_incident", ["incidents:write"]),
    ("get", "/v1/incidents"): ("incidents.list_incidents", ["incidents:read"]),
    ("get", "/v1/incidents/{incident_id}"): ("incidents.get_incident", ["incidents:read"]),
    ("patch", "/v1/incidents/{incident_id}"): ("incidents.update_incident", ["incidents:write"]),
    ("get", "/v1/incidents/{incident_id}/cps-checklist"): (
        "checklists.get_cps_checklist",
        ["incidents:read"],
    ),
    ("put", "/v1/incidents/{incident_id}/cps-checklist/{section}"): (
        "checklists.put_cps_checklist_section",
        ["incidents:write"],
    ),
    ("get", "/v1/reports/monitoring"): ("reports.get_monitoring_figures", ["reports:read"]),
    ("get", "/v1/reports/national-measure"): ("reports.get_national_measure", ["reports:read"]),
}


def _document() -> dict[str, Any]:
    document: dict[str, Any] = create_app().openapi()
    return document


def test_every_operation_has_its_id_summary_and_scopes() -> None:
    paths = _document()["paths"]

    for (method, path), (operation_id, scopes) in OPERATIONS.items():
        operation = paths[path][method]
        assert operation["operationId"] == operation_id
        assert operation["summary"]
        assert operation["description"]
        granted = {scope for entry in operation["security"] for scope in entry["oauth2"]}
        assert set(scopes) <= granted, operation_id


def test_responses_are_named_schemas() -> None:
    paths = _document()["paths"]

    created = paths["/v1/incidents"]["post"]["responses"]["201"]["content"]["application/json"]
    listed = paths["/v1/incidents"]["get"]["responses"]["200"]["content"]["application/json"]
    report = paths["/v1/reports/monitoring"]["get"]["responses"]["200"]["content"]

    assert created["schema"] == {"$ref": "#/components/schemas/IncidentOut"}
    assert listed["schema"] == {"$ref": "#/components/schemas/IncidentPage"}
    assert report["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MonitoringFigures"
    }
    assert "text/csv" in report


def test_revision_2_request_fields_are_described() -> None:
    schemas = _document()["components"]["schemas"]
    create = schemas["IncidentCreate"]["properties"]
    update = schemas["IncidentUpdate"]["properties"]

    for name in (
        "measure_of_control",
        "measure_planned_in_ehc_plan",
        "related_incident_id",
        "london_incident_level",
        "child_told_at",
        "child_challenge",
        "send_or_disability",
        "hearing_date",
    ):
        assert create[name].get("description"), name
    for name in ("child_told_at", "child_challenge", "send_or_disability", "hearing_date"):
        assert update[name].get("description"), name


def test_the_two_facts_shapes_are_typed_and_described() -> None:
    """Issue 15 finding 2: `status_facts` (whole, for the child's authorities) and
    `status_summary` (lookup level, for every reader) are documented shapes."""
    schemas = _document()["components"]["schemas"]
    incident = schemas["IncidentOut"]["properties"]
    summary = schemas["StatusSummary"]["properties"]

    assert "care-status:read" in incident["status_facts"]["description"]
    assert incident["status_summary"]["description"]
    assert set(summary) == {
        "person_ref",
        "effective_date",
        "status",
        "under_25",
        "responsible_authority",
        "placed_out_of_area",
        "area_authority",
    }
