"""The bot's own standing in group chats: removed, muted, re-added, or the group upgraded."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.enums import ChatMemberStatus
from aiogram.types import ChatMemberRestricted, ChatMemberUpdated, Message

from bot.handlers.common import IN_GROUP
from bot.i18n import Translator
from bot.services.chats import ChatService, PauseReason
from bot.services.team import TeamService

log = logging.getLogger(__name__)

_PRESENT = {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}
_ABSENT = {ChatMemberStatus.LEFT, ChatMemberStatus.KICKED}


async def on_bot_status(
    event: ChatMemberUpdated, chats: ChatService, teams: TeamService, tr: Translator
) -> None:
    member = event.new_chat_member
    if isinstance(member, ChatMemberRestricted):
        can_post = member.is_member and member.can_send_messages
    else:
        can_post = member.status in _PRESENT
    log.info(
        "bot is now %s in chat %d (changed by user %d)",
        member.status,
        event.chat.id,
        event.from_user.id,
    )
    if can_post:
        await chats.chat_back(event.chat.id)
        if event.old_chat_member.status in _ABSENT:
            await _greet(event, teams, tr)
        return
    gone = member.status in {ChatMemberStatus.LEFT, ChatMemberStatus.KICKED}
    await chats.chat_lost(event.chat.id, PauseReason.REMOVED if gone else PauseReason.MUTED)


async def _greet(event: ChatMemberUpdated, teams: TeamService, tr: Translator) -> None:
    """Just added to a group that is no team chat yet: say what comes next, in the language
    of whoever added the bot."""
    if await teams.team_of_chat(event.chat.id) is not None:
        return
    adder = event.from_user.id
    if not teams.has_heads():
        await event.answer(tr("group.greeting_installer", user_id=adder))
    elif teams.is_head(adder):
        await event.answer(tr("group.greeting_head"))
    else:
        await event.answer(tr("group.greeting"))


async def on_migrated_to(message: Message, chats: ChatService) -> None:
    assert message.migrate_to_chat_id is not None
    await chats.chat_moved(message.chat.id, message.migrate_to_chat_id)


async def on_migrated_from(message: Message, chats: ChatService) -> None:
    assert message.migrate_from_chat_id is not None
    await chats.chat_moved(message.migrate_from_chat_id, message.chat.id)


def make_router() -> Router:
    router = Router(name=__name__)
    router.my_chat_member.register(on_bot_status, IN_GROUP)
    router.message.register(on_migrated_to, F.migrate_to_chat_id)
    router.message.register(on_migrated_from, F.migrate_from_chat_id)
    return router
