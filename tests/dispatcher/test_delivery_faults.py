"""Messages Telegram refuses for good: the lead is handed on, the heads are told, nothing
is retried forever and nothing is lost."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.routing import Mode
from storage import (
    LeadEventRepo,
    LeadRepo,
    LeadStatus,
    MemberRepo,
    OutboxPurpose,
    TeamRepo,
)
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, IVAN, OLGA, TEAM_CHAT, button_update, private, text_update
from tests.conftest import World
from tests.dispatcher.conftest import add_member, make_team, new_lead, stamped
from tests.fakes.errors import migrated, refused, retry_after
from tests.fakes.session import message_for

BLOCKED = "Forbidden: bot was blocked by the user"
KICKED = "Forbidden: bot was kicked from the supergroup chat"


async def deliver_all(world: World) -> None:
    """Run the worker until nothing more is due (the expected calls are set up already)."""
    while await world.worker.deliver_due():
        pass


async def rows(world: World, lead_id: int) -> list[tuple[str, str, int]]:
    return [
        (row.purpose.value, row.status.value, row.chat_id)
        for row in await LeadMessageRepo(world.db.conn).for_lead(lead_id)
    ]


async def claimed_by_ivan(world: World) -> int:
    team = await make_team(world)
    await add_member(world, team, IVAN)
    await add_member(world, team, OLGA)
    lead_id = await new_lead(world, "Ромашка", phone="+7 912 345-67-89")
    world.session.expect_message()
    await deliver_all(world)
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    return lead_id


async def test_a_winner_who_blocked_the_bot_gives_the_lead_back_to_the_team(
    world: World,
) -> None:
    lead_id = await claimed_by_ivan(world)
    before = await LeadRepo(world.db.conn).get(lead_id)
    assert before is not None and before.card_message_id is not None
    world.session.expect(EditMessageText, message_for)  # "taken by Ivan"
    world.session.expect(SendMessage, refused(BLOCKED))  # the contacts, to Ivan
    world.session.expect(EditMessageText, message_for)  # the old card: "posted again below"
    world.session.expect_message(times=2)  # the head's notice, the fresh card
    await deliver_all(world)

    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and (lead.status, lead.owner_id) == (LeadStatus.NEW, None)
    assert await rows(world, lead_id) == [
        ("card", "sent", TEAM_CHAT.id),
        ("card_claimed", "sent", TEAM_CHAT.id),
        ("owner_card", "failed", IVAN.id),
        ("card_returned", "sent", TEAM_CHAT.id),
        ("card", "sent", TEAM_CHAT.id),
        ("head_notice", "sent", HEAD.id),
    ]
    [notice] = [c for c in world.session.of(SendMessage) if c.chat_id == HEAD.id]
    assert f"Лид №{lead_id} передан дальше" in notice.text and "Ivan" in notice.text
    assert "бот заблокирован" in notice.text and "blocked" not in notice.text
    [*_, fresh] = [c for c in world.session.of(SendMessage) if c.chat_id == TEAM_CHAT.id]
    assert fresh.chat_id == TEAM_CHAT.id and fresh.reply_markup is not None
    assert lead.card_message_id not in {None, before.card_message_id}
    edits = world.session.of(EditMessageText)
    assert edits[-1].message_id == before.card_message_id and "ниже" in (edits[-1].text or "")
    kinds = [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)]
    assert kinds[-3:] == ["returned", "routed", "card_posted"]

    # Ivan is out until he can be reached again; someone else takes it, with the contacts.
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(IVAN, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    assert "вступите" in (world.session.of(AnswerCallbackQuery)[-1].text or "")
    world.session.expect(AnswerCallbackQuery)
    await world.feed(button_update(OLGA, TEAM_CHAT, await stamped(world, f"claim:{lead_id}")))
    world.session.expect(EditMessageText, message_for)
    world.session.expect_message()
    await deliver_all(world)
    assert "+79123456789" in (world.session.of(SendMessage)[-1].text or "")


async def test_a_card_telegram_will_never_show_goes_to_the_heads_in_full(world: World) -> None:
    await make_team(world)
    lead_id = await new_lead(world, "Ромашка", phone="+7 912 345-67-89")
    world.session.expect(SendMessage, refused("Bad Request: message is too long"))
    world.session.expect_message()
    await deliver_all(world)
    assert await rows(world, lead_id) == [
        ("card", "failed", TEAM_CHAT.id),
        ("head_notice", "sent", HEAD.id),
    ]
    notice = world.session.of(SendMessage)[-1].text or ""
    assert "Telegram отклоняет текст сообщения" in notice and "+79123456789" in notice
    assert "message is too long" not in notice  # Telegram's English stays out
    kinds = [e.kind for e in await LeadEventRepo(world.db.conn).for_lead(lead_id)]
    assert kinds[-1] == "card_refused"
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and not team.paused  # one bad message does not stop the team


async def test_losing_the_team_chat_pauses_the_team_and_holds_its_cards(world: World) -> None:
    await make_team(world)
    first = await new_lead(world, "A")
    world.session.expect(SendMessage, refused(KICKED))
    world.session.expect_message(times=2)  # the head is told, and gets the lead
    await deliver_all(world)
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.paused and team.pause_reason == "refused"
    second = await new_lead(world, "B")  # leads keep coming in while paused
    world.session.expect_message()  # the head gets this one too
    await deliver_all(world)  # nothing is tried in the team chat meanwhile
    held = ("card", "pending", TEAM_CHAT.id)
    assert await rows(world, first) == [held, ("head_notice", "sent", HEAD.id)]
    assert await rows(world, second) == [held, ("head_notice", "sent", HEAD.id)]
    to_head = [c.text or "" for c in world.session.of(SendMessage) if c.chat_id == HEAD.id]
    assert "Отдел продаж" in to_head[0] and "Имя: A" in to_head[1] and "Имя: B" in to_head[2]

    assert await world.services.chats.chat_back(TEAM_CHAT.id)
    world.session.expect_message(times=3)  # the head's notice and both cards, in order
    await deliver_all(world)
    texts = [c.text or "" for c in world.session.of(SendMessage) if c.chat_id == TEAM_CHAT.id]
    assert [f"№{first}" in texts[-2], f"№{second}" in texts[-1]] == [True, True]


async def test_a_group_upgraded_to_a_supergroup_takes_its_cards_along(world: World) -> None:
    await make_team(world)
    lead_id = await new_lead(world, "A")
    world.session.expect(SendMessage, migrated(-1002))
    world.session.expect_message(times=2)  # the card in the new chat, the head's notice
    await deliver_all(world)
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.chat_id == -1002
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None and lead.card_chat_id == -1002


async def test_an_edit_of_a_deleted_card_is_dropped_without_alarm(world: World) -> None:
    lead_id = await claimed_by_ivan(world)
    world.session.expect(EditMessageText, refused("Bad Request: message to edit not found"))
    world.session.expect_message()  # Ivan still gets the contacts
    await deliver_all(world)
    assert ("card_claimed", "failed", TEAM_CHAT.id) in await rows(world, lead_id)
    assert [c.chat_id for c in world.session.of(SendMessage)] == [TEAM_CHAT.id, IVAN.id]


async def test_a_notice_to_a_head_who_never_started_the_bot_is_dropped(world: World) -> None:
    await make_team(world)
    lead_id = await new_lead(world, "A")
    world.session.expect(SendMessage, refused("Bad Request: message is too long"))
    world.session.expect(SendMessage, refused("Forbidden: bot can't initiate conversation"))
    await deliver_all(world)
    assert await rows(world, lead_id) == [
        ("card", "failed", TEAM_CHAT.id),
        ("head_notice", "failed", HEAD.id),
    ]


@pytest.mark.parametrize("purpose", [OutboxPurpose.CARD_CLAIMED, OutboxPurpose.OWNER_CARD])
async def test_a_429_on_a_claims_messages_loses_nothing(
    world: World, purpose: OutboxPurpose
) -> None:
    lead_id = await claimed_by_ivan(world)
    method = EditMessageText if purpose is OutboxPurpose.CARD_CLAIMED else SendMessage
    other = SendMessage if method is EditMessageText else EditMessageText
    world.session.expect(method, retry_after(7))
    world.session.expect(other, message_for)
    await deliver_all(world)
    world.clock.advance(7)
    world.session.expect(method, message_for)
    await deliver_all(world)
    assert all(status == "sent" for _, status, _ in await rows(world, lead_id))


async def test_an_offer_to_a_manager_who_blocked_the_bot_goes_to_the_next_one(
    world: World,
) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    first = await new_lead(world, "Ромашка", phone="+7 912 345-67-89")
    world.session.expect(SendMessage, refused(BLOCKED))  # the offer, to Ivan
    # The offer to Olga; a notice; the announcement, which the second one, a moment later,
    # turns into the chat's digest (an edit).
    world.session.expect_message(times=3)
    world.session.expect_message(EditMessageText)
    await deliver_all(world)
    lead = await LeadRepo(world.db.conn).get(first)
    assert lead is not None and (lead.status, lead.owner_id) == (LeadStatus.OFFERED, olga.id)
    [to_olga] = [c for c in world.session.of(SendMessage) if c.chat_id == OLGA.id]
    assert "it was with: Ivan, but the bot cannot write to that manager" in to_olga.text
    member = await MemberRepo(world.db.conn).by_id(ivan.id)
    assert member is not None and not member.active
    second = await new_lead(world, "Б")  # Ivan is out of the rotation until he joins again
    assert (await LeadRepo(world.db.conn).get(second)).owner_id == olga.id  # type: ignore[union-attr]


async def test_a_removed_manager_s_offers_move_on_and_taken_leads_stay(world: World) -> None:
    team = await make_team(world)
    ivan = await add_member(world, team, IVAN)
    olga = await add_member(world, team, OLGA)
    await world.services.managers.set_mode(Mode.ROUND_ROBIN)
    taken, offered = await new_lead(world, "A"), await new_lead(world, "B")
    third = await new_lead(world, "C")  # Ivan's second offer
    world.session.expect(AnswerCallbackQuery)
    await world.feed(
        button_update(IVAN, private(IVAN), await stamped(world, f"offer:accept:{taken}"))
    )
    world.session.expect_message()
    await world.feed(text_update(HEAD, private(HEAD), f"/remove {ivan.id}"))
    leads = LeadRepo(world.db.conn)
    assert [(await leads.get(i)).owner_id for i in (taken, offered, third)] == [  # type: ignore[union-attr]
        ivan.id,
        olga.id,
        olga.id,
    ]
    events = await LeadEventRepo(world.db.conn).for_lead(third)
    assert [(e.kind, e.reason) for e in events][-2:] == [
        ("returned", "owner_removed"),
        ("routed", "round_robin"),
    ]
