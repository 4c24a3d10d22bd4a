"""Leads sent to a person: round robin offers, Accept and Return, outcomes, caps, pause."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup
from aiogram.types import User

from bot.routing import Mode
from storage import LeadEventRepo, LeadRepo, LeadStatus, OutboxPurpose, OutboxRecord
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, reply_to, stamped

PETR = User(id=203, is_bot=False, first_name="Petr", username="petr", language_code="ru")
MARIA = User(id=204, is_bot=False, first_name="Maria", username="maria", language_code="ru")


async def round_robin_team(world: World, *users: User) -> list[int]:
    team = await make_team(world)
    members = [await add_member(world, team, user) for user in users]
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    return [m.id for m in members]


async def tap(world: World, user: User, data: str, menu: bool = False) -> AnswerCallbackQuery:
    if menu:
        world.session.expect(EditMessageReplyMarkup)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(user, private(user), await stamped(world, data)))
    answer: AnswerCallbackQuery = world.session.of(AnswerCallbackQuery)[-1]
    return answer


async def rows(world: World, lead_id: int, purpose: OutboxPurpose) -> list[OutboxRecord]:
    return [
        r for r in await LeadMessageRepo(world.db.conn).for_lead(lead_id) if r.purpose is purpose
    ]


async def status(world: World, lead_id: int) -> tuple[LeadStatus, int | None]:
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    return lead.status, lead.owner_id


async def test_round_robin_offers_leads_in_turn_without_contacts(world: World) -> None:
    ids = await round_robin_team(world, IVAN, OLGA, PETR, MARIA)
    leads = [await new_lead(world, f"Клиент {n}", phone=f"+7 912 345-67-{n:02d}") for n in range(8)]
    offered_to = []
    for lead_id in leads:
        [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
        offered_to.append(offer.chat_id)
        assert "+7" not in offer.text and "345" not in offer.text
        assert offer.buttons is not None
        assert [b.text for b in offer.buttons[0]] == ["✅ Принять", "↩️ Вернуть"] or [
            b.text for b in offer.buttons[0]
        ] == ["✅ Accept", "↩️ Return"]
        assert await status(world, lead_id) == (LeadStatus.OFFERED, ids[leads.index(lead_id) % 4])
    users = [IVAN.id, OLGA.id, PETR.id, MARIA.id]
    assert offered_to == users + users
    [announce] = await rows(world, leads[1], OutboxPurpose.ANNOUNCE)
    assert announce.chat_id == TEAM_CHAT.id
    assert announce.text == f"№{leads[1]} Клиент 1 → Olga · по очереди"
    [second] = await rows(world, leads[1], OutboxPurpose.OFFER_CARD)
    assert "Why you: your turn (previous lead: Ivan)" in second.text


async def test_accept_reveals_the_contacts_in_the_same_message(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "ООО Ромашка", phone="+7 912 345-67-89")
    answer = await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert answer.text == f"Лид №{lead_id} ваш: контакты — в карточке."
    assert (await status(world, lead_id))[0] is LeadStatus.TAKEN
    [offer] = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    [accepted] = await rows(world, lead_id, OutboxPurpose.OFFER_ACCEPTED)
    assert accepted.target_id == offer.id and accepted.chat_id == IVAN.id
    assert "+79123456789" in accepted.text
    assert "Почему вам: ваша очередь" in accepted.text
    assert accepted.buttons is not None
    # The client is not reached yet: 📞 above the outcomes.
    assert [[b.text for b in row] for row in accepted.buttons] == [
        ["📞 Есть контакт"],
        ["🏆 Сделка", "❌ Отказ"],
    ]
    again = await tap(world, IVAN, f"offer:accept:{lead_id}")
    assert again.show_alert and again.text == f"Лид №{lead_id} уже ваш: взят сегодня в 12:00."


async def test_accept_on_someone_elses_lead_is_refused_and_changes_nothing(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "A", phone="+79123456789")
    answer = await tap(world, OLGA, f"offer:accept:{lead_id}")
    assert answer.show_alert
    assert answer.text == f"Lead #{lead_id} is offered to another manager now: Ivan."
    assert (await status(world, lead_id))[0] is LeadStatus.OFFERED
    assert await rows(world, lead_id, OutboxPurpose.OFFER_ACCEPTED) == []


async def test_return_asks_why_then_passes_the_lead_on_with_the_reason(world: World) -> None:
    ivan, olga, _ = await round_robin_team(world, IVAN, OLGA, PETR)
    lead_id = await new_lead(world, "A", phone="+79123456789")
    await tap(world, IVAN, f"offer:return:{lead_id}", menu=True)
    [menu] = world.session.of(EditMessageReplyMarkup)
    assert [row[0].text for row in menu.reply_markup.inline_keyboard] == [
        "Не мой профиль",
        "Слишком много лидов",
        "Другая причина",
        "← Назад",
    ]
    assert (await status(world, lead_id)) == (LeadStatus.OFFERED, ivan)  # not yet
    answer = await tap(world, IVAN, f"ret:{lead_id}:profile")
    assert answer.text == f"Лид №{lead_id} возвращён."
    assert await status(world, lead_id) == (LeadStatus.OFFERED, olga)
    offers = await rows(world, lead_id, OutboxPurpose.OFFER_CARD)
    assert [o.chat_id for o in offers] == [IVAN.id, OLGA.id]
    assert "returned before you by: Ivan, reason: Not my profile" in offers[1].text
    [update] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert update.target_id == offers[0].id and update.buttons == []
    assert "Лид возвращён, причина: Не мой профиль" in update.text
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    assert [(e.kind, e.reason, e.member_id) for e in events if e.kind == "returned"] == [
        ("returned", "profile", ivan)
    ]


async def test_a_lead_returned_by_everyone_goes_to_the_team_chat_and_the_heads(
    world: World,
) -> None:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"ret:{lead_id}:busy")
    assert await status(world, lead_id) == (LeadStatus.NEW, None)
    [card] = await rows(world, lead_id, OutboxPurpose.CARD)
    assert card.chat_id == TEAM_CHAT.id
    notices = await rows(world, lead_id, OutboxPurpose.HEAD_NOTICE)
    assert [n.chat_id for n in notices] == [HEAD.id]
    assert (
        "отдать некому (Ivan — уже отказались от этого лида или не приняли вовремя)"
        in notices[0].text
    )


async def test_the_back_button_restores_accept_and_return(world: World) -> None:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"ret:{lead_id}:", menu=True)
    [menu] = world.session.of(EditMessageReplyMarkup)
    assert [b.callback_data for b in menu.reply_markup.inline_keyboard[0]] == [
        await stamped(world, f"offer:accept:{lead_id}"),
        await stamped(world, f"offer:return:{lead_id}"),
    ]
    assert (await status(world, lead_id))[0] is LeadStatus.OFFERED


async def test_won_closes_the_lead_once(world: World) -> None:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    answer = await tap(world, IVAN, f"out:won:{lead_id}")
    assert answer.text == f"Лид №{lead_id}: сделка. Поздравляю!"
    assert (await status(world, lead_id))[0] is LeadStatus.WON
    again = await tap(world, IVAN, f"out:won:{lead_id}")
    assert again.show_alert
    assert again.text == f"Лид №{lead_id} уже закрыт: сделка, Ivan, сегодня в 12:00."
    [closed] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert "🏆 Итог: сделка." in closed.text
    # For a few minutes the owner may take it back (a mistaken tap); nothing else is left.
    assert closed.buttons is not None
    assert [b.text for row in closed.buttons for b in row] == ["↩️ Отменить итог"]


async def test_lost_asks_a_reason_and_keeps_it(world: World) -> None:
    await round_robin_team(world, IVAN)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    await tap(world, IVAN, f"out:lost:{lead_id}", menu=True)
    [menu] = world.session.of(EditMessageReplyMarkup)
    assert menu.reply_markup.inline_keyboard[0][0].text == "Не отвечает"
    await tap(world, IVAN, f"lost:{lead_id}:competitor")
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.lost_reason) == (LeadStatus.LOST, "competitor")
    [closed] = await rows(world, lead_id, OutboxPurpose.UPDATE)
    assert "Итог: отказ — Купили у конкурента." in closed.text


async def test_only_the_owner_closes_a_lead(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    lead_id = await new_lead(world, "A")
    await tap(world, IVAN, f"offer:accept:{lead_id}")
    answer = await tap(world, OLGA, f"out:won:{lead_id}")
    assert answer.show_alert
    assert answer.text == f"Lead #{lead_id} is already being worked by Ivan, taken today at 12:00."
    assert (await status(world, lead_id))[0] is LeadStatus.TAKEN


async def test_a_closed_first_come_lead_shows_its_outcome_in_the_team_chat(world: World) -> None:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    lead_id = await new_lead(world, "A")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    [owner] = await rows(world, lead_id, OutboxPurpose.OWNER_CARD)
    assert owner.buttons is not None and owner.buttons[1][0].text == "🏆 Сделка"
    await tap(world, IVAN, f"out:won:{lead_id}")
    [card] = await rows(world, lead_id, OutboxPurpose.CARD_CLOSED)
    assert card.text.endswith("🏆 Сделка. Менеджер: <b>Ivan</b>.") and "В работе" not in card.text


async def test_a_paused_or_capped_manager_is_skipped_and_the_reason_says_so(world: World) -> None:
    ivan, olga, petr = await round_robin_team(world, IVAN, OLGA, PETR)
    assert "Пауза включена" in await reply_to(world, IVAN, "/pause")
    assert "уже включена" in await reply_to(world, IVAN, "/pause")
    await reply_to(world, HEAD, "/cap @olga 0")
    lead_id = await new_lead(world, "A")
    assert await status(world, lead_id) == (LeadStatus.OFFERED, petr)
    events = await LeadEventRepo(world.db.conn).for_lead(lead_id)
    routed = next(e for e in events if e.kind == "routed")
    assert routed.details["passed"] == [["Ivan", "paused"], ["Olga", "at_cap"]]
    assert "Пауза снята" in await reply_to(world, IVAN, "/resume")
    second = await new_lead(world, "B")
    assert await status(world, second) == (LeadStatus.OFFERED, ivan)
    assert olga  # Olga's cap of 0 keeps her out of every rotation


async def test_a_manager_may_not_pause_someone_else(world: World) -> None:
    await round_robin_team(world, IVAN, OLGA)
    assert await reply_to(world, IVAN, "/pause @olga") == "Это может только руководитель отдела."
    assert "Пауза: Olga" in await reply_to(world, HEAD, "/pause @olga")
    assert "Пауза снята: Olga" in await reply_to(world, HEAD, "/resume @olga")


async def test_with_announce_off_the_team_chat_gets_no_line(world: World) -> None:
    await round_robin_team(world, IVAN)
    assert "Сохранено" in await reply_to(world, HEAD, "/set announce off")
    lead_id = await new_lead(world, "A")
    assert await rows(world, lead_id, OutboxPurpose.ANNOUNCE) == []
    assert len(await rows(world, lead_id, OutboxPurpose.OFFER_CARD)) == 1
