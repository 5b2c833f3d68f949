"""SSDA903 imports (issue 16): uploads refused or accepted, the worker's load, its report,
re-imports that change nothing, a worker killed mid-import, and the mapping."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from care_status.children.models import Child
from care_status.imports import worker
from care_status.imports.corpus import broken_return, oversize, unusable
from care_status.imports.generator import generate_return
from care_status.imports.mapping import Row, map_child
from care_status.imports.models import Import, ImportedChild
from care_status.imports.worker import run_pending
from care_status.main import create_app
from care_status.placements.models import ProviderType
from care_status.settings import Settings
from platform_shared.contracts.events import EventOrigin
from platform_shared.outbox import OutboxEvent
from platform_shared.testing import InProcessService, serve_in_process

from .conftest import NOW

TODAY = date(2026, 11, 27)
CAMDEN = "E09000007"
DERBYSHIRE = "E10000007"
LEASE = timedelta(minutes=2)


def _form(files: dict[str, bytes], year: str = "2026/27", **fields: str) -> dict[str, Any]:
    return {
        "files": [("files", (name, content, "text/csv")) for name, content in files.items()],
        "data": {"collection_year": year, **fields},
    }


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> Any:
        return self.now


async def _run(service: InProcessService, clock: Clock | None = None) -> None:
    while await run_pending(service.session_factory, clock=clock or Clock(), lease=LEASE):
        pass


async def _upload_and_run(service: InProcessService, files: dict[str, bytes]) -> dict[str, Any]:
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/imports", **_form(files))
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "queued"
    await _run(service)
    answer = await camden.get(response.headers["Location"])
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def _events(service: InProcessService) -> list[OutboxEvent]:
    async with service.session_factory() as session:
        return list(await session.scalars(select(OutboxEvent).order_by(OutboxEvent.created_at)))


@pytest.fixture
async def small_limits(database_url: str, auth: Any) -> AsyncIterator[InProcessService]:
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        migrate_on_start=False,
        relay_in_process=False,
        import_max_bytes=200_000,
    )
    app = create_app(settings, clock=lambda: NOW)
    async with serve_in_process(app, tokens=auth.token, issuer_http=auth.http) as running:
        yield running


async def test_a_return_loads_once_and_again_changes_nothing(service: InProcessService) -> None:
    generated = generate_return(CAMDEN, 12, TODAY, seed=7)
    first = await _upload_and_run(service, generated.files())
    assert first["status"] == "done", first
    assert first["counts"]["children_created"] == 12
    assert first["counts"]["children_refused"] == 0
    assert [line for line in first["report"] if line["severity"] == "error"] == []
    assert first["progress"]["rows_done"] == first["progress"]["rows_total"]
    events = await _events(service)
    assert len(events) == first["counts"]["events_emitted"] > 0
    assert {event.data["origin"] for event in events} == {EventOrigin.IMPORT.value}
    assert {event.data["import_id"] for event in events} == {first["id"]}

    # URN and PLACE_PROVIDER are the placement's provider: its Ofsted reference and type.
    home = next(
        (child, episode)
        for child in generated.children
        for episode in child.episodes
        if episode.urn.startswith("SC")
    )
    async with service.session_factory() as session:
        child_id = await session.scalar(
            select(Child.id).where(Child.local_reference == home[0].child)
        )
    camden = await service.as_client("demo-camden")
    record = (await camden.get(f"/v1/children/{child_id}")).json()
    providers = {
        (p["start_date"], p["provider_urn"], p["provider_type"]) for p in record["placements"]
    }
    assert (home[1].decom.isoformat(), home[1].urn, "private") in providers

    again = await _upload_and_run(service, generated.files())
    assert again["counts"]["children_unchanged"] == 12
    assert again["counts"]["events_emitted"] == 0
    assert len(await _events(service)) == len(events)
    async with service.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Child)) == 12


async def test_the_xml_form_of_a_return_loads_as_its_csv_form(service: InProcessService) -> None:
    generated = generate_return(CAMDEN, 12, TODAY, seed=7)
    camden = await service.as_client("demo-camden")
    upload = await camden.post(
        "/v1/imports",
        files=[
            ("files", (name, content, "application/xml" if name.endswith(".xml") else "text/csv"))
            for name, content in generated.xml_files().items()
        ],
        data={"collection_year": "2026/27"},
    )
    assert upload.status_code == 202, upload.text
    await _run(service)
    first = (await camden.get(upload.headers["Location"])).json()
    assert first["status"] == "done", first
    # The DfE rules find nothing wrong in the XML form either.
    assert first["report"] == []
    assert first["counts"]["children_created"] == 12
    assert first["counts"]["events_emitted"] == len(await _events(service)) > 0
    async with service.session_factory() as session:
        names = set(await session.scalars(select(Child.family_name)))
    assert names == {child.family_name for child in generated.children}
    # The same return as CSV is the same children, episodes and care leavers: nothing new.
    again = await _upload_and_run(service, generated.files())
    assert again["counts"]["children_unchanged"] == 12, again
    assert again["counts"]["events_emitted"] == 0


async def test_a_corrected_date_emits_the_ended_event_only(service: InProcessService) -> None:
    generated = generate_return(CAMDEN, 12, TODAY, seed=8, care_leavers=0)
    await _upload_and_run(service, generated.files())
    before = len(await _events(service))
    moved = next(child for child in generated.children if len(child.episodes) == 2)
    # The move between the two placements was a day earlier than first returned.
    moved.episodes[0].dec = moved.episodes[1].decom = moved.episodes[1].decom - timedelta(days=1)
    result = await _upload_and_run(service, generated.files())
    assert result["counts"]["children_changed"] == 1, result["report"]
    assert result["counts"]["children_unchanged"] == 11
    new = (await _events(service))[before:]
    assert [event.type for event in new] == ["placement.ended"]
    assert new[0].data["end_date"] == moved.episodes[0].dec.isoformat()


async def test_the_broken_children_are_refused_whole_and_reported(
    service: InProcessService,
) -> None:
    files, broken = broken_return(CAMDEN, TODAY)
    result = await _upload_and_run(service, files)
    assert result["status"] == "done"
    assert result["counts"]["children_refused"] == len(broken)
    assert result["counts"]["children_created"] == 8 - len(broken)
    refused = {line["child"] for line in result["report"] if line["severity"] == "error"}
    assert refused == set(broken)
    for line in result["report"]:
        assert line["code"] and line["message"] and line["file"], line
    async with service.session_factory() as session:
        held = set(await session.scalars(select(Child.local_reference)))
    assert held.isdisjoint(broken)
    camden = await service.as_client("demo-camden")
    report = await camden.get(f"/v1/imports/{result['id']}/report", params={"format": "csv"})
    assert report.status_code == 200
    assert report.text.splitlines()[0] == "code,message,child,file,row,severity"
    assert all(ref in report.text for ref in broken)


@pytest.mark.parametrize("case", sorted(unusable(CAMDEN, TODAY)))
async def test_an_unusable_upload_is_refused_naming_what_is_wrong(
    service: InProcessService, case: str
) -> None:
    files, status, field = unusable(CAMDEN, TODAY)[case]
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/imports", **_form(files))
    assert response.status_code == status, response.text
    if field:
        assert response.json()["errors"][0]["field"] == field
    assert await _events(service) == []


async def test_an_upload_over_the_size_limit_is_refused(small_limits: InProcessService) -> None:
    camden = await small_limits.as_client("demo-camden")
    response = await camden.post("/v1/imports", **_form({"episodes.csv": oversize(200_000)}))
    assert response.status_code == 413, response.text


async def test_another_authoritys_return_and_an_unknown_year_are_refused(
    service: InProcessService,
) -> None:
    files = generate_return(CAMDEN, 2, TODAY).files()
    camden = await service.as_client("demo-camden")
    other = await camden.post("/v1/imports", **_form(files, authority=DERBYSHIRE))
    assert other.status_code == 403, other.text
    year = await camden.post("/v1/imports", **_form(files, year="2019/20"))
    assert year.status_code == 422
    assert year.json()["errors"][0]["field"] == "body.collection_year"
    police = await service.as_client("demo-met-custody")
    assert (await police.post("/v1/imports", **_form(files))).status_code == 403


async def test_an_import_is_seen_by_its_own_authority_only(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/imports", **_form(generate_return(CAMDEN, 2, TODAY).files()))
    derbyshire = await service.as_client("demo-derbyshire")
    assert (await derbyshire.get(response.headers["Location"])).status_code == 404
    assert (await camden.get(f"/v1/imports/{uuid.uuid4()}")).status_code == 404


async def test_a_retried_upload_with_its_key_answers_the_first_import(
    service: InProcessService,
) -> None:
    files = generate_return(CAMDEN, 3, TODAY, seed=12).files()
    camden = await service.as_client("demo-camden")
    key = {"Idempotency-Key": "upload-2026-11-27"}
    first = await camden.post("/v1/imports", headers=key, **_form(files))
    assert first.status_code == 202, first.text
    # The client draws a new multipart boundary for the retry: the same files all the same.
    again = await camden.post("/v1/imports", headers=key, **_form(dict(reversed(files.items()))))
    assert again.status_code == 202, again.text
    assert again.headers["Location"] == first.headers["Location"]
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    other_files = generate_return(CAMDEN, 3, TODAY, seed=13).files()
    reused = await camden.post("/v1/imports", headers=key, **_form(other_files))
    assert reused.status_code == 422, reused.text
    assert reused.json()["errors"][0]["field"] == "header.Idempotency-Key"
    other_year = await camden.post("/v1/imports", headers=key, **_form(files, year="2025/26"))
    assert other_year.status_code == 422, other_year.text
    async with service.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Import)) == 1
    # Without a key, an upload is a new import (which changes nothing when loaded again).
    unkeyed = await camden.post("/v1/imports", **_form(files))
    assert unkeyed.json()["id"] != first.json()["id"]
    # A key is the caller's own: another authority's same key is another request.
    derbyshire = await service.as_client("demo-derbyshire")
    theirs = generate_return(DERBYSHIRE, 2, TODAY, seed=14).files()
    their_upload = await derbyshire.post("/v1/imports", headers=key, **_form(theirs))
    assert their_upload.status_code == 202, their_upload.text
    assert their_upload.json()["id"] != first.json()["id"]
    await _run(service)
    done = (await camden.get(first.headers["Location"])).json()
    assert done["status"] == "done" and done["counts"]["children_created"] == 3


class _Killed(BaseException):
    """The worker's process dying mid-import (not an error it could handle)."""


