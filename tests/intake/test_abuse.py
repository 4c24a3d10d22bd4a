"""Rate limits, size limits, a lost database and a duplicate race at the intake."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.actions.intake import IntakeService, NewLead
from storage import LeadFields, LeadRepo, LeadSource
from tests.conftest import World
from tests.dispatcher.conftest import lead_count, make_team
from tests.intake.conftest import AUTH, Client, intake_app


async def test_a_client_over_the_rate_limit_gets_429_with_retry_after(world: World) -> None:
    await make_team(world)
    async with TestClient(TestServer(intake_app(world, per_minute=3), host="127.0.0.1")) as http:
        for _ in range(3):
            assert (await http.post("/leads", json={"name": "A"}, headers=AUTH)).status == 201
        refused = await http.post("/leads", json={"name": "B"}, headers=AUTH)
        assert refused.status == 429
        assert refused.headers["Retry-After"] == "20"
        assert "too many requests" in (await refused.json())["error"]
        # Wrong tokens count too, so guessing is as slow as posting.
        assert (await http.post("/leads", json={"name": "B"})).status == 429
        # Behind a local proxy each visitor is counted on their own.
        other = {**AUTH, "X-Forwarded-For": "198.51.100.7"}
        assert (await http.post("/leads", json={"name": "C"}, headers=other)).status == 201
        world.clock.advance(20)
        assert (await http.post("/leads", json={"name": "D"}, headers=AUTH)).status == 201
        assert (await http.get("/health")).status == 200  # monitoring is never limited
    assert await lead_count(world) == 5


async def test_a_long_request_is_stored_whole_not_refused(http: Client, world: World) -> None:
    text = "Техническое задание: " + "сорок станков с ЧПУ. " * 500
    response = await http.post(
        "/leads", json={"name": "A", "message": text, "Ваш вопрос": "x" * 5001}, headers=AUTH
    )
    assert response.status == 201
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.message == text.strip()
    assert lead.fields.extra["Ваш вопрос"] == "x" * 5001


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ([{"name": "A"}], "A"),
        ({"name": ["A", "B"]}, "A, B"),
        ({"name": 42}, "42"),
        ({"Имя": True}, "yes"),
    ],
)
async def test_lists_numbers_and_odd_shapes_still_make_a_lead(
    http: Client, world: World, body: Any, name: str
) -> None:
    response = await http.post("/leads", json=body, headers=AUTH)
    assert response.status == 201
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.name == name


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ({"phone": None, "email": ""}, "nothing to make a lead of"),
        ({}, "nothing to make a lead of"),
        (42, "expected a JSON object"),
    ],
)
async def test_empties_and_bare_scalars_get_a_400_that_says_why(
    http: Client, world: World, body: Any, said: str
) -> None:
    response = await http.post("/leads", json=body, headers=AUTH)
    assert response.status == 400
    assert said in (await response.json())["error"]
    assert await lead_count(world) == 0


@pytest.mark.parametrize("raw", [b'{"phone": NaN}', b'{"phone": Infinity}', b'{"phone": 1e400}'])
async def test_numbers_that_are_not_finite_are_refused(
    http: Client, world: World, raw: bytes
) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    response = await http.post("/leads", data=raw, headers=headers)
    assert response.status == 400, await response.text()
    assert await lead_count(world) == 0


async def test_a_phone_typed_into_a_numeric_input_is_a_phone(http: Client, world: World) -> None:
    response = await http.post("/leads", json={"phone": 79123456789}, headers=AUTH)
    assert response.status == 201
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.phone == "79123456789"


async def test_health_is_503_when_the_database_is_gone(http: Client, world: World) -> None:
    await world.db.close()
    response = await http.get("/health")
    assert response.status == 503
    body = await response.json()
    assert body["database"] is False and body["status"] == "degraded"


async def test_a_duplicate_stored_by_another_process_meanwhile_answers_200(
    http: Client, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The duplicate check and the insert race with a second process on the same file."""
    first = await http.post("/leads", json={"name": "A", "external_id": "t-1"}, headers=AUTH)
    first_id = (await first.json())["id"]
    real_find = LeadRepo.find_duplicate
    blinded: list[bool] = []

    async def find_after_the_other_process(self: LeadRepo, *args: Any) -> Any:
        if not blinded:  # the first look happens before the other process commits
            blinded.append(True)
            return None
        return await real_find(self, *args)

    monkeypatch.setattr(LeadRepo, "find_duplicate", find_after_the_other_process)
    again = await http.post("/leads", json={"name": "A", "external_id": "t-1"}, headers=AUTH)
    assert again.status == 200
    assert (await again.json()) == {"id": first_id, "duplicate": True}
    assert await lead_count(world) == 1


async def test_an_integrity_error_that_is_not_a_duplicate_still_fails_loudly(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await make_team(world)

    async def broken_store(
        self: IntakeService, new: NewLead, wait: float | None
    ) -> Callable[..., Any]:
        raise sqlite3.IntegrityError("CHECK constraint failed")

    monkeypatch.setattr(IntakeService, "_store", broken_store)
    with pytest.raises(sqlite3.IntegrityError):
        await world.services.intake.submit(NewLead(LeadFields(name="A"), LeadSource.HTTP))
