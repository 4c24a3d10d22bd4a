from __future__ import annotations

from aiogram.methods import SendMessage
from aiogram.types import Chat, User

from bot.actions.intake import NewLead
from bot.handlers.guard import LEAD_BUTTONS
from storage import (
    LeadFields,
    LeadRepo,
    LeadSource,
    MemberRecord,
    MemberRepo,
    TeamRecord,
)
from storage.delivery.lead_messages import LeadMessageRepo
from tests.builders import HEAD_PERSON, TEAM_CHAT, private, text_update
from tests.conftest import World


async def make_team(world: World) -> TeamRecord:
    result = await world.services.teams.setup(TEAM_CHAT.id, TEAM_CHAT.title or "", HEAD_PERSON)
    assert result.team is not None
    return result.team


async def add_member(world: World, team: TeamRecord, user: User) -> MemberRecord:
    async with world.db.unit():
        return await MemberRepo(world.db.conn).upsert_active(
            team.id,
            user.id,
            user.full_name,
            user.username,
            user.language_code or "ru",
            world.clock.now(),
        )


async def new_lead(
    world: World, name: str, phone: str | None = None, channel: str | None = None
) -> int:
    lead = LeadFields(name=name, phone=phone, channel=channel)
    submitted = await world.services.intake.submit(NewLead(lead, LeadSource.HTTP))
    return submitted.lead_id


async def lead_count(world: World) -> int:
    row = await world.db.conn.fetch_one("SELECT COUNT(*) FROM leads")
    assert row is not None
    return int(row[0])


async def outbox_purposes(world: World, lead_id: int) -> list[str]:
    return [row.purpose for row in await LeadMessageRepo(world.db.conn).for_lead(lead_id)]


async def owner_of(world: World, lead_id: int) -> int | None:
    lead = await LeadRepo(world.db.conn).get(lead_id)
    assert lead is not None
    return lead.owner_id


async def reply_to(
    world: World, user: User, text: str, chat: Chat | None = None, **extra: object
) -> str:
    """What the bot answers when `user` sends `text` (to its private chat unless `chat`)."""
    world.session.expect_message()
    await world.feed(text_update(user, chat or private(user), text, **extra))
    return str(world.session.of(SendMessage)[-1].text)


async def stamped(world: World, data: str) -> str:
    """A lead's button as the bot makes it: `data` written without the stamp ("claim:3")
    gets the stamp of the lead it names, as the real button carries it. Data that names no
    lead of the database stays as it is."""
    for factory in LEAD_BUTTONS:
        try:
            button = factory.unpack(data)
        except (TypeError, ValueError):
            continue
        lead = await LeadRepo(world.db.conn).get(button.lead_id)
        if lead is None or button.stamp:
            return data
        return button.model_copy(update={"stamp": lead.stamp or ""}).pack()
    return data