async def test_a_worker_killed_mid_import_is_resumed_without_duplicates(
    service: InProcessService, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = generate_return(CAMDEN, 10, TODAY, seed=9)
    camden = await service.as_client("demo-camden")
    response = await camden.post("/v1/imports", **_form(generated.files()))
    real_load = worker.load_child
    calls = 0

    async def dies_at_the_fourth(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 4:
            raise _Killed
        return await real_load(*args, **kwargs)

    monkeypatch.setattr(worker, "load_child", dies_at_the_fourth)
    monkeypatch.setattr(worker, "BATCH_CHILDREN", 2)
    clock = Clock()
    with pytest.raises(_Killed):
        await run_pending(service.session_factory, clock=clock, lease=LEASE)
    half = await camden.get(response.headers["Location"])
    assert half.json()["status"] == "loading"
    assert 0 < half.json()["progress"]["rows_done"] < half.json()["progress"]["rows_total"]
    # Until its lease runs out, no other worker takes the import.
    assert await run_pending(service.session_factory, clock=clock, lease=LEASE) == 0
    clock.now += LEASE + timedelta(seconds=1)
    await _run(service, clock)
    done = (await camden.get(response.headers["Location"])).json()
    assert done["status"] == "done"
    assert done["counts"]["children_created"] == 10
    events = await _events(service)
    assert len(events) == done["counts"]["events_emitted"]
    started = Counter(e.data.get("placement_id") for e in events if e.type == "placement.started")
    assert started and set(started.values()) == {1}
    async with service.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Child)) == 10
        assert await session.scalar(select(func.count()).select_from(ImportedChild)) == 10


