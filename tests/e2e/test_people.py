"""Who is at work, end to end: a manager paused for offers left to time out comes back with
"I'm here", and a manager removed with leads in work has them handed on as the head decides.
The real application with its real APScheduler, the fake Bot API server and real HTTP
intake; deadlines of a second are set through /set."""

from __future__ import annotations

from storage import LeadRepo, LeadStatus
from tests.e2e.conftest import (
    HEAD,
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

PAUSED = "⏸ Включена пауза"


async def test_a_manager_paused_for_a_lapsed_offer_comes_back_with_im_here(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set mode round_robin", "Сохранено: режим распределения")
        await command(tg, "/set contact_remind off", "Сохранено")
        await command(tg, "/set auto_pause 1", "Сохранено")
        await command(tg, "/set accept_timeout 1s", "Сохранено")
        created = await intake.post(name="ООО Ромашка", phone="+7 912 345-67-89")
        await tg.wait_message(IVAN.id, f"{created['id']} для вас")  # round robin: Ivan first
        paused = await tg.wait_message(IVAN.id, PAUSED)
        assert "подряд: 1" in paused.text
        assert [b["text"] for b in paused.buttons()] == ["✅ Я на месте"]
        told = await tg.wait_message(HEAD.id, "⏸ Пауза: Ivan Petrov")
        assert "/resume @ivan" in told.text
        answer = await tg.press(IVAN, paused, data=paused.button("here"))
        assert answer["text"] == "С возвращением! Новые лиды снова идут вам."
        await tg.wait_for(lambda: paused.buttons() == [])
        assert paused.text.endswith("▶️ Пауза снята: новые лиды снова идут вам.")
        await tg.wait_message(HEAD.id, "▶️ Снова в работе: Ivan Petrov.")
        assert len([m for m in tg.chat(IVAN.id) if PAUSED in m.text]) == 1


async def test_a_removed_managers_lead_is_handed_out_and_its_contacts_reach_the_new_owner_alone(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        await command(tg, "/set contact_remind off", "Сохранено")
        lead_id, _, owner_card = await claimed(tg, intake, IVAN)
        question = await command(tg, "/remove @ivan", "Лидов в работе: 1")
        assert question.buttons()[0]["text"] == "🔀 Раздать по правилам"
        answer = await tg.press(HEAD, question, data=question.button("leave"))
        assert answer.get("show_alert") is not True
        await tg.wait_for(lambda: "розданы по правилам: 1" in question.text)
        assert [b["text"] for b in question.buttons()] == ["↩️ Разрешить вернуться"]
        # First come: a fresh card in the chat, with no way to reach the client on it.
        await tg.wait_for(lambda: cards_by_lead(tg)[lead_id] == 2)
        fresh = [m for m in tg.chat(TEAM.id) if f"№{lead_id}" in m.text][-1]
        assert "912" not in fresh.text
        # Ivan's card says why, without the phone, and keeps no button.
        await tg.wait_for(lambda: owner_card.buttons() == [])
        assert "Вы больше не в команде отдела: лид передан дальше." in owner_card.text
        assert "+79123456789" not in owner_card.text
        # Olga claims it: the phone goes to her, in private.
        await tg.press(OLGA, fresh)
        await tg.wait_message(OLGA.id, "+79123456789")
        lead = await LeadRepo(app.db.conn).get(lead_id)
        assert lead is not None and lead.status is LeadStatus.TAKEN
        assert "+79123456789" not in str([m.text for m in tg.chat(TEAM.id)])
