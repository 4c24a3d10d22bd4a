"""Sources: a link per form or ad platform, and what real builders send, over HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from aiogram.methods import SendMessage
from aiohttp.test_utils import TestClient, TestServer

from storage import LeadRepo, OutboxPurpose, SourceRepo
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, IVAN, TEAM_CHAT, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, lead_count, make_team, reply_to
from tests.intake.conftest import Client, intake_app

FORMS = Path(__file__).parents[1] / "fixtures" / "forms"
LINK = re.compile(r"http://127\.0\.0\.1:0/leads/([A-Za-z0-9_-]+)")


def fixture(name: str) -> bytes:
    return (FORMS / name).read_bytes()


async def add_source(world: World, args: str) -> str:
    answer = await reply_to(world, HEAD, f"/source add {args}")
    match = LINK.search(answer)
    assert match, answer
    return match.group(1)


async def lead_of(world: World, response_json: dict[str, object]) -> object:
    lead = await LeadRepo(world.db.conn).get(int(str(response_json["id"])))
    assert lead is not None
    return lead


async def test_a_new_link_is_shown_once_with_how_to_use_it(world: World) -> None:
    await make_team(world)
    answer = await reply_to(world, HEAD, "/source add tilda сайт")
    assert "Ссылка для «tilda» (канал: сайт)" in answer
    assert LINK.search(answer)
    assert "PUBLIC_URL не задан" in answer  # and how to set it
    [stored] = [await SourceRepo(world.db.conn).by_name("TILDA")]
    assert stored is not None and stored.channel == "сайт"
    secret = LINK.search(answer).group(1)  # type: ignore[union-attr]
    row = await world.db.conn.fetch_one("SELECT secret_hash FROM sources")
    assert row is not None and secret not in row[0]  # only a digest is kept


async def test_source_commands_refuse_what_they_cannot_do(world: World) -> None:
    await make_team(world)
    await add_member(world, await world.services.teams.primary(), IVAN)  # type: ignore[arg-type]
    await add_source(world, "tilda")
    assert "уже есть" in await reply_to(world, HEAD, "/source add tilda")
    assert "Имя — одно слово" in await reply_to(world, HEAD, "/source add ti/lda")
    assert "Ссылки с именем «nope» нет" in await reply_to(world, HEAD, "/source del nope")
    assert "Для VK нужны оба значения" in await reply_to(
        world, HEAD, "/source add vk1 vk confirm=x"
    )
    assert "/source add site" in await reply_to(world, HEAD, "/source")
    assert await reply_to(world, IVAN, "/sources") == "Это может только руководитель отдела."
    world.session.expect_message()
    await world.feed(text_update(HEAD, TEAM_CHAT, "/sources"))
    assert "личный чат" in world.session.of(SendMessage)[-1].text


FORM_CASES = [
    (
        "tilda.txt",
        "application/x-www-form-urlencoded",
        {"name": "Анна Смирнова", "phone": "+7 (912) 345-67-89", "email": "anna@example.ru",
         "message": "Нужен расчёт на 40 станков", "channel": "сайт"},
        {"utm_source": "yandex", "utm_campaign": "winter_sale"},
    ),
    (
        "elementor.txt",
        "application/x-www-form-urlencoded",
        {"name": "Игорь", "phone": "+7 921 000-12-34", "message": "Интересует аренда спецтехники",
         "channel": "сайт"},
        {},
    ),
    (
        "wordpress_cf7.multipart",
        "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
        {"name": "Пётр Иванов", "phone": "8 (999) 123-45-67", "email": "petr@stroy.ru",
         "company": "ООО «СтройМонтаж»", "channel": "сайт"},
        {"files": "plan-etazha.pdf"},
    ),
    (
        "marquiz.json",
        "application/json",
        {"name": "Ольга", "phone": "+7 912 555-44-33", "email": "olga@zavod.ru", "channel": "сайт"},
        {"Какое у вас производство?": "Металлообработка", "Сколько станков нужно?": "10–20"},
    ),
    (
        "landing.json",
        "application/json",
        {"name": "Сергей", "phone": "89161234567", "message": "Перезвоните после 15:00",
         "channel": "сайт"},
        {},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content_type", "known", "extra"), FORM_CASES)
async def test_each_builders_sample_becomes_the_expected_lead(
    http: Client,
    world: World,
    name: str,
    content_type: str,
    known: dict[str, str],
    extra: dict[str, str],
) -> None:
    secret = await add_source(world, "site сайт")
    response = await http.post(
        f"/leads/{secret}", data=fixture(name), headers={"Content-Type": content_type}
    )
    assert response.status == 201, await response.text()
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    assert {key: getattr(lead.fields, key) for key in known} == known
    for key, value in extra.items():
        assert lead.fields.extra.get(key) == value, lead.fields.extra


async def test_a_quizs_answers_keep_the_order_the_client_gave_them(
    http: Client, world: World
) -> None:
    secret = await add_source(world, "quiz")
    response = await http.post(f"/leads/{secret}", json=json.loads(fixture("marquiz.json")))
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    questions = [k for k in lead.fields.extra if k.endswith("?")]
    assert questions == [
        "Какое у вас производство?",
        "Сколько станков нужно?",
        "Когда планируете закупку?",
    ]
    assert lead.fields.channel == "vk"  # no channel on the link: the quiz's UTM source


async def test_the_forms_own_channel_beats_the_links(http: Client, world: World) -> None:
    secret = await add_source(world, "site сайт")
    response = await http.post(f"/leads/{secret}", json={"name": "A", "channel": "выставка"})
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None and lead.fields.channel == "выставка"
    assert lead.source_id is not None


async def test_tildas_check_gets_ok_and_stores_nothing(http: Client, world: World) -> None:
    secret = await add_source(world, "tilda")
    response = await http.post(
        f"/leads/{secret}",
        data=fixture("tilda_check.txt"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert (response.status, await response.text()) == (200, "ok")
    assert await lead_count(world) == 0


async def test_a_file_parts_name_shows_on_the_card_and_its_content_is_not_kept(
    http: Client, world: World
) -> None:
    secret = await add_source(world, "wp")
    boundary = fixture("wordpress_cf7.boundary").decode()
    response = await http.post(
        f"/leads/{secret}",
        data=fixture("wordpress_cf7.multipart"),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    lead = await LeadRepo(world.db.conn).get((await response.json())["id"])
    assert lead is not None
    assert "%PDF" not in json.dumps(lead.fields.extra, ensure_ascii=False)
    [card] = [r for r in await world.db.conn.fetch_all(
        "SELECT text FROM outbox WHERE lead_id = ? AND purpose = 'card'", (lead.id,)
    )]  # fmt: skip
    assert "Файлы (не сохраняются): plan-etazha.pdf" in card[0]


async def test_a_wrong_link_is_401_logged_and_counted_against_the_client(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    await make_team(world)
    async with TestClient(TestServer(intake_app(world, per_minute=2), host="127.0.0.1")) as http:
        statuses = [
            (await http.post("/leads/" + "x" * 24, json={"name": "A"})).status for _ in range(3)
        ]
    assert statuses == [401, 401, 429]
    assert "unknown source link" in caplog.text
    assert await lead_count(world) == 0


async def test_rotate_and_delete_end_the_old_link(http: Client, world: World) -> None:
    old = await add_source(world, "tilda")
    answer = await reply_to(world, HEAD, "/source rotate tilda")
    assert "Старая больше не работает" in answer
    new = LINK.search(answer).group(1)  # type: ignore[union-attr]
    assert (await http.post(f"/leads/{old}", json={"name": "A"})).status == 401
    assert (await http.post(f"/leads/{new}", json={"name": "A"})).status == 201
    assert "удалена" in await reply_to(world, HEAD, "/source del tilda")
    assert (await http.post(f"/leads/{new}", json={"name": "B"})).status == 401
    assert await lead_count(world) == 1


async def test_sources_shows_counts_and_the_last_refusal(http: Client, world: World) -> None:
    secret = await add_source(world, "tilda сайт")
    await add_source(world, "idle")
    for n in range(2):
        await http.post(f"/leads/{secret}", json={"name": f"A{n}"})
    broken = await http.post(
        f"/leads/{secret}", data=b"{oops", headers={"Content-Type": "application/json"}
    )
    assert broken.status == 400
    world.session.expect_message(times=1)
    await world.feed(text_update(HEAD, private(HEAD), "/sources"))
    text = world.session.of(SendMessage)[-1].text
    assert "<b>tilda</b> · канал: сайт" in text
    assert "лидов сегодня: 2, за 7 дней: 2; последний: 01.12 12:00" in text
    assert "Последняя отклонённая заявка 01.12 12:00: содержимое не удалось прочитать" in text
    assert (
        "<b>idle</b> · канал: не задан\nлидов сегодня: 0, за 7 дней: 0; последний: ещё не было"
        in text
    )


async def test_vk_confirms_takes_leads_once_and_refuses_another_secret(
    http: Client, world: World
) -> None:
    secret = await add_source(world, "vk_ads vk confirm=5fa1c0de secret=vk-secret-key-42")
    url = f"/leads/{secret}"
    confirm = await http.post(url, data=fixture("vk_confirmation.json"))
    assert (confirm.status, await confirm.text()) == (200, "5fa1c0de")
    for _ in range(2):  # VK repeats an event until it sees "ok"
        answer = await http.post(url, data=fixture("vk_lead.json"))
        assert (answer.status, await answer.text()) == (200, "ok")
    assert await lead_count(world) == 1
    lead = await LeadRepo(world.db.conn).get(1)
    assert lead is not None
    f = lead.fields
    assert (f.name, f.phone, f.message, f.channel) == (
        "Кузнецова Дарья",
        "+79035556677",
        "Нужна интеграция с 1С",
        "vk",
    )
    assert f.extra["Что интересует?"] == "CRM, Отчёты"
    assert f.extra["vk"] == "https://vk.com/id12345678"
    forged = json.loads(fixture("vk_lead.json"))
    forged["secret"] = "guess"
    assert (await http.post(url, json=forged)).status == 401
    other = {"type": "wall_post_new", "object": {}, "secret": "vk-secret-key-42"}
    assert await (await http.post(url, json=other)).text() == "ok"
    assert await lead_count(world) == 1


async def test_bad_bodies_on_a_source_link_get_a_4xx_and_are_kept(
    http: Client, world: World
) -> None:
    secret = await add_source(world, "wp")
    vk = await add_source(world, "vk_ads vk confirm=c0de secret=k3y")
    big = b'--b\r\nContent-Disposition: form-data; name="m"\r\n\r\n' + b"x" * 70_000
    cases = [
        (secret, big, "multipart/form-data; boundary=b", 413),
        (secret, b"--b--\r\n", "multipart/form-data; boundary=b", 400),
        (vk, b"not json", "application/json", 400),
        (vk, b'{"no": "type"}', "application/json", 400),
    ]
    for link, body, content_type, status in cases:
        response = await http.post(
            f"/leads/{link}", data=body, headers={"Content-Type": content_type}
        )
        assert response.status == status, await response.text()
        assert "error" in await response.json()
    assert await lead_count(world) == 0
    row = await world.db.conn.fetch_one(
        "SELECT COUNT(*) FROM intake_refusals WHERE source_id IS NOT NULL"
    )
    assert row is not None and row[0] == len(cases)


async def test_a_call_back_widget_through_a_link_says_it_is_a_call_back_request(
    world: World, http: Client
) -> None:
    secret = await add_source(world, "widget сайт")
    response = await http.post(f"/leads/{secret}", data={"phone": "+7 912 345-67-89"})
    assert response.status == 201
    lead_id = (await response.json())["id"]
    [card] = [
        row
        for row in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
        if row.purpose is OutboxPurpose.CARD
    ]
    assert "Канал: сайт" in card.text and "912" not in card.text
    assert card.text.endswith("📞 Заказан обратный звонок: номер получит тот, кто возьмёт лид.")
