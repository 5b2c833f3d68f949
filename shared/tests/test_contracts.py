"""The contracts every service reads: one vocabulary, one facts block, one set of events."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

from platform_shared.contracts.events import (
    EVENT_DATA,
    EVENT_SOURCE,
    CloudEvent,
    EventDetails,
    EventSource,
    EventType,
    PlacementStarted,
)
from platform_shared.contracts.examples import status_facts_example
from platform_shared.contracts.facts import STATUS_FACT_FIELDS, StatusFacts
from platform_shared.contracts.vocabularies import Ethnicity, EthnicityInput, Sex, SexInput


@pytest.mark.parametrize(
    ("written", "read"),
    [("not_known", Sex.NOT_STATED), ("not_stated", Sex.NOT_STATED), ("female", Sex.FEMALE)],
)
def test_sex_on_input_reads_the_legacy_spelling_as_the_new_word(written: str, read: Sex) -> None:
    assert TypeAdapter(SexInput).validate_python(written) is read


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("not_yet_obtained", Ethnicity.INFORMATION_NOT_YET_OBTAINED),
        ("information_not_yet_obtained", Ethnicity.INFORMATION_NOT_YET_OBTAINED),
        ("arab", Ethnicity.ARAB),
    ],
)
def test_ethnicity_on_input_reads_the_legacy_spelling_as_the_new_word(
    written: str, read: Ethnicity
) -> None:
    assert TypeAdapter(EthnicityInput).validate_python(written) is read


def test_a_word_in_neither_vocabulary_is_refused() -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(SexInput).validate_python("unknown")


def test_the_facts_block_reads_every_field() -> None:
    block = StatusFacts.model_validate(status_facts_example(effective_date="2024-05-01"))

    assert block.effective_date == date(2024, 5, 1)
    assert tuple(block.model_dump()) == STATUS_FACT_FIELDS


@pytest.mark.parametrize("field", ["area_authority", "placement_type", "under_18"])
def test_the_facts_block_refuses_a_missing_field_even_one_that_may_be_null(field: str) -> None:
    block = status_facts_example()
    del block[field]

    with pytest.raises(ValidationError) as raised:
        StatusFacts.model_validate(block)

    assert [error["loc"] for error in raised.value.errors()] == [(field,)]


@pytest.mark.parametrize("value", ["true", 1, "yes"])
def test_the_facts_block_refuses_a_bool_that_is_not_a_json_bool(value: object) -> None:
    with pytest.raises(ValidationError) as raised:
        StatusFacts.model_validate(status_facts_example(under_18=value))

    assert [error["type"] for error in raised.value.errors()] == ["bool_type"]


def test_the_facts_block_refuses_an_age_written_as_text() -> None:
    with pytest.raises(ValidationError):
        StatusFacts.model_validate(status_facts_example(age="15"))


def test_the_facts_block_ignores_fields_it_does_not_know() -> None:
    block = StatusFacts.model_validate(status_facts_example(placement_id="pl-1"))

    assert "placement_id" not in block.model_dump()


def test_event_data_is_the_facts_block_and_the_fields_of_its_type() -> None:
    data = PlacementStarted.model_validate(
        status_facts_example(
            placement_id="pl-1", start_date="2024-05-01", emergency=False, provider=None
        )
    )

    assert data.placement_id == "pl-1"
    assert data.responsible_authority == "E09000007"


def test_every_event_type_has_a_data_model_and_a_source() -> None:
    assert set(EVENT_DATA) == set(EventType) == set(EVENT_SOURCE)
    assert EVENT_SOURCE[EventType.PLACEMENT_STARTED] is EventSource.CARE_STATUS_API
    assert EVENT_SOURCE[EventType.CUSTODY_DETAINED] is EventSource.INCIDENT_API


def test_the_envelope_refuses_an_instant_without_an_offset() -> None:
    with pytest.raises(ValidationError):
        CloudEvent.model_validate(
            {
                "specversion": "1.0",
                "id": "1",
                "source": "x",
                "type": "charged",
                "time": "2024-05-01T10:00:00",
            }
        )


def test_event_details_are_each_optional() -> None:
    details = EventDetails.model_validate({})

    assert details.model_dump(exclude_none=True) == {}


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("start_date", 20240501, "value_error"),
        ("sentenced_on", 20240501, "value_error"),
        ("occurred_at", "2024-05-01T10:00:00", "timezone_aware"),
        ("emergency", "yes", "bool_type"),
        ("placement_id", "", "string_too_short"),
        ("basis", "care_order", "enum"),
    ],
    ids=[
        "iso-date-as-number",
        "nullable-date-as-number",
        "naive-instant",
        "bool-as-text",
        "empty-id",
        "basis-category-not-detailed",
    ],
)
def test_event_details_keep_each_fields_validators(field: str, value: object, error: str) -> None:
    with pytest.raises(ValidationError) as raised:
        EventDetails.model_validate({field: value})

    assert [e["type"] for e in raised.value.errors()] == [error]


def test_event_details_read_an_iso_date_written_as_text() -> None:
    details = EventDetails.model_validate({"start_date": "2024-05-01"})

    assert details.start_date == date(2024, 5, 1)  # type: ignore[attr-defined]


def test_the_example_status_facts_block_meets_the_contract() -> None:
    facts = StatusFacts.model_validate(status_facts_example())

    assert facts.placed_out_of_area is True
    assert facts.responsible_authority == "E09000007"
