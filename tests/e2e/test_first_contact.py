"""The first contact end to end: the real application with its real APScheduler, the fake
Bot API server and real HTTP intake. Deadlines of a second or two are set through /set."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import Database, LeadRepo, LeadStatus, Pool
from storage.clock_format import to_db
from storage.work.timers import TimerKind, TimerRepo
from tests.e2e.conftest import (
    HEAD,
    IVAN,
    TEAM,
    AppFactory,
    cards_by_lead,
    command,
    intake_for,
    set_up_team,
)
from tests.fakes.telegram import FakeTelegram

REMINDER = "а связи с клиентом ещё нет"


async def test_the_owner_is_reminded_and_marks_the_contact(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set contact_remind 1s", "Сохранено")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        lead_id = created["id"]
        card = await tg.wait_message(TEAM.id, f"Новый лид №{lead_id}")
        await tg.press(IVAN, card)
        owner_card = await tg.wait_message(IVAN.id, "+79123456789")
        reminder = await tg.wait_message(IVAN.id, REMINDER)
        assert reminder.message_id > owner_card.message_id  # a new message: it rings
        assert reminder.buttons()[0]["text"] == "📞 Есть контакт"
        answer = await tg.press(IVAN, reminder, data=reminder.button("cnt"))
        assert answer["text"] == f"Лид №{lead_id}: контакт с клиентом отмечен."
        # 📞 leaves every message; the outcomes stay; both cards say the client was reached.
        await tg.wait_for(lambda: "📞 С клиентом связались" in owner_card.text)
        await tg.wait_for(lambda: "📞 Есть контакт" not in str(reminder.buttons()))
        assert [b["text"] for b in owner_card.buttons()] == ["🏆 Сделка", "❌ Отказ"]
        await tg.wait_for(lambda: "📞 С клиентом связались" in card.text)
        assert "912" not in card.text
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and lead.contacted_at is not None
        assert len([m for m in tg.chat(IVAN.id) if REMINDER in m.text]) == 1


async def test_a_lead_nobody_called_goes_back_to_the_chat(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set contact_remind off", "Сохранено")
        await command(tg, "/set contact_timeout 1s", "Сохранено")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        lead_id = created["id"]
        card = await tg.wait_message(TEAM.id, f"Новый лид №{lead_id}")
        await tg.press(IVAN, card)
        notice = await tg.wait_message(HEAD.id, f"📵 Лид №{lead_id}: нет связи с клиентом за 1 с")
        assert "Ivan Petrov" in notice.text
        await tg.wait_for(lambda: cards_by_lead(tg)[lead_id] == 2)  # a fresh card to claim
        # Ivan's card no longer shows the client's phone, says why, and keeps no button.
        owner_card = await tg.wait_message(IVAN.id, "📵 Связи с клиентом не было 1 с")
        assert "+79123456789" not in owner_card.text and owner_card.buttons() == []
        old_card = next(m for m in tg.chat(TEAM.id) if f"№{lead_id}" in m.text)
        assert "↩️ Нет связи с клиентом 1 с (Ivan Petrov): лид опубликован заново ниже." in (
            old_card.text
        )
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and (lead.status, lead.pool) == (LeadStatus.NEW, Pool.CHAT)


async def test_a_contact_reminder_due_while_the_bot_was_down_fires_once_after(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set contact_remind 1h", "Сохранено")
        created = await intake.post(name="ООО Ромашка")
        card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        await tg.press(IVAN, card)
        await tg.wait_message(IVAN.id, f"Лид №{created['id']}")
        target = app.settings.database
    # The hour passes while the bot is down: the reminder is overdue when it starts again.
    db = await Database.open(target)
    try:
        past = to_db(datetime.now(UTC) - timedelta(minutes=5))
        await db.conn.execute(
            "UPDATE timers SET due_at = ? WHERE kind = ?", (past, TimerKind.CONTACT_REMIND.value)
        )
    finally:
        await db.close()
    async with app_factory() as app:
        await tg.wait_message(IVAN.id, REMINDER)
        assert await TimerRepo(app.db.conn).pending(1, (TimerKind.CONTACT_REMIND,)) == []
    async with app_factory():
        pass
    assert len([m for m in tg.chat(IVAN.id) if REMINDER in m.text]) == 1
