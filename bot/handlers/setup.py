from __future__ import annotations

import logging

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.handlers.common import IN_GROUP, heads_only, person_of
from bot.handlers.filters import IsHead
from bot.i18n import Translator
from bot.presentation.keyboards import join_keyboard
from bot.services.team import Setup, TeamService

log = logging.getLogger(__name__)


async def on_setup_in_group(message: Message, teams: TeamService, tr: Translator) -> None:
    assert message.from_user is not None
    result = await teams.setup(
        message.chat.id, message.chat.title or str(message.chat.id), person_of(message.from_user)
    )
    match result.outcome:
        case Setup.CREATED | Setup.ALREADY:
            assert result.team is not None
            if result.outcome is Setup.ALREADY:
                await message.reply(tr("setup.already", title=result.team.title))
            await message.answer(
                tr("setup.welcome", title=result.team.title),
                reply_markup=join_keyboard(result.team.id, tr),
            )
            if result.adopted:
                await message.answer(tr("setup.adopted", count=result.adopted))
        case Setup.OTHER_CHAT:
            assert result.team is not None
            await message.reply(tr("setup.other_chat", title=result.team.title))


async def on_setup_elsewhere(message: Message, tr: Translator) -> None:
    assert message.from_user is not None
    log.info("refused /setup in private from user %d", message.from_user.id)
    await message.answer(tr("setup.in_private"))


def make_router() -> Router:
    router = Router(name=__name__)
    router.message.register(on_setup_in_group, Command("setup"), IN_GROUP, IsHead())
    # Often it is the head, with ADMIN_IDS empty or wrong: the answer says what to put there.
    router.message.register(heads_only("setup.not_head"), Command("setup"), IN_GROUP)
    router.message.register(on_setup_elsewhere, Command("setup"))
    return router
