"""Shapes everyday senders use: a JSON body sent as text/plain, and a form service posting
faster than the limit, which is told to retry and is reported to the heads."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from storage import LeadRepo, RefusalRepo
from tests.conftest import World
from tests.dispatcher.conftest import make_team
from tests.intake.conftest import AUTH, Client, intake_app
from tests.intake.test_refusals import head_notices

PLAIN = {**AUTH, "Content-Type": "text/plain;charset=UTF-8"}


async def name_of(world: World, response_json: dict[str, int]) -> str | None:
    lead = await LeadRepo(world.db.conn).get(response_json["id"])
    assert lead is not None
    return lead.fields.name


async def test_a_json_body_sent_as_text_plain_is_a_lead(http: Client, world: World) -> None:
    response = await http.post("/leads", data='{"name": "Борис"}'.encode(), headers=PLAIN)
    assert response.status == 201
    assert await name_of(world, await response.json()) == "Борис"


async def test_form_data_sent_as_text_plain_is_a_lead(http: Client, world: World) -> None:
    response = await http.post(
        "/leads", data="name=Борис&phone=89161234567".encode(), headers=PLAIN
    )
    assert response.status == 201
    assert await name_of(world, await response.json()) == "Борис"


async def test_words_sent_as_text_plain_are_read_like_a_lead_by_hand(
    http: Client, world: World
) -> None:
    text = "Борис Петров, +7 916 123-45-67\nНужна консультация"
    response = await http.post("/leads", data=text.encode(), headers=PLAIN)
    assert response.status == 201
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    assert (lead.fields.name, lead.fields.phone) == ("Борис Петров", "+7 916 123-45-67")


async def test_a_form_of_ours_over_the_limit_is_reported_and_counted(world: World) -> None:
    await make_team(world)
    async with TestClient(TestServer(intake_app(world, per_minute=2), host="127.0.0.1")) as http:
        statuses = [
            (await http.post("/leads", json={"name": f"К{n}"}, headers=AUTH)).status
            for n in range(5)
        ]
        assert statuses == [201, 201, 429, 429, 429]
        [kept] = await RefusalRepo(world.db.conn).latest()  # once a minute, not per request
        assert (kept.reason, kept.status) == ("rate_limited", 429)
        assert "name" in kept.body_sample  # what it sent, kept
        [notice] = await head_notices(world)
        assert "чаще, чем бот принимает" in notice
        health = await (await http.get("/health")).json()
        assert health["intake_rate_limited"] == 3


async def test_a_stranger_over_the_limit_is_not_kept(world: World) -> None:
    await make_team(world)
    async with TestClient(TestServer(intake_app(world, per_minute=1), host="127.0.0.1")) as http:
        for _ in range(3):
            await http.post("/leads", json={"name": "x"}, headers={"Authorization": "Bearer no"})
        assert await RefusalRepo(world.db.conn).latest() == []
