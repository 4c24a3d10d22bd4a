"""A site-form lead reaches the team chat and is claimed, end to end, over real HTTP."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from storage import Database, LeadEventRepo, LeadRepo, MemberRepo
from tests.e2e.conftest import HEAD, IVAN, OLGA, STRANGER, TEAM, AppFactory, intake_for, set_up_team
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram_html import ApiError


async def test_a_form_lead_is_claimed_by_exactly_one_manager(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app, intake_for(app) as intake:
        await set_up_team(tg)
        created = await intake.post(
            name="ООО <b>Ромашка</b> & сыновья",
            phone="+7 912 345-67-89",
            email="buyer@romashka.ru",
            message="Нужен расчёт на 40 станков",
            utm_source="yandex",
            city="Казань",
        )
        card = await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
        assert "ООО <b>Ромашка</b> & сыновья" in card.text  # shown literally, not as markup
        assert "+7" not in card.text and "buyer@" not in card.text  # no poaching
        assert [b["text"] for b in card.buttons()] == ["✋ Взять лид"]

        answers = await asyncio.gather(
            tg.press(IVAN, card), tg.press(OLGA, card), tg.press(STRANGER, card)
        )
        by_user = dict(zip((IVAN, OLGA, STRANGER), answers, strict=True))
        winners = [u for u in (IVAN, OLGA) if not by_user[u].get("show_alert")]
        assert len(winners) == 1
        winner = winners[0]
        loser = OLGA if winner is IVAN else IVAN
        assert winner.full_name in by_user[loser]["text"]
        assert by_user[loser]["show_alert"] is True
        assert by_user[STRANGER]["show_alert"] is True
        assert "вступите в команду" in by_user[STRANGER]["text"]

        await tg.wait_for(lambda: card.edits == 1)
        assert winner.full_name in card.text
        assert card.buttons() == []
        full = await tg.wait_message(winner.id, f"{created['id']}")
        assert "+79123456789" in full.text
        assert "buyer@romashka.ru" in full.text
        assert "Казань" in full.text and "yandex" in full.text
        assert [m.text for m in tg.chat(loser.id) if str(created["id"]) in m.text] == []
        assert tg.chat(STRANGER.id) == []

    async with app_factory() as app:
        # A client that still shows the old keyboard can send the tap after the restart.
        late = await tg.press(loser, card, data=card.button("claim"))
        assert winner.full_name in late["text"]

    db = await Database.open(app.settings.database)
    try:
        lead = await LeadRepo(db.conn).get(created["id"])
        assert lead is not None
        owner = await MemberRepo(db.conn).by_id(lead.owner_id or 0)
        assert owner is not None and owner.user_id == winner.id
        kinds = [e.kind for e in await LeadEventRepo(db.conn).for_lead(lead.id)]
        assert kinds == ["created", "routed", "card_posted", "claimed"]
    finally:
        await db.close()


async def test_leads_are_taken_while_telegram_is_down_and_posted_when_it_is_back(
    tg: FakeTelegram, app_factory: AppFactory
) -> None:
    async with app_factory() as app:
        await tg.say(HEAD, TEAM.id, "/setup")
        await tg.wait_message(TEAM.id, "Вступить")
    outage = [ApiError(502, "Bad Gateway")] * 3
    tg.fail("getMe", *outage)
    tg.fail("sendMessage", *outage)
    # Backoff itself is tested on a fake clock; here only its outcome matters.
    no_wait = app_factory(first_delay=0.001, retry_delay=lambda attempts: timedelta(0))
    async with no_wait as app, intake_for(app) as intake:
        created = await intake.post(name="Пока Telegram лежит")
        await tg.wait_message(TEAM.id, f"Новый лид №{created['id']}")
    assert tg.faults == {"getme": [], "sendmessage": []}
