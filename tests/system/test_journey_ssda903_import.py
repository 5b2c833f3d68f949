"""Issue 16: Camden onboards from its SSDA903 return, and keeps current by the next one.

The return is generated (`care_status.imports.generator`: the DfE rules report no error
on it), uploaded to `POST /v1/imports`, loaded by the import worker (its own process),
and its events go to notify-api as any others, marked `origin: import`.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from journeys import CAMDEN, DERBYSHIRE, london_today, lookup, unique_family_name
from platform_harness import BIN, REPO, Platform, eventually
from sqlalchemy import text

from care_status.imports.generator import POSTCODES, Episode, Return, generate_return
from platform_shared.db import create_engine

pytestmark = [pytest.mark.system]

REG_13 = "placement-out-of-area"


@pytest.fixture(scope="module", autouse=True)
def import_worker(platform: Platform) -> Iterator[None]:
    platform.start("import-worker", "care-status-api", "import-worker")
    yield
    platform.stop("import-worker")


async def _query(url: str, statement: str) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return list((await connection.execute(text(statement))).all())
    finally:
        await engine.dispose()


async def _outbox(platform: Platform) -> list[tuple[str, str]]:
    """care-status-api's outbox: (type, status) of every event, oldest first."""
    rows = await _query(
        platform.database_url("care-status-api"),
        "SELECT type, status FROM outbox_events ORDER BY created_at",
    )
    return [(row[0], row[1]) for row in rows]


async def _drained(platform: Platform) -> None:
    async def done() -> bool | None:
        return all(status != "pending" for _, status in await _outbox(platform)) or None

    await eventually(done, timeout=120, message="the outbox was not drained")


def _upload(files: dict[str, bytes], year: str) -> dict[str, Any]:
    return {
        "files": [("files", (name, content, "text/csv")) for name, content in files.items()],
        "data": {"collection_year": year},
    }


async def _import(camden: httpx.AsyncClient, files: dict[str, bytes], year: str) -> dict[str, Any]:
    response = await camden.post("/v1/imports", **_upload(files, year))
    assert response.status_code == 202, response.text
    location = response.headers["Location"]

    async def finished() -> dict[str, Any] | None:
        answer = await camden.get(location)
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        return body if body["status"] in ("done", "failed") else None

    result = await eventually(finished, timeout=240, message="the import did not finish")
    assert result["status"] == "done", result
    return result


def _looked_after(generated: Return) -> list[Any]:
    return [child for child in generated.children if child.oc3 is None]


async def test_camden_loads_its_return_and_then_the_next_one(platform: Platform) -> None:
    today = london_today()
    two_days_ago = today - timedelta(days=2)
    generated = generate_return(CAMDEN, 300, today, seed=16)
    moved, later = _looked_after(generated)[:2]
    moved.family_name = unique_family_name("Imported")
    # In Camden's foster care since last year; in a Derbyshire children's home two days ago.
    moved.episodes = [
        Episode(
            decom=today - timedelta(days=400), rne="S", ls="C2", place="U4", provider="PR1",
            pl_post=POSTCODES[CAMDEN][0], urn="XXXXXXX", dec=two_days_ago, rec="X1",
            reason_place_change="CARPL",
        ),
        Episode(
            decom=two_days_ago, rne="P", ls="C2", place="K2", provider="PR4",
            pl_post=POSTCODES[DERBYSHIRE][0], urn="SC100016",
        ),
    ]  # fmt: skip
    later.episodes = later.episodes[:1]
    later.episodes[0].dec = None
    later.episodes[0].rec = ""
    later.episodes[0].reason_place_change = ""
    async with (
        platform.aclient("care-status-api", "demo-camden") as camden,
        platform.aclient("care-status-api", "demo-met-custody") as met,
        platform.aclient("notify-api", "demo-derbyshire") as derbyshire,
    ):
        first = await _import(camden, generated.files(), generated.year)
        assert first["counts"]["children_created"] == 300
        assert first["counts"]["children_refused"] == 0
        assert [line for line in first["report"] if line["severity"] == "error"] == []
        assert first["progress"]["rows_done"] == first["progress"]["rows_total"] > 300

        found = await lookup(
            met,
            given_name=moved.given_name,
            family_name=moved.family_name,
            date_of_birth=moved.dob.isoformat(),
        )
        assert found["result"] == "looked_after"
        assert found["responsible_authority"]["code"] == CAMDEN
        assert found["area_authority"]["code"] == DERBYSHIRE
        assert found["placed_out_of_area"] is True

        await _drained(platform)
        response = await derbyshire.get(
            "/v1/notifications", params={"rule": REG_13, "limit": "200"}
        )
        assert response.status_code == 200, response.text
        reg_13 = [n for n in response.json()["items"] if n["recipient"]["role"] == "area_authority"]
        # Of every placement in Derbyshire in the return, only the one begun two days ago
        # is still within its 5 working days: the placements of previous years are history.
        assert [n["subject"]["person_ref"] for n in reg_13] == [found["person_ref"]]
        assert reg_13[0]["subject"]["start_date"] == two_days_ago.isoformat()
        assert reg_13[0]["subject"]["emergency"] is True

        events_before = len(await _outbox(platform))
        again = await _import(camden, generated.files(), generated.year)
        assert again["counts"]["children_unchanged"] == 300
        assert again["counts"]["events_emitted"] == 0
        assert len(await _outbox(platform)) == events_before

        # Next month: `later`'s placement ended yesterday and a new one began.
        yesterday = today - timedelta(days=1)
        ended = later.episodes[0]
        ended.dec, ended.rec, ended.reason_place_change = yesterday, "X1", "CARPL"
        later.episodes.append(
            Episode(
                decom=yesterday, rne="P", ls=ended.ls, place="U6" if ended.place != "U6" else "U5",
                provider="PR1", pl_post=POSTCODES[CAMDEN][1], urn="XXXXXXX",
            )
        )  # fmt: skip
        following = await _import(camden, generated.files(), generated.year)
        assert following["counts"]["children_changed"] == 1
        assert following["counts"]["children_unchanged"] == 299
        assert following["counts"]["events_emitted"] == 2
        new_events = (await _outbox(platform))[events_before:]
        assert sorted(kind for kind, _ in new_events) == ["placement.ended", "placement.started"]


