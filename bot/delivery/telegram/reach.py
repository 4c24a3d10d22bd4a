from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import ChatMemberRestricted

log = logging.getLogger(__name__)

_IN_CHAT = {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}


class TelegramReach:
    """Answers the questions joining asks, by asking Telegram."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def try_message(self, user_id: int, text: str) -> bool | None:
        try:
            await self._bot.send_message(user_id, text)
        except TelegramForbiddenError:
            return False
        except TelegramBadRequest as error:
            # "chat not found": a user the bot has never seen in private.
            log.info("cannot message user %d: %s", user_id, error.message)
            return False
        except (TelegramAPIError, TimeoutError, OSError) as error:
            log.warning("could not reach user %d: %s", user_id, error)
            return None
        return True

    async def in_chat(self, chat_id: int, user_id: int) -> bool:
        try:
            member = await self._bot.get_chat_member(chat_id, user_id)
        except TelegramAPIError as error:
            log.info("membership of user %d in chat %d unknown: %s", user_id, chat_id, error)
            return False
        if isinstance(member, ChatMemberRestricted):
            return member.is_member
        return member.status in _IN_CHAT
