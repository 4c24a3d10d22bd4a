"""The real application against a fake Telegram that fails: 429s, 5xx, slow answers,
dropped connections, a removed bot, a blocked manager, an upgraded group."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from random import Random

from tests.e2e.conftest import (
    HEAD,
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    cards_by_lead,
    intake_for,
    set_up_team,
)
from tests.fakes.faults import (
    Chaos,
    Drop,
    Fault,
    Slow,
    bad_gateway,
    internal_error,
    too_many_requests,
)
from tests.fakes.telegram import FakeTelegram


async def test_a_429_on_every_kind_of_message_loses_nothing(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        tg.fail("sendMessage", too_many_requests(1))  # the card
        created = await intake.post(name="Ромашка", phone="+7 912 345-67-89")
        card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        tg.fail("sendMessage", too_many_requests(1))  # the contacts, in private
        tg.fail("editMessageText", too_many_requests(1))  # "taken by"
        tg.fail("answerCallbackQuery", too_many_requests(1))  # the toast
        answer = await tg.press(IVAN, card)
        assert f"№{created['id']}" in answer["text"]
        await tg.wait_for(lambda: card.edits == 1)
        assert IVAN.full_name in card.text
        await tg.wait_message(IVAN.id, "+79123456789")
    assert all(not queued for queued in tg.faults.values())
    assert len(tg.served) == 4


async def test_with_30_percent_of_calls_failing_every_lead_reaches_the_chat(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    faults: list[Callable[[], Fault]] = [internal_error, bad_gateway, Drop, internal_error]
    faults += [Drop, bad_gateway, lambda: too_many_requests(1), lambda: Slow(1.3)]
    quick_retries = app_factory(
        retry_delay=lambda attempts: timedelta(seconds=0.05), request_timeout=1.0
    )
    async with quick_retries as app, intake_for(app) as intake:
        await set_up_team(tg)
        tg.chaos = Chaos(0.3, Random(2026), faults)
        ids = [(await intake.post(name=f"Клиент {n}"))["id"] for n in range(200)]
        await tg.wait_for(lambda: set(cards_by_lead(tg)) >= set(ids), timeout=120)
        tg.chaos = None
    cards = cards_by_lead(tg)
    assert set(cards) == set(ids)
    # A slow answer took effect after the bot gave up on it: the one message in flight
    # may repeat. Nothing else may.
    repeats = sum(cards.values()) - len(ids)
    assert repeats <= tg.served_count("sendMessage", Slow)
    served = [name for name, _ in tg.served if name == "sendmessage"]
    assert len(served) >= 40, "the chaos did not bite: the test proves nothing"


async def test_a_removed_bot_keeps_leads_until_it_is_back(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    tg.started.add(HEAD.id)
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await tg.remove_bot(TEAM, by=OLGA)
        await tg.wait_message(HEAD.id, "Больше не получается писать")
        created = await intake.post(name="Пока бота нет", phone="+7 912 345-67-89")
        held = await tg.wait_message(HEAD.id, f"лид №{created['id']} ждёт")
        assert "+79123456789" in held.text  # a hot lead need not wait for the bot
        await tg.add_bot(TEAM, by=HEAD)
        await tg.wait_message(HEAD.id, "снова может писать")
        await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
    assert cards_by_lead(tg) == {created["id"]: 1}


async def test_a_manager_who_blocked_the_bot_does_not_sit_on_a_lead(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    tg.started.add(HEAD.id)
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        tg.blocked.add(IVAN.id)
        created = await intake.post(name="Ромашка", phone="+7 912 345-67-89")
        first = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        await tg.press(IVAN, first)
        await tg.wait_message(HEAD.id, f"Лид №{created['id']} передан дальше")
        await tg.wait_for(lambda: cards_by_lead(tg)[created["id"]] == 2)
        assert "лид опубликован заново ниже" in first.text and first.buttons() == []
        again = tg.chat(TEAM.id)[-1]
        await tg.press(OLGA, again)
        await tg.wait_message(OLGA.id, "+79123456789")


async def test_an_upgraded_group_keeps_its_open_leads(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    tg.started.add(HEAD.id)
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        open_lead = await intake.post(name="Открытая")
        await tg.wait_message(TEAM.id, f"Новый лид №{open_lead['id']}")
        supergroup = await tg.upgrade(TEAM, -100999, by=HEAD)
        await tg.wait_message(HEAD.id, "стал супергруппой")
        later = await intake.post(name="После переезда")
        await tg.wait_for(
            lambda: set(cards_by_lead(tg, supergroup.id)) == {open_lead["id"], later["id"]}
        )
        card = next(c for c in tg.chat(supergroup.id) if f"№{later['id']}" in c.text)
        answer = await tg.press(IVAN, card)
        assert f"№{later['id']}" in answer["text"]
