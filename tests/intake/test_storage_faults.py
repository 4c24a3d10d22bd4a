"""When the database cannot be written, or a request names no text encoding, the sender
gets a JSON answer it can act on, at once; /health says what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.actions.intake import IntakeService, NewLead, Submitted
from storage import RefusalRepo
from tests.conftest import World
from tests.dispatcher.conftest import lead_count, make_team
from tests.engines import locked_by_another_process, only_sqlite
from tests.intake.conftest import AUTH, Client, intake_app

JSON = "application/json"


@pytest.mark.parametrize(
    "charset", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "undefined"]
)
async def test_a_codec_that_is_no_text_encoding_gets_a_415_in_json(
    http: Client, world: World, charset: str
) -> None:
    response = await http.post(
        "/leads",
        data=b'{"name": "A"}',
        headers={**AUTH, "Content-Type": f"{JSON}; charset={charset}"},
    )
    assert response.status == 415
    assert response.content_type == JSON
    assert "unsupported charset" in (await response.json())["error"]
    assert await lead_count(world) == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (f"{JSON}; charset=punycode", b'{"name": "A"}'),
        (f"{JSON}; charset=idna", b'{"name": "A"}'),
        (f"{JSON}; charset=cp037", b'{"name": "A"}'),
        (f"{JSON}; charset=unicode_escape", b'{"name": "\\u0410"}'),
        (f"{JSON}; charset=utf-7", b'{"name": "A"}'),
        ("application/x-www-form-urlencoded; charset=punycode", b"name=%FF%FE"),
        ("text/plain; charset=punycode", "Иван".encode()),
    ],
)
async def test_a_codec_that_no_form_posts_in_is_refused_with_415_and_kept(
    http: Client, world: World, content_type: str, body: bytes
) -> None:
    response = await http.post("/leads", data=body, headers={**AUTH, "Content-Type": content_type})
    assert response.status == 415
    assert "unsupported charset" in (await response.json())["error"]
    assert await lead_count(world) == 0
    [kept] = await RefusalRepo(world.db.conn).latest()
    assert (kept.reason, kept.status) == ("charset", 415)


async def test_a_locked_database_answers_503_with_retry_after_and_stores_nothing(
    http: Client, world: World, tmp_path: Path
) -> None:
    async with locked_by_another_process(world.db):
        response = await http.post("/leads", json={"name": "Иван"}, headers=AUTH)
        assert response.status == 503
        assert response.content_type == JSON
        assert int(response.headers["Retry-After"]) > 0
        assert "retry" in (await response.json())["error"]
    assert await lead_count(world) == 0
    retried = await http.post("/leads", json={"name": "Иван"}, headers=AUTH)
    assert retried.status == 201


async def test_a_lead_the_database_could_not_take_is_kept_as_a_refusal_once_it_can(
    world: World, tmp_path: Path
) -> None:
    await make_team(world)
    async with (
        TestClient(TestServer(intake_app(world), host="127.0.0.1")) as http,
        locked_by_another_process(world.db),
    ):
        response = await http.post("/leads", json={"name": "Иван Сорокин"}, headers=AUTH)
        assert response.status == 503
    # The form was told to retry; if it never does, the heads still hear of the lead.
    [kept] = await RefusalRepo(world.db.conn).latest()
    assert (kept.reason, kept.status) == ("unavailable", 503)
    assert json.loads(kept.body_sample) == {"name": "Иван Сорокин"}
    assert await lead_count(world) == 0


async def test_a_full_disk_answers_503_and_health_says_degraded_with_the_reason(
    http: Client, world: World
) -> None:
    only_sqlite(world.db, "a full disk is played by SQLite's page limit")
    row = await world.db.conn.fetch_one("PRAGMA page_count")
    assert row is not None
    # SQLite's own "database or disk is full", as on a full disk.
    await world.db.conn.execute(f"PRAGMA max_page_count = {int(row[0])}")
    response = await http.post("/leads", json={"message": "x" * 40_000}, headers=AUTH)
    assert response.status == 503 and response.content_type == JSON
    assert "Retry-After" in response.headers
    health = await http.get("/health")
    report = await health.json()
    assert report["status"] == "degraded"
    assert "full" in report["database_write_error"]


async def test_health_is_ok_while_writes_succeed(http: Client) -> None:
    assert (await http.post("/leads", json={"name": "A"}, headers=AUTH)).status == 201
    report = await (await http.get("/health")).json()
    assert report["database_write_error"] is None


async def test_an_unexpected_failure_is_a_json_500(
    http: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(self: IntakeService, new: NewLead, wait: float | None = None) -> Submitted:
        raise RuntimeError("a bug")

    monkeypatch.setattr(IntakeService, "submit", broken)
    response = await http.post("/leads", json={"name": "A"}, headers=AUTH)
    assert response.status == 500
    assert response.content_type == JSON
    assert "error" in await response.json()
