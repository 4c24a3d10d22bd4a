"""Vacations: /vacation (plan, end, cancel) and /vacations."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import heads_only, person_of, say
from bot.handlers.filters import InTeam
from bot.i18n import Translator
from bot.services.reply import Reply
from bot.timing.vacations import Vacations


async def on_vacation(
    message: Message, command: CommandObject, vacations: Vacations, tr: Translator
) -> None:
    assert message.from_user is not None
    actor = person_of(message.from_user)
    words = (command.args or "").split()
    first = words[0].casefold() if words else ""
    if not words:
        answer = Reply("vacation.usage")
    elif first in {"end", "конец", "закончить"} and len(words) <= 2:
        answer = await vacations.end(actor, words[1] if len(words) == 2 else None)
    elif first in {"cancel", "отмена", "отменить"} and len(words) <= 2:
        answer = await vacations.cancel(actor, words[1] if len(words) == 2 else None)
    else:
        answer = await vacations.plan(actor, command.args or "")
    await message.answer(say(answer, tr))


async def on_vacations(message: Message, vacations: Vacations, tr: Translator) -> None:
    await message.answer(say(await vacations.listing(), tr))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_vacation, Command("vacation"))
    router.message.register(on_vacations, Command("vacations"), InTeam())
    router.message.register(heads_only("common.members_only"), Command("vacations"))
    return router
