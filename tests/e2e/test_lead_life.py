"""Leads sent to a person, end to end: the real application, the fake Bot API server and
real HTTP requests to the intake."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import aiohttp

from storage import Database, LeadRepo, LeadStatus
from tests.e2e.conftest import (
    HEAD,
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    claimed,
    intake_for,
    set_up_team,
)
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_objects import Sent, User

PETR = User(203, "Petr", "Ivanov", username="petr", language_code="ru")
MARIA = User(204, "Maria", "Orlova", username="maria", language_code="ru")
BORIS = User(101, "Boris", "Head", language_code="ru")
OFFER = re.compile(r"(?:Лид №|Lead #)(\d+) (?:для вас|for you)")


async def join(tg: FakeTelegram, *users: User) -> None:
    welcome = await tg.wait_message(TEAM.id, "Вступить")
    for user in users:
        tg.add_user(user)
        tg.groups[TEAM.id].members.add(user.id)
        tg.started.add(user.id)
        answer = await tg.press(user, welcome)
        assert "Вы в команде" in answer["text"], answer


def offers(tg: FakeTelegram, user: User) -> list[int]:
    return [int(m.group(1)) for s in tg.chat(user.id) if (m := OFFER.search(s.text))]


def announced(tg: FakeTelegram) -> list[str]:
    """The chat's announcement lines, on their own or gathered in its digest."""
    return [line for s in tg.chat(TEAM.id) for line in s.text.split("\n") if "· по очереди" in line]


async def offer_of(tg: FakeTelegram, user: User, lead_id: int) -> Sent:
    return await tg.wait_message(user.id, f"{lead_id} для вас")


async def lead_state(app_db: Database, lead_id: int) -> tuple[LeadStatus, int | None]:
    lead = await LeadRepo(app_db.conn).get(lead_id)
    assert lead is not None
    return lead.status, lead.owner_id