def _rows(file: str, *rows: dict[str, str]) -> list[Row]:
    return [Row(file, index, values) for index, values in enumerate(rows)]


def _episode(decom: str, dec: str, rne: str, ls: str, place: str, post: str) -> dict[str, str]:
    return {"CHILD": "1", "DECOM": decom, "DEC": dec, "RNE": rne, "LS": ls, "PLACE": place,
            "PL_POST": post, "REC": "X1" if dec else "", "URN": "XXXXXXX"}  # fmt: skip


def test_episodes_map_to_legal_statuses_and_placements() -> None:
    header = _rows("header.csv", {"CHILD": "1", "SEX": "F", "DOB": "01/02/2012", "ETHNIC": "WBRI"})
    episodes = _rows(
        "episodes.csv",
        _episode("01/03/2024", "01/06/2024", "S", "V2", "U4", "NW5 1GH"),
        _episode("01/06/2024", "01/09/2025", "L", "C2", "U4", "NW5 1GH"),
        _episode("01/09/2025", "", "P", "C2", "K2", "DE4 5AN"),
    )
    areas = {"NW5 1GH": ["E09000007"], "DE4 5AN": ["E10000007"]}
    child, warnings = map_child(
        "1",
        {"Header": header, "Episodes": episodes},
        areas=areas,
        authorities={CAMDEN, DERBYSHIRE},
        provider_codes={},
    )
    assert warnings == []
    assert [(s.basis.value, s.start, s.end) for s in child.legal_statuses] == [
        ("section_20", date(2024, 3, 1), date(2024, 6, 1)),
        ("care_order_s31", date(2024, 6, 1), None),
    ]
    # A change of legal status alone (RNE L) is the same placement.
    assert [
        (p.placement_type.value, p.area_authority, p.start, p.end) for p in child.placements
    ] == [
        ("foster", CAMDEN, date(2024, 3, 1), date(2025, 9, 1)),
        ("childrens_home", DERBYSHIRE, date(2025, 9, 1), None),
    ]


