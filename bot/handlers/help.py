from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import InlineKeyboardMarkup, Message

from bot.handlers.common import IN_PRIVATE
from bot.i18n import Translator
from bot.presentation.keyboards import console_row
from bot.services.team import TeamService


async def on_help(
    message: Message, teams: TeamService, tr: Translator, console_url: str | None
) -> None:
    """What this person can do, by role; a head in private also gets the console's button."""
    assert message.from_user is not None
    if teams.is_head(message.from_user.id):
        console = console_url if message.chat.type == "private" else None
        markup = (
            InlineKeyboardMarkup(inline_keyboard=[console_row(console, tr)]) if console else None
        )
        await message.answer(tr("help.head"), reply_markup=markup)
        return
    team = await teams.primary()
    if team is not None and await teams.member(team, message.from_user.id):
        await message.answer(tr("help.manager", title=team.title))
        return
    # The one setting the bot up is a guest until ADMIN_IDS names them: with no head yet,
    # tell them their id. Once there is a head, a guest is a manager-to-be: never that.
    if not teams.has_heads():
        await message.answer(tr("help.installer", user_id=message.from_user.id))
        return
    await message.answer(tr("help.guest"))


async def on_anything_else(message: Message, tr: Translator) -> None:
    await message.answer(tr("private.hint"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_help, CommandStart(), IN_PRIVATE)
    router.message.register(on_help, Command("help"))
    router.message.register(on_anything_else, IN_PRIVATE)
    return router