async def test_round_robin_rotates_four_managers_across_a_restart(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    managers = (IVAN, OLGA, PETR, MARIA)
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await join(tg, PETR, MARIA)
        await tg.say(HEAD, HEAD.id, "/set mode round_robin")
        await tg.wait_message(HEAD.id, "Сохранено: режим распределения")
        first = [(await intake.post(name=f"Клиент {n}", phone="+7 912 000-00-0" + str(n)))["id"]
                 for n in range(5)]  # fmt: skip
        await tg.wait_for(lambda: sum(len(offers(tg, u)) for u in managers) == 5)
    async with app_factory() as app, intake_for(app) as intake:
        rest = [(await intake.post(name=f"Клиент {n}"))["id"] for n in range(5, 8)]
        await tg.wait_for(lambda: sum(len(offers(tg, u)) for u in managers) == 8)
        await tg.wait_for(lambda: len(announced(tg)) == 8)
    order = {lead: user for user in managers for lead in offers(tg, user)}
    got = [order[lead] for lead in first + rest]
    assert got == [IVAN, OLGA, PETR, MARIA, IVAN, OLGA, PETR, MARIA]
    for user in managers:
        for sent in tg.chat(user.id):
            if OFFER.search(sent.text):
                assert "+7" not in sent.text and [b["text"] for b in sent.buttons()] in (
                    ["✅ Принять", "↩️ Вернуть"],
                    ["✅ Accept", "↩️ Return"],
                )
    assert announced(tg)[1] == f"№{first[1]} Клиент 1 → Olga Smirnova · по очереди"


async def test_accept_turns_the_offer_into_the_card_with_contacts(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await tg.say(HEAD, HEAD.id, "/set mode round_robin")
        await tg.wait_message(HEAD.id, "Сохранено: режим распределения")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89", email="a@b.ru")
        offer = await offer_of(tg, IVAN, created["id"])
        assert "+7" not in offer.text and "a@b.ru" not in offer.text
        answer = await tg.press(IVAN, offer, data=offer.button("offer:accept"))
        assert "контакты — в карточке" in answer["text"]
        await tg.wait_for(lambda: offer.edits == 1)
        assert "+79123456789" in offer.text and "a@b.ru" in offer.text
        assert [b["text"] for b in offer.buttons()] == ["📞 Есть контакт", "🏆 Сделка", "❌ Отказ"]
        won = await tg.press(IVAN, offer, data=offer.button("out:won"))
        assert "сделка" in won["text"]
        await tg.wait_for(lambda: offer.edits == 2)
        assert "Итог: сделка" in offer.text
        assert [b["text"] for b in offer.buttons()] == ["↩️ Отменить итог"]
        assert await lead_state(app.db, created["id"]) == (LeadStatus.WON, 1)
        # A mistaken tap, taken back within five minutes: the card has Won and Lost again
        # (and no 📞: the deal counted as the contact with the client).
        undone = await tg.press(IVAN, offer, data=offer.button("undo"))
        assert "снова в работе" in undone["text"]
        await tg.wait_for(lambda: offer.edits == 3)
        assert [b["text"] for b in offer.buttons()] == ["🏆 Сделка", "❌ Отказ"]
        assert await lead_state(app.db, created["id"]) == (LeadStatus.TAKEN, 1)


async def test_return_passes_the_lead_to_the_next_manager_with_the_reason(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await tg.say(HEAD, HEAD.id, "/set mode round_robin")
        await tg.wait_message(HEAD.id, "Сохранено: режим распределения")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        offer = await offer_of(tg, IVAN, created["id"])
        await tg.press(IVAN, offer, data=offer.button("offer:return"))
        await tg.wait_for(lambda: [b["text"] for b in offer.buttons()][:1] == ["Не мой профиль"])
        await tg.press(IVAN, offer, data=offer.buttons()[0]["callback_data"])
        olga = await tg.wait_message(OLGA.id, f"Lead #{created['id']} for you")
        assert "returned before you by: Ivan Petrov, reason: Not my profile" in olga.text
        await tg.wait_for(lambda: "Лид возвращён" in offer.text)
        assert offer.buttons() == []


async def test_two_heads_tapping_at_once_make_one_assignment(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        tg.add_user(BORIS)
        await set_up_team(tg)
        tg.started.add(BORIS.id)
        # A second head, as /head add leaves it (that command has its own tests).
        app.services.roles.set_added(frozenset({BORIS.id}))
        await tg.say(HEAD, HEAD.id, "/mode")
        menu = await tg.wait_message(HEAD.id, "Режим распределения сейчас")
        switched = await tg.press(HEAD, menu, data="mode:head_decides")
        assert "Решает руководитель" in switched["text"]
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        anna = await tg.wait_message(HEAD.id, f"Кому отдать лид №{created['id']}")
        boris = await tg.wait_message(BORIS.id, f"Кому отдать лид №{created['id']}")
        assert [b["text"] for b in anna.buttons()] == ["Ivan Petrov · 0", "Olga Smirnova · 0"]
        answers = await asyncio.gather(
            tg.press(HEAD, anna, data=anna.buttons()[0]["callback_data"]),
            tg.press(BORIS, boris, data=boris.buttons()[1]["callback_data"]),
        )
        winners = [a for a in answers if not a.get("show_alert")]
        assert len(winners) == 1
        status, owner = await lead_state(app.db, created["id"])
        assert status is LeadStatus.TAKEN
        owner_user = IVAN if owner == 1 else OLGA
        full = await tg.wait_message(owner_user.id, "+79123456789")
        assert "решение руководителя" in full.text or "head's decision" in full.text
        await tg.wait_for(lambda: anna.edits == 1 and boris.edits == 1)
        assert anna.buttons() == [] and boris.buttons() == []
        assert owner_user.first_name in anna.text and owner_user.first_name in boris.text


async def test_assign_moves_a_claimed_first_come_lead(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        lead_id, card, _ = await claimed(tg, intake, IVAN)
        await tg.say(HEAD, HEAD.id, f"/assign {lead_id} @olga")
        await tg.wait_message(HEAD.id, f"Лид №{lead_id} назначен: Olga Smirnova.")
        await tg.wait_message(OLGA.id, "+79123456789")
        await tg.wait_message(IVAN.id, "Теперь лид у: Olga Smirnova")
        await tg.wait_for(lambda: "Olga Smirnova" in card.text)
        assert "решение руководителя: Anna Head" in card.text
        late = await tg.press(IVAN, card, data=card.button("claim"))
        assert late["show_alert"] is True and late["text"] == "Лид уже взят: Olga Smirnova."
        assert await lead_state(app.db, lead_id) == (LeadStatus.TAKEN, 2)


async def test_a_source_link_from_telegram_takes_a_tilda_form_end_to_end(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    tilda = (Path(__file__).parents[1] / "fixtures" / "forms" / "tilda.txt").read_bytes()
    async with app_factory() as app:
        await set_up_team(tg)
        await tg.say(HEAD, HEAD.id, "/source add tilda сайт")
        answer = await tg.wait_message(HEAD.id, "Ссылка для «tilda»")
        match = re.search(r"/leads/([A-Za-z0-9_-]+)", answer.text)
        assert match is not None
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        async with aiohttp.ClientSession() as http:
            url = f"{app.intake_url}/leads/{match.group(1)}"
            async with http.post(url, data=tilda, headers=form) as response:
                assert response.status == 201, await response.text()
                lead_id = (await response.json())["id"]
        card = await tg.wait_message(TEAM.id, f"Новый лид №{lead_id}")
        assert "Анна Смирнова" in card.text and "Канал: сайт" in card.text
        assert "Рекламная кампания: winter_sale" in card.text and "345-67" not in card.text
        await tg.press(IVAN, card)
        full = await tg.wait_message(IVAN.id, "+79123456789")
        assert "anna@example.ru" in full.text
