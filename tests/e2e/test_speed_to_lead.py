"""Speed to lead end to end, the parts not in their own files: least loaded, one lead per
client, the deal's amount, and the report of all of it. The real application, the fake Bot
API server and real HTTP intake."""

from __future__ import annotations

from storage import LeadEventRepo, LeadRepo
from tests.e2e.conftest import (
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    cards_by_lead,
    claimed,
    command,
    intake_for,
    set_up_team,
)
from tests.fakes.telegram import FakeTelegram


async def test_least_loaded_sends_the_next_lead_to_whoever_has_less_in_work(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set mode по загрузке", "Сохранено: режим распределения")
        first = (await intake.post(name="Клиент 1"))["id"]
        offer = await tg.wait_message(IVAN.id, f"{first} для вас")
        await tg.press(IVAN, offer, data=offer.button("offer:accept"))
        # Ivan has one lead in work, Olga none: the next goes to Olga.
        second = (await intake.post(name="Клиент 2"))["id"]
        olgas = await tg.wait_message(OLGA.id, f"#{second}")
        assert "Why you: you have the fewest open leads (0)" in olgas.text
        announced = await tg.wait_message(TEAM.id, f"№{second} Клиент 2 → Olga Smirnova")
        assert "меньше всего в работе" in announced.text


async def test_a_repeat_form_joins_the_open_lead_and_its_owner_hears_of_it(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        lead_id, _, _ = await claimed(tg, intake, IVAN)
        again = await intake.post(name="ООО Ромашка", phone="+7 (912) 345 67 89", email="a@b.ru")
        assert again == {"id": lead_id, "duplicate": True}
        told = await tg.wait_message(IVAN.id, f"🔁 Повторная заявка от клиента лида №{again['id']}")
        assert "a@b.ru" in told.text
        assert cards_by_lead(tg)[lead_id] == 1  # no second card
        assert "a@b.ru" not in str([m.text for m in tg.chat(TEAM.id)])
        events = await LeadEventRepo(app.db.conn).for_lead(lead_id)
        [repeat] = [e for e in events if e.kind == "repeated"]
        assert "a@b.ru" in str(repeat.details)  # what it said anew, in the lead's history


async def test_won_asks_the_amount_and_stats_report_money_and_speed(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        lead_id, _, owner_card = await claimed(tg, intake, IVAN)
        await tg.press(IVAN, owner_card, data=owner_card.button("cnt"))
        await tg.wait_for(lambda: "📞 С клиентом связались" in owner_card.text)
        await tg.press(IVAN, owner_card, data=owner_card.button("out:won"))
        await tg.wait_message(IVAN.id, f"💰 Сумма сделки по лиду №{lead_id}?")
        await tg.say(IVAN, IVAN.id, "1,5 млн")
        await tg.wait_message(IVAN.id, f"💰 Лид №{lead_id}: сумма сделки — 1\xa0500\xa0000.")
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and lead.won_amount == 1_500_000
        stats = await command(tg, "/stats", "Сделки")
        assert "Связь с клиентом" in stats.text
        assert "1\xa0500\xa0000" in stats.text
