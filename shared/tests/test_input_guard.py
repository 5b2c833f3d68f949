"""What the edge refuses in any request (issue 15), and logs without values."""

from __future__ import annotations

import json
import logging

import pytest

from platform_shared.observability import JsonFormatter
from platform_shared.tracebacks import without_values
from platform_shared.web.input_guard import (
    MAX_JSON_DEPTH,
    body_issues,
    forbidden_character,
    query_issues,
    too_deep,
)


def _fields(raw: bytes) -> list[str]:
    return [issue.field for issue in body_issues(raw)]


@pytest.mark.parametrize(
    "character", ["\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x80", "\x9f", "\ud800"]
)
def test_control_characters_and_lone_surrogates_are_named(character: str) -> None:
    raw = json.dumps({"child": {"names": ["Amelia", f"A{character}"]}}).encode()
    assert _fields(raw) == ["body.child.names.1"]
    assert forbidden_character(character) is not None


def test_raw_del_and_c1_bytes_are_found_without_an_escape() -> None:
    assert _fields('{"name": "A\x7f", "other": "B\u0085"}'.encode()) == ["body.name", "body.other"]


@pytest.mark.parametrize("text", ["Line one\r\nLine two\tend", "Zoë O'Brien-Ńowak", "名前 🙂"])
def test_text_with_line_breaks_tabs_and_any_script_passes(text: str) -> None:
    assert body_issues(json.dumps({"description": text}).encode()) == []
    assert body_issues(json.dumps({"description": text}, ensure_ascii=False).encode()) == []


def test_a_member_name_with_a_control_character_is_named_by_its_parent() -> None:
    assert _fields(b'{"data": {"a\\u0000b": 1}}') == ["body.data"]


def test_nesting_is_counted_outside_strings_only() -> None:
    assert not too_deep(json.dumps({"text": "[" * 1000}).encode())
    assert not too_deep(("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH).encode())
    assert too_deep(("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)).encode())
    escaped = '{"a": "\\"[[[[", "b": ' + "[" * 40 + "]" * 40 + "}"
    assert too_deep(escaped.encode())
    assert _fields(("{" * 50_000).encode()) == ["body"]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (b'{"n": 9223372036854775808}', "body.n"),
        (b'{"n": -9223372036854775809}', "body.n"),
        (b'{"n": [1, NaN]}', "body.n.1"),
        (b'{"n": Infinity}', "body.n"),
        (b'{"n": 1e999}', "body.n"),
    ],
)
def test_integers_past_64_bits_and_numbers_that_are_not_finite_are_named(
    raw: bytes, field: str
) -> None:
    assert _fields(raw) == [field]


def test_numbers_within_range_and_long_digit_strings_pass() -> None:
    assert body_issues(b'{"n": 9223372036854775807, "f": 1e300, "s": "12345678901234567890"}') == []


def test_a_body_that_is_not_json_is_left_to_the_route() -> None:
    assert body_issues(b'{"n": "\\u0000"') == []
    assert body_issues(b"\xff\xfe") == []


def test_query_parameters_are_named() -> None:
    issues = query_issues(b"person_ref=p_%00&limit=1&from=2026-01-01")
    assert [issue.field for issue in issues] == ["query.person_ref"]
    assert [i.field for i in query_issues(b"a%01b=1")] == ["query"]
    assert query_issues(b"rule=placement-out-of-area&note=a%0D%0Ab") == []


PERSONAL = "Amelia Nobody 2011-05-04 9434765919"


def test_a_logged_exception_keeps_its_frames_and_types_but_not_its_messages() -> None:
    try:
        try:
            raise ValueError(PERSONAL)
        except ValueError as error:
            raise RuntimeError(f"parameters: {PERSONAL!r}") from error
    except RuntimeError as error:
        caught = error
    text = without_values(caught)
    assert "ValueError" in text and "RuntimeError" in text
    assert "test_input_guard.py" in text
    assert "Amelia" not in text and "9434765919" not in text

    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), None)
    record.exc_info = (RuntimeError, caught, caught.__traceback__)
    line = json.loads(JsonFormatter("test").format(record))
    assert "RuntimeError" in line["exception"]
    assert "Amelia" not in json.dumps(line)