def test_short_breaks_and_an_area_that_spans_authorities() -> None:
    header = _rows("header.csv", {"CHILD": "1", "SEX": "M", "DOB": "01/02/2012", "ETHNIC": "AIND"})
    episodes = _rows("episodes.csv", _episode("01/03/2026", "", "S", "V3", "U6", "W10 4"))
    child, warnings = map_child(
        "1",
        {"Header": header, "Episodes": episodes},
        areas={"W10 4": ["E09000005", "E09000033"]},
        authorities={"E09000005", "E09000033"},
        provider_codes={},
    )
    assert child.legal_statuses[0].short_break is True
    # Not guessed: the placement's area is unknown, and the report says why.
    assert child.placements == []
    [warning] = warnings
    assert warning.code == "MAP_AREA" and "spans 2 authorities" in warning.message


def test_urn_and_place_provider_are_the_placements_provider() -> None:
    header = _rows("header.csv", {"CHILD": "1", "SEX": "F", "DOB": "01/02/2012", "ETHNIC": "WBRI"})
    home = {**_episode("01/03/2025", "01/06/2025", "S", "C2", "K2", "NW5 1GH"), "URN": "SC123456"}
    same_home = {**_episode("01/06/2025", "", "L", "C1", "K2", "NW5 1GH"), "URN": "SC123456"}
    rows = {"Header": header, "Episodes": _rows("episodes.csv", {**home, "PLACE_PROVIDER": "PR4"},
                                                {**same_home, "PLACE_PROVIDER": "PR4"})}  # fmt: skip
    child, warnings = map_child(
        "1", rows, areas={"NW5 1GH": [CAMDEN]}, authorities={CAMDEN}, provider_codes={}
    )
    assert warnings == []
    [placement] = child.placements
    assert (placement.provider_urn, placement.provider_type) == ("SC123456", ProviderType.PRIVATE)
    assert placement.provider is None  # no organisation of the reference data has this URN
    # A foster placement with the authority's own carers: no Ofsted reference of its own.
    foster = {**_episode("01/03/2025", "", "S", "C2", "U4", "NW5 1GH"), "PLACE_PROVIDER": "PR1"}
    child, _ = map_child(
        "1",
        {"Header": header, "Episodes": _rows("episodes.csv", foster)},
        areas={"NW5 1GH": [CAMDEN]},
        authorities={CAMDEN},
        provider_codes={},
    )
    assert (child.placements[0].provider_urn, child.placements[0].provider_type) == (
        None,
        ProviderType.OWN_AUTHORITY,
    )
    # An unknown provider code is reported and left unknown: the child still loads.
    unknown = {**foster, "PLACE_PROVIDER": "PR9"}
    child, warnings = map_child(
        "1",
        {"Header": header, "Episodes": _rows("episodes.csv", unknown)},
        areas={"NW5 1GH": [CAMDEN]},
        authorities={CAMDEN},
        provider_codes={},
    )
    assert child.placements[0].provider_type is None
    [warning] = warnings
    assert (warning.code, warning.severity) == ("MAP_CODE", "warning")
    assert "PLACE_PROVIDER" in warning.message


def _gauges(text: str) -> dict[str, float]:
    return {
        sample.name + "".join(f"|{value}" for value in sample.labels.values()): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name.startswith("care_status_import")
    }


async def test_metrics_show_the_imports_queued_then_done(service: InProcessService) -> None:
    camden = await service.as_client("demo-camden")
    anonymous = await service.as_client(None)
    generated = generate_return(CAMDEN, 3, TODAY, seed=11)
    before = _gauges((await anonymous.get("/metrics")).text)
    assert before["care_status_imports|queued"] == 0
    assert before["care_status_imports|done"] == 0

    response = await camden.post("/v1/imports", **_form(generated.files()))
    assert response.status_code == 202, response.text
    queued = _gauges((await anonymous.get("/metrics")).text)
    assert queued["care_status_imports|queued"] == 1

    await _run(service)
    done = _gauges((await anonymous.get("/metrics")).text)
    assert done["care_status_imports|queued"] == 0
    assert done["care_status_imports|done"] == 1
    # Nothing is under way any more: no rows left to load.
    assert done["care_status_import_rows"] == done["care_status_import_rows_done"] == 0
