from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from storage import LeadRepo, LeadSource
from tests.conftest import World
from tests.dispatcher.conftest import lead_count, outbox_purposes
from tests.intake.conftest import AUTH, TOKEN, Client, intake_app


async def test_a_json_lead_is_stored_with_its_card_before_the_201(
    http: Client, world: World
) -> None:
    response = await http.post("/leads", json={"name": "Иван", "phone": "+7 912"}, headers=AUTH)
    assert response.status == 201
    body = await response.json()
    lead = await LeadRepo(world.db.conn).get(body["id"])
    assert lead is not None and lead.source is LeadSource.HTTP and lead.fields.name == "Иван"
    assert await outbox_purposes(world, body["id"]) == ["card"]


async def test_a_form_encoded_lead_with_russian_field_names_is_understood(
    http: Client, world: World
) -> None:
    form = {
        "Имя": "Мария",
        "Телефон": "8 912 000-11-22",
        "Почта": "m@x.ru",
        "Комментарий": "КП",
        "utm_source": "vk",
        "Город": "Казань",
    }
    response = await http.post("/leads", data=form, headers=AUTH)
    assert response.status == 201
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    f = lead.fields
    assert (f.name, f.phone, f.email, f.message, f.channel) == (
        "Мария",
        "8 912 000-11-22",
        "m@x.ru",
        "КП",
        "vk",
    )
    assert f.extra == {"Город": "Казань"}


async def test_the_token_may_come_as_a_query_parameter(http: Client) -> None:
    response = await http.post(f"/leads?token={TOKEN}", data={"name": "A"})
    assert response.status == 201


async def test_json_numbers_and_booleans_are_kept_as_text(http: Client, world: World) -> None:
    response = await http.post(
        "/leads",
        json={"name": "A", "external_id": 12345, "consent": True, "fax": None},
        headers=AUTH,
    )
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.external_id == "12345"
    assert lead.fields.extra == {"consent": "yes"}


async def test_the_same_external_id_again_returns_the_same_lead(http: Client, world: World) -> None:
    first = await http.post("/leads", json={"name": "A", "external_id": "t-1"}, headers=AUTH)
    again = await http.post(
        "/leads", json={"name": "A changed", "external_id": "t-1"}, headers=AUTH
    )
    assert (first.status, again.status) == (201, 200)
    assert (await first.json())["id"] == (await again.json())["id"]
    assert await lead_count(world) == 1


async def test_the_same_idempotency_key_again_returns_the_same_lead(
    http: Client, world: World
) -> None:
    headers = {**AUTH, "Idempotency-Key": "form-submit-77"}
    first = await http.post("/leads", json={"name": "A"}, headers=headers)
    again = await http.post("/leads", data={"name": "A"}, headers=headers)
    assert (first.status, again.status) == (201, 200)
    assert (await first.json())["id"] == (await again.json())["id"]
    assert await lead_count(world) == 1


@pytest.mark.parametrize(
    ("headers", "path"),
    [
        ({}, "/leads"),
        ({"Authorization": "Bearer wrong"}, "/leads"),
        ({"Authorization": TOKEN}, "/leads"),
        ({}, "/leads?token=wrong"),
        ({"Authorization": "Basic " + TOKEN}, "/leads"),
    ],
)
async def test_a_wrong_or_missing_token_gets_401(
    http: Client, world: World, headers: dict[str, str], path: str
) -> None:
    response = await http.post(path, json={"name": "A"}, headers=headers)
    assert response.status == 401
    assert await response.json() == {"error": "wrong or missing token"}
    assert await lead_count(world) == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        (b'{"company": "X", "utm_source": "ya"}', "application/json", 400, "nothing usable"),
        (b"{}", "application/json", 400, "nothing usable"),
        (b"", "application/json", 400, "not valid JSON"),
        (b"{name: 1}", "application/json", 400, "not valid JSON"),
        (b'["name", "A"]', "application/json", 400, "expected a JSON object"),
        (b'{"name": {"first": "A"}}', "application/json", 400, "field 'name' must be a string"),
        (b'{"name": ["A"]}', "application/json", 400, "field 'name' must be a string"),
        (b'{"name": "\xff\xfe"}', "application/json", 400, "not valid utf-8"),
        (b"name=%FF%FE", "application/x-www-form-urlencoded", 400, "not valid text"),
        (b"", "application/x-www-form-urlencoded", 400, "nothing usable"),
        (b"name=A", "text/plain", 415, "content type text/plain is not accepted"),
        (b"name=A", "multipart/form-data; boundary=x", 415, "is not accepted"),
        (
            b"name=A",
            "application/x-www-form-urlencoded; charset=koi8-zz",
            415,
            "unsupported charset",
        ),
        (b"[" * 100_00 + b"]" * 100_00, "application/json", 400, "not valid JSON"),
    ],
)
async def test_unusable_bodies_get_a_4xx_that_says_why_and_change_nothing(
    http: Client, world: World, body: bytes, content_type: str, status: int, message: str
) -> None:
    response = await http.post("/leads", data=body, headers={**AUTH, "Content-Type": content_type})
    assert response.status == status
    assert message in (await response.json())["error"]
    assert await lead_count(world) == 0


async def test_the_400_lists_what_it_did_receive(http: Client) -> None:
    response = await http.post("/leads", json={"company": "X", "utm_source": "ya"}, headers=AUTH)
    assert "(fields received: company, utm_source)" in (await response.json())["error"]


async def test_a_body_over_64_kib_gets_413(http: Client, world: World) -> None:
    body = json.dumps({"name": "A", "message": "x" * (65 * 1024)})
    response = await http.post(
        "/leads", data=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status == 413
    assert "64 KiB" in (await response.json())["error"]
    assert await lead_count(world) == 0


async def test_a_chunked_body_over_64_kib_gets_413_too(http: Client, world: World) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "A", "message": "'
        for _ in range(70):
            yield b"x" * 1024
        yield b'"}'

    response = await http.post(
        "/leads", data=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status == 413
    assert await lead_count(world) == 0


async def test_an_over_long_idempotency_key_is_refused(http: Client, world: World) -> None:
    response = await http.post(
        "/leads", json={"name": "A"}, headers={**AUTH, "Idempotency-Key": "k" * 201}
    )
    assert response.status == 400
    assert await lead_count(world) == 0


async def test_other_paths_and_methods_answer_json(http: Client) -> None:
    missing = await http.get("/nope")
    assert missing.status == 404 and "error" in await missing.json()
    wrong_method = await http.get("/leads")
    assert wrong_method.status == 405 and "error" in await wrong_method.json()


async def test_without_an_intake_token_the_endpoint_is_disabled(world: World) -> None:
    app = intake_app(world, token=None)
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        response = await client.post("/leads", json={"name": "A"})
        assert response.status == 503
        assert "INTAKE_TOKEN" in (await response.json())["error"]
    assert await lead_count(world) == 0
