"""Time end to end: the real application with its real APScheduler, the fake Bot API server
and real HTTP intake. Deadlines of a second or two are set through /set, as a head would;
the bot's restart is a real stop and start on the same database file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import Database, LeadRepo, LeadStatus, Pool
from storage.clock_format import to_db
from storage.work.timers import TimerKind, TimerRepo
from tests.e2e.conftest import (
    HEAD,
    IVAN,
    OLGA,
    TEAM,
    AppFactory,
    command,
    intake_for,
    set_up_team,
)
from tests.e2e.test_lead_life import PETR, join
from tests.fakes.telegram import FakeTelegram

REMINDER = "ждёт уже"


async def test_an_unclaimed_card_is_reminded_in_the_chat_then_the_heads_are_asked(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set claim_remind 1s", "Сохранено")
        await command(tg, "/set claim_escalate 1s", "Сохранено")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        reminder = await tg.wait_message(TEAM.id, REMINDER)
        assert reminder.reply_to == card.message_id
        assert reminder.text == f"⏰ Лид №{created['id']} (ООО Ромашка) ждёт уже 1 с. Кто возьмёт?"
        ask = await tg.wait_message(HEAD.id, "так и не взят из чата за 2 с")
        assert "912" not in ask.text
        assert [b["text"].split(" · ")[0] for b in ask.buttons()] == [
            "Ivan Petrov",
            "Olga Smirnova",
        ]
        # Ivan claims it after all: the head's card loses its buttons and says who has it.
        answer = await tg.press(IVAN, card)
        assert "ваш" in answer["text"]
        await tg.wait_for(lambda: ask.edits == 1)
        assert "✋ Лид взят из чата: Ivan Petrov." in ask.text and ask.buttons() == []
        assert [m.text for m in tg.chat(TEAM.id)].count(reminder.text) == 1


async def test_an_offer_passes_on_once_per_timeout_and_stops_at_the_heads(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await join(tg, PETR)
        await command(tg, "/set mode round_robin", "Сохранено")
        await command(tg, "/set max_passes 2", "Сохранено")
        await command(tg, "/set accept_timeout 1s", "Сохранено")
        created = await intake.post(name="ООО Ромашка")
        lead_id = created["id"]
        await tg.wait_message(HEAD.id, "Передач по очереди было: 2 — дальше решает руководитель")
        # Each offer, once passed on, reads as the card of a lead that left its manager.
        for user, title, status in (
            (IVAN, f"📋 Лид №{lead_id}\n", "⏳ Не принят за 1 с: лид передан дальше."),
            (OLGA, f"📋 Lead #{lead_id}\n", "⏳ Not accepted within 1 s: the lead was passed on."),
        ):
            [card] = [m for m in tg.chat(user.id) if m.text.startswith(title)]
            assert card.text.endswith(status) and card.buttons() == []
            assert "Примите лид" not in card.text and "Accept the lead" not in card.text
        # The heads have it now, not a third manager.
        assert [m for m in tg.chat(PETR.id) if f"№{lead_id}" in m.text] == []
        # One message each, each new and heard (not an edit of the first); the second is
        # the card that asks whom to give the lead, and says why it asks.
        notices = [m for m in tg.chat(HEAD.id) if "не принят за 1 с" in m.text]
        assert all(m.edits == 0 for m in notices)
        head = f"⏳ Лид №{lead_id} не принят за 1 с:"
        assert [m.text.split("\n")[0] for m in notices] == [
            f"{head} Ivan Petrov. Дальше: лид получает Olga Smirnova.",
            f"{head} Olga Smirnova. Передач по очереди было: 2 — дальше решает руководитель.",
        ]
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and (lead.status, lead.pool) == (LeadStatus.NEW, Pool.HEADS)


async def test_a_vacation_from_today_covers_a_rule_and_hands_back_at_the_end(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/rule add industry=medical -> @ivan", "Правило 1")
        started = await command(tg, "/vacation @ivan today 2026-12-31 @olga", "Отпуск начался")
        assert "замещает: Olga Smirnova" in started.text
        await tg.wait_message(TEAM.id, "В отпуске по 31.12.2026: Ivan Petrov")
        created = await intake.post(name="Клиника", industry="medical", phone="+79001234567")
        lead_id = created["id"]
        offer = await tg.wait_message(OLGA.id, f"Lead #{lead_id} for you")
        assert "you stand in for: Ivan Petrov" in offer.text
        await tg.press(OLGA, offer, data=offer.button("offer:accept"))
        await tg.wait_for(lambda: "+79001234567" in offer.text)
        await command(tg, "/vacation end @ivan", "Возвращено лидов: 1")
        card = await tg.wait_message(IVAN.id, "лид был у заместителя: Olga Smirnova")
        assert "+79001234567" in card.text  # Ivan gets the contacts back with the lead
        await tg.wait_message(OLGA.id, f"went to that manager: #{lead_id}")
        await tg.wait_message(TEAM.id, "Снова в работе: Ivan Petrov")
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and lead.owner_id == 1 and lead.status is LeadStatus.TAKEN


async def test_a_reminder_due_while_the_bot_was_down_fires_once_after_the_restart(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set claim_remind 1h", "Сохранено")
        created = await intake.post(name="ООО Ромашка")
        await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        db_path = app.settings.database
    # An hour passes while the bot is down: its timer is overdue when it starts again.
    # APScheduler's default grace would skip a job that late; the bot's setting runs it.
    db = await Database.open(db_path)
    try:
        past = to_db(datetime.now(UTC) - timedelta(minutes=5))
        await db.conn.execute("UPDATE timers SET due_at = ? WHERE kind = 'claim_remind'", (past,))
    finally:
        await db.close()
    async with app_factory() as app:
        await tg.wait_message(TEAM.id, REMINDER)
        fired = await TimerRepo(app.db.conn).pending(1, (TimerKind.CLAIM_REMIND,))
        assert fired == []  # done with, not waiting to fire again
    async with app_factory() as app:
        # The next start rebuilds its wake-up from what is still pending: the escalation.
        assert app.scheduler.armed is not None
        assert app.scheduler.armed > datetime.now(UTC) + timedelta(minutes=10)
    assert len([m for m in tg.chat(TEAM.id) if REMINDER in m.text]) == 1
