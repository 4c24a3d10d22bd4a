"""Groups of managers for rules: /group add|mode|del and /groups (heads)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import heads_only, person_of, say
from bot.handlers.filters import IsHead
from bot.handlers.routing.rule_views import groups_text
from bot.i18n import Translator
from bot.services.reply import Reply
from bot.services.rules import RuleService


async def on_group(
    message: Message, command: CommandObject, rules: RuleService, tr: Translator
) -> None:
    assert message.from_user is not None
    actor = person_of(message.from_user)
    words = (command.args or "").split()
    action, rest = (words[0].casefold(), words[1:]) if words else ("", [])
    if action == "add" and rest:
        reply = await rules.add_group(actor, rest[0], rest[1:])
    elif action == "mode" and len(rest) >= 2:
        reply = await rules.group_mode(actor, rest[0], " ".join(rest[1:]))
    elif action in {"del", "delete"} and rest:
        reply = await rules.delete_group(actor, rest[0], rest[1:])
    else:
        reply = Reply("group.usage")
    await message.answer(say(reply, tr))


async def on_groups(message: Message, rules: RuleService, tr: Translator) -> None:
    situation = await rules.situation()
    if situation is None:
        await message.answer(tr("team.none"))
        return
    await message.answer(groups_text(situation, tr))


def make_router() -> Router:
    router = Router(name=__name__)
    for name, handler in (("group", on_group), ("groups", on_groups)):
        router.message.register(handler, Command(name), IsHead())
        router.message.register(heads_only(), Command(name))
    return router