def _broken_return(today: Any) -> dict[str, bytes]:
    generated = generate_return(CAMDEN, 5, today, seed=1603, care_leavers=0, first_child=900000)
    files = generated.files()
    episodes = files["episodes.csv"].decode().splitlines()
    # The second child's first episode gets a legal status code the DfE does not have.
    second = next(
        i for i, line in enumerate(episodes) if line.startswith(generated.children[1].child)
    )
    fields = episodes[second].split(",")
    fields[3] = "ZZ"
    episodes[second] = ",".join(fields)
    files["episodes.csv"] = ("\n".join(episodes) + "\n").encode()
    return files


async def test_a_broken_return_is_reported_through_the_api_and_the_cli(
    platform: Platform, tmp_path: Path
) -> None:
    today = london_today()
    files = _broken_return(today)
    year = generate_return(CAMDEN, 1, today).year
    async with platform.aclient("care-status-api", "demo-camden") as camden:
        result = await _import(camden, files, year)
        assert result["counts"]["children_refused"] == 1
        assert result["counts"]["children_created"] == 4
        errors = [line for line in result["report"] if line["severity"] == "error"]
        assert errors, result["report"]
        assert {line["child"] for line in errors} == {"007900001"}
        assert all(line["file"] == "episodes.csv" and line["row"] is not None for line in errors)
        assert any(line["code"].isdigit() for line in errors), "no DfE rule code reported"
        report = await camden.get(f"/v1/imports/{result['id']}/report", params={"format": "csv"})
        assert report.status_code == 200
        assert report.headers["content-type"].startswith("text/csv")
        assert report.text.splitlines()[0] == "code,message,child,file,row,severity"
        assert "007900001" in report.text

        unusable = await camden.post(
            "/v1/imports", **_upload({"return.txt": b"not a return"}, year)
        )
        assert unusable.status_code == 422, unusable.text
        assert unusable.json()["errors"][0]["field"] == "body.files.return.txt"
        no_episodes = await camden.post(
            "/v1/imports", **_upload({"header.csv": files["header.csv"]}, year)
        )
        assert no_episodes.status_code == 422
        assert "Episodes" in no_episodes.json()["errors"][0]["reason"]
        response = await camden.post(
            "/v1/imports",
            files=_upload(files, year)["files"],
            data={"collection_year": year, "authority": DERBYSHIRE},
        )
        assert response.status_code == 403, response.text

    paths = []
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
        paths.append(str(tmp_path / name))
    env = {**os.environ, "CARE_STATUS_DATABASE_URL": platform.database_url("care-status-api")}
    completed = await asyncio.to_thread(
        subprocess.run,
        [str(BIN / "care-status-api"), "import-903", "--authority", CAMDEN, "--year", year,
         *paths],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert "rows" in completed.stderr  # the progress bar
    assert "children_refused=1" in completed.stdout
    assert "007900001" in completed.stdout
    assert "code,message,child,file,row,severity" in completed.stdout
