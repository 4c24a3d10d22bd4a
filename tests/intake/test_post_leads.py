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
    assert f.region == "Казань"
    assert f.extra == {"utm_source": "vk"}  # it gave the channel, and stays to be shown


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
        (b'{"utm_source": "ya", "formid": "f1"}', "application/json", 400, "nothing to make"),
        (b"{}", "application/json", 400, "nothing to make a lead of"),
        (b"", "application/json", 400, "not valid JSON"),
        (b"{name: 1}", "application/json", 400, "not valid JSON"),
        (b'"name"', "application/json", 400, "expected a JSON object"),
        (b"name=%98", "application/x-www-form-urlencoded", 400, "not valid text"),
        (b"", "application/x-www-form-urlencoded", 400, "nothing to make a lead of"),
        (b"<a>A</a>", "application/xml", 415, "content type application/xml is not accepted"),
        (b"name=A", "multipart/form-data; boundary=x", 400, "cannot read the multipart body"),
        (b"name=A", "multipart/form-data", 400, "without a boundary"),
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


@pytest.mark.parametrize(
    ("body", "content_type", "name"),
    [
        (b'{"company": "X", "utm_source": "ya"}', "application/json", None),
        (b'["name", "A"]', "application/json", None),
        (b'{"name": {"first": "A"}}', "application/json", "A"),  # a name's part
        (b'{"name": ["A"]}', "application/json", "A"),
        ('{"name": "Иван"}'.encode("windows-1251"), "application/json", "Иван"),
        ("name=Иван".encode("windows-1251"), "application/x-www-form-urlencoded", "Иван"),
        (b"name=%C8%E2%E0%ED", "application/x-www-form-urlencoded", "Иван"),
    ],
)
async def test_bodies_that_were_refused_before_are_leads_now(
    http: Client, world: World, body: bytes, content_type: str, name: str | None
) -> None:
    response = await http.post("/leads", data=body, headers={**AUTH, "Content-Type": content_type})
    assert response.status == 201, await response.text()
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.name == name


async def test_the_400_lists_what_it_did_receive(http: Client) -> None:
    response = await http.post("/leads", json={"formid": "X", "utm_source": "ya"}, headers=AUTH)
    assert "(fields received: formid, utm_source)" in (await response.json())["error"]


async def test_error_texts_keep_cyrillic_readable(http: Client) -> None:
    response = await http.post("/leads", json={"utm_кампания": "зима"}, headers=AUTH)
    raw = await response.text()
    assert response.status == 400
    assert "utm_кампания" in raw and "\\u" not in raw


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


async def test_an_over_long_idempotency_key_still_keys_the_lead(http: Client, world: World) -> None:
    headers = {**AUTH, "Idempotency-Key": "k" * 5000}
    first = await http.post("/leads", json={"name": "A"}, headers=headers)
    again = await http.post("/leads", json={"name": "A"}, headers=headers)
    other = await http.post(
        "/leads", json={"name": "A"}, headers={**AUTH, "Idempotency-Key": "k" * 4999}
    )
    assert (first.status, again.status, other.status) == (201, 200, 201)
    assert (await first.json())["id"] == (await again.json())["id"]
    assert await lead_count(world) == 2


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


ELEMENTOR = (
    "fields%5Bname%5D%5Btitle%5D=%D0%98%D0%BC%D1%8F&fields%5Bname%5D%5Bvalue%5D=%D0%9E%D0%BB%D0%B5%D0%B3"
    "&fields%5Bfield_2%5D%5Btitle%5D=%D0%A2%D0%B5%D0%BB%D0%B5%D1%84%D0%BE%D0%BD"
    "&fields%5Bfield_2%5D%5Bvalue%5D=%2B7+912+345-67-89"
    "&form%5Bname%5D=%D0%93%D0%BB%D0%B0%D0%B2%D0%BD%D0%B0%D1%8F"
)


@pytest.mark.parametrize(
    ("body", "content_type", "expect"),
    [
        (
            '{"Ваш e-mail": "olga@romashka.ru", "Ваш вопрос": "Есть ли доставка?"}',
            "application/json",
            {"email": "olga@romashka.ru", "message": "Есть ли доставка?"},
        ),
        (
            '{"name": "A", "message": "' + "я" * 5001 + '"}',
            "application/json",
            {"message": "я" * 5001},
        ),
        (
            '{"name": "A", "message": "' + "x" * 10_000 + '"}',
            "application/json",
            {"message": "x" * 10_000},
        ),
        (
            ELEMENTOR,
            "application/x-www-form-urlencoded",
            {"name": "Олег", "phone": "+7 912 345-67-89"},
        ),
        (
            "Имя=Иван&Ваш+вопрос=Нужен+счёт".encode("windows-1251"),
            "application/x-www-form-urlencoded",
            {"name": "Иван", "message": "Нужен счёт"},
        ),
        (
            '{"name": "\u200bИван\u200d", "Textarea": "\u2060", "phone": "+7 900 000-00-00"}',
            "application/json",
            {"name": "Иван", "extra": {}},
        ),
    ],
)
async def test_the_bodies_the_day_one_trial_lost_are_leads(
    http: Client, world: World, body: str | bytes, content_type: str, expect: dict[str, object]
) -> None:
    data = body.encode() if isinstance(body, str) else body
    response = await http.post("/leads", data=data, headers={**AUTH, "Content-Type": content_type})
    assert response.status == 201, await response.text()
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    for field, value in expect.items():
        assert getattr(lead.fields, field) == value
