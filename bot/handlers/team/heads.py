"""/head: the heads of sales, listed, added and removed from Telegram."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.commands import publish_head_menu, publish_member_menu
from bot.handlers.common import heads_only, person_of, shown_username
from bot.handlers.filters import IsHead
from bot.i18n import Html, Translator
from bot.people import Person
from bot.services.heads import HeadChange, HeadService

_ADD = ("add", "добавить")
_DELETE = ("del", "delete", "remove", "убрать", "удалить")


async def _listing(heads: HeadService, tr: Translator) -> Html:
    listing = await heads.listing()
    lines = [tr("head.header")]
    lines += [
        tr(
            "head.configured",
            name=head.full_name or tr("head.unnamed", user_id=head.user_id),
            username=shown_username(head.username),
        )
        for head in listing.configured
    ]
    lines += [
        tr(
            "head.entry",
            name=head.full_name,
            username=shown_username(head.username),
        )
        for head in listing.added
    ]
    return Html("\n".join([*lines, "", tr("head.usage")]))


async def _target(message: Message, rest: str, heads: HeadService, bot: Bot) -> Person | None:
    replied = message.reply_to_message.from_user if message.reply_to_message else None
    if replied is not None and not rest and replied.id != bot.id and not replied.is_bot:
        return person_of(replied)
    return await heads.resolve(rest) if rest else None


async def on_head(
    message: Message, command: CommandObject, heads: HeadService, bot: Bot, tr: Translator
) -> None:
    assert message.from_user is not None
    action, _, rest = (command.args or "").strip().partition(" ")
    action = action.casefold()
    if action not in _ADD + _DELETE:
        await message.answer(await _listing(heads, tr))
        return
    person = await _target(message, rest.strip(), heads, bot)
    if person is None:
        await message.answer(tr("head.not_found"))
        return
    actor = person_of(message.from_user)
    if action in _ADD:
        result = await heads.add(actor, person)
    else:
        result = await heads.remove(actor, person)
    match result.outcome:
        case HeadChange.ADDED:
            await publish_head_menu(bot, person.user_id)
            await message.answer(tr("head.added", name=person.full_name))
        case HeadChange.ALREADY:
            await message.answer(tr("head.already", name=person.full_name))
        case HeadChange.REMOVED:
            await publish_member_menu(bot, person.user_id)
            await message.answer(tr("head.removed", name=person.full_name))
        case HeadChange.CONFIGURED:
            await message.answer(tr("head.configured_stays"))
        case HeadChange.NOT_FOUND:
            await message.answer(tr("head.not_found"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_head, Command("head", "heads"), IsHead())
    router.message.register(heads_only(), Command("head", "heads"))
    return router
