"""The bot removed from the team chat, muted, added back; the group upgraded."""

from __future__ import annotations

import logging

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Chat

from bot.services.chats import PauseReason
from storage import LeadRepo, TeamRepo
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD, HEAD_PERSON, IVAN, TEAM_CHAT, bot_status_update, service_update
from tests.conftest import World
from tests.dispatcher.conftest import make_team, new_lead

OLD_GROUP = Chat(id=-500, type="group", title="Отдел продаж")
SUPERGROUP = Chat(id=-1005, type="supergroup", title="Отдел продаж")


async def paused(world: World) -> bool:
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None
    return team.paused


@pytest.mark.parametrize(
    ("status", "reason"), [("kicked", "удалили"), ("left", "удалили"), ("muted", "запрещено")]
)
async def test_removing_or_muting_the_bot_pauses_the_team_and_tells_the_heads(
    world: World, status: str, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    await make_team(world)
    with caplog.at_level(logging.INFO):
        await world.feed(bot_status_update(IVAN, TEAM_CHAT, "member", status))
    assert await paused(world)
    assert f"changed by user {IVAN.id}" in caplog.text
    lead_id = await new_lead(world, "A", phone="+7 912 345-67-89")
    world.session.expect_message(times=2)  # only to the head: the notice, the lead itself
    while await world.worker.deliver_due():
        pass
    notice, handed = world.session.of(SendMessage)
    assert notice.chat_id == HEAD.id and reason in (notice.text or "")
    assert handed.chat_id == HEAD.id and "+79123456789" in (handed.text or "")
    card, _ = await LeadMessageRepo(world.db.conn).for_lead(lead_id)
    assert (card.purpose, card.status) == ("card", "pending")

    await world.feed(bot_status_update(HEAD, TEAM_CHAT, status, "administrator"))
    assert not await paused(world)
    world.session.expect_message(times=2)  # "back", then the held card
    while await world.worker.deliver_due():
        pass
    assert {c.chat_id for c in world.session.of(SendMessage)[-2:]} == {HEAD.id, TEAM_CHAT.id}


async def test_the_bot_leaving_a_chat_that_is_no_team_changes_nothing(world: World) -> None:
    await make_team(world)
    other = Chat(id=-777, type="supergroup", title="Флудилка")
    await world.feed(bot_status_update(IVAN, other, "member", "kicked"))
    assert not await paused(world)
    assert await world.worker.deliver_due() == 0


async def test_setup_in_the_chat_resumes_a_paused_team(world: World) -> None:
    await make_team(world)
    await world.services.chats.chat_lost(TEAM_CHAT.id, PauseReason.REFUSED)
    assert await paused(world)
    await make_team(world)
    assert not await paused(world)


async def test_an_upgraded_group_moves_the_team_and_reposts_open_cards(world: World) -> None:
    result = await world.services.teams.setup(OLD_GROUP.id, "Отдел продаж", HEAD_PERSON)
    assert result.team is not None
    posted = await new_lead(world, "posted")
    world.session.expect_message()
    await world.worker.deliver_due()
    waiting = await new_lead(world, "waiting")  # its card is not out yet

    await world.feed(service_update(HEAD, OLD_GROUP, migrate_to_chat_id=SUPERGROUP.id))
    await world.feed(service_update(HEAD, SUPERGROUP, migrate_from_chat_id=OLD_GROUP.id))
    team = await TeamRepo(world.db.conn).primary()
    assert team is not None and team.chat_id == SUPERGROUP.id
    world.session.expect_message(times=3)  # the waiting card, the posted one again, a notice
    while await world.worker.deliver_due():
        pass
    cards = [c.text or "" for c in world.session.of(SendMessage) if c.chat_id == SUPERGROUP.id]
    assert [f"№{waiting}" in cards[0], f"№{posted}" in cards[1]] == [True, True]
    for lead_id in (posted, waiting):
        lead = await LeadRepo(world.db.conn).get(lead_id)
        assert lead is not None and lead.card_chat_id == SUPERGROUP.id
