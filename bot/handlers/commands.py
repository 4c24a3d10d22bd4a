"""The command menus Telegram shows, per kind of chat and per language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BotCommandScopeUnion,
)

from bot.i18n import Language, Translator

log = logging.getLogger(__name__)

PRIVATE = ("start", "my", "stats", "pause", "resume", "vacation", "vacations", "team", "help")
GROUP = ("join", "team", "stats", "setup", "help")
HEAD_PRIVATE = (
    "start",
    "mode",
    "settings",
    "assign",
    "reopen",
    "stats",
    "export",
    "open",
    "replay",
    "lead",
    "my",
    "newlead",
    "sources",
    "source",
    "team",
    "pause",
    "resume",
    "weight",
    "cap",
    "skills",
    "rules",
    "rule",
    "groups",
    "group",
    "alias",
    "route",
    "vacation",
    "vacations",
    "hours",
    "duty",
    "remove",
    "head",
    "help",
)
# Russian is the menu for everyone whose language has no menu of its own.
_LANGUAGES: tuple[tuple[Language, str | None], ...] = (("ru", None), ("en", "en"))


def menu(names: tuple[str, ...], language: Language) -> list[BotCommand]:
    tr = Translator(language)
    return [BotCommand(command=name, description=tr("cmd." + name)) for name in names]


async def publish_commands(bot: Bot, head_ids: frozenset[int]) -> None:
    """Best effort: a menu that failed to publish costs comfort, not leads."""
    scopes: list[tuple[BotCommandScopeUnion, tuple[str, ...]]] = [
        (BotCommandScopeAllPrivateChats(), PRIVATE),
        (BotCommandScopeAllGroupChats(), GROUP),
    ]
    scopes += [(BotCommandScopeChat(chat_id=admin), HEAD_PRIVATE) for admin in sorted(head_ids)]
    for scope, names in scopes:
        await _publish(bot, scope, names)


async def publish_head_menu(bot: Bot, user_id: int) -> None:
    """A head added at run time gets the head's menu at once, without a restart."""
    await _publish(bot, BotCommandScopeChat(chat_id=user_id), HEAD_PRIVATE)


async def publish_member_menu(bot: Bot, user_id: int) -> None:
    """A head who is a head no more gets the ordinary menu back."""
    await _publish(bot, BotCommandScopeChat(chat_id=user_id), PRIVATE)


async def _publish(bot: Bot, scope: BotCommandScopeUnion, names: tuple[str, ...]) -> None:
    for language, code in _LANGUAGES:
        try:
            await bot.set_my_commands(menu(names, language), scope=scope, language_code=code)
        except TelegramAPIError as error:
            # A head who never opened the private chat has no chat to scope to yet.
            log.info("command menu for %s not published: %s", scope.type, error)
